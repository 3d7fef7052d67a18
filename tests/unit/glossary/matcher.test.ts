import { afterEach, describe, expect, it, vi } from 'vitest';
import { glossary } from '../../../src/glossary/glossary';
import {
  glossaryMatcher,
  glossaryMatcherTables,
  glossaryTerms,
  resetShippedTables,
} from '../../../src/glossary/matcher';
import { compileMatcher } from '../../../src/matcher';

/** The build's tables, marked so a test can tell them from a compile (formCount is reported). */
const MARK = 12345;
const marked = () => JSON.stringify({ ...glossaryMatcherTables(), formCount: MARK });

const TEXT =
  'Bilateral defence agreements and intelligence sharing with NATO, plus counter-terrorism.';

describe('glossaryMatcher', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    resetShippedTables();
  });

  it("loads the build's tables when they are for exactly these terms, without compiling", () => {
    vi.stubGlobal('__TERMLIGHT_MATCHER_TABLES__', marked());
    const terms = glossaryTerms();
    const matcher = glossaryMatcher(terms);
    expect(matcher.formCount).toBe(MARK);
    const matches = matcher.scan(TEXT);
    expect(matches).toEqual(compileMatcher(terms).scan(TEXT));
    expect(matches.length).toBeGreaterThanOrEqual(4);
  });

  it('compiles for another set of terms (some hidden by the user)', () => {
    vi.stubGlobal('__TERMLIGHT_MATCHER_TABLES__', marked());
    const terms = glossaryTerms(glossary.entries.filter((e) => e.id !== 'intelligence-sharing'));
    const matcher = glossaryMatcher(terms);
    expect(matcher.formCount).not.toBe(MARK);
    const ids = matcher.scan(TEXT).map((m) => m.id);
    expect(ids).not.toContain('intelligence-sharing');
    expect(ids.length).toBeGreaterThanOrEqual(3);
  });

  it('compiles when the tables are missing or unreadable', () => {
    const terms = glossaryTerms();
    const expected = compileMatcher(terms);
    expect(glossaryMatcher(terms).formCount).toBe(expected.formCount);
    expect(glossaryMatcher(terms).scan(TEXT)).toEqual(expected.scan(TEXT));
    resetShippedTables();
    vi.stubGlobal('__TERMLIGHT_MATCHER_TABLES__', '{ not json');
    expect(glossaryMatcher(terms).formCount).toBe(expected.formCount);
  });
});

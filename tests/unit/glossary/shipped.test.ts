import { describe, expect, it } from 'vitest';
import { glossary } from '../../../src/glossary/glossary';
import { buildShipped, glossaryTerms } from '../../../src/glossary/matcher';
import { shippedGlossary } from '../../../src/glossary/shipped';
import { compileMatcher } from '../../../src/matcher';

const TEXT =
  'Bilateral defence agreements and intelligence sharing with NATO, plus counter-terrorism.';
const { shipped: built, prefilter } = buildShipped();
const raw = JSON.stringify(built);

describe('the shipped glossary', () => {
  it('matches exactly what compiling the glossary matches', () => {
    const matches = shippedGlossary(raw, prefilter).matcher([]).scan(TEXT);
    expect(matches).toEqual(compileMatcher(glossaryTerms()).scan(TEXT));
    expect(matches.map((m) => m.id)).toContain('intelligence-sharing');
  });

  it('leaves hidden entries out without compiling, so shorter forms inside them match again', () => {
    const shipped = shippedGlossary(raw, prefilter);
    const text = 'A defense cooperation agreement was signed.';
    expect(
      shipped
        .matcher([])
        .scan(text)
        .map((m) => m.id),
    ).toEqual(['defense-cooperation-agreement']);
    expect(
      shipped
        .matcher(['defense-cooperation-agreement'])
        .scan(text)
        .map((m) => m.id),
    ).toEqual(['defense-cooperation']);
  });

  it('knows every entry’s category and refuses unknown ids', () => {
    const shipped = shippedGlossary(raw, null);
    for (const e of glossary.entries) expect(shipped.categoryOf(e.id)).toBe(e.category);
    expect(() => shipped.categoryOf('nope')).toThrow('Unknown glossary entry id: nope');
  });

  it('tests a frame’s text with the pre-filter alone, never parsing the tables', () => {
    const shipped = shippedGlossary('{ not json', prefilter);
    expect(shipped.mayMatch('Scores from last night’s games.')).toBe(false);
    expect(shipped.mayMatch('NATO ministers met.')).toBe(true);
    expect(() => shipped.matcher([])).toThrow();
  });

  it('says so when the build left the tables out or broke them', () => {
    expect(() => shippedGlossary(undefined, null).matcher([])).toThrow('built without');
    const wrong = JSON.stringify({ ...built, categories: built.categories.slice(1) });
    expect(() => shippedGlossary(wrong, null).categoryOf('nato')).toThrow('unreadable');
  });
});

import {
  buildMatcherTables,
  compileMatcher,
  loadMatcher,
  type Matcher,
  type MatcherTables,
  type MatcherTerm,
} from '../matcher';
import { glossary, surfaceForms } from './glossary';

/**
 * The glossary's matcher tables as JSON, compiled by the build (`define` in wxt.config.ts). A
 * page's content script starts cold: loading tables costs well under a millisecond where
 * compiling them in not-yet-optimised code costs 5–15 ms, on every page.
 */
declare const __TERMLIGHT_MATCHER_TABLES__: string | undefined;

/** What the matcher reads for each entry of the glossary, in glossary order. */
export function glossaryTerms(entries = glossary.entries): MatcherTerm[] {
  return entries.map((e) => ({ id: e.id, forms: surfaceForms(e) }));
}

/** The build's tables for the whole glossary (see wxt.config.ts). */
export function glossaryMatcherTables(): MatcherTables {
  return buildMatcherTables(glossaryTerms());
}

let shipped: MatcherTables | null | undefined;

function shippedTables(): MatcherTables | null {
  if (shipped !== undefined) return shipped;
  shipped = null;
  if (typeof __TERMLIGHT_MATCHER_TABLES__ === 'string') {
    try {
      const tables = JSON.parse(__TERMLIGHT_MATCHER_TABLES__) as MatcherTables;
      if (tables.version === 1 && Array.isArray(tables.terms)) shipped = tables;
    } catch {
      // Unreadable tables only cost speed: compile instead.
    }
  }
  return shipped;
}

/**
 * A matcher for `terms`: the build's tables when they were compiled for exactly these entries
 * (the whole glossary, in order; the forms come from the same data file), else compiled here
 * (e.g. with some terms hidden by the user).
 */
export function glossaryMatcher(terms: readonly MatcherTerm[]): Matcher {
  const tables = shippedTables();
  if (
    tables !== null &&
    tables.terms.length === terms.length &&
    terms.every((t, i) => t.id === tables.terms[i])
  ) {
    return loadMatcher(tables);
  }
  return compileMatcher(terms);
}

/** For tests: forget the tables read so far, so a stubbed define is read again. */
export function resetShippedTables(): void {
  shipped = undefined;
}

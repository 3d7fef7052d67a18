import { buildMatcherTables, type MatcherTerm } from '../matcher';
import { glossary, surfaceForms } from './glossary';
import type { Shipped } from './shipped';

/*
 * Build time: the glossary's matcher, compiled once by the build (`define` in wxt.config.ts)
 * rather than on every page. A page's content script starts cold: loading tables costs well
 * under a millisecond where compiling them in not-yet-optimised code costs 5–15 ms.
 */

/** What the matcher reads for each entry of the glossary, in glossary order. */
export function glossaryTerms(entries = glossary.entries): MatcherTerm[] {
  return entries.map((e) => ({ id: e.id, forms: surfaceForms(e) }));
}

/** What the content script ships: the matcher tables and each entry's category. */
export function buildShipped(): Shipped {
  return {
    tables: buildMatcherTables(glossaryTerms()),
    categories: glossary.entries.map((e) => e.category),
  };
}

import { entryById } from '../../src/glossary/glossary';
import type { Lookup } from '../../src/history/record';
import { filterLookups } from '../../src/history/views';
import { type FilterState, periodStart } from './Filters';

/** The sites lookups were made on, each once, in order. */
export function siteList(lookups: readonly Lookup[]): string[] {
  return [...new Set(lookups.map((l) => l.site))].sort();
}

/** The lookups the filters let through, in the history's order. */
export function shownLookups(
  lookups: readonly Lookup[],
  filter: FilterState,
  now: number,
): Lookup[] {
  const list = filterLookups(lookups, {
    ...(filter.site ? { sites: [filter.site] } : {}),
    ...(filter.category ? { categories: [filter.category] } : {}),
    from: periodStart(filter.period, now),
  });
  return filter.entry ? list.filter((l) => l.entryId === filter.entry) : list;
}

/** The term of the entry the view is narrowed to (its id when the glossary lacks it). */
export function entryTermOf(entry: string | null): string | null {
  return entry ? (entryById(entry)?.term ?? entry) : null;
}

import type { Category } from '../glossary/schema';
import { hostChain, normalizeHost } from '../settings/hosts';
import type { Lookup } from './record';

/*
 * How the history view slices lookups. Pure; days are calendar days in the reader's time zone,
 * which the caller passes (Intl.DateTimeFormat().resolvedOptions().timeZone), so tests and the
 * UI agree on where midnight falls.
 */

export interface HistoryFilter {
  /** Sites to keep; a site keeps its subdomains. Empty or missing: every site. */
  sites?: readonly string[];
  /** Categories to keep. Empty or missing: every category. */
  categories?: readonly Category[];
  /** Earliest time kept (inclusive), ms since the epoch. */
  from?: number;
  /** Time up to which lookups are kept (exclusive), so a day is [midnight, next midnight). */
  to?: number;
  /** Case-insensitive words looked for in term, form, sentence, title and site. */
  text?: string;
}

/** A filter prepared once for many lookups. */
export function lookupFilter(filter: HistoryFilter): (lookup: Lookup) => boolean {
  const sites = new Set((filter.sites ?? []).flatMap((s) => normalizeHost(s) ?? []));
  const categories = new Set(filter.categories ?? []);
  const words = (filter.text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  return (lookup) => {
    if (filter.from !== undefined && lookup.time < filter.from) return false;
    if (filter.to !== undefined && lookup.time >= filter.to) return false;
    if (categories.size > 0 && !categories.has(lookup.category)) return false;
    if (sites.size > 0 && !hostChain(lookup.site).some((host) => sites.has(host))) return false;
    if (words.length === 0) return true;
    const haystack = [lookup.term, lookup.form, lookup.sentence, lookup.title, lookup.site]
      .join('\n')
      .toLowerCase();
    return words.every((word) => haystack.includes(word));
  };
}

export function filterLookups(lookups: readonly Lookup[], filter: HistoryFilter): Lookup[] {
  return lookups.filter(lookupFilter(filter));
}

export interface EntryGroup {
  entryId: string;
  /** The term as most recently looked up. */
  term: string;
  category: Category;
  count: number;
  first: number;
  last: number;
  /** Where it was last looked up. */
  lastSite: string;
  /** Distinct sites, most recent first. */
  sites: string[];
}

/** One group per entry, most recently looked up first. */
export function groupByEntry(lookups: readonly Lookup[]): EntryGroup[] {
  const groups = new Map<string, EntryGroup>();
  for (const lookup of [...lookups].sort(newestFirst)) {
    const group = groups.get(lookup.entryId);
    if (!group) {
      groups.set(lookup.entryId, {
        entryId: lookup.entryId,
        term: lookup.term,
        category: lookup.category,
        count: 1,
        first: lookup.time,
        last: lookup.time,
        lastSite: lookup.site,
        sites: [lookup.site],
      });
      continue;
    }
    group.count++;
    group.first = lookup.time;
    if (!group.sites.includes(lookup.site)) group.sites.push(lookup.site);
  }
  return [...groups.values()];
}

/** Newest first; equal times by store key, newest first. */
export function newestFirst(a: Lookup, b: Lookup): number {
  return b.time - a.time || (b.id ?? 0) - (a.id ?? 0);
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(timeZone);
  if (!format) {
    // en-CA writes dates as YYYY-MM-DD; only the parts are used, so the locale is no UI choice.
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormats.set(timeZone, format);
  }
  return format;
}

/** The calendar day of `time` in `timeZone`, as YYYY-MM-DD. */
export function dayKey(time: number, timeZone: string): string {
  const parts = dayFormat(timeZone).formatToParts(time);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

function dayNumber(key: string): number {
  const [y, m, d] = key.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

export interface DayGroup {
  /** YYYY-MM-DD in the reader's time zone. */
  day: string;
  /** Newest first. */
  lookups: Lookup[];
}

/** One group per calendar day, newest day first. */
export function groupByDay(lookups: readonly Lookup[], timeZone: string): DayGroup[] {
  const days = new Map<string, Lookup[]>();
  for (const lookup of [...lookups].sort(newestFirst)) {
    const key = dayKey(lookup.time, timeZone);
    const list = days.get(key);
    if (list) list.push(lookup);
    else days.set(key, [lookup]);
  }
  return [...days].map(([day, list]) => ({ day, lookups: list }));
}

export interface EntrySummary {
  count: number;
  last: { site: string; time: number };
}

/** Up to this many days back, "when" reads as relative ("yesterday", "3 days ago"). */
export const RELATIVE_DAYS = 7;

/**
 * The parts of "looked up 4 times, last on ‹site› ‹when›", for the UI to put into its own
 * localised message: `count` for plural rules; `when` either relative (`days` <= 0, for
 * Intl.RelativeTimeFormat with numeric: 'auto', so 0 is "today") or a date to format.
 */
export interface LastSeen {
  count: number;
  site: string;
  time: number;
  when: { kind: 'relative'; days: number } | { kind: 'date'; day: string };
}

export function lastSeen(summary: EntrySummary, now: number, timeZone: string): LastSeen {
  const day = dayKey(summary.last.time, timeZone);
  // A time after `now` (another device's clock) reads as today, never "in 2 days".
  const daysAgo = Math.max(0, dayNumber(dayKey(now, timeZone)) - dayNumber(day));
  const when: LastSeen['when'] =
    daysAgo < RELATIVE_DAYS
      ? { kind: 'relative', days: daysAgo === 0 ? 0 : -daysAgo }
      : { kind: 'date', day };
  return { count: summary.count, site: summary.last.site, time: summary.last.time, when };
}

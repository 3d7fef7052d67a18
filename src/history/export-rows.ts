import type { Category } from '../glossary/schema';
import { sanitizeUrl } from './privacy';
import type { Lookup } from './record';

/*
 * The one row shape both exports (CSV, Anki) write, from either source: the reading history, or
 * the terms of the page being read. Definitions come from the caller's `entryInfo`, so entries
 * from user packs export like built-in ones.
 */

export interface EntryInfo {
  term: string;
  category: Category;
  definition: string;
  /** A sentence from the reference article, and where it stands (e.g. its section). */
  example?: { text: string; source: string };
}

export type EntryInfoLookup = (entryId: string) => EntryInfo | undefined;

export interface ExportRow {
  entryId: string;
  term: string;
  category: Category;
  form: string;
  sentence: string;
  formAt?: number;
  definition: string;
  example?: { text: string; source: string };
  title: string;
  url: string;
  /** When it was looked up; page exports may have none. */
  time?: number;
}

/** One row per lookup, in the order given. Unknown entries keep their stored term, no definition. */
export function rowsFromLookups(
  lookups: readonly Lookup[],
  entryInfo: EntryInfoLookup,
): ExportRow[] {
  return lookups.map((lookup) => {
    const info = entryInfo(lookup.entryId);
    return {
      entryId: lookup.entryId,
      term: lookup.term,
      category: lookup.category,
      form: lookup.form,
      sentence: lookup.sentence,
      ...(lookup.formAt === undefined ? {} : { formAt: lookup.formAt }),
      definition: info?.definition ?? '',
      ...(info?.example ? { example: info.example } : {}),
      title: lookup.title,
      url: lookup.url,
      time: lookup.time,
    };
  });
}

/** The current page's terms, as the content script knows them. */
export interface PageTerms {
  title: string;
  url: string;
  /** When the export was made or the page read, if the caller wants it in the file. */
  time?: number;
  occurrences: readonly { entryId: string; form: string; sentence: string }[];
}

/**
 * One row per distinct (entry, sentence), in page order. Entries `entryInfo` does not know are
 * left out (there is nothing to explain). The address loses credentials, as history's does.
 */
export function rowsFromPage(page: PageTerms, entryInfo: EntryInfoLookup): ExportRow[] {
  const url = sanitizeUrl(page.url, { keepQuery: true }) ?? '';
  const seen = new Set<string>();
  const rows: ExportRow[] = [];
  for (const occurrence of page.occurrences) {
    const info = entryInfo(occurrence.entryId);
    const key = `${occurrence.entryId}\u0000${occurrence.sentence}`;
    if (!info || seen.has(key)) continue;
    seen.add(key);
    rows.push({
      entryId: occurrence.entryId,
      term: info.term,
      category: info.category,
      form: occurrence.form,
      sentence: occurrence.sentence,
      definition: info.definition,
      ...(info.example ? { example: info.example } : {}),
      title: page.title,
      url,
      ...(page.time === undefined ? {} : { time: page.time }),
    });
  }
  return rows;
}

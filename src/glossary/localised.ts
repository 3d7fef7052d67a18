/**
 * Entries in the interface language: per entry id, its term and (where written) definition in
 * that language, from data/lang. English is the glossary itself and the fallback. Extension pages
 * bundle every language (localised-all.ts); a page's popover loads only its interface language's
 * table (`lang/<tag>.json`, written by the build from `localTable`).
 */
import type { LanguageFile } from './languages';

/** An entry's term and definition in one interface language; English fills what is missing. */
export interface LocalEntry {
  lang: string;
  term: string;
  definition?: string | undefined;
}

/** One language's terms and definitions by entry id (what the popover loads). */
export type LocalTable = Readonly<Record<string, { term: string; definition?: string }>>;

/** The table of a language file: its entries without their forms. */
export function localTable(file: LanguageFile): LocalTable {
  const out: Record<string, { term: string; definition?: string }> = {};
  for (const [id, e] of Object.entries(file.entries)) {
    out[id] = e.definition ? { term: e.term, definition: e.definition } : { term: e.term };
  }
  return out;
}

/** The entry `id` in `table` (of language `lang`), or undefined: the English entry stands. */
export function localEntryIn(
  table: LocalTable | undefined,
  lang: string,
  id: string,
): LocalEntry | undefined {
  if (!table || !Object.hasOwn(table, id)) return undefined;
  const found = table[id];
  return found && { lang, term: found.term, definition: found.definition };
}

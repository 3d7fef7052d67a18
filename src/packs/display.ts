/**
 * User entries as the popover and the popup show them. They live in storage.local next to the
 * compiled tables (content scripts cannot open the pack store), apart from the tables so a page
 * reads the definitions only when the reader asks for one.
 */
import type { Category, Entry } from '../glossary/schema';
import { MINE } from './schema';
import { type SourcedEntry, userTermId } from './terms';

export interface UserDisplayEntry {
  /** The matcher id (`u:<pack>:<entry>`). */
  id: string;
  term: string;
  abbreviation?: string;
  aliases: string[];
  category: Category;
  /** Plain text: always rendered as text, never as HTML. */
  definition: string;
  note?: string;
  /** The pack's name, or null for the reader's own terms. */
  pack: string | null;
}

export interface UserEntries {
  revision: number;
  entries: UserDisplayEntry[];
}

export function displayEntries(
  entries: readonly SourcedEntry[],
  packNames: ReadonlyMap<string, string>,
): UserDisplayEntry[] {
  return entries.map(({ source, entry }) => ({
    id: userTermId(source, entry.id),
    term: entry.term,
    ...(entry.abbreviation ? { abbreviation: entry.abbreviation } : {}),
    aliases: entry.aliases,
    category: entry.category,
    definition: entry.definition,
    ...(entry.note ? { note: entry.note } : {}),
    pack: source === MINE ? null : (packNames.get(source) ?? source),
  }));
}

/** The shape the shared entry views take: no examples, related entries or reference source. */
export function asGlossaryEntry(entry: UserDisplayEntry): Entry {
  return {
    id: entry.id,
    term: entry.term,
    ...(entry.abbreviation ? { abbreviation: entry.abbreviation } : {}),
    aliases: entry.aliases,
    category: entry.category,
    definition: entry.definition,
    examples: [],
    related: [],
    source: 'news',
  };
}

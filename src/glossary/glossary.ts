import raw from '../../data/glossary.json';
import { type Category, type Entry, type Glossary, parseGlossary } from './schema';
import { TRUSTED_DATA } from './trusted';

/** The glossary, validated at module load so a broken data file fails loudly, not silently. */
export const glossary: Glossary = TRUSTED_DATA ? (raw as Glossary) : parseGlossary(raw);

const byId: ReadonlyMap<string, Entry> = new Map(glossary.entries.map((e) => [e.id, e]));

export function entryById(id: string): Entry | undefined {
  return byId.get(id);
}

/** Throws on an unknown id: a highlight with no entry behind it is a programming error. */
export function categoryOf(id: string): Category {
  const entry = byId.get(id);
  if (!entry) throw new Error(`Unknown glossary entry id: ${id}`);
  return entry.category;
}

/** The entry's related entries in the order listed; unknown ids are skipped (the data tests forbid them). */
export function relatedEntries(entry: Entry): Entry[] {
  return entry.related.flatMap((id) => byId.get(id) ?? []);
}

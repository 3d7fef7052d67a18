import { entryById, glossary } from '../glossary/glossary';
import type { EntryInfo } from '../history/export';

/** What the exports say about an entry: its definition and first reference-article example. */
export function glossaryEntryInfo(entryId: string): EntryInfo | undefined {
  const entry = entryById(entryId);
  if (!entry) return undefined;
  const example = entry.examples[0];
  return {
    term: entry.term,
    category: entry.category,
    definition: entry.definition,
    ...(example
      ? { example: { text: example.text, source: `${glossary.article.title}, ${example.section}` } }
      : {}),
  };
}

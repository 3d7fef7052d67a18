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

/** Starts a download of `text` without any permission: a Blob URL on a temporary link. */
export function downloadText(text: string, filename: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

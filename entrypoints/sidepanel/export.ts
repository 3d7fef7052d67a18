import { EXPORT_FILES, type PageTerms, pageAnki, pageCsv } from '../../src/history/export';
import { lookupSentence } from '../../src/history/sentence';
import type { PageTermsResponse } from '../../src/messaging/protocol';
import { downloadText } from '../../src/ui/download';
import { glossaryEntryInfo } from '../../src/ui/entry-info';

/** The page's occurrences as the exports take them: the form and the sentence it stands in. */
export function toPageTerms(reply: PageTermsResponse, time?: number): PageTerms {
  return {
    title: reply.title,
    url: reply.url,
    ...(time === undefined ? {} : { time }),
    occurrences: reply.occurrences.flatMap((o) => {
      const form = o.text.slice(o.start, o.end).replace(/\s+/g, ' ').trim();
      if (!form) return [];
      return [{ entryId: o.id, form, sentence: lookupSentence(o.text, o.start, o.end).text }];
    }),
  };
}

/** Downloads the current page's terms as CSV or an Anki note file; the file's name. */
export function exportPage(reply: PageTermsResponse, kind: 'csv' | 'anki'): string {
  const page = toPageTerms(reply, Date.now());
  const text =
    kind === 'csv' ? pageCsv(page, glossaryEntryInfo) : pageAnki(page, glossaryEntryInfo);
  const file = EXPORT_FILES[kind];
  const name = `termlight-page.${file.extension}`;
  downloadText(text, name, file.mime);
  return name;
}

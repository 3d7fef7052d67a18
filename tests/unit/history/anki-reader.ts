import { expect } from 'vitest';

/*
 * A reader for the Anki note files the exports write, independent of the writer: it is how the
 * tests check that a file parses back (header lines, tabs, HTML entities) to the same fields.
 */

/** Reads an Anki note file back: header lines, then one array of fields per note. */
export function readAnki(file: string) {
  expect(file.endsWith('\n')).toBe(true);
  const lines = file.slice(0, -1).split('\n');
  const headers = lines.filter((l) => l.startsWith('#'));
  const notes = lines.slice(headers.length).map((l) => l.split('\t'));
  return { headers, notes };
}

const ENTITIES: Record<string, string> = {
  '<br>': '\n',
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&#9;': '\t',
  '&#13;': '\r',
};
export const unescapeHtml = (s: string) =>
  s.replace(/<br>|&(?:amp|lt|gt|quot|#39|#9|#13);/g, (m) => ENTITIES[m] ?? m);

/** Front and back of a note as plain text fields. */
export function readNote(fields: string[]) {
  const [guid, front, back, tags] = fields as [string, string, string, string];
  const mark = /<b>(.*?)<\/b>/.exec(front);
  const part = (cls: string) => new RegExp(`class="termlight-${cls}">(.*?)</`).exec(back)?.[1];
  return {
    guid,
    sentence: unescapeHtml(front.replace(/<\/?b>/g, '')),
    form: mark ? unescapeHtml(mark[1] as string) : undefined,
    term: unescapeHtml(part('term')?.replace(/^<b>/, '') ?? ''),
    definition: unescapeHtml(part('definition') ?? ''),
    example:
      part('example') === undefined
        ? undefined
        : unescapeHtml(part('example')?.replace(/<br><small.*$/, '') ?? ''),
    source: part('source') === undefined ? undefined : unescapeHtml(part('source') ?? ''),
    tags: tags.split(' '),
  };
}

export interface Segment {
  text: string;
  mark: boolean;
}

const WORD = /[\p{L}\p{N}]/u;
// Plural and possessive endings the article uses on terms ("alliances", "alliance's").
const ENDING = /^(?:es|s)?(?:['\u2019]s?)?/u;

const isWordChar = (ch: string | undefined): boolean => ch !== undefined && WORD.test(ch);

/**
 * Splits `text` into plain and emphasised segments: whole-word, case-insensitive occurrences of any
 * of `forms`, longest form first, each stretched over a plural/possessive ending.
 */
export function splitEmphasis(text: string, forms: readonly string[]): Segment[] {
  const lower = text.toLowerCase();
  const sorted = [...new Set(forms.map((f) => f.trim().toLowerCase()).filter(Boolean))].sort(
    (a, b) => b.length - a.length,
  );
  const ranges: Array<[number, number]> = [];
  const overlaps = (s: number, e: number) => ranges.some(([rs, re]) => s < re && e > rs);

  for (const form of sorted) {
    let from = 0;
    for (;;) {
      const start = lower.indexOf(form, from);
      if (start < 0) break;
      from = start + 1;
      let end = start + form.length;
      end += ENDING.exec(lower.slice(end))?.[0].length ?? 0;
      // Trailing apostrophes belong to the sentence, not the term.
      while (end > start + form.length && /['\u2019]/.test(text[end - 1] ?? '')) end--;
      if (isWordChar(text[start - 1]) || isWordChar(text[end])) continue;
      if (!overlaps(start, end)) ranges.push([start, end]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);

  const segments: Segment[] = [];
  let cursor = 0;
  for (const [start, end] of ranges) {
    if (start > cursor) segments.push({ text: text.slice(cursor, start), mark: false });
    segments.push({ text: text.slice(start, end), mark: true });
    cursor = end;
  }
  if (cursor < text.length) segments.push({ text: text.slice(cursor), mark: false });
  return segments;
}

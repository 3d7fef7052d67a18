// The sentence around a span of text, for showing where a term was met. Pure string work.

export interface Sentence {
  /** The sentence, whitespace collapsed, possibly shortened with "…" on either side. */
  text: string;
  /** UTF-16 offsets of the occurrence inside `text`, end exclusive. */
  markStart: number;
  markEnd: number;
}

const MAX_LENGTH = 220;

// Created once: building a sentence segmenter loads ICU break rules, which costs milliseconds.
let cachedSegmenter: Intl.Segmenter | null | undefined;
function sentenceSegmenter(): Intl.Segmenter | null {
  if (cachedSegmenter === undefined) {
    cachedSegmenter =
      typeof Intl !== 'undefined' && 'Segmenter' in Intl
        ? new Intl.Segmenter('en', { granularity: 'sentence' })
        : null;
  }
  return cachedSegmenter;
}

function sentenceBounds(text: string, start: number, end: number): [number, number] {
  let from = 0;
  let to = text.length;
  const segmenter = sentenceSegmenter();
  if (segmenter) {
    for (const seg of segmenter.segment(text)) {
      const segEnd = seg.index + seg.segment.length;
      if (segEnd <= start) from = segEnd;
      else if (seg.index >= end) {
        to = seg.index;
        break;
      }
    }
    return [from, to];
  }
  // Fallback: a sentence ends at . ! ? (plus closing quotes/brackets) followed by whitespace.
  const boundary = /[.!?]["'”’)\]]*\s+/g;
  for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
    const segEnd = m.index + m[0].length;
    if (segEnd <= start) from = segEnd;
    else if (m.index >= end) {
      to = m.index + m[0].trimEnd().length;
      break;
    }
  }
  return [from, to];
}

/** Collapses whitespace runs to one space and trims, carrying the mark offsets along. */
function collapse(text: string, start: number, end: number): Sentence {
  let out = '';
  let markStart = -1;
  let markEnd = -1;
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    if (i === start) markStart = out.length + (pendingSpace && out.length > 0 ? 1 : 0);
    if (i === end) markEnd = out.length;
    const ch = text[i] as string;
    if (/\s/.test(ch)) {
      pendingSpace = true;
      continue;
    }
    if (pendingSpace && out.length > 0) out += ' ';
    pendingSpace = false;
    out += ch;
  }
  if (markStart < 0) markStart = out.length;
  if (markEnd < 0) markEnd = out.length;
  return { text: out, markStart, markEnd: Math.max(markStart, markEnd) };
}

/** Shortens a long sentence to a window around the mark, cutting at spaces. */
function shorten(s: Sentence, maxLength: number): Sentence {
  if (s.text.length <= maxLength) return s;
  const markLength = s.markEnd - s.markStart;
  const room = Math.max(0, maxLength - markLength);
  let from = Math.max(0, s.markStart - Math.floor(room / 2));
  let to = Math.min(s.text.length, from + markLength + room);
  from = Math.max(0, Math.min(from, to - maxLength));
  if (from > 0) {
    const space = s.text.indexOf(' ', from);
    if (space >= 0 && space < s.markStart) from = space + 1;
  }
  if (to < s.text.length) {
    const space = s.text.lastIndexOf(' ', to);
    if (space >= s.markEnd) to = space;
  }
  const prefix = from > 0 ? '…' : '';
  const suffix = to < s.text.length ? '…' : '';
  return {
    text: prefix + s.text.slice(from, to) + suffix,
    markStart: s.markStart - from + prefix.length,
    markEnd: s.markEnd - from + prefix.length,
  };
}

/** The sentence of `text` containing [start, end), with the occurrence's offsets inside it. */
export function sentenceAround(
  text: string,
  start: number,
  end: number,
  maxLength = MAX_LENGTH,
): Sentence {
  const s = Math.max(0, Math.min(start, text.length));
  const e = Math.max(s, Math.min(end, text.length));
  // Collapse first: a line break in HTML source is just a space, but the segmenter would
  // treat it as a paragraph (sentence) break.
  const flat = collapse(text, s, e);
  const [from, to] = sentenceBounds(flat.text, flat.markStart, flat.markEnd);
  const slice = flat.text.slice(from, to);
  const lead = slice.length - slice.trimStart().length;
  const sentence = {
    text: slice.trim(),
    markStart: flat.markStart - from - lead,
    markEnd: flat.markEnd - from - lead,
  };
  sentence.markStart = Math.max(0, Math.min(sentence.markStart, sentence.text.length));
  sentence.markEnd = Math.max(sentence.markStart, Math.min(sentence.markEnd, sentence.text.length));
  return shorten(sentence, maxLength);
}

/**
 * The tokenizer. Text is read as a stream of tokens rather than normalised into a second string:
 * the matcher only ever compares whole tokens, so each token keeps its original UTF-16 span (the
 * offset map) plus a normalised key (chars.ts folds each character). Hyphens, dashes and
 * whitespace of any kind only separate tokens, so "counter-terrorism", "counter terrorism" and
 * "Counter‑Terrorism" read the same. Any other punctuation becomes a one-character token of its
 * own, which a form has to spell out for a match to cross it ("defense. Cooperation" never
 * matches "defense cooperation").
 */

import { bmpClass, CharClass, classAt, classOf, foldCodePoint, upperSet } from './chars';
import { FNV_OFFSET, FNV_PRIME, type Vocabulary } from './vocabulary';

/** Token flags. */
export const TokenFlag = {
  /** Contains at least one upper-case letter. */
  Upper: 1,
  /** A word token (letters/digits), as opposed to a one-character punctuation token. */
  Word: 2,
} as const;

/**
 * Token buffers, reused between calls so that scanning thousands of small text blocks does not
 * allocate per call. Filled by `tokenize`; valid until the next call.
 */
export interface TokenBuffer {
  count: number;
  /** Original UTF-16 start of each token. */
  start: Int32Array;
  /** Original UTF-16 end (exclusive), including an abbreviation's final dot. */
  end: Int32Array;
  flags: Uint8Array;
  /** End of the key's part of the span (an abbreviation's final dot is in the span only). */
  keyEnd: Int32Array;
  /** With a vocabulary: the key's index in it, or -1 for a key outside it. */
  vocab: Int32Array;
  /** Without a vocabulary: the keys themselves. */
  keys: string[];
}

export function createTokenBuffer(capacity = 256): TokenBuffer {
  return {
    count: 0,
    start: new Int32Array(capacity),
    end: new Int32Array(capacity),
    flags: new Uint8Array(capacity),
    keyEnd: new Int32Array(capacity),
    vocab: new Int32Array(capacity),
    keys: [],
  };
}

function grow(buf: TokenBuffer): void {
  const size = buf.start.length * 2;
  const start = new Int32Array(size);
  start.set(buf.start);
  const end = new Int32Array(size);
  end.set(buf.end);
  const flags = new Uint8Array(size);
  flags.set(buf.flags);
  const vocab = new Int32Array(size);
  vocab.set(buf.vocab);
  const keyEnd = new Int32Array(size);
  keyEnd.set(buf.keyEnd);
  buf.start = start;
  buf.end = end;
  buf.flags = flags;
  buf.vocab = vocab;
  buf.keyEnd = keyEnd;
}

/** Key of a token containing non-ASCII or dropped characters, built character by character. */
export function slowKey(text: string, start: number, end: number): string {
  let key = '';
  for (let i = start; i < end; ) {
    const cp = text.codePointAt(i) as number;
    const width = cp > 0xffff ? 2 : 1;
    const cls = classOf(cp);
    if (cls === CharClass.Word) key += foldCodePoint(cp);
    else if (cls === CharClass.Apos) key += "'";
    else if (cls === CharClass.Dot) key += '.';
    // Drop: nothing. Sep/Other never occur inside a word token.
    i += width;
  }
  return key;
}

/** Code units of the character at `i` (first unit `c`) before `n`: 2 for a surrogate pair. */
function widthAt(text: string, i: number, c: number, n: number): number {
  if (c < 0xd800 || c > 0xdbff || i + 1 >= n) return 1;
  const d = text.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff ? 2 : 1;
}

function punctKey(text: string, i: number, cls: CharClass): string {
  if (cls === CharClass.Apos) return "'";
  if (cls === CharClass.Dot) return '.';
  const c = text.charCodeAt(i);
  return c < 128 ? (text[i] as string) : foldCodePoint(text.codePointAt(i) as number);
}

/**
 * What `readWord` found: one module-level record, reused for every word, so the hot loop
 * allocates nothing and the tokenizer keeps no state across tokens.
 */
const word = {
  flags: 0,
  /** ASCII only, nothing dropped: the key is the lower-cased slice. */
  simple: true,
  /** FNV-1a hash of the key. */
  hash: 0,
  /** Span end; differs from keyEnd after an abbreviation dot. */
  tokenEnd: 0,
  keyEnd: 0,
};

/**
 * Reads the word token starting at `i` (a word character) into `word`. Word tokens are maximal
 * runs of word characters, joined by invisible characters and by apostrophes or dots that stand
 * between two word characters.
 */
function readWord(text: string, i: number, n: number): void {
  let flags: number = TokenFlag.Word;
  let simple = true;
  let h = FNV_OFFSET;
  let hasDot = false;
  let lastWordEnd = i; // end of the last word character consumed
  let lastWordCode = 0; // its code unit (to spot a final "s")
  let tokenEnd = -1;
  let keyEnd = -1;
  while (i < n) {
    let d = text.charCodeAt(i);
    if (d < 128) {
      const k = (bmpClass[d] as number) - 1;
      if (k === CharClass.Word) {
        if (d >= 65 && d <= 90) {
          flags |= TokenFlag.Upper;
          d += 32;
        }
        h = Math.imul(h ^ d, FNV_PRIME);
        i++;
        lastWordEnd = i;
        lastWordCode = d;
        continue;
      }
      if (k !== CharClass.Apos && k !== CharClass.Dot) break;
    }
    const k = d < 128 ? (((bmpClass[d] as number) - 1) as CharClass) : classAt(text, i);
    const w = d < 128 ? 1 : widthAt(text, i, d, n);
    if (k === CharClass.Word) {
      simple = false;
      const cp = text.codePointAt(i) as number;
      const folded = foldCodePoint(cp);
      for (let q = 0; q < folded.length; q++) h = Math.imul(h ^ folded.charCodeAt(q), FNV_PRIME);
      if (upperSet.has(cp)) flags |= TokenFlag.Upper;
      i += w;
      lastWordEnd = i;
      lastWordCode = d;
      continue;
    }
    if (k === CharClass.Drop) {
      simple = false;
      i += w;
      continue;
    }
    if (k === CharClass.Apos || k === CharClass.Dot) {
      // Inner apostrophe or dot: part of the word if a word character follows.
      let j = i + w;
      while (j < n && classAt(text, j) === CharClass.Drop) j++;
      if (j < n && classAt(text, j) === CharClass.Word) {
        if (d >= 128 || j > i + 1) simple = false;
        h = Math.imul(h ^ (k === CharClass.Apos ? 0x27 : 0x2e), FNV_PRIME);
        if (k === CharClass.Dot) hasDot = true;
        i = j;
        continue;
      }
      if (k === CharClass.Apos && (lastWordCode === 0x73 || lastWordCode === 0x53)) {
        // Plural possessive: "alliances'" keeps its apostrophe in span and key.
        if (d >= 128) simple = false;
        h = Math.imul(h ^ 0x27, FNV_PRIME);
        keyEnd = i + w;
        tokenEnd = keyEnd;
      } else if (k === CharClass.Dot && hasDot) {
        // Final dot of an abbreviation: in the span, not in the key.
        keyEnd = lastWordEnd;
        tokenEnd = i + w;
      }
    }
    break;
  }
  word.flags = flags;
  word.simple = simple;
  word.hash = h >>> 0;
  word.keyEnd = keyEnd < 0 ? lastWordEnd : keyEnd;
  word.tokenEnd = keyEnd < 0 ? lastWordEnd : tokenEnd;
}

/** The vocabulary index of the word just read; builds a non-ASCII key only when its hash is known. */
function wordIndex(text: string, start: number, vocab: Vocabulary): number {
  const { hash, keyEnd } = word;
  if (word.simple) return vocab.findSlice(hash, text, start, keyEnd);
  return vocab.hasHash(hash) ? vocab.find(hash, slowKey(text, start, keyEnd)) : -1;
}

/** The key of the word just read, for a tokenizer without a vocabulary. */
function wordKey(text: string, start: number): string {
  if (!word.simple) return slowKey(text, start, word.keyEnd);
  const key = text.slice(start, word.keyEnd);
  return word.flags & TokenFlag.Upper ? key.toLowerCase() : key;
}

/**
 * Splits `text` into tokens (see the module comment and `readWord`). An apostrophe right after a
 * final "s" (plural possessive "alliances’") and a dot right after an abbreviation that already
 * has an inner dot ("U.S.") end the token and are part of its span; the abbreviation dot is left
 * out of the key, so "U.S" and "U.S." agree.
 *
 * With `vocab`, each token gets its vocabulary index in `buf.vocab` (keys are not kept);
 * without, its key string in `buf.keys`.
 */
export function tokenize(
  text: string,
  buf: TokenBuffer,
  vocab: Vocabulary | null = null,
  from = 0,
  to = text.length,
): void {
  // A sub-range starts at a token start and ends at a separator (see `scanPart`), so its tokens
  // are exactly the whole text's tokens in that range: the tokenizer keeps no state across tokens.
  const n = to;
  let count = 0;
  let i = from;
  while (i < n) {
    if (count === buf.start.length) grow(buf);
    const c = text.charCodeAt(i);
    const cls = c < 128 ? (((bmpClass[c] as number) - 1) as CharClass) : classAt(text, i);
    const width = c < 128 ? 1 : widthAt(text, i, c, n);
    if (cls === CharClass.Sep || cls === CharClass.Drop) {
      i += width;
      continue;
    }
    buf.start[count] = i;
    if (cls !== CharClass.Word) {
      // One-character punctuation token: a hard boundary unless a form spells it out.
      const key = punctKey(text, i, cls);
      buf.end[count] = i + width;
      buf.keyEnd[count] = i + width;
      buf.flags[count] = 0;
      if (vocab === null) buf.keys[count] = key;
      else buf.vocab[count] = vocab.lookup(key);
      count++;
      i += width;
      continue;
    }
    readWord(text, i, n);
    buf.end[count] = word.tokenEnd;
    buf.keyEnd[count] = word.keyEnd;
    buf.flags[count] = word.flags;
    if (vocab !== null) buf.vocab[count] = wordIndex(text, i, vocab);
    else buf.keys[count] = wordKey(text, i);
    count++;
    i = word.tokenEnd;
  }
  buf.count = count;
}

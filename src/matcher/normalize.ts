/**
 * Text normalisation for the matcher.
 *
 * Text is read as a stream of tokens rather than normalised into a second string: the matcher
 * only ever compares whole tokens, so each token keeps its original UTF-16 span (the offset map)
 * plus a normalised key. Keys are case-folded, compatibility-decomposed (NFKD, per character),
 * with curly apostrophes straightened and invisible format characters (soft hyphen, zero-width
 * characters, bidi marks) removed. Hyphens, dashes and whitespace of any kind only separate
 * tokens, so "counter-terrorism", "counter terrorism" and "Counter‑Terrorism" read the same.
 * Any other punctuation becomes a one-character token of its own, which a form has to spell out
 * for a match to cross it ("defense. Cooperation" never matches "defense cooperation").
 */

import { FNV_OFFSET, FNV_PRIME, type Vocabulary } from './vocabulary';

/**
 * Character classes. A const object rather than a `const enum`, which isolated-module builds
 * (Vite, Vitest) cannot inline across files. `Other` characters become punctuation tokens.
 */
export const CharClass = {
  Other: 0,
  /** Letter, mark or digit of any script. */
  Word: 1,
  /** Whitespace, hyphen or dash: separates tokens, never part of one. */
  Sep: 2,
  /** Invisible format character: skipped as if absent. */
  Drop: 3,
  /** Apostrophe of any shape: part of a word between letters ("alliance's"). */
  Apos: 4,
  /** Full stop: part of a word between letters and after abbreviations ("U.S."). */
  Dot: 5,
} as const;
export type CharClass = (typeof CharClass)[keyof typeof CharClass];

const WORD_RE = /^[\p{L}\p{N}\p{M}]+$/u;
const SPACE_RE = /^\s$/u;
const FORMAT_RE = /^\p{Cf}$/u;
// Hyphens and dashes that must read as a separator. U+2011 (non-breaking hyphen) and the
// full-width/small variants are included explicitly because their NFKC forms differ.
const DASHES = new Set([
  0x2d, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe58, 0xfe63, 0xff0d,
]);
export const APOSTROPHES: ReadonlySet<number> = new Set([
  0x27, 0x2018, 0x2019, 0x02bc, 0x2032, 0xff07,
]);

/** Class of a code point, computed (uncached): see `classOf`. */
export function classifyCodePoint(cp: number): CharClass {
  if (DASHES.has(cp)) return CharClass.Sep;
  if (APOSTROPHES.has(cp)) return CharClass.Apos;
  const ch = String.fromCodePoint(cp);
  // Checked before whitespace: U+FEFF matches \s in JavaScript but is an invisible marker.
  if (FORMAT_RE.test(ch)) return CharClass.Drop;
  if (SPACE_RE.test(ch)) return CharClass.Sep;
  if (WORD_RE.test(ch)) return CharClass.Word;
  const compat = ch.normalize('NFKC');
  if (compat === '.') return CharClass.Dot;
  if (compat === ' ') return CharClass.Sep;
  return CharClass.Other;
}

/** Class cache for the BMP (0 = not yet computed, else class + 1); astral code points use a Map. */
const bmpClass = new Uint8Array(0x10000);
const astralClass = new Map<number, CharClass>();

for (let c = 0; c < 128; c++) bmpClass[c] = classifyCodePoint(c) + 1;

/** Class of a code point (not a surrogate half). */
export function classOf(cp: number): CharClass {
  if (cp < 0x10000) {
    const cached = bmpClass[cp] as number;
    if (cached !== 0) return (cached - 1) as CharClass;
    const cls = classifyCodePoint(cp);
    bmpClass[cp] = cls + 1;
    return cls;
  }
  let cls = astralClass.get(cp);
  if (cls === undefined) {
    cls = classifyCodePoint(cp);
    astralClass.set(cp, cls);
  }
  return cls;
}

/** Class of the code point starting at `i` (a lone surrogate is `Other`). */
export function classAt(text: string, i: number): CharClass {
  const c = text.charCodeAt(i);
  if (c < 128) return ((bmpClass[c] as number) - 1) as CharClass;
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return classOf(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000);
  }
  return classOf(c);
}

const foldCache = new Map<number, string>();
/** Code points whose fold differs from their NFKD form, i.e. capitals (filled by foldCodePoint). */
const upperSet = new Set<number>();

/**
 * Normalised key of one character: NFKD (so precomposed and combining spellings agree and
 * ligatures/full-width forms become plain letters), then lower case.
 */
export function foldCodePoint(cp: number): string {
  let folded = foldCache.get(cp);
  if (folded === undefined) {
    const ch = String.fromCodePoint(cp);
    const compat = ch.normalize('NFKD');
    folded = compat.toLowerCase();
    if (folded !== compat) upperSet.add(cp);
    foldCache.set(cp, folded);
  }
  return folded;
}

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
  buf.start = start;
  buf.end = end;
  buf.flags = flags;
  buf.vocab = vocab;
}

/** Key of a token containing non-ASCII or dropped characters, built character by character. */
function slowKey(text: string, start: number, end: number): string {
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

function punctKey(text: string, i: number, cls: CharClass): string {
  if (cls === CharClass.Apos) return "'";
  if (cls === CharClass.Dot) return '.';
  const c = text.charCodeAt(i);
  return c < 128 ? (text[i] as string) : foldCodePoint(text.codePointAt(i) as number);
}

/**
 * Splits `text` into tokens (see the module comment). Word tokens are maximal runs of word
 * characters, joined by invisible characters and by apostrophes or dots that stand between two
 * word characters. An apostrophe right after a final "s" (plural possessive "alliances’") and a
 * dot right after an abbreviation that already has an inner dot ("U.S.") end the token and are
 * part of its span; the abbreviation dot is left out of the key, so "U.S" and "U.S." agree.
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
  let starts = buf.start;
  let ends = buf.end;
  let flagsOut = buf.flags;
  let vocabOut = buf.vocab;
  const keys = buf.keys;
  let i = from;
  while (i < n) {
    if (count === starts.length) {
      grow(buf);
      starts = buf.start;
      ends = buf.end;
      flagsOut = buf.flags;
      vocabOut = buf.vocab;
    }
    const c = text.charCodeAt(i);
    let cls: CharClass;
    let width = 1;
    if (c < 128) cls = ((bmpClass[c] as number) - 1) as CharClass;
    else {
      cls = classAt(text, i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) width = 2;
      }
    }
    if (cls === CharClass.Sep || cls === CharClass.Drop) {
      i += width;
      continue;
    }
    if (cls !== CharClass.Word) {
      // One-character punctuation token: a hard boundary unless a form spells it out.
      const key = punctKey(text, i, cls);
      starts[count] = i;
      ends[count] = i + width;
      flagsOut[count] = 0;
      if (vocab === null) keys[count] = key;
      else vocabOut[count] = vocab.lookup(key);
      count++;
      i += width;
      continue;
    }

    // Word token.
    const start = i;
    let flags: number = TokenFlag.Word;
    let simple = true; // ASCII only, nothing dropped: the key is the lower-cased slice
    let h = FNV_OFFSET; // hash of the key so far
    let hasDot = false;
    let lastWordEnd = i; // end of the last word character consumed
    let lastWordCode = 0; // its code unit (to spot a final "s")
    let tokenEnd = -1; // span end; differs from keyEnd after an abbreviation dot
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
      let k: CharClass;
      let w = 1;
      if (d < 128) k = ((bmpClass[d] as number) - 1) as CharClass;
      else {
        k = classAt(text, i);
        if (d >= 0xd800 && d <= 0xdbff && i + 1 < n) {
          const e = text.charCodeAt(i + 1);
          if (e >= 0xdc00 && e <= 0xdfff) w = 2;
        }
      }
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
    if (keyEnd < 0) {
      keyEnd = lastWordEnd;
      tokenEnd = lastWordEnd;
    }
    starts[count] = start;
    ends[count] = tokenEnd;
    flagsOut[count] = flags;
    if (vocab !== null) {
      h >>>= 0;
      // Only build the key string of a non-ASCII word when its hash is known to the vocabulary.
      vocabOut[count] = simple
        ? vocab.findSlice(h, text, start, keyEnd)
        : vocab.hasHash(h)
          ? vocab.find(h, slowKey(text, start, keyEnd))
          : -1;
    } else if (simple) {
      const key = text.slice(start, keyEnd);
      keys[count] = flags & TokenFlag.Upper ? key.toLowerCase() : key;
    } else keys[count] = slowKey(text, start, keyEnd);
    count++;
    i = tokenEnd;
  }
  buf.count = count;
}

/** Tokens of a (short) string, as plain objects; for forms, tests and debugging. */
export interface Token {
  start: number;
  end: number;
  key: string;
  upper: boolean;
  word: boolean;
}

export function tokens(text: string): Token[] {
  const buf = createTokenBuffer(16);
  tokenize(text, buf);
  const out: Token[] = [];
  for (let t = 0; t < buf.count; t++) {
    const flags = buf.flags[t] as number;
    out.push({
      start: buf.start[t] as number,
      end: buf.end[t] as number,
      key: buf.keys[t] as string,
      upper: (flags & TokenFlag.Upper) !== 0,
      word: (flags & TokenFlag.Word) !== 0,
    });
  }
  return out;
}

/**
 * Canonical key of a surface form: two forms with the same key are the same form to the matcher
 * (e.g. "Counter‑Terrorism" and "counter terrorism" → "counter terrorism"; "U.S." → "u.s").
 * Returned in NFC so it reads naturally in error messages.
 */
export function normalizeForm(form: string): string {
  return tokens(form)
    .map((t) => t.key)
    .join(' ')
    .normalize('NFC');
}

/**
 * The normalised text the matcher sees, with an offset map back to the original: tokens joined
 * by single spaces; `starts[i]`/`ends[i]` give the original span of normalised character `i`
 * (a separator maps to the gap between its tokens, an expanded character such as "ﬁ" maps every
 * output character to the whole source character). Not used on the hot path.
 */
export function normalizeText(text: string): {
  text: string;
  starts: number[];
  ends: number[];
} {
  let out = '';
  const starts: number[] = [];
  const ends: number[] = [];
  const toks = tokens(text);
  toks.forEach((tok, index) => {
    if (index > 0) {
      const prev = toks[index - 1] as Token;
      out += ' ';
      starts.push(prev.end);
      ends.push(tok.start);
    }
    let built = '';
    for (let i = tok.start; i < tok.end && built.length < tok.key.length; ) {
      const cp = text.codePointAt(i) as number;
      const width = cp > 0xffff ? 2 : 1;
      const cls = classOf(cp);
      const piece =
        cls === CharClass.Word || cls === CharClass.Other
          ? foldCodePoint(cp)
          : cls === CharClass.Apos
            ? "'"
            : cls === CharClass.Dot
              ? '.'
              : '';
      for (let k = 0; k < piece.length; k++) {
        starts.push(i);
        ends.push(i + width);
      }
      built += piece;
      i += width;
    }
    out += tok.key;
  });
  return { text: out, starts, ends };
}

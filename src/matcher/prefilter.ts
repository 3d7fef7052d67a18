/**
 * A native pre-filter in front of the tokenizer. Most text on most pages holds no glossary term,
 * and reading it character by character in script (cold code, on a page that just loaded) costs
 * several times what the browser's own RegExp engine needs to rule it out. The pre-filter finds
 * every place where a match could start; the tokenizer only reads a window around each, so it
 * stays the single source of truth for what matches.
 *
 * A match starts at a token whose key is the first key of some form. Where that token is written
 * in ASCII, the text spells the key, case aside, possibly inflected ("agreements", "NATO's"), with
 * no letter or digit before it: a needle finds it. Anywhere else the token holds a character that
 * folds to ASCII ("ﬁ", "é", "Ｎ"), an invisible one the tokenizer drops (a soft hyphen), or a
 * non-ASCII dot: the "unsafe" class finds that character, and scanning from the last space
 * before it covers the token. Underscore is unsafe too: it is not a word character for the
 * tokenizer, but it is for RegExp's `\w`, so a needle's lookbehind would miss a token after it.
 */

import { APOSTROPHES } from './normalize';
import { UNSAFE_CHARS } from './unsafe-chars';

/** Keys a needle can stand for: ASCII words, inner dots or apostrophes, a final apostrophe. */
const PLAIN_KEY = /^[a-z0-9]+(?:['.][a-z0-9]+)*'?$/;

/** Every apostrophe the tokenizer reads as one. */
const APOSTROPHE_CLASS = `[${[...APOSTROPHES].map((c) => `\\u${c.toString(16).padStart(4, '0')}`).join('')}]`;

/**
 * Pattern for a first key and its inflections (see `inflections` in compile.ts), or null when the
 * key is not plain ASCII: such a glossary gets no pre-filter rather than a wrong one.
 */
export function needleSource(key: string): string | null {
  if (!PLAIN_KEY.test(key)) return null;
  const esc = (s: string) => s.replace(/\./g, '\\.').replace(/'/g, APOSTROPHE_CLASS);
  // A plural is written after the key ("agreements", "taxes"), except a consonant + y ("treaties").
  return key.endsWith('y') ? `${esc(key.slice(0, -1))}(?:y(?:e?s)?|ies)` : `${esc(key)}(?:e?s)?`;
}

/**
 * The needles for forms whose first keys are `firstKeys`, as one alternation; null when some key
 * cannot be a needle (or there are none). Stored in the matcher's tables; see `prefilterRegExp`.
 */
export function buildNeedles(firstKeys: Iterable<string>): string | null {
  const needles: string[] = [];
  for (const key of new Set(firstKeys)) {
    const source = needleSource(key);
    if (source === null) return null;
    needles.push(source);
  }
  return needles.length === 0 ? null : needles.join('|');
}

/**
 * One RegExp (global, case-insensitive) that matches at every possible start of a match, and at
 * every character the needles cannot vouch for.
 */
export function prefilterRegExp(needles: string): RegExp {
  return new RegExp(`(?<![A-Za-z0-9])(?:${needles})(?![A-Za-z0-9])|[_${UNSAFE_CHARS}]`, 'gi');
}

/** The pre-filter for forms whose first keys are `firstKeys`, or null (see `buildNeedles`). */
export function buildPrefilter(firstKeys: Iterable<string>): RegExp | null {
  const needles = buildNeedles(firstKeys);
  return needles === null ? null : prefilterRegExp(needles);
}

const hex = (c: number) => `\\u${c.toString(16).padStart(4, '0')}`;

/**
 * Computes the unsafe class (the source of `UNSAFE_CHARS`): non-ASCII characters that can make a
 * token's key differ from its ASCII spelling, as a RegExp class body over UTF-16 code units.
 * Astral characters are matched by their high surrogate, and unassigned code points count as
 * unsafe, since a newer browser may give them a decomposition. Slow (every code point): for the
 * test that keeps the generated table honest, never called at run time.
 */
export function computeUnsafeChars(
  classify: (cp: number) => number,
  classes: { word: number; drop: number; dot: number },
): string {
  const unassigned = /^\p{Cn}$/u;
  const asciiWord = /[a-z0-9]/;
  const unsafe = (cp: number): boolean => {
    const ch = String.fromCodePoint(cp);
    if (unassigned.test(ch)) return true;
    const cls = classify(cp);
    if (cls === classes.drop || cls === classes.dot) return true;
    return cls === classes.word && asciiWord.test(ch.normalize('NFKD').toLowerCase());
  };
  const units = new Uint8Array(0x10000);
  for (let cp = 0x80; cp <= 0x10ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    if (!unsafe(cp)) continue;
    units[cp < 0x10000 ? cp : 0xd800 + ((cp - 0x10000) >> 10)] = 1;
  }
  let out = '';
  for (let c = 0x80; c < 0x10000; c++) {
    if (!units[c]) continue;
    let end = c;
    while (end + 1 < 0x10000 && units[end + 1]) end++;
    out += end === c ? hex(c) : end === c + 1 ? hex(c) + hex(end) : `${hex(c)}-${hex(end)}`;
    c = end;
  }
  return out;
}

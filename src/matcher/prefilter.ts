/**
 * A native pre-filter in front of the tokenizer. Most text on most pages holds no glossary term,
 * and reading it character by character in script (cold code, on a page that just loaded) costs
 * several times what the browser's own RegExp engine needs to rule it out. The pre-filter finds
 * every place where a match could start; the tokenizer only reads a window around each, so it
 * stays the single source of truth for what matches.
 *
 * A match starts at a token whose key is the first key of some form. Where that token is written
 * in ASCII, the text spells the key, case aside, possibly inflected ("agreements", "NATO's"), with
 * no letter or digit before it: a needle finds it. A key that only starts longer forms ("united"
 * in "United States") is not a match start on its own, so its needle also spells the next key
 * after separators: common words stop costing a read wherever they start no form.
 *
 * Anywhere else a token holds a character that folds to ASCII ("ﬁ", "Ｎ", the Kelvin sign), an
 * invisible one the tokenizer drops (a soft hyphen), or a non-ASCII dot: the "unsafe" class finds
 * that character, and scanning from the start of the word before it covers the token, and the
 * token before it in case the needle's second key was the one hidden. Accented letters are not
 * unsafe: their keys keep the accent ("défense" is not "defense"), so they never spell a key a
 * needle stands for.
 */

import { APOSTROPHES } from './normalize';
import { SEP_CHARS, UNSAFE_CHARS } from './unsafe-chars';

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
  // A plural is written after the key ("agreements", "taxes"), except a consonant + y ("treaties").
  return key.endsWith('y')
    ? `${escapeKey(key.slice(0, -1))}(?:y(?:e?s)?|ies)`
    : `${escapeKey(key)}(?:e?s)?`;
}

/** A plain key as a pattern: dots literal, any apostrophe for one. */
function escapeKey(key: string): string {
  return key.replace(/\./g, '\\.').replace(/'/g, APOSTROPHE_CLASS);
}

/**
 * Pattern for a key read as a form's second token: its needle, or for a key a needle cannot
 * spell (an accented "attaché") the plain ASCII letters it starts with, or null.
 */
function secondSource(key: string): string | null {
  const plain = needleSource(key);
  if (plain !== null) return plain;
  // Up to the first non-ASCII character, less the letter before it (the base of an accent).
  const ascii = /^[a-z0-9]*/.exec(key)?.[0] ?? '';
  const prefix = ascii.length < key.length ? ascii.slice(0, -1) : ascii;
  // The letters after it are taken as they come, so the lookahead sees whatever ends the word.
  return prefix.length >= 2 ? `${prefix}[A-Za-z0-9]*` : null;
}

/**
 * The needles for forms given by their keys (only the first two are read), as one alternation;
 * null when some first key cannot be a needle (or there are none). Stored in the matcher's
 * tables; see `prefilterRegExp`.
 */
export function buildNeedles(forms: Iterable<readonly string[]>): string | null {
  /** Second keys by first key; null once some form is that key alone. */
  const next = new Map<string, Set<string> | null>();
  for (const keys of forms) {
    const first = keys[0];
    if (first === undefined) continue;
    const second = keys[1];
    if (second === undefined) next.set(first, null);
    else if (next.get(first) !== null) {
      const set = next.get(first) ?? new Set<string>();
      set.add(second);
      next.set(first, set);
    }
  }
  const needles: string[] = [];
  const firsts: string[] = [];
  const tails = new Set<string>();
  /** First keys by a common-word second key they take ("status of"). */
  const byCommon = new Map<string, string[]>();
  for (const [key, seconds] of next) {
    const source = needleSource(key);
    if (source === null) return null;
    const own = seconds === null ? [] : [...seconds].map((k) => [k, secondSource(k)] as const);
    if (own.length === 0 || own.some(([, tail]) => tail === null)) {
      needles.push(source);
      continue;
    }
    // The first key exactly (only a last word is inflected), and an abbreviation's final dot.
    const first = `${escapeKey(key)}${key.includes('.') ? '\\.?' : ''}`;
    let rare = false;
    for (const [second, tail] of own) {
      if (COMMON_WORDS.has(second)) {
        const list = byCommon.get(tail as string) ?? [];
        list.push(first);
        byCommon.set(tail as string, list);
      } else {
        tails.add(tail as string);
        rare = true;
      }
    }
    if (rare) firsts.push(first);
  }
  // Two-key needles pair any first key with any second key of the others ("united union"): a
  // few more hits than pairing each key with its own, for a pattern a fraction of the size, which
  // every page load pays for in compile time. Common words are paired with their own keys only.
  const sep = `[${SEP_CHARS}]+`;
  if (firsts.length > 0) needles.push(`(?:${firsts.join('|')})${sep}(?:${[...tails].join('|')})`);
  for (const [tail, keys] of byCommon) needles.push(`(?:${keys.join('|')})${sep}${tail}`);
  return needles.length === 0 ? null : needles.join('|');
}

/** Second keys too common to pair with every first key (see `buildNeedles`). */
// biome-ignore format: a list
const COMMON_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'is', 'of', 'on', 'or', 'the', 'to',
  'with',
]);

/**
 * One RegExp (global, case-insensitive) that matches at every possible start of a match, and at
 * every character the needles cannot vouch for (all non-ASCII: see `isUnsafeHit`).
 */
export function prefilterRegExp(needles: string): RegExp {
  // The unsafe class (hundreds of ranges) is only tried on non-ASCII characters, through a
  // lookbehind: testing it at every position cost more than all the needles together.
  return new RegExp(
    `(?<![A-Za-z0-9])(?:${needles})(?![A-Za-z0-9])|[^\\u0000-\\u007f](?<=[${UNSAFE_CHARS}])`,
    'gi',
  );
}

/**
 * True when a hit starting with `code` is an unsafe character rather than a needle: needles are
 * ASCII, and a case-insensitive RegExp without the `u` flag never matches ASCII with anything
 * else.
 */
export function isUnsafeHit(code: number): boolean {
  return code >= 0x80;
}

/** The pre-filter for forms given by their keys, or null (see `buildNeedles`). */
export function buildPrefilter(forms: Iterable<readonly string[]>): RegExp | null {
  const needles = buildNeedles(forms);
  return needles === null ? null : prefilterRegExp(needles);
}

const hex = (c: number) => `\\u${c.toString(16).padStart(4, '0')}`;

/** Code units [0x80, 0x10000) flagged in `units`, as a RegExp class body of ranges. */
function classBody(units: Uint8Array, from: number): string {
  let out = '';
  for (let c = from; c < 0x10000; c++) {
    if (!units[c]) continue;
    let end = c;
    while (end + 1 < 0x10000 && units[end + 1]) end++;
    out += end === c ? hex(c) : end === c + 1 ? hex(c) + hex(end) : `${hex(c)}-${hex(end)}`;
    c = end;
  }
  return out;
}

/**
 * Computes the unsafe class (the source of `UNSAFE_CHARS`): non-ASCII characters that can make a
 * token's key differ from its ASCII spelling while staying ASCII (a ligature, a full-width
 * letter), or vanish from it (invisible characters), or stand for a dot; as a RegExp class body
 * over UTF-16 code units. Astral characters are matched by their high surrogate, and unassigned
 * code points count as unsafe, since a newer browser may give them a decomposition. Slow (every
 * code point): for the test that keeps the generated table honest, never called at run time.
 */
export function computeUnsafeChars(
  classify: (cp: number) => number,
  classes: { word: number; drop: number; dot: number },
): string {
  const unassigned = /^\p{Cn}$/u;
  const ascii = (s: string) => [...s].every((c) => c.charCodeAt(0) < 0x80);
  const unsafe = (cp: number): boolean => {
    const ch = String.fromCodePoint(cp);
    if (unassigned.test(ch)) return true;
    const cls = classify(cp);
    if (cls === classes.drop || cls === classes.dot) return true;
    // A letter whose key keeps something non-ASCII (an accent) can never spell a plain key.
    return cls === classes.word && ascii(ch.normalize('NFKD').toLowerCase());
  };
  const units = new Uint8Array(0x10000);
  for (let cp = 0x80; cp <= 0x10ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    if (!unsafe(cp)) continue;
    units[cp < 0x10000 ? cp : 0xd800 + ((cp - 0x10000) >> 10)] = 1;
  }
  return classBody(units, 0x80);
}

/**
 * Computes the separator class (the source of `SEP_CHARS`): every character the tokenizer reads
 * as a separator (whitespace, hyphens and dashes), as a RegExp class body. Throws if one is
 * astral, which a class over code units could not express. Slow, like `computeUnsafeChars`.
 */
export function computeSepChars(classify: (cp: number) => number, sep: number): string {
  const units = new Uint8Array(0x10000);
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    if (classify(cp) !== sep) continue;
    if (cp >= 0x10000) throw new Error(`astral separator U+${cp.toString(16)}`);
    units[cp] = 1;
  }
  return classBody(units, 0);
}

/**
 * A native pre-filter in front of the tokenizer. Most text on most pages holds no glossary term,
 * and reading it character by character in script (cold code, on a page that just loaded) costs
 * several times what the browser's own RegExp engine needs to rule it out. The pre-filter finds
 * every place where a match could start; the tokenizer only reads a window around each, so it
 * stays the single source of truth for what matches.
 *
 * A match starts at a token that is, or reduces to (lang/reduce.ts), the first key of a form.
 * - English keys in ASCII reduce only by English endings, so their needle spells the key, its
 *   plurals and nothing more ("agreements", "treaties"), between word boundaries. A key that only
 *   starts longer forms ("united" in "United States") also spells the next key, so common words
 *   cost a read only where they start a form.
 * - Every other key (other languages' words, accented or Arabic letters) may take endings, and
 *   Arabic words proclitics too: its needle spells the start of the key, unbounded on the side
 *   where affixes attach, with every folded spelling of each letter.
 * Anywhere else a token holds a character that folds to ASCII (a ligature, a full-width letter),
 * an invisible one the tokenizer drops, or a non-ASCII dot: the "unsafe" class finds it, and
 * scanning from the word before it covers the token.
 *
 * This module is what runs in the page. The needles are written at build time: needles.ts builds
 * them from the forms (in needle-atoms.ts's atoms) into the matcher's tables, and
 * gate-needles.ts the coarser frame gate.
 */

import { UNSAFE_CHARS } from './unsafe-chars';

/**
 * One RegExp (global, case-insensitive) that matches at every possible start of a match, and at
 * every character the needles cannot vouch for (see `isUnsafeHit`).
 */
export function prefilterRegExp(needles: string, only?: 'en'): RegExp {
  const lines = needles.split('\n');
  const guarded = lines[0] ?? '';
  // Lines 1–2 open needles for every language, 3–4 those of keys that English forms use.
  const open = lines[only === 'en' ? 3 : 1] ?? '';
  const latin = lines[only === 'en' ? 4 : 2] ?? '';
  const parts: string[] = [];
  // Not after an ASCII letter or digit. Written as `\b` (what the RegExp engine tests fastest:
  // a lookbehind before a large alternation ran two to four times slower), or after `_` (a word
  // character to `\b`, not to the tokenizer), or before a non-ASCII letter (ı, İ, é, Arabic
  // digits: never a boundary to `\b`; a superset, which is safe).
  const words: string[] = [];
  if (guarded) words.push(`(?:${guarded})(?![A-Za-z0-9])`);
  if (latin) words.push(latin);
  if (words.length > 0) {
    parts.push(`(?:\\b|(?<=_)|(?=[\\u0080-\\uffff]))(?:${words.join('|')})`);
  }
  if (open) parts.push(`(?:${open})`);
  // The unsafe class (hundreds of ranges) is only tried on non-ASCII characters, through a
  // lookbehind: testing it at every position cost more than all the needles together.
  parts.push(`[^\\u0000-\\u007f](?<=[${UNSAFE_CHARS}])`);
  const re = new RegExp(parts.join('|'), 'gi');
  // Irregexp (V8, SpiderMonkey) runs a RegExp's first exec in its interpreter and compiles it to
  // machine code on a later one, unless the first subject is long: then it compiles once. Each
  // compile of this alternation costs milliseconds, so its first run is on a long blank, which
  // holds no needle (it is made when it is about to be used).
  re.test(BLANK);
  re.lastIndex = 0;
  return re;
}

/** Longer than irregexp's threshold for compiling on the first run (1,000 code units). */
const BLANK = ' '.repeat(1024);

/**
 * True when a hit starting with `code` may hide the word before it (the unsafe class, or an open
 * needle starting with a non-ASCII letter): the window then starts a word earlier.
 */
export function isUnsafeHit(code: number): boolean {
  return code >= 0x80;
}

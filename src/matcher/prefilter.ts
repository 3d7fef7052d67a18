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
 */

import { APOSTROPHES, isArabicScript } from './chars';
import type { GateData } from './gate';
import { bitOf, type Language } from './lang/languages';
import { SEP_CHARS, UNSAFE_CHARS } from './unsafe-chars';

/** A form as the pre-filter sees it: its first two canonical keys and its language. */
export interface NeedleForm {
  keys: readonly string[];
  lang: Language;
}

/** Keys a guarded needle can stand for: ASCII words, inner dots or apostrophes, a final apostrophe. */
const PLAIN_KEY = /^[a-z0-9]+(?:['.][a-z0-9]+)*'?$/;

const hex = (c: number) => `\\u${c.toString(16).padStart(4, '0')}`;
/** Every apostrophe the tokenizer reads as one. */
const APOSTROPHE_CLASS = `[${[...APOSTROPHES].map(hex).join('')}]`;
/** Digits as any script writes them (folded to ASCII by the tokenizer). */
const digitClass = (d: number) => `[${d}${hex(0x660 + d)}${hex(0x6f0 + d)}]`;

/** One character of a key in a needle: `i` as any Turkish i, digits as any digits. */
function plainChar(ch: string): string {
  if (ch === 'i') return '[i\u0131\u0130]';
  if (ch >= '0' && ch <= '9') return digitClass(ch.charCodeAt(0) - 48);
  if (ch === "'") return APOSTROPHE_CLASS;
  return /[a-z]/.test(ch) ? ch : `\\${ch}`;
}

/** Pattern for an English first key and its plurals, or null when it is not plain ASCII. */
export function needleSource(key: string): string | null {
  return PLAIN_KEY.test(key) ? (pluralNeedles([key])[0] as string) : null;
}

interface AtomTrie {
  end: boolean;
  next: Map<string, AtomTrie>;
}

/**
 * One pattern for many sequences of pattern atoms, their common starts written once
 * ("defen(?:se|ce)"): a fraction of a flat alternation's size, which every page carries, and
 * faster to run, since the engine tries each start once.
 */
export function factorPatterns(sequences: Iterable<readonly string[]>): string {
  const root: AtomTrie = { end: false, next: new Map() };
  for (const atoms of sequences) {
    let node = root;
    for (const atom of atoms) {
      let child = node.next.get(atom);
      if (!child) {
        child = { end: false, next: new Map() };
        node.next.set(atom, child);
      }
      node = child;
    }
    node.end = true;
  }
  const emit = (node: AtomTrie): string => {
    const alternatives = [...node.next].map(([atom, child]) => atom + emit(child));
    if (alternatives.length === 0) return '';
    if (alternatives.length === 1 && !node.end) return alternatives[0] as string;
    return `(?:${alternatives.join('|')})${node.end ? '?' : ''}`;
  };
  return emit(root);
}

/** A plain key as atoms, one per character, so keys can share their starts. */
const keyAtoms = (key: string): string[] => [...key].map(plainChar);

/**
 * Needles for plain English keys with their plurals, written once for all keys: the keys (and
 * the stems of consonant + y keys) factored, then the plural endings ("agreements", "taxes",
 * "treaties"). Patterns compile once per frame, and each atom costs.
 */
function pluralNeedles(keys: Iterable<string>): string[] {
  const plain: string[][] = [];
  const stems: string[][] = [];
  for (const key of keys) {
    // Any key ending in y: "surveys" and "treaties" both (the tokenizer tells them apart).
    if (key.endsWith('y')) stems.push(keyAtoms(key.slice(0, -1)));
    else plain.push(keyAtoms(key));
  }
  const out: string[] = [];
  if (plain.length > 0) out.push(`(?:${factorPatterns(plain)})(?:e?s)?`);
  if (stems.length > 0) out.push(`(?:${factorPatterns(stems)})(?:y(?:e?s)?|ies)`);
  return out;
}

// biome-ignore format: a table
const ARABIC_LETTERS: ReadonlyMap<string, string> = new Map([
  ['\u0627', '\u0627\u0623\u0625\u0622\u0671'], // ا أ إ آ ٱ
  ['\u064a', '\u064a\u0649\u06cc\u06d2\u0626'], // ي ى ی ے ئ
  ['\u0647', '\u0647\u0629\u06c1\u06c0\u06c3\u06be\u06d5\u06c2'], // ه ة ہ ۀ ۃ ھ ە ۂ
  ['\u0643', '\u0643\u06a9'], // ك ک
  ['\u0648', '\u0648\u0624'], // و ؤ
]);

/** Letters an Arabic-script needle spells: few, so that one needle serves many forms. */
const ARABIC_NEEDLE = 3;
/** Letters another open needle spells: the key less the two its endings may change, 3 to 5. */
const OPEN_MIN = 3;
const OPEN_MAX = 5;

/** The letters an open needle spells, by script. */
function needleLetters(key: string): string[] {
  if (isArabicScript(key.charCodeAt(0))) {
    const letters = [...key];
    // A final ه or ي changes with the plural, the dual or agreement (اتفاقية → اتفاقيات).
    if (letters.length > 2 && /[\u0647\u064a]$/.test(key)) letters.pop();
    return letters.slice(0, ARABIC_NEEDLE);
  }
  const letters = [...key.normalize('NFC')];
  const keep = Math.max(Math.min(OPEN_MIN, letters.length), letters.length - 2);
  return letters.slice(0, Math.min(keep, OPEN_MAX));
}

const escapeChar = (ch: string) => ch.replace(/[\\^$.*+?()[\]{}|-]/g, '\\$&');

/** One letter of an open needle: every folded spelling (Arabic), precomposed or not (Latin). */
function openChar(ch: string): string {
  const arabic = ARABIC_LETTERS.get(ch);
  if (arabic) return `[${arabic}]`;
  if (ch.charCodeAt(0) < 0x80) return plainChar(ch);
  const decomposed = ch.normalize('NFD');
  return decomposed === ch ? escapeChar(ch) : `(?:${ch}|${decomposed})`;
}

/**
 * The open needles for these keys: the shortest that cover them (a needle that starts with
 * another one's letters adds nothing), as patterns.
 */
function openNeedles(keys: Iterable<string>): string[] {
  const all = [...new Set([...keys].map((k) => needleLetters(k).join('\u0000')))]
    .map((joined) => joined.split('\u0000'))
    .sort((a, b) => a.length - b.length);
  const kept: string[][] = [];
  for (const letters of all) {
    const covered = kept.some((k) => k.every((ch, i) => letters[i] === ch));
    if (!covered) kept.push(letters);
  }
  return kept.length > 0 ? [factorPatterns(kept.map((letters) => letters.map(openChar)))] : [];
}

/** Second keys too common to pair with every first key (see `buildNeedles`). */
// biome-ignore format: a list
const COMMON_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'is', 'of', 'on', 'or', 'the', 'to',
  'with',
]);

/** Languages each key is a word of, in any position of any form. */
function languagesOfKeys(forms: readonly NeedleForm[]): Map<string, number> {
  const langs = new Map<string, number>();
  for (const f of forms) for (const k of f.keys) langs.set(k, (langs.get(k) ?? 0) | bitOf(f.lang));
  return langs;
}

export interface Needles {
  /** English needles, between word boundaries. */
  guarded: string[];
  /** Needles open on the side where affixes attach. */
  open: string[];
}

/** An English possessive or a Turkish ending after an apostrophe ("NATO's", "NATO'ya"). */
const NAME_ENDING = `(?:${APOSTROPHE_CLASS}[A-Za-z\\u00c0-\\u024f]*)?`;

/** The English needles: first keys, paired with second keys where the first only starts forms. */
function englishNeedles(next: Map<string, Set<string> | null>, sep: string): string[] {
  const singles: string[] = [];
  const firsts: string[] = [];
  const tails: string[] = [];
  /** First keys taking a common word as their second key ("status of"), and those words. */
  const commonFirsts: string[] = [];
  const commonSeconds = new Set<string>();
  for (const [key, seconds] of next) {
    const own = seconds === null ? [] : [...seconds];
    if (own.length === 0 || own.some((k) => needleSource(k) === null)) {
      singles.push(key);
      continue;
    }
    let rare = false;
    for (const second of own) {
      if (COMMON_WORDS.has(second)) {
        if (!commonFirsts.includes(key)) commonFirsts.push(key);
        commonSeconds.add(second);
      } else {
        tails.push(second);
        rare = true;
      }
    }
    if (rare) firsts.push(key);
  }
  const needles = pluralNeedles(singles);
  // Two-key needles pair any first key with any second key of the others ("united union"): a
  // few more hits than pairing each key with its own, for a pattern a fraction of the size. An
  // abbreviation's final dot and an apostrophe ending may stand between the two.
  const pair = (a: string[], b: string) =>
    `(?:${pluralNeedles(a).join('|')})\\.?${NAME_ENDING}${sep}(?:${b})`;
  if (firsts.length > 0) needles.push(pair(firsts, pluralNeedles(tails).join('|')));
  if (commonFirsts.length > 0) {
    // Common second words join the keys that take them as one pair too ("status of"): "status
    // and" is one more hit, twenty patterns fewer.
    const words = factorPatterns([...commonSeconds].map(keyAtoms));
    needles.push(pair(commonFirsts, `${words}(?![A-Za-z0-9])`));
  }
  return needles;
}

/**
 * The needles for forms (only their first two keys are read), stored in the matcher's tables as
 * one string (see `prefilterRegExp`); null when there are no forms.
 */
export function buildNeedles(forms: readonly NeedleForm[]): string | null {
  const langs = languagesOfKeys(forms);
  const en = bitOf('en');
  /** English first keys, with their second keys (null once some form is the key alone). */
  const next = new Map<string, Set<string> | null>();
  const open = new Set<string>();
  for (const { keys } of forms) {
    const first = keys[0];
    if (first === undefined) continue;
    const english = langs.get(first) === en && PLAIN_KEY.test(first);
    if (!english) {
      open.add(first);
      continue;
    }
    const second = keys[1];
    const secondEnglish = second !== undefined && langs.get(second) === en;
    if (second === undefined || !secondEnglish) next.set(first, null);
    else if (next.get(first) !== null) {
      next.set(first, (next.get(first) ?? new Set()).add(second as string));
    }
  }
  const guarded = englishNeedles(next, `[${SEP_CHARS}]+`);
  if (guarded.length === 0 && open.size === 0) return null;
  // Arabic-script words take proclitics before them; Latin words take endings only (French
  // elision comes after an apostrophe), so a Latin needle starts at a word boundary.
  const arabic = [...open].filter((k) => isArabicScript(k.charCodeAt(0)));
  const latin = [...open].filter((k) => !isArabicScript(k.charCodeAt(0)));
  // Text read as English can only match English forms: most pages need just these needles.
  const isEn = (k: string) => ((langs.get(k) ?? 0) & en) !== 0;
  const parts = [guarded, openNeedles(arabic), openNeedles(latin)];
  parts.push(openNeedles(arabic.filter(isEn)), openNeedles(latin.filter(isEn)));
  return parts.map((n) => n.join('|')).join('\n');
}

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
  return new RegExp(parts.join('|'), 'gi');
}

/**
 * True when a hit starting with `code` may hide the word before it (the unsafe class, or an open
 * needle starting with a non-ASCII letter): the window then starts a word earlier.
 */
export function isUnsafeHit(code: number): boolean {
  return code >= 0x80;
}

/** Letters of a first key the frame gate spells at most: enough to rule out most text. */
const GATE_LETTERS = 5;

/**
 * A coarser pre-filter for deciding whether a frame is worth the matcher at all: each form's
 * first key cut to its first letters (short English keys whole, with their plurals), without the
 * full pre-filter's pairs of keys. It matches wherever the full pre-filter does, and costs a
 * fraction: a frame without terms (an advert, an embed) pays for this alone. ASCII text is
 * checked word by word against `whole` and `starts` (no RegExp to compile); other text with
 * `pattern`.
 */
export function buildGate(forms: readonly NeedleForm[]): GateData | null {
  const langs = languagesOfKeys(forms);
  const en = bitOf('en');
  const whole = new Set<string>();
  const open = new Set<string>();
  for (const { keys } of forms) {
    const first = keys[0];
    if (first === undefined) continue;
    const english = langs.get(first) === en && PLAIN_KEY.test(first);
    if (english && first.length <= GATE_LETTERS) {
      whole.add(first);
      continue;
    }
    const arabic = isArabicScript(first.charCodeAt(0));
    const start = arabic ? first : [...first.normalize('NFC')].slice(0, GATE_LETTERS).join('');
    open.add(start);
  }
  const parts: string[] = [];
  if (whole.size > 0) {
    parts.push(`(?<![A-Za-z0-9])(?:${pluralNeedles(whole).join('|')})(?![A-Za-z0-9])`);
  }
  const latin = [...open].filter((k) => !isArabicScript(k.charCodeAt(0)));
  const atoms = (keys: string[]) => factorPatterns(keys.map((k) => [...k].map(openChar)));
  if (latin.length > 0) parts.push(`(?<![A-Za-z0-9])(?:${atoms(latin)})`);
  const arabic = [...open].filter((k) => isArabicScript(k.charCodeAt(0)));
  if (arabic.length > 0) parts.push(openNeedles(arabic).join('|'));
  if (parts.length === 0) return null;
  return { pattern: parts.join('|'), ...gateWords(forms, langs) };
}

/**
 * What an ASCII text must hold for the gate to let it through, word by word: first keys that
 * are forms on their own (gate.ts reads plurals and such back), first keys that only start
 * longer forms together with their second key ("great power", not "great deals"), and the start
 * of any key that takes Turkish endings.
 */
function gateWords(forms: readonly NeedleForm[], langs: Map<string, number>) {
  const tr = bitOf('tr');
  const ascii = (k: string | undefined): k is string => k !== undefined && /^[a-z0-9]+$/.test(k);
  /** Read whole: no Turkish endings to allow for. */
  const paired = (k: string | undefined): boolean => ascii(k) && ((langs.get(k) ?? 0) & tr) === 0;
  /** Second keys by first key; null once the first key is a form alone (or cannot be paired). */
  const next = new Map<string, Set<string> | null>();
  const pairs = new Set<string>();
  const starts = new Set<string>();
  for (const { keys } of forms) {
    const [first, second] = keys;
    // "u.s", "o'neill": ASCII text splits them into two words.
    const parts = first?.split(/['.]/).filter(Boolean) ?? [];
    if (parts.length > 1) pairs.add(`${parts[0]} ${parts[1]}`);
    if (!ascii(first)) continue;
    if (!paired(first)) starts.add(first.slice(0, GATE_LETTERS));
    else if (!paired(second)) next.set(first, null);
    else if (next.get(first) !== null) {
      next.set(first, (next.get(first) ?? new Set()).add(second as string));
    }
  }
  const words = new Set<string>();
  for (const [first, seconds] of next) {
    if (seconds === null) words.add(first);
    else for (const second of seconds) pairs.add(`${first} ${second}`);
  }
  return {
    words: [...words].join(' '),
    pairs: [...pairs].join('|'),
    starts: [...starts].join(' '),
  };
}

/*
 * The pattern atoms the pre-filter's and the frame gate's needles are written in (see
 * prefilter.ts for what a needle is): one character of a key as every spelling the tokenizer
 * reads as it, and sequences of atoms factored into one pattern. Build time only.
 */

import { APOSTROPHES, isArabicScript } from './chars';
import { bitOf, type Language } from './lang/languages';

/** A form as the pre-filter sees it: its first two canonical keys and its language. */
export interface NeedleForm {
  keys: readonly string[];
  lang: Language;
}

/** Keys a guarded needle can stand for: ASCII words, inner dots or apostrophes, a final apostrophe. */
export const PLAIN_KEY = /^[a-z0-9]+(?:['.][a-z0-9]+)*'?$/;

const hex = (c: number) => `\\u${c.toString(16).padStart(4, '0')}`;
/** Every apostrophe the tokenizer reads as one. */
export const APOSTROPHE_CLASS = `[${[...APOSTROPHES].map(hex).join('')}]`;
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
export const keyAtoms = (key: string): string[] => [...key].map(plainChar);

/**
 * Needles for plain English keys with their plurals, written once for all keys: the keys (and
 * the stems of consonant + y keys) factored, then the plural endings ("agreements", "taxes",
 * "treaties"). Patterns compile once per frame, and each atom costs.
 */
export function pluralNeedles(keys: Iterable<string>): string[] {
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
export function openChar(ch: string): string {
  const arabic = ARABIC_LETTERS.get(ch);
  if (arabic) return `[${arabic}]`;
  if (ch.charCodeAt(0) < 0x80) return plainChar(ch);
  const decomposed = ch.normalize('NFD');
  return decomposed === ch ? escapeChar(ch) : `(?:${ch}|${decomposed})`;
}

/**
 * The open needles for these keys (at most `max` letters each): the shortest that cover them
 * (a needle that starts with another one's letters adds nothing), as patterns.
 */
export function openNeedles(keys: Iterable<string>, max = Number.POSITIVE_INFINITY): string[] {
  const all = [...new Set([...keys].map((k) => needleLetters(k).slice(0, max).join('\u0000')))]
    .map((joined) => joined.split('\u0000'))
    .sort((a, b) => a.length - b.length);
  const kept: string[][] = [];
  for (const letters of all) {
    const covered = kept.some((k) => k.every((ch, i) => letters[i] === ch));
    if (!covered) kept.push(letters);
  }
  return kept.length > 0 ? [factorPatterns(kept.map((letters) => letters.map(openChar)))] : [];
}

/** Languages each key is a word of, in any position of any form. */
export function languagesOfKeys(forms: readonly NeedleForm[]): Map<string, number> {
  const langs = new Map<string, number>();
  for (const f of forms) for (const k of f.keys) langs.set(k, (langs.get(k) ?? 0) | bitOf(f.lang));
  return langs;
}

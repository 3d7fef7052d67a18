import { isArabicScript } from './chars';
import type { GateData } from './gate';
import { bitOf } from './lang/languages';
import {
  factorPatterns,
  languagesOfKeys,
  type NeedleForm,
  openChar,
  openNeedles,
  PLAIN_KEY,
  pluralNeedles,
} from './needle-atoms';

/* Build time: the frame gate's data (gate.ts runs it), written in the pre-filter's atoms. */

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

import { isArabicScript } from './chars';
import { bitOf } from './lang/languages';
import {
  APOSTROPHE_CLASS,
  factorPatterns,
  keyAtoms,
  languagesOfKeys,
  type NeedleForm,
  needleSource,
  openNeedles,
  PLAIN_KEY,
  pluralNeedles,
} from './needle-atoms';
import { SEP_CHARS } from './unsafe-chars';

/*
 * Build time: the pre-filter's needles for a set of forms (prefilter.ts says what they are and
 * how the content script runs them).
 */

/** Second keys too common to pair with every first key (see `buildNeedles`). */
// biome-ignore format: a list
const COMMON_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'is', 'of', 'on', 'or', 'the', 'to',
  'with',
]);

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
  /** Every other first key, with its second keys (null once some form is the key alone). */
  const open = new Map<string, Set<string> | null>();
  for (const { keys } of forms) {
    const first = keys[0];
    if (first === undefined) continue;
    const english = langs.get(first) === en && PLAIN_KEY.test(first);
    if (!english) {
      const second = keys[1];
      if (second === undefined) open.set(first, null);
      else if (open.get(first) !== null)
        open.set(first, (open.get(first) ?? new Set()).add(second));
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
  // elision comes after an apostrophe), so a Latin needle starts at a word boundary. (A key that
  // starts with a symbol, "&" or "+", has no word start to test: it stays unbounded.)
  const bounded = (k: string) =>
    !isArabicScript(k.charCodeAt(0)) && /^[a-z0-9\u0080-\uffff]/.test(k);
  const arabic = [...open.keys()].filter((k) => !bounded(k));
  const latin = [...open.keys()].filter(bounded);
  // Text read as English can only match English forms: most pages need just these needles.
  const isEn = (k: string) => ((langs.get(k) ?? 0) & en) !== 0;
  const parts = [guarded, openNeedles(arabic), latinNeedles(latin, open)];
  parts.push(openNeedles(arabic.filter(isEn)), latinNeedles(latin.filter(isEn), open));
  return parts.map((n) => n.join('|')).join('\n');
}

/** Any run of a word's characters: whatever is not a separator. */
const WORD_RUN = `[^${SEP_CHARS}]*`;
/**
 * Letters of the second key a pair spells: fewer than a first key's, as the pair is selective
 * already and every page carries the pattern.
 */
const SECOND_LETTERS = 3;
/** An elided article or pronoun before the second word (d'état, qu'un). */
const ELIDED = `(?:[a-z]{1,7}${APOSTROPHE_CLASS})?`;

/**
 * The needles of Latin keys other languages use. A key that only starts longer forms also
 * spells the start of their second keys, past any ending of its own: open prefixes are short
 * ("isl" of "İslam İşbirliği Teşkilatı", "ab" of "AB savunma") and alone would stop at every
 * "Islamic" and "about" of an English page.
 */
function latinNeedles(keys: readonly string[], next: Map<string, Set<string> | null>): string[] {
  const singles = keys.filter((k) => next.get(k) == null);
  const firsts = keys.filter((k) => next.get(k) != null);
  const needles = openNeedles(singles);
  if (firsts.length > 0) {
    const seconds = new Set(firsts.flatMap((k) => [...(next.get(k) ?? [])]));
    const pair = `(?:${openNeedles(firsts).join('|')})${WORD_RUN}[${SEP_CHARS}]+${ELIDED}`;
    needles.push(`${pair}(?:${openNeedles(seconds, SECOND_LETTERS).join('|')})`);
  }
  return needles;
}

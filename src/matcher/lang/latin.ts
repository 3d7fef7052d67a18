import { lazy } from '../../util/lazy';
import { foldWord } from '../chars';
import { bitOf } from './languages';

/**
 * How Latin-script words change in the news we read, as rules that undo a change: each takes a
 * word's key and gives the keys it may have come from, with the languages the rule belongs to.
 * They are tried on every Latin word whose key is not a form word itself (the text's language is
 * often unknown); a result counts only if the glossary has it as a word of a form in one of
 * those languages, so a rule that misfires costs a lookup, never a match.
 */

/** French elided articles and pronouns: l'OTAN, d'armes, qu'un, jusqu'à. */
const ELISIONS = new Set([
  'l',
  'd',
  'qu',
  'j',
  'm',
  'n',
  's',
  't',
  'c',
  'jusqu',
  'lorsqu',
  'puisqu',
  'quoiqu',
]);

/** The word after an elided prefix, or null ("l'otan" → "otan"). */
export function elided(key: string): string | null {
  const at = key.indexOf("'");
  if (at <= 0 || at === key.length - 1) return null;
  return ELISIONS.has(key.slice(0, at)) ? key.slice(at + 1) : null;
}

/** A suffix rule: strip `suffix`, add `put` ("ies" → "y"), for the languages in `langs`. */
interface Rule {
  suffix: string;
  put: string;
  langs: number;
  /** Stems the rule never gives ("treatys" is no plural of "treaty"). */
  unless?: RegExp;
}

const EN = bitOf('en');
const FR = bitOf('fr');
export const TR = bitOf('tr');
const MS_ID = bitOf('ms') | bitOf('id');
export const ELISION_LANGS = FR;

const rule = (suffix: string, put: string, langs: number, unless?: RegExp): Rule => ({
  suffix: foldWord(suffix),
  put: foldWord(put),
  langs,
  ...(unless && { unless }),
});

/** A consonant and y: English makes such a plural with -ies only. */
const CONSONANT_Y = /[^aeiouy]y$/;

// English and French plurals; French feminines; Malay and Indonesian enclitics.
const LATIN = lazy((): Rule[] => [
  rule('s', '', FR),
  rule('s', '', EN, CONSONANT_Y),
  rule('es', '', FR),
  rule('es', '', EN, CONSONANT_Y),
  rule('ies', 'y', EN),
  rule('x', '', FR),
  rule('aux', 'al', FR),
  rule('e', '', FR),
  rule('nya', '', MS_ID),
  rule('lah', '', MS_ID),
  rule('kah', '', MS_ID),
]);
const strips = (words: string): Rule[] => words.split(' ').map((w) => rule(w, '', TR));

// Turkish case, possessive, plural and copula endings with their buffer letters (ı and i read
// alike, so "lar" covers "ler" only through its own entry).
const TURKISH = lazy((): Rule[] =>
  strips(
    'i u ü yi yu yü ni nu nü a e ya ye na ne da de ta te nda nde dan den tan ten ndan nden ' +
      'in un ün nin nun nün la le yla yle daki deki taki teki ndaki ndeki ki ' +
      'si su sü leri lari lar ler imiz umuz ümüz miz muz müz dir dur dür tir tur tür',
  ),
);

/** Final consonants Turkish softens before a vowel, and what they were: işbirliği ← işbirlik. */
const UNSOFTEN = lazy((): readonly (readonly [string, string])[] =>
  [
    ['ğ', 'k'],
    ['b', 'p'],
    ['c', 'ç'],
    ['d', 't'],
  ].map(([a, b]) => [foldWord(a as string), foldWord(b as string)] as const),
);

/** Third-person possessives Turkish compounds carry ("savunma işbirliği"), to add back. */
const POSSESSIVES = lazy(() => ['i', 'u', 'ü', 'si', 'su', 'sü'].map(foldWord));
const softened = lazy(() => UNSOFTEN().map(([soft, hard]) => [hard, soft] as const));

const TURKISH_ENDINGS = lazy(() => new Set(TURKISH().map((r) => r.suffix)));

/**
 * The languages in which `ending`, written after an apostrophe, ends a name: an English
 * possessive ("NATO's", "allies'"), or up to two Turkish endings ("NATO'ya", "KİK'lerin").
 */
export function nameEndingLangs(ending: string): number {
  let langs = ending === 's' || ending === '' ? EN : 0;
  if (TURKISH_ENDINGS().has(ending)) langs |= TR;
  else {
    for (let i = 1; i < ending.length; i++) {
      if (TURKISH_ENDINGS().has(ending.slice(0, i)) && TURKISH_ENDINGS().has(ending.slice(i))) {
        return langs | TR;
      }
    }
  }
  return langs;
}

const MIN_STEM = 2;
const MAX_DEPTH = 3;

function stripped(key: string, rule: Rule): string | null {
  if (!key.endsWith(rule.suffix)) return null;
  const stem = key.slice(0, key.length - rule.suffix.length);
  if (stem.length < MIN_STEM || rule.unless?.test(stem)) return null;
  return stem + rule.put;
}

/** Where reductions go: candidate keys and, index for index, the languages they count for. */
export interface Reduced {
  keys: string[];
  langs: number[];
}

/** Adds a candidate (or widens the languages of one already there); true when it is new. */
export function addReduced(out: Reduced, key: string, langs: number): boolean {
  const at = out.keys.indexOf(key);
  if (at >= 0) {
    out.langs[at] = (out.langs[at] as number) | langs;
    return false;
  }
  out.keys.push(key);
  out.langs.push(langs);
  return true;
}

/**
 * Keys a Latin word may have come from: without English, French or Malay endings, without up to
 * three Turkish endings (with softening undone, and the compound possessive put back after a
 * plural: "işbirlikleri" → "işbirlik" → "işbirliği"). Keys that `keep` rejects are not pursued.
 */
export function latinReductions(
  key: string,
  langs: number,
  keep: (stem: string) => boolean,
  out: Reduced,
): void {
  let level: [string, number][] = [[key, langs]];
  for (let depth = 0; depth < MAX_DEPTH && level.length > 0; depth++) {
    const next: [string, number][] = [];
    const add = (k: string | null, l: number) => {
      if (k === null || l === 0 || k === key || !keep(k)) return;
      if (addReduced(out, k, l)) next.push([k, l]);
    };
    for (const [k, l] of level) {
      if (depth === 0) for (const r of LATIN()) add(stripped(k, r), l & r.langs);
      if ((l & TR) === 0) continue;
      for (const r of TURKISH()) {
        const stem = stripped(k, r);
        if (stem === null) continue;
        add(stem, TR);
        for (const [soft, hard] of UNSOFTEN()) {
          if (stem.endsWith(soft)) add(stem.slice(0, -soft.length) + hard, TR);
        }
        if (r.suffix.startsWith('l')) addPossessives(stem, (p) => add(p, TR));
      }
    }
    level = next;
  }
}

function addPossessives(stem: string, add: (k: string) => void): void {
  for (const p of POSSESSIVES()) add(stem + p);
  for (const [hard, soft] of softened()) {
    if (!stem.endsWith(hard)) continue;
    const base = stem.slice(0, -hard.length) + soft;
    for (const p of POSSESSIVES()) add(base + p);
  }
}

import { isArabicScript } from '../chars';
import { arabicReductions, withoutArticle } from './arabic';
import { bitOf, type Language } from './languages';
import {
  addReduced,
  ELISION_LANGS,
  elided,
  latinReductions,
  nameEndingLangs,
  type Reduced,
} from './latin';

export type { Reduced };

/**
 * The key a form's word is stored under: what every inflected spelling of it can be reduced
 * back to. Arabic words lose their article (the text may have it or not, or a proclitic before
 * it); elided French articles go in every language ("protocole d'accord").
 */
export function canonicalWord(key: string, lang: Language): string {
  const plain = elided(key) ?? key;
  return lang === 'ar' ? withoutArticle(plain) : plain;
}

const isArabicKey = (key: string) => key.length > 0 && isArabicScript(key.charCodeAt(0));
/** Every language: a word that is a form word as it stands. */
const ANY = -1;
const ARABIC_SCRIPT = bitOf('ar') | bitOf('fa') | bitOf('ur');

/**
 * The keys a text word may stand for besides its own (plural, case ending, clitic, elision…),
 * each with the languages whose forms it may be a word of; only rules of the languages in
 * `only` are tried. `mayBeKey` rules out hopeless
 * candidates early (a cheap prefix test), so ordinary words cost next to nothing.
 */
export function reductions(
  key: string,
  mayBeKey: (candidate: string) => boolean,
  only: number = ANY,
): Reduced {
  const out: Reduced = { keys: [], langs: [] };
  const bases: [string, number][] = [[key, only]];
  const apostrophe = key.indexOf("'");
  if (apostrophe > 0) {
    // A name with a Turkish ending (NATO'ya, KİK'in) or an English possessive.
    const langs = nameEndingLangs(key.slice(apostrophe + 1)) & only;
    if (langs !== 0) bases.push([key.slice(0, apostrophe), langs]);
    const word = elided(key);
    if (word !== null && (ELISION_LANGS & only) !== 0) bases.push([word, ELISION_LANGS]);
  }
  for (const [base, langs] of bases) {
    if (base !== key) addReduced(out, base, langs);
    if ((only & ARABIC_SCRIPT) !== 0 && isArabicKey(base)) arabicReductions(base, out, mayBeKey);
    // Latin endings on any script's word: a form written in one script may still be quoted
    // with an English plural in another.
    if (mayBeKey(base)) latinReductions(base, langs, mayBeKey, out);
  }
  return out;
}

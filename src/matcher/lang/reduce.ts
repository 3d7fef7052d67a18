import { isArabicScript } from '../chars';
import { arabicReductions, withoutArticle } from './arabic';
import type { Language } from './languages';
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

/**
 * The keys a text word may stand for besides its own (plural, case ending, clitic, elision…),
 * each with the languages whose forms it may be a word of. `mayBeKey` rules out hopeless
 * candidates early (a cheap prefix test), so ordinary words cost next to nothing.
 */
export function reductions(key: string, mayBeKey: (candidate: string) => boolean): Reduced {
  const out: Reduced = { keys: [], langs: [] };
  const bases: [string, number][] = [[key, ANY]];
  const apostrophe = key.indexOf("'");
  if (apostrophe > 0) {
    // A name with a Turkish ending (NATO'ya, KİK'in) or an English possessive.
    const langs = nameEndingLangs(key.slice(apostrophe + 1));
    if (langs !== 0) bases.push([key.slice(0, apostrophe), langs]);
    const word = elided(key);
    if (word !== null) bases.push([word, ELISION_LANGS]);
  }
  for (const [base, langs] of bases) {
    if (base !== key) addReduced(out, base, langs);
    if (isArabicKey(base)) arabicReductions(base, out);
    // Latin endings on any script's word: a form written in one script may still be quoted
    // with an English plural in another.
    if (mayBeKey(base)) latinReductions(base, langs, mayBeKey, out);
  }
  return out;
}

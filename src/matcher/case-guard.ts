import { APOSTROPHES, foldCodePoint, upperSet } from './chars';

/**
 * Abbreviations match only as written or in capitals: "MoU" and "MOU" but not "mou" or "Mou",
 * "SOFA" but not "Sofa" at the start of a sentence; and never as part of code ("GCC_VERSION",
 * "$GCC", "gcc/clang"), where an all-capital word is an identifier, not a name.
 */

/**
 * "U" for each capital, "L" for each small letter and "'" for an apostrophe (other characters
 * are left out), read through the tokenizer's fold so that full-width and mathematical capitals
 * count as capitals.
 */
export function casePattern(text: string, from = 0, to = text.length): string {
  let out = '';
  for (let i = from; i < to; ) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      // ASCII: no fold needed (compiling 10,000 entries reads every form's words here).
      if (c >= 65 && c <= 90) out += 'U';
      else if (c >= 97 && c <= 122) out += 'L';
      else if (c === 39) out += "'";
      i++;
      continue;
    }
    const cp = text.codePointAt(i) as number;
    i += cp > 0xffff ? 2 : 1;
    if (APOSTROPHES.has(cp)) {
      out += "'";
      continue;
    }
    const folded = foldCodePoint(cp);
    if (upperSet.has(cp)) out += 'U';
    else if (folded.toUpperCase() !== folded) out += 'L';
  }
  return out;
}

/** Two or more capitals: the word is an abbreviation or a name spelt in capitals. */
export const isAbbreviation = (word: string): boolean => /U[^U]*U/.test(casePattern(word));

/**
 * Whether a text word with case pattern `text` spells the abbreviation with pattern `form`:
 * exactly, or all in capitals, either way optionally followed by small letters (a plural, a
 * possessive, a Turkish ending: "MoUs", "NATO's", "NATO'ya").
 */
export function caseMatches(form: string, text: string): boolean {
  // An elided article before it ("l'OTAN", "d'OTAN") is no part of the name.
  const word = /^L{1,7}'U/.test(text) ? text.slice(text.indexOf("'") + 1) : text;
  // All in capitals, ending included: a headline ("NATO'S SUMMIT").
  if (/^[U']+$/.test(word)) return true;
  const letters = form.replaceAll("'", '');
  const head = word.slice(0, letters.length);
  if (head !== letters && !/^U+$/.test(head)) return false;
  // What follows is an ending: a plural, a possessive, a Turkish case ("NATO's", "NATO'ya").
  return /^[L']*$/.test(word.slice(letters.length));
}

/** Characters that make a word part of code when they touch it. */
// Not "/": prose joins abbreviations with it ("HA/DR", "AU/UN").
const CODE_CHARS = new Set('_$@#\\=<>{}[]|~^*`'.split('').map((c) => c.charCodeAt(0)));

/** True when the word at [start, end) touches a character of code on either side. */
export function touchesCode(text: string, start: number, end: number): boolean {
  return CODE_CHARS.has(text.charCodeAt(start - 1)) || CODE_CHARS.has(text.charCodeAt(end));
}

import { isArabicScript } from '../chars';
import { FNV_OFFSET, FNV_PRIME, hashKey } from '../vocabulary';
import { type Language, languageOfTag, SCRIPT_OF } from './languages';

/**
 * The language a block of text is read as, from the nearest `lang` attribute and the text
 * itself. Pages often declare the wrong language (a template's lang="en" on an Arabic site) or
 * none, so the text has the last word when it is clear: its script first, then the commonest
 * function words of each Latin-script language. Cheap: only the start of the text is read.
 */

/** Characters of a text read to guess its language. */
const SAMPLE = 240;
/** Function-word hits needed to trust a guess, and the lead it needs over the runner-up. */
const MIN_HITS = 3;
const MIN_LEAD = 2;

// biome-ignore format: word lists
const FUNCTION_WORDS: Readonly<Record<'en' | 'fr' | 'tr' | 'ms' | 'id', readonly string[]>> = {
  en: ['the', 'and', 'of', 'to', 'is', 'that', 'with', 'for', 'was', 'are', 'by', 'this', 'from', 'which', 'has', 'have', 'its', 'will', 'been', 'were', 'said'],
  fr: ['le', 'la', 'les', 'des', 'et', 'est', 'dans', 'une', 'du', 'pour', 'que', 'qui', 'sur', 'au', 'aux', 'pas', 'avec', 'par', 'ce', 'sont', 'été', 'plus', 'leur'],
  tr: ['ve', 'bir', 'bu', 'için', 'ile', 'olarak', 'olan', 'çok', 'daha', 'gibi', 'ama', 'kadar', 'sonra', 'göre', 'yeni', 'ise', 'değil', 'arasında', 'büyük'],
  ms: ['yang', 'dan', 'untuk', 'dengan', 'ini', 'itu', 'pada', 'dalam', 'tidak', 'akan', 'oleh', 'kepada', 'telah', 'ialah', 'daripada', 'beliau', 'kerajaan', 'kerana', 'boleh'],
  id: ['yang', 'dan', 'untuk', 'dengan', 'ini', 'itu', 'pada', 'dalam', 'tidak', 'akan', 'oleh', 'kepada', 'telah', 'bahwa', 'tersebut', 'pemerintah', 'karena', 'bisa', 'sebagai'],
};

/**
 * The languages above, and per function word (by its hash: no word string is built while a
 * sample is read) the bit set of those it belongs to.
 */
const LATIN_GUESSES = Object.keys(FUNCTION_WORDS) as Language[];
const WORD_LANGS = new Map<number, number>();
let longestWord = 0;
LATIN_GUESSES.forEach((lang, i) => {
  for (const w of FUNCTION_WORDS[lang as keyof typeof FUNCTION_WORDS]) {
    const h = hashKey(w);
    WORD_LANGS.set(h, (WORD_LANGS.get(h) ?? 0) | (1 << i));
    longestWord = Math.max(longestWord, w.length);
  }
});
/** Letters only Persian or Urdu writes (پ چ ژ گ; ٹ ڈ ڑ ں ے ہ ھ for Urdu). */
const URDU_LETTERS = /[\u0679\u0688\u0691\u06ba\u06d2\u06c1\u06be]/;
const PERSIAN_LETTERS = /[\u067e\u0686\u0698\u06af\u06cc\u06a9]/;

/** Arabic-script and Latin letters in the sample. */
function scriptOf(sample: string): 'arabic' | 'latin' | null {
  let arabic = 0;
  let latin = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (isArabicScript(c)) arabic++;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f)) {
      latin++;
    }
  }
  if (arabic === 0 && latin === 0) return null;
  return arabic >= latin ? 'arabic' : 'latin';
}

function arabicLanguage(sample: string, declared: Language | null): Language {
  if (URDU_LETTERS.test(sample)) return 'ur';
  if (PERSIAN_LETTERS.test(sample)) return declared === 'ur' ? 'ur' : 'fa';
  return declared !== null && SCRIPT_OF[declared] === 'arabic' ? declared : 'ar';
}

/** A lower-case Latin letter (ASCII or Latin-1 to Latin Extended-B, as the word lists use). */
const isLatinLetter = (c: number) =>
  (c >= 0x61 && c <= 0x7a) || (c >= 0xdf && c <= 0x24f && c !== 0xf7);

/**
 * The Latin-script language the function words point to, or null when they do not agree. Runs
 * on every block of every page: one pass over the sample, no RegExp, no array of words.
 */
function latinLanguage(sample: string): Language | null {
  const counts = new Array<number>(LATIN_GUESSES.length).fill(0);
  const lower = sample.toLowerCase();
  let start = -1;
  let h = FNV_OFFSET;
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : 0;
    if (isLatinLetter(c)) {
      if (start < 0) {
        start = i;
        h = FNV_OFFSET;
      }
      h = Math.imul(h ^ c, FNV_PRIME);
      continue;
    }
    if (start < 0) continue;
    const langs = i - start <= longestWord ? (WORD_LANGS.get(h >>> 0) ?? 0) : 0;
    start = -1;
    for (let bits = langs, l = 0; bits !== 0; bits >>= 1, l++)
      if (bits & 1) counts[l] = (counts[l] ?? 0) + 1;
  }
  let first = -1;
  let second = -1;
  for (let l = 0; l < counts.length; l++) {
    if (first < 0 || (counts[l] as number) > (counts[first] as number)) {
      second = first;
      first = l;
    } else if (second < 0 || (counts[l] as number) > (counts[second] as number)) second = l;
  }
  const top = counts[first] as number;
  if (top < MIN_HITS) return null;
  const a = LATIN_GUESSES[first] as Language;
  const b = LATIN_GUESSES[second] as Language;
  // Malay and Indonesian share most function words: either is read the same way.
  if ((counts[second] as number) * MIN_LEAD > top && !isMalayPair(a, b)) return null;
  return a;
}

const isMalayPair = (a: Language, b: Language) =>
  (a === 'ms' && b === 'id') || (a === 'id' && b === 'ms');

/**
 * The language to read `text` as. `declared` is the nearest lang attribute (any tag); `page` is
 * what the page as a whole was read as, for texts too short to tell (a headline, a caption).
 * Null when nothing can be said (then every language's forms may match).
 */
export function detectLanguage(
  text: string,
  declared: string | null,
  page: Language | null = null,
): Language | null {
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  const tagged = languageOfTag(declared);
  const script = scriptOf(sample);
  if (script === 'arabic') return arabicLanguage(sample, tagged ?? page);
  if (script === null) return tagged ?? page;
  const guessed = latinLanguage(sample);
  if (guessed !== null) return guessed;
  // The declared language, if it is written in the script we see; else the page's.
  if (tagged !== null && SCRIPT_OF[tagged] === 'latin') return tagged;
  if (page !== null && SCRIPT_OF[page] === 'latin') return page;
  return declared ? 'en' : null;
}

/**
 * The languages Termlight reads, as BCP 47 primary subtags, and the bit masks the matcher gates
 * forms with: a form of one language matches only in text read as that language (or a close
 * one), so a Malay "ATM" (the armed forces) never lights up a cash machine in English prose.
 * English forms match everywhere: news in every language quotes English names and acronyms.
 */

export const LANGUAGES = ['en', 'fr', 'tr', 'ms', 'id', 'ar', 'fa', 'ur'] as const;
export type Language = (typeof LANGUAGES)[number];

export type Script = 'latin' | 'arabic';

export const SCRIPT_OF: Readonly<Record<Language, Script>> = {
  en: 'latin',
  fr: 'latin',
  tr: 'latin',
  ms: 'latin',
  id: 'latin',
  ar: 'arabic',
  fa: 'arabic',
  ur: 'arabic',
};

export const bitOf = (lang: Language): number => 1 << LANGUAGES.indexOf(lang);

/** Every language: text whose language is unknown, and English forms. */
export const ALL_LANGUAGES = (1 << LANGUAGES.length) - 1;

const MS_ID = bitOf('ms') | bitOf('id');
// Arabic, Persian and Urdu borrow from each other and share a script whose letters alone cannot
// tell them apart in a short text, while their forms hardly collide: read them as one group.
const ARABIC_SCRIPT = bitOf('ar') | bitOf('fa') | bitOf('ur');

/**
 * The languages whose forms may match in text read as `mask`: a word there is only worth
 * reducing by those languages' rules (English forms match everywhere, Turkish ones only in
 * Turkish text).
 */
export function formLanguagesIn(mask: number): number {
  let out = 0;
  for (const lang of LANGUAGES) if ((formMask(lang) & mask) !== 0) out |= bitOf(lang);
  return out;
}

/** Where a form of `lang` may match: its own language and the ones read as the same. */
export function formMask(lang: Language): number {
  if (lang === 'en') return ALL_LANGUAGES;
  if (lang === 'ms' || lang === 'id') return MS_ID;
  if (SCRIPT_OF[lang] === 'arabic') return ARABIC_SCRIPT;
  return bitOf(lang);
}

/** `formMask` for a language given by its bit (as the matcher's tables store it). */
export function formMaskOfBit(bit: number): number {
  const lang = LANGUAGES.find((l) => bitOf(l) === bit);
  return lang === undefined ? 0 : formMask(lang);
}

/**
 * The mask of text read as `lang`, for the matcher to test forms against (`formMask`); text of
 * unknown language lets every form through.
 */
export function textMask(lang: Language | null): number {
  return lang === null ? ALL_LANGUAGES : bitOf(lang);
}

/** `ar`, `fa-IR`, `ms_MY` → the language we read, or null for one we do not. */
const TAGS = new Map<string, Language | null>();

export function languageOfTag(tag: string | null | undefined): Language | null {
  if (!tag) return null;
  // Asked for every block read; a page has a handful of distinct tags.
  const known = TAGS.get(tag);
  if (known !== undefined) return known;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  // "in" is the withdrawn code for Indonesian, still met in old pages.
  const lang = primary === 'in' ? 'id' : primary;
  const found = (LANGUAGES as readonly string[]).includes(lang) ? (lang as Language) : null;
  if (TAGS.size < 64) TAGS.set(tag, found);
  return found;
}

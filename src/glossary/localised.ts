import { uiLocale } from '../i18n';
import type { LocalEntry } from '../ui/EntryDetails';
import { LANGUAGE_FILES, type LanguageFile } from './languages';

const FILES: Partial<Record<string, LanguageFile>> = LANGUAGE_FILES;

/**
 * The entry's term (and definition, when written) in the interface language, from data/lang;
 * undefined in English or where that language has no entry: the English glossary is the fallback.
 */
export function localEntry(id: string, locale: string = uiLocale()): LocalEntry | undefined {
  const found = FILES[locale]?.entries[id];
  return found && { lang: locale, term: found.term, definition: found.definition };
}

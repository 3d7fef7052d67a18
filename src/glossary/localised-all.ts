import { uiLocale } from '../i18n';
import { LANGUAGE_FILES } from './languages';
import { type LocalEntry, type LocalTable, localEntryIn, localTable } from './localised';

const tables = new Map<string, LocalTable>();

/**
 * The entry in the interface language, for extension pages (popup, options), which bundle every
 * language's file; undefined in English or where that language has no entry.
 */
export function localEntry(id: string, locale: string = uiLocale()): LocalEntry | undefined {
  const file = (LANGUAGE_FILES as Partial<Record<string, (typeof LANGUAGE_FILES)['ar']>>)[locale];
  if (!file) return undefined;
  let table = tables.get(locale);
  if (!table) {
    table = localTable(file);
    tables.set(locale, table);
  }
  return localEntryIn(table, locale, id);
}

import * as v from 'valibot';
import ar from '../../data/lang/ar.json';
import fa from '../../data/lang/fa.json';
import fr from '../../data/lang/fr.json';
import id from '../../data/lang/id.json';
import ms from '../../data/lang/ms.json';
import tr from '../../data/lang/tr.json';
import ur from '../../data/lang/ur.json';
import type { Language } from '../matcher';
import { TRUSTED_DATA } from './trusted';

/**
 * The glossary in other languages (data/lang/<tag>.json): per entry, the usual name in that
 * language, the forms its news uses, and a definition in our own words. English is the
 * glossary itself and the fallback for any entry a language does not cover.
 */

const Text = v.pipe(v.string(), v.trim(), v.minLength(1));

export const LanguageEntrySchema = v.object({
  term: Text,
  forms: v.array(Text),
  definition: v.optional(Text),
});

export const LanguageFileSchema = v.object({
  version: v.literal(1),
  lang: v.string(),
  entries: v.record(v.string(), LanguageEntrySchema),
});

export type LanguageEntry = v.InferOutput<typeof LanguageEntrySchema>;
export type LanguageFile = v.InferOutput<typeof LanguageFileSchema>;

/** The languages that have a file, other than English. */
export type OtherLanguage = Exclude<Language, 'en'>;

export function parse(lang: OtherLanguage, raw: unknown): LanguageFile {
  if (TRUSTED_DATA) return raw as LanguageFile;
  const result = v.safeParse(LanguageFileSchema, raw);
  if (!result.success) {
    const issue = result.issues[0];
    throw new Error(`Invalid data/lang/${lang}.json: ${issue?.message ?? 'unreadable'}`);
  }
  if (result.output.lang !== lang)
    throw new Error(`data/lang/${lang}.json says "${result.output.lang}"`);
  return result.output;
}

export const LANGUAGE_FILES: Readonly<Record<OtherLanguage, LanguageFile>> = {
  ar: parse('ar', ar),
  fa: parse('fa', fa),
  fr: parse('fr', fr),
  id: parse('id', id),
  ms: parse('ms', ms),
  tr: parse('tr', tr),
  ur: parse('ur', ur),
};

/** Every form of an entry in another language: its term first, then the listed forms. */
export function languageForms(entry: LanguageEntry): string[] {
  return [...new Set([entry.term, ...entry.forms])];
}

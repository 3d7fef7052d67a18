import type { LocalTable } from '../glossary/localised';

/** Interface languages with a table of their own (`lang/<tag>.json`, written by the build). */
const TABLES = new Set(['ar', 'fa', 'fr', 'id', 'ms', 'tr', 'ur']);

export const localTablePath = (lang: string) => `/lang/${lang}.json`;

const isEntry = (v: unknown): v is { term: string; definition?: string } =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as { term?: unknown }).term === 'string' &&
  ['string', 'undefined'].includes(typeof (v as { definition?: unknown }).definition);

/**
 * The popover's table for interface language `lang`, loaded with `load`; undefined for English,
 * a language without one, or a file that fails to load or is malformed (the English entries then
 * stand: a missing translation must never cost the reader the popover).
 */
export async function loadLocalTable(
  lang: string,
  load: (path: string) => Promise<unknown>,
): Promise<{ lang: string; table: LocalTable } | undefined> {
  if (!TABLES.has(lang)) return undefined;
  try {
    const raw = await load(localTablePath(lang));
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
    const table: Record<string, { term: string; definition?: string }> = {};
    for (const [id, entry] of Object.entries(raw)) if (isEntry(entry)) table[id] = entry;
    return { lang, table };
  } catch {
    return undefined;
  }
}

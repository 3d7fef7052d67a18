/**
 * From user entries to what the matcher reads. Built-in glossary ids are kebab-case and never
 * hold a colon; user ids are namespaced `u:<pack>:<entry>`, and neither part may hold a colon
 * (see ID_PATTERN), so the two sets can never collide and a matched id splits back unambiguously.
 */
import type { MatcherTerm } from '../matcher';
import type { UserEntry } from './schema';

/** An enabled entry and where it comes from: an installed pack's id, or `MINE`. */
export interface SourcedEntry {
  source: string;
  entry: UserEntry;
}

const PREFIX = 'u:';

export function userTermId(source: string, entryId: string): string {
  return `${PREFIX}${source}:${entryId}`;
}

/** The source and entry id behind a matcher id, or null for a built-in glossary id. */
export function parseUserTermId(id: string): { source: string; entryId: string } | null {
  if (!id.startsWith(PREFIX)) return null;
  const colon = id.indexOf(':', PREFIX.length);
  if (colon < 0) return null;
  return { source: id.slice(PREFIX.length, colon), entryId: id.slice(colon + 1) };
}

/**
 * Forms that hold in any language: term, abbreviation, then aliases (the order the popover
 * lists them), without repeats.
 */
export function baseForms(entry: Pick<UserEntry, 'term' | 'abbreviation' | 'aliases'>): string[] {
  const forms = [entry.term, ...(entry.abbreviation ? [entry.abbreviation] : []), ...entry.aliases];
  return [...new Set(forms)];
}

/**
 * Every surface form of the entry: the base forms, then each language's forms. The integrator
 * can narrow by page language with `formsByLanguage`; until then every form matches everywhere.
 */
export function entryForms(entry: UserEntry): string[] {
  const forms = baseForms(entry);
  for (const list of Object.values(entry.forms ?? {})) forms.push(...list);
  return [...new Set(forms)];
}

/** The base forms plus, per language tag, the forms only that language has. */
export function formsByLanguage(entry: UserEntry): {
  any: string[];
  byLanguage: Record<string, string[]>;
} {
  return { any: baseForms(entry), byLanguage: { ...(entry.forms ?? {}) } };
}

/**
 * Matcher terms for the enabled entries, in the order given: when two entries share a form the
 * first keeps it (compile.ts), so callers put the reader's own terms first.
 */
export function userMatcherTerms(entries: readonly SourcedEntry[]): MatcherTerm[] {
  return entries.map(({ source, entry }) => ({
    id: userTermId(source, entry.id),
    forms: entryForms(entry),
  }));
}

import type { FormSpec, MatcherTerm } from '../matcher';
import { buildMatcherTables, normalizeForm } from '../matcher';
import type { GateData } from '../matcher/gate';
import { glossary } from './glossary';
import { LANGUAGE_FILES, languageForms, type OtherLanguage } from './languages';
import { type Entry, surfaceForms } from './schema';
import type { Shipped } from './shipped';

/*
 * Build time: the glossary's matcher, compiled once by the build (`define` in wxt.config.ts)
 * rather than on every page. A page's content script starts cold, and loading tables costs a
 * small fraction of compiling them in not-yet-optimised code.
 */

/** The English forms of an entry, each gated when the entry or that form needs context. */
function englishForms(entry: Entry): FormSpec[] {
  const gated = new Set(entry.gatedForms ?? []);
  return surfaceForms(entry).map((text) => ({
    text,
    gated: entry.gated === true || gated.has(text),
  }));
}

/**
 * The forms of an entry in every language the glossary covers. A language's form is gated when
 * the entry is, or when it is one of the entry's gated forms: a language file that repeats "GCC"
 * or "SOFA" must not ungate it, and the matcher merges one form's languages into one node that
 * is gated only if every copy is, so an ungated copy would ungate it in every language.
 */
function allForms(entry: Entry): FormSpec[] {
  const forms = englishForms(entry);
  const gatedForms = new Set((entry.gatedForms ?? []).map((f) => normalizeForm(f)));
  for (const [lang, file] of Object.entries(LANGUAGE_FILES) as [
    OtherLanguage,
    typeof LANGUAGE_FILES.ar,
  ][]) {
    const local = file.entries[entry.id];
    if (!local) continue;
    for (const text of languageForms(local)) {
      const gated = entry.gated === true || gatedForms.has(normalizeForm(text));
      forms.push({ text, lang, gated });
    }
  }
  return forms;
}

/** What the matcher reads for each entry of the glossary, in glossary order. */
export function glossaryTerms(entries = glossary.entries): MatcherTerm[] {
  return entries.map((e) => ({ id: e.id, forms: allForms(e) }));
}

/**
 * What the content script ships: the matcher tables and each entry's category, and apart from
 * them the frame gate (a frame tests its text with that alone; see shipped.ts).
 */
export function buildShipped(): { shipped: Shipped; gate: GateData | null } {
  const tables = buildMatcherTables(glossaryTerms());
  return {
    shipped: {
      tables: { ...tables, gate: null },
      categories: glossary.entries.map((e) => e.category),
    },
    gate: tables.gate,
  };
}

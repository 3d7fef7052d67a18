/**
 * A reference simulation of the context-gating rule in data/README.md ("Context-gated
 * entries"), for the data tests and the recall/precision measurement. The engine implements the
 * rule itself; this file is what the data is measured against, using the current matcher.
 *
 * The rule: a gated occurrence (one matched by a gated form: any form of a `gated` entry, or one
 * listed in `gatedForms`) is shown only if its block also holds an ungated occurrence (of any
 * entry, the same one included), or the page carries defence context: the document title holds
 * an ungated occurrence, or the page's text holds ungated occurrences of at least 2 distinct
 * entries. Ungated occurrences are always shown.
 */
import { type Entry, surfaceForms } from '../../src/glossary/schema';
import {
  compileMatcher,
  type MatcherTerm,
  normalizeForm,
  type Matcher as PartMatcher,
} from '../../src/matcher';

/** Suffix of the matcher id under which an entry's gated forms are compiled. */
const GATED = '\u0000gated';

/** Normalised keys of the entry's gated surface forms. */
export function gatedKeys(entry: Entry): Set<string> {
  if (entry.gated === true) return new Set(surfaceForms(entry).map((f) => normalizeForm(f)));
  return new Set((entry.gatedForms ?? []).map((f) => normalizeForm(f)));
}

export function isGatedForm(entry: Entry, form: string): boolean {
  return gatedKeys(entry).has(normalizeForm(form));
}

/**
 * Matcher terms with each entry split in two: its ungated forms under its id, its gated forms
 * under id + GATED. Both halves take part in the same longest-match, so splitting changes no
 * match, only what each match is known to be.
 */
export function gatingTerms(entries: readonly Entry[]): MatcherTerm[] {
  const terms: MatcherTerm[] = [];
  for (const e of entries) {
    const forms = surfaceForms(e);
    const gated = forms.filter((f) => isGatedForm(e, f));
    const open = forms.filter((f) => !isGatedForm(e, f));
    if (open.length > 0) terms.push({ id: e.id, forms: open });
    if (gated.length > 0) terms.push({ id: e.id + GATED, forms: gated });
  }
  return terms;
}

export interface Occurrence {
  id: string;
  gated: boolean;
  text: string;
  start: number;
  end: number;
}

export interface Page {
  title?: string;
  blocks: readonly string[];
}

export interface PageResult {
  /** Occurrences shown, per block. */
  shown: Occurrence[][];
  /** Gated occurrences dropped, per block. */
  dropped: Occurrence[][];
  /** Whether the page carries defence context (title or two distinct ungated entries). */
  context: boolean;
}

export class GatingSimulator {
  private readonly matcher: PartMatcher;

  constructor(entries: readonly Entry[]) {
    this.matcher = compileMatcher(gatingTerms(entries));
  }

  occurrences(text: string): Occurrence[] {
    return this.matcher.scan(text).map((m) => {
      const gated = m.id.endsWith(GATED);
      return {
        id: gated ? m.id.slice(0, -GATED.length) : m.id,
        gated,
        text: text.slice(m.start, m.end),
        start: m.start,
        end: m.end,
      };
    });
  }

  /**
   * Applies the rule to a page. `contextBlocks` is for comparing a stricter variant of the page
   * rule (not the rule in data/README.md): with 2, the two distinct ungated entries must also
   * sit in at least two different blocks.
   */
  page(page: Page, contextBlocks = 1): PageResult {
    const perBlock = page.blocks.map((b) => this.occurrences(b));
    const titleContext = this.occurrences(page.title ?? '').some((o) => !o.gated);
    const ungatedIds = new Set(perBlock.flat().flatMap((o) => (o.gated ? [] : [o.id])));
    const blocksWithUngated = perBlock.filter((occ) => occ.some((o) => !o.gated)).length;
    const context = titleContext || (ungatedIds.size >= 2 && blocksWithUngated >= contextBlocks);
    const shown: Occurrence[][] = [];
    const dropped: Occurrence[][] = [];
    for (const occ of perBlock) {
      const blockContext = context || occ.some((o) => !o.gated);
      shown.push(occ.filter((o) => !o.gated || blockContext));
      dropped.push(occ.filter((o) => o.gated && !blockContext));
    }
    return { shown, dropped, context };
  }
}

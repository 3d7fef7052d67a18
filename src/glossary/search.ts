import MiniSearch from 'minisearch';
import { glossary } from './glossary';
import type { Category, Entry } from './schema';

export interface SearchOptions {
  category?: Category | undefined;
}

export interface GlossarySearch {
  search(query: string, options?: SearchOptions): Entry[];
}

// A term match says far more about intent than a word buried in a definition, so a hit on the
// display term outranks one on an alias, which outranks a definition hit.
const BOOST = { term: 5, abbreviation: 3, aliases: 3, definition: 1 } as const;

// One collator: localeCompare with options builds a new one per call, which shows up at startup.
const collator = new Intl.Collator('en', { sensitivity: 'base' });
const byTerm = (a: Entry, b: Entry): number => collator.compare(a.term, b.term);

/**
 * Builds the search over a list of entries. The index is built on the first non-empty query,
 * not here, so a caller can create this before first paint for free.
 */
export function createGlossarySearch(entries: readonly Entry[]): GlossarySearch {
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const alphabetical = [...entries].sort(byTerm);
  let index: MiniSearch<Entry> | undefined;

  const buildIndex = (): MiniSearch<Entry> => {
    const started = performance.now();
    const mini = new MiniSearch<Entry>({
      fields: ['term', 'abbreviation', 'aliases', 'definition'],
      extractField: (doc, field) => {
        const value = (doc as unknown as Record<string, unknown>)[field];
        return Array.isArray(value) ? value.join(' ') : ((value as string | undefined) ?? '');
      },
      searchOptions: { boost: { ...BOOST }, fuzzy: 0.2, prefix: true },
    });
    mini.addAll(entries as Entry[]);
    // Visible in the performance timeline, to keep an eye on it as the glossary grows.
    performance.measure('termlight:search-index', {
      start: started,
      detail: { entries: entries.length },
    });
    return mini;
  };

  return {
    search(query, options = {}) {
      const { category } = options;
      const trimmed = query.trim();
      if (!trimmed) {
        return category ? alphabetical.filter((e) => e.category === category) : alphabetical;
      }
      index ??= buildIndex();
      const filter = category
        ? (result: { id: string }) => byId.get(result.id)?.category === category
        : undefined;
      // Every word must match first, so "defence cooperation" does not drown in every entry
      // that mentions "cooperation"; only if that finds nothing do we accept any word.
      let results = index.search(trimmed, { combineWith: 'AND', ...(filter && { filter }) });
      if (results.length === 0) {
        results = index.search(trimmed, { combineWith: 'OR', ...(filter && { filter }) });
      }
      return results.flatMap((r) => byId.get(r.id) ?? []);
    },
  };
}

let shared: GlossarySearch | undefined;

function sharedSearch(): GlossarySearch {
  shared ??= createGlossarySearch(glossary.entries);
  return shared;
}

/** Entries matching `query`, best first; an empty query lists every entry alphabetically. */
export function searchGlossary(query: string, options?: SearchOptions): Entry[] {
  return sharedSearch().search(query, options);
}

/** Builds the index ahead of the first keystroke (call it from an idle callback). */
export function warmSearchIndex(): void {
  // A query that cannot match still forces the index to be built.
  sharedSearch().search('\u0000');
}

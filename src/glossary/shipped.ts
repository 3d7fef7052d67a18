import { loadMatcher, type Matcher, type MatcherTables } from '../matcher';
import { CATEGORIES, type Category } from './schema';

/**
 * The glossary as the content script gets it: matcher tables and categories compiled by the
 * build (src/glossary/matcher.ts), as a string literal for JSON.parse, the fastest way for V8 to
 * load data. The entries themselves (definitions, examples) are not in the content script: the
 * popover's chunk brings them when a reader asks.
 */
export interface Shipped {
  tables: MatcherTables;
  /** Category of each entry, in the order of `tables.terms`. */
  categories: Category[];
}

declare const __TERMLIGHT_SHIPPED__: string | undefined;

export interface ShippedGlossary {
  /** A matcher without the entries the reader hid. */
  matcher(hidden: readonly string[]): Matcher;
  categoryOf(id: string): Category;
  /** The build's tables and categories, for merging the reader's terms in (src/packs/compile.ts). */
  tables(): { tables: MatcherTables; categories: readonly Category[] };
}

interface Parsed {
  tables: MatcherTables;
  categories: Category[];
  byId: Map<string, Category>;
}

function parse(raw: string | undefined): Parsed {
  if (raw === undefined) throw new Error('Termlight was built without its glossary tables');
  const { tables, categories } = JSON.parse(raw) as Shipped;
  if (
    tables?.version !== 2 ||
    !Array.isArray(tables.terms) ||
    categories?.length !== tables.terms.length ||
    !categories.every((c) => (CATEGORIES as readonly string[]).includes(c))
  ) {
    throw new Error('Termlight was built with unreadable glossary tables');
  }
  const byId = new Map(tables.terms.map((id, i) => [id, categories[i] as Category]));
  return { tables, categories, byId };
}

/** The build's glossary, read when first needed. */
export function shippedGlossary(
  raw: string | undefined = typeof __TERMLIGHT_SHIPPED__ === 'string'
    ? __TERMLIGHT_SHIPPED__
    : undefined,
): ShippedGlossary {
  let parsed: ReturnType<typeof parse> | null = null;
  const load = () => {
    parsed ??= parse(raw);
    return parsed;
  };
  return {
    matcher: (hidden) => loadMatcher(load().tables, { exclude: new Set(hidden) }),
    categoryOf(id) {
      const category = load().byId.get(id);
      // A highlight with no entry behind it is a programming error.
      if (!category) throw new Error(`Unknown glossary entry id: ${id}`);
      return category;
    },
    tables: () => load(),
  };
}

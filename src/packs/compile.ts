/**
 * The reader's terms and enabled packs as matcher tables, compiled at run time (in the
 * background) and merged with the build's glossary tables, so a page matches every source in one
 * pass. Compiling 10,000 entries takes a few hundred milliseconds of CPU, so it runs in slices
 * that yield between them: the background stays responsive and no task runs long.
 */
import type { Category } from '../glossary/schema';
import { buildMatcherTables, type MatcherTables, TablesMerger } from '../matcher';
import { type SourcedEntry, userMatcherTerms } from './terms';

/** What content scripts read at start: one item of storage.local (see src/platform/user-tables.ts). */
export interface UserTables {
  /** The pack store's revision these tables were compiled from. */
  revision: number;
  /** Which build's glossary is merged in (`builtInStamp`); another build recompiles. */
  builtIn: string;
  /** User entries first, then the glossary's: on a shared form the reader's entry wins. */
  tables: MatcherTables;
  /** Category of each entry, in the order of `tables.terms`. */
  categories: Category[];
}

export interface BuiltInTables {
  tables: MatcherTables;
  categories: readonly Category[];
  stamp: string;
}

export interface CompileOptions {
  /** Work this long (ms) before yielding; well under the 50 ms of a long task. */
  sliceMs?: number;
  yieldNow?: () => Promise<void>;
  now?: () => number;
  /** Told each slice's duration, for the bench figures. */
  onSlice?: (ms: number) => void;
}

/** A cheap fingerprint of the build's tables: any change to the glossary changes it. */
export function builtInStamp(tables: MatcherTables): string {
  return `${tables.terms.length}:${tables.formCount}:${tables.keys.length}:${tables.forms.length}`;
}

const defaultYield = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Entries compiled between two clock reads; small enough that one step stays far below a slice. */
const STEP = 100;

/**
 * Compiles `entries` (in priority order: my terms, then packs) and merges the built-in tables
 * after them. Null when there is nothing of the reader's: content scripts then use the build's
 * tables alone and pay nothing.
 */
export async function compileUserTables(
  snapshot: { revision: number; entries: readonly SourcedEntry[] },
  builtIn: BuiltInTables,
  options: CompileOptions = {},
): Promise<UserTables | null> {
  const { entries, revision } = snapshot;
  if (entries.length === 0) return null;
  const sliceMs = options.sliceMs ?? 8;
  const yieldNow = options.yieldNow ?? defaultYield;
  const now = options.now ?? (() => performance.now());
  const merger = new TablesMerger();
  let sliceStart = now();
  for (let i = 0; i < entries.length; i += STEP) {
    const part = entries.slice(i, i + STEP);
    // The merger builds the pre-filter once over all forms; per part it would be wasted work.
    merger.add(buildMatcherTables(userMatcherTerms(part), { prefilter: false }));
    if (now() - sliceStart >= sliceMs && i + STEP < entries.length) {
      options.onSlice?.(now() - sliceStart);
      await yieldNow();
      sliceStart = now();
    }
  }
  merger.add(builtIn.tables);
  options.onSlice?.(now() - sliceStart);
  await yieldNow();
  sliceStart = now();
  merger.buildNeedles();
  options.onSlice?.(now() - sliceStart);
  await yieldNow();
  sliceStart = now();
  const tables = merger.finish();
  options.onSlice?.(now() - sliceStart);
  return {
    revision,
    builtIn: builtIn.stamp,
    tables,
    categories: [...entries.map((e) => e.entry.category), ...builtIn.categories],
  };
}

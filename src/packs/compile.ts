/**
 * The reader's terms and enabled packs as matcher tables, compiled at run time (in the
 * background) and merged with the build's glossary tables, so a page matches every source in one
 * pass. Compiling 10,000 entries takes a few hundred milliseconds of CPU, so it runs in slices
 * that yield between them: the background stays responsive and no task runs long.
 */
import type { Category } from '../glossary/schema';
import { type MatcherTables, TablesBuilder } from '../matcher';
import { yieldToMain } from '../util/yield';
import { type SourcedEntry, userMatcherTerms } from './terms';

/**
 * Work this long before yielding: a long task is 50 ms. Between slices a yield costs little
 * (no timer clamping), so fewer, longer slices finish sooner.
 */
const SLICE_MS = 16;

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

/** A compile's result: the tables, and the frame gate that is stored apart from them. */
export interface CompiledUserTables extends UserTables {
  /**
   * The frame gate of the reader's forms (`GateData` as JSON, as the build ships its own), or
   * null when no form gives one.
   */
  gate: string | null;
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

/**
 * What a compile stores, by version: tables stored by an older one are compiled again, as for
 * another glossary (2: the frame gate item, which older ones did not write).
 */
const STORED_VERSION = 2;

/** A cheap fingerprint of the build's tables and `STORED_VERSION`: any change to either changes it. */
export function builtInStamp(tables: MatcherTables): string {
  return `${STORED_VERSION}:${tables.terms.length}:${tables.formCount}:${tables.keys.length}:${tables.forms.length}`;
}

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
): Promise<CompiledUserTables | null> {
  const { entries, revision } = snapshot;
  if (entries.length === 0) return null;
  const sliceMs = options.sliceMs ?? SLICE_MS;
  const yieldNow = options.yieldNow ?? yieldToMain;
  const now = options.now ?? (() => performance.now());
  let sliceStart = now();
  const nextSlice = async () => {
    options.onSlice?.(now() - sliceStart);
    await yieldNow();
    sliceStart = now();
  };
  // One builder for every source: parts compiled apart and merged cost twice as much.
  const builder = new TablesBuilder();
  for (let i = 0; i < entries.length; i += STEP) {
    builder.add(userMatcherTerms(entries.slice(i, i + STEP)));
    if (now() - sliceStart >= sliceMs && i + STEP < entries.length) await nextSlice();
  }
  await nextSlice();
  // The frame gate of the reader's forms alone, in a slice of its own: a sub-frame asks it only
  // once the build's gate, which holds the glossary's, has turned the frame away
  // (src/content/frame-gate.ts), so the glossary's forms would only make it bigger.
  const gate = builder.gate();
  await nextSlice();
  builder.addTables(builtIn.tables);
  await nextSlice();
  // The pre-filter is built once over all forms, the glossary's too, in a slice of its own.
  builder.needles();
  await nextSlice();
  // The merged tables need no gate: frames are gated before they load them.
  const tables = builder.tables({ gate: false });
  options.onSlice?.(now() - sliceStart);
  return {
    revision,
    builtIn: builtIn.stamp,
    tables,
    categories: [...entries.map((e) => e.entry.category), ...builtIn.categories],
    gate: gate === null ? null : JSON.stringify(gate),
  };
}

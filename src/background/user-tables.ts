import {
  type BuiltInTables,
  builtInStamp,
  type CompileOptions,
  compileUserTables,
  type UserTables,
} from '../packs/compile';
import { displayEntries, type UserEntries } from '../packs/display';
import type { PackInfo } from '../packs/store';
import type { SourcedEntry } from '../packs/terms';

/** The part of the pack store the background reads. */
export interface PackSnapshotSource {
  snapshot(): Promise<{ revision: number; entries: SourcedEntry[] }>;
  listPacks(): Promise<PackInfo[]>;
}

export interface UserTablesDeps {
  openStore(): Promise<PackSnapshotSource>;
  builtIn(): BuiltInTables;
  readStored(): Promise<UserTables | null>;
  /** `gate`: the frame gate of the reader's forms, as JSON (see `CompiledUserTables`). */
  write(tables: UserTables | null, entries: UserEntries | null, gate: string | null): Promise<void>;
  compile?: CompileOptions;
}

/**
 * Keeps storage.local's compiled tables in step with the pack store: `refresh()` (at start-up
 * and whenever the options page says the store changed) compiles only when the store's revision
 * or the build's glossary differs from what is stored. Calls while one runs coalesce into one
 * more run, so a burst of edits compiles at most twice.
 */
export function createUserTablesCompiler(deps: UserTablesDeps): { refresh(): Promise<void> } {
  let store: Promise<PackSnapshotSource> | null = null;
  let running: Promise<void> | null = null;
  let again = false;

  const once = async () => {
    store ??= deps.openStore();
    const source = await store;
    const builtIn = deps.builtIn();
    const [snapshot, stored] = await Promise.all([source.snapshot(), deps.readStored()]);
    if (snapshot.entries.length === 0) {
      if (stored !== null) await deps.write(null, null, null);
      return;
    }
    if (stored?.revision === snapshot.revision && stored.builtIn === builtIn.stamp) return;
    const names = new Map((await source.listPacks()).map((p) => [p.id, p.name]));
    const compiled = await compileUserTables(snapshot, builtIn, deps.compile);
    if (compiled === null) return;
    const { gate, ...tables } = compiled;
    const entries = {
      revision: snapshot.revision,
      entries: displayEntries(snapshot.entries, names),
    };
    await deps.write(tables, entries, gate);
  };

  const refresh = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await once();
        } while (again);
      } finally {
        running = null;
      }
    })();
    return running;
  };

  return { refresh };
}

/** The glossary's precompiled tables, as the compiler merges them. */
export function shippedBuiltIn(glossary: {
  tables(): { tables: BuiltInTables['tables']; categories: BuiltInTables['categories'] };
}): () => BuiltInTables {
  return () => {
    const { tables, categories } = glossary.tables();
    return { tables, categories, stamp: builtInStamp(tables) };
  };
}

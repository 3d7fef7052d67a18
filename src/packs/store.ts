/**
 * Installed packs and the reader's own terms, in IndexedDB. Every change is one transaction, so
 * an install, an upgrade or a removal happens completely or not at all. `revision` goes up in the
 * same transaction whenever the enabled entries change, so compiled matcher tables can be cached
 * against it and rebuilt only then.
 *
 * Extension pages and the background can open this; content scripts cannot (IndexedDB there is
 * the page's), so they get entries or compiled tables by message or from storage.local.
 */
import { openDatabase, request } from '../idb/idb';
import { MyTerms } from './my-terms';
import { MINE, PACK_FORMAT, PACK_VERSION, type Pack } from './schema';
import {
  BY_PACK,
  bump,
  ENTRIES,
  type EntryRecord,
  entriesOf,
  META,
  onResult,
  PACKS,
  type PackInfo,
  PackStoreError,
  withPack,
  write,
} from './store-tx';
import type { SourcedEntry } from './terms';

export { type DeletedTerm, MyTerms } from './my-terms';
export { type PackInfo, PackStoreError, type StoreErrorCode } from './store-tx';

export const DB_NAME = 'termlight-packs';
const DB_VERSION = 1;

export interface PackStoreOptions {
  /** Where IndexedDB is (tests pass fake-indexeddb's factory). */
  factory?: IDBFactory;
  name?: string;
  now?: () => number;
}

/** Opens (creating on first use) the packs database. */
export async function openPackStore(options: PackStoreOptions = {}): Promise<PackStore> {
  const now = options.now ?? Date.now;
  const db = await openDatabase({
    name: options.name ?? DB_NAME,
    version: DB_VERSION,
    factory: options.factory,
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        const mine: PackInfo = {
          id: MINE,
          kind: 'mine',
          name: 'My terms',
          entryCount: 0,
          enabled: true,
          installedAt: now(),
        };
        db.createObjectStore(PACKS, { keyPath: 'id' }).put(mine);
        db.createObjectStore(ENTRIES, { keyPath: ['pack', 'id'] }).createIndex(BY_PACK, 'pack');
        db.createObjectStore(META).put(0, 'revision');
      }
    },
  });
  return new PackStore(db, now);
}

/** My terms first, then packs by install time. */
function byListOrder(a: PackInfo, b: PackInfo): number {
  const rank = (p: PackInfo) => (p.kind === 'mine' ? 0 : 1);
  return rank(a) - rank(b) || a.installedAt - b.installedAt;
}

/** Deletes every entry of `pack` inside `tx`, then calls `then` (still inside `tx`). */
function clearEntries(tx: IDBTransaction, pack: string, then: () => void): void {
  const store = tx.objectStore(ENTRIES);
  onResult(tx, store.index(BY_PACK).getAllKeys(pack), (keys) => {
    // Issued before whatever `then` writes, so they run first and never hit new entries.
    for (const key of keys) store.delete(key);
    then();
  });
}

export class PackStore {
  /** The reader's own terms: add, edit, delete, undo. */
  readonly myTerms: MyTerms;

  constructor(
    private readonly db: IDBDatabase,
    private readonly now: () => number,
  ) {
    this.myTerms = new MyTerms(db);
  }

  close(): void {
    this.db.close();
  }

  /** Goes up whenever the enabled entries change; starts at 0. */
  async revision(): Promise<number> {
    const meta = this.db.transaction(META).objectStore(META);
    return ((await request(meta.get('revision'), 'reading the revision')) as number) ?? 0;
  }

  /** My terms first, then installed packs in the order they were installed. */
  async listPacks(): Promise<PackInfo[]> {
    const store = this.db.transaction(PACKS).objectStore(PACKS);
    const all = (await request(store.getAll(), 'listing packs')) as PackInfo[];
    return all.sort(byListOrder);
  }

  /**
   * Installs a validated pack in one transaction. With `replace`, a pack of the same id is
   * swapped for it in that same transaction (an upgrade), keeping its enabled state.
   */
  async installPack(
    pack: Pack,
    options: { replace?: boolean; enabled?: boolean } = {},
  ): Promise<PackInfo> {
    if (pack.id === MINE) {
      throw new PackStoreError('reserved', `the id "${MINE}" is reserved for your own terms`);
    }
    const { entries, format: _f, version: _v, $schema: _s, ...meta } = pack;
    let info: PackInfo | undefined;
    await write(this.db, `the pack "${pack.name}"`, (tx, refuse) => {
      withPack(tx, pack.id, (old) => {
        if (old && !options.replace) {
          refuse(new PackStoreError('exists', `a pack with the id "${pack.id}" is installed`));
          return;
        }
        const enabled = old?.enabled ?? options.enabled ?? true;
        const installedAt = old?.installedAt ?? this.now();
        info = { ...meta, kind: 'pack', entryCount: entries.length, enabled, installedAt };
        clearEntries(tx, pack.id, () => {
          const store = tx.objectStore(ENTRIES);
          entries.forEach((entry, seq) => {
            store.put({ pack: pack.id, id: entry.id, seq, entry } satisfies EntryRecord);
          });
          tx.objectStore(PACKS).put(info);
          if (enabled || old?.enabled) bump(tx);
        });
      });
    });
    return info as PackInfo;
  }

  /** The whole pack, for export. My terms come out as a pack with the id "my-terms". */
  async getPack(id: string): Promise<Pack | undefined> {
    const store = this.db.transaction(PACKS).objectStore(PACKS);
    const info = (await request(store.get(id), 'reading a pack')) as PackInfo | undefined;
    if (info === undefined) return undefined;
    const { kind, entryCount: _n, enabled: _e, installedAt: _t, ...meta } = info;
    const entries = (await entriesOf(this.db, id)).map((r) => r.entry);
    const packId = kind === 'mine' ? 'my-terms' : id;
    return { format: PACK_FORMAT, version: PACK_VERSION, ...meta, id: packId, entries };
  }

  /** Turns a pack (or my terms, `MINE`) on or off. */
  async setEnabled(id: string, enabled: boolean): Promise<void> {
    await write(this.db, 'the change', (tx, refuse) => {
      withPack(tx, id, (info) => {
        if (info === undefined) return refuse(new PackStoreError('not-found', `no pack "${id}"`));
        if (info.enabled === enabled) return;
        tx.objectStore(PACKS).put({ ...info, enabled });
        bump(tx);
      });
    });
  }

  /** Removes a pack and all its entries in one transaction. */
  async removePack(id: string): Promise<void> {
    if (id === MINE) {
      throw new PackStoreError('reserved', 'your own terms cannot be removed, only deleted');
    }
    await write(this.db, 'the removal', (tx, refuse) => {
      withPack(tx, id, (info) => {
        if (info === undefined) return refuse(new PackStoreError('not-found', `no pack "${id}"`));
        clearEntries(tx, id, () => {
          tx.objectStore(PACKS).delete(id);
          if (info.enabled) bump(tx);
        });
      });
    });
  }

  /**
   * Every enabled entry with its source: my terms first (they win a form two entries share,
   * see compile.ts), then packs in install order, each in its own order.
   */
  async enabledEntries(): Promise<SourcedEntry[]> {
    return (await this.snapshot()).entries;
  }

  /**
   * The enabled entries and the revision they belong to, read in one transaction: cache compiled
   * tables under this revision, never under one read separately (a change could fall between).
   */
  snapshot(): Promise<{ revision: number; entries: SourcedEntry[] }> {
    const tx = this.db.transaction([PACKS, ENTRIES, META]);
    return new Promise((resolve, reject) => {
      tx.onabort = () => reject(tx.error);
      const revision = tx.objectStore(META).get('revision');
      const packs = tx.objectStore(PACKS).getAll();
      packs.onsuccess = () => {
        const enabled = (packs.result as PackInfo[]).filter((p) => p.enabled).sort(byListOrder);
        const lists = enabled.map((p) => tx.objectStore(ENTRIES).index(BY_PACK).getAll(p.id));
        tx.oncomplete = () => {
          const entries = lists.flatMap((list, i) => {
            const source = (enabled[i] as PackInfo).id;
            const records = (list.result as EntryRecord[]).sort((a, b) => a.seq - b.seq);
            return records.map((r) => ({ source, entry: r.entry }));
          });
          resolve({ revision: (revision.result as number | undefined) ?? 0, entries });
        };
      };
    });
  }
}

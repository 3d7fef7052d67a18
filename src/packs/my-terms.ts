/**
 * The reader's own terms: a pack of their own (id `MINE`), always present, edited one entry at a
 * time. Deleting returns what undo needs; the options page keeps it while it offers "Undo".
 */
import { idsFromTerms } from './ids';
import { MINE, type UserEntry } from './schema';
import {
  bump,
  ENTRIES,
  type EntryRecord,
  entriesOf,
  onResult,
  PACKS,
  PackStoreError,
  withPack,
  write,
} from './store-tx';
import { validateEntry } from './validate';

/** What `delete` returns and `restore` takes back. */
export interface DeletedTerm {
  entry: UserEntry;
  seq: number;
}

/** An id from the term ("Joint task force" → "joint-task-force"), `-2`, `-3`… when taken. */
export function myTermId(term: string, taken: readonly string[]): string {
  const base = idsFromTerms([term])[0] as string;
  const used = new Set(taken);
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  return id;
}

function checked(draft: Record<string, unknown>): UserEntry {
  const result = validateEntry(draft);
  if (!result.ok) throw new PackStoreError('invalid', 'the term has problems', result.errors);
  return result.entry;
}

function notFound(id: string): PackStoreError {
  return new PackStoreError('not-found', `no term "${id}" among your terms`);
}

export class MyTerms {
  constructor(private readonly db: IDBDatabase) {}

  async list(): Promise<UserEntry[]> {
    return (await entriesOf(this.db, MINE)).map((r) => r.entry);
  }

  /** Validates and adds a term; a draft without an id gets one from its term. */
  async add(draft: Record<string, unknown>): Promise<UserEntry> {
    const mine = await entriesOf(this.db, MINE);
    const given = typeof draft.id === 'string' && draft.id !== '' ? draft.id : undefined;
    const id =
      given ??
      myTermId(
        String(draft.term ?? ''),
        mine.map((r) => r.id),
      );
    const entry = checked({ ...draft, id });
    const seq = mine.reduce((max, r) => Math.max(max, r.seq + 1), 0);
    await this.put({ pack: MINE, id, seq, entry }, 'add');
    return entry;
  }

  /** Replaces term `id` with the edited draft (the id stays). */
  async update(id: string, draft: Record<string, unknown>): Promise<UserEntry> {
    const entry = checked({ ...draft, id });
    const old = (await entriesOf(this.db, MINE)).find((r) => r.id === id);
    if (old === undefined) throw notFound(id);
    await this.put({ ...old, entry }, 'update');
    return entry;
  }

  /** Deletes term `id`; give the result to `restore` to undo. */
  async delete(id: string): Promise<DeletedTerm> {
    const old = (await entriesOf(this.db, MINE)).find((r) => r.id === id);
    if (old === undefined) throw notFound(id);
    await write(this.db, 'the deletion', (tx) => {
      tx.objectStore(ENTRIES).delete([MINE, id]);
      this.count(tx, -1);
    });
    return { entry: old.entry, seq: old.seq };
  }

  /** Undoes a delete: the term comes back in its old place, unless its id was taken since. */
  async restore(deleted: DeletedTerm): Promise<void> {
    const record = { pack: MINE, id: deleted.entry.id, seq: deleted.seq, entry: deleted.entry };
    await this.put(record, 'add');
  }

  /** `add` refuses an id already taken; `update` overwrites. */
  private async put(record: EntryRecord, mode: 'add' | 'update'): Promise<void> {
    await write(this.db, `the term "${record.entry.term}"`, (tx, refuse) => {
      const store = tx.objectStore(ENTRIES);
      onResult(tx, store.getKey([MINE, record.id]), (existing) => {
        if (mode === 'add' && existing !== undefined) {
          refuse(
            new PackStoreError('exists', `you already have a term with the id "${record.id}"`),
          );
          return;
        }
        store.put(record);
        this.count(tx, mode === 'add' ? 1 : 0);
      });
    });
  }

  /** Keeps the entry count, and the revision when my terms are enabled. */
  private count(tx: IDBTransaction, delta: number): void {
    withPack(tx, MINE, (info) => {
      if (info === undefined) return;
      if (delta !== 0) tx.objectStore(PACKS).put({ ...info, entryCount: info.entryCount + delta });
      if (info.enabled) bump(tx);
    });
  }
}

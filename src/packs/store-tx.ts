/**
 * The packs database's layout and the transaction helpers store.ts and my-terms.ts share.
 * Every change runs in one read-write transaction over all stores, so it is all or nothing.
 */
import { done, IdbError, isQuotaError, request } from '../idb/idb';
import type { ImportProblem } from './problems';
import type { PackMeta, UserEntry } from './schema';

export const PACKS = 'packs';
export const ENTRIES = 'entries';
export const META = 'meta';
export const BY_PACK = 'by-pack';

/** A pack as listed: its metadata, how many entries, whether they are highlighted. */
export interface PackInfo extends Omit<PackMeta, 'format' | 'version'> {
  kind: 'pack' | 'mine';
  entryCount: number;
  enabled: boolean;
  /** Milliseconds since the epoch. */
  installedAt: number;
}

export interface EntryRecord {
  pack: string;
  id: string;
  /** Position in the pack (file order; for my terms, the order they were added). */
  seq: number;
  entry: UserEntry;
}

export type StoreErrorCode = 'quota' | 'not-found' | 'exists' | 'reserved' | 'invalid' | 'storage';

export class PackStoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    /** For `invalid`: what is wrong with the term, by field. */
    readonly problems: ImportProblem[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'PackStoreError';
  }
}

/** A failed write as the reader should hear it; a full disk gets its own code and words. */
export function storeError(error: unknown, what: string): PackStoreError {
  if (error instanceof PackStoreError) return error;
  if (isQuotaError(error)) {
    return new PackStoreError(
      'quota',
      `Not enough storage space for ${what}: the browser refused to store more. Remove a pack or free some disk space, then try again.`,
      [],
      { cause: error },
    );
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new PackStoreError('storage', `Could not save ${what}: ${detail}`, [], { cause: error });
}

export type Refuse = (error: PackStoreError) => void;

/** The running write's refusal, for callbacks that only hold the transaction. */
const refusals = new WeakMap<IDBTransaction, (error: unknown) => void>();

/** IndexedDB errors thrown at once are DOMExceptions; name them as the rest are named. */
function named(error: unknown): unknown {
  return error instanceof DOMException ? new IdbError(error.message, error.name) : error;
}

/**
 * Calls `then` with the request's result inside its transaction. A throw there (a put that
 * fails at once, e.g. DataCloneError) would abort the transaction as a bare AbortError; this
 * keeps the real error for the caller.
 */
export function onResult<T>(
  tx: IDBTransaction,
  req: IDBRequest<T>,
  then: (result: T) => void,
): void {
  req.onsuccess = () => {
    try {
      then(req.result);
    } catch (error) {
      refusals.get(tx)?.(error);
    }
  };
}

/**
 * Runs `body` in one read-write transaction over every store and waits for the commit. `body`
 * issues requests synchronously or from their callbacks (never across an await, which would
 * let the transaction commit early); `refuse` aborts it with a reason of ours.
 */
export async function write(
  db: IDBDatabase,
  what: string,
  body: (tx: IDBTransaction, refuse: Refuse) => void,
): Promise<void> {
  const tx = db.transaction([PACKS, ENTRIES, META], 'readwrite');
  const committed = done(tx, what);
  let refused: PackStoreError | undefined;
  const refuse: Refuse = (error) => {
    refused ??= error;
    tx.abort();
  };
  const thrown = (error: unknown) => refuse(storeError(named(error), what));
  refusals.set(tx, thrown);
  try {
    body(tx, refuse);
  } catch (error) {
    thrown(error);
  }
  try {
    await committed;
  } catch (error) {
    throw refused ?? storeError(error, what);
  }
  if (refused) throw refused;
}

/** Adds one to the revision inside `tx`. */
export function bump(tx: IDBTransaction): void {
  const meta = tx.objectStore(META);
  onResult(tx, meta.get('revision'), (current) => {
    meta.put(((current as number | undefined) ?? 0) + 1, 'revision');
  });
}

/** Reads one pack's record inside `tx`, then calls `then` (with undefined when there is none). */
export function withPack(
  tx: IDBTransaction,
  id: string,
  then: (info: PackInfo | undefined) => void,
): void {
  onResult(tx, tx.objectStore(PACKS).get(id), (info) => then(info as PackInfo | undefined));
}

/** A pack's entries in their order. */
export async function entriesOf(db: IDBDatabase, pack: string): Promise<EntryRecord[]> {
  const store = db.transaction(ENTRIES).objectStore(ENTRIES);
  const records = await request(store.index(BY_PACK).getAll(pack), 'reading entries');
  return (records as EntryRecord[]).sort((a, b) => a.seq - b.seq);
}

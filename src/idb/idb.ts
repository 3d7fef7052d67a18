/**
 * A thin promise layer over IndexedDB, shared by every store the extension keeps there (glossary
 * packs, reading history). IndexedDB is a web API, not `browser.*`: extension pages and the
 * background reach the extension origin's databases directly; content scripts do not (theirs
 * would be the page's), so they ask the background.
 */

/** A failure to open or use a database, with what was being done. */
export class IdbError extends Error {
  constructor(
    message: string,
    /** The DOMException name when IndexedDB gave one (`QuotaExceededError`, `VersionError`, …). */
    readonly reason: string,
  ) {
    super(message);
    this.name = 'IdbError';
  }
}

/** True when the error means the disk or the origin's quota is full. */
export function isQuotaError(error: unknown): boolean {
  const name = error instanceof IdbError ? error.reason : (error as { name?: unknown })?.name;
  return name === 'QuotaExceededError';
}

function wrap(what: string, error: DOMException | Error | null | undefined): IdbError {
  const reason = error?.name ?? 'UnknownError';
  return new IdbError(`${what}: ${error?.message || reason}`, reason);
}

/** Resolves with a request's result, rejects with an `IdbError`. */
export function request<T>(req: IDBRequest<T>, what = 'IndexedDB request'): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(wrap(what, req.error));
  });
}

/** Resolves when the transaction commits; rejects (with the first error) when it aborts. */
export function done(tx: IDBTransaction, what = 'IndexedDB transaction'): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(wrap(what, tx.error));
    tx.onerror = () => {
      // The abort that follows carries the same error; keep the default (abort) behaviour.
    };
  });
}

export interface OpenOptions {
  name: string;
  version: number;
  /** Creates or migrates stores; runs inside the version-change transaction. */
  upgrade(db: IDBDatabase, oldVersion: number, tx: IDBTransaction): void;
  /** Where to find IndexedDB (tests pass fake-indexeddb's factory). */
  factory?: IDBFactory;
}

/** Opens (and if needed upgrades) a database. */
export function openDatabase(options: OpenOptions): Promise<IDBDatabase> {
  const factory = options.factory ?? globalThis.indexedDB;
  if (!factory) return Promise.reject(new IdbError('IndexedDB is not available', 'NotSupported'));
  return new Promise((resolve, reject) => {
    let req: IDBOpenDBRequest;
    try {
      req = factory.open(options.name, options.version);
    } catch (e) {
      reject(wrap(`opening ${options.name}`, e as Error));
      return;
    }
    req.onupgradeneeded = (event) => {
      const tx = req.transaction as IDBTransaction;
      options.upgrade(req.result, event.oldVersion, tx);
    };
    req.onsuccess = () => {
      const db = req.result;
      // Another context (a newer extension version) wants to upgrade: let it.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    req.onerror = () => reject(wrap(`opening ${options.name}`, req.error));
    req.onblocked = () =>
      reject(new IdbError(`opening ${options.name}: blocked by an open connection`, 'Blocked'));
  });
}

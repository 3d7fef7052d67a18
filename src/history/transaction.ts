import { done, IdbError, isQuotaError } from '../idb/idb';
import { type Lookup, parseLookup } from './record';

/*
 * Running one unit of history work in one IndexedDB transaction, and turning every way that can
 * fail into a value. Requests are chained with callbacks inside the transaction (never awaited),
 * so it stays active between steps in every browser.
 */

/** What went wrong, in terms the history view can explain. */
export type FailureReason =
  /** The disk or the origin's quota is full: reading still works, recording does not. */
  | 'quota'
  /** No IndexedDB here (disabled, private mode in older browsers, broken profile). */
  | 'unavailable'
  /** The record given to `add` is not a valid lookup. */
  | 'invalid'
  /** Anything else; `message` says what, for the console. */
  | 'failed';

export interface HistoryFailure {
  ok: false;
  reason: FailureReason;
  message: string;
}

export type HistoryResult<T extends object> = ({ ok: true } & T) | HistoryFailure;

// Error names that mean the database cannot be used at all, rather than that one step failed.
const UNAVAILABLE = new Set([
  'NotSupported',
  'Blocked',
  'InvalidStateError',
  'VersionError',
  'SecurityError',
  'UnknownError',
  'NotFoundError',
]);

function errorName(error: unknown): string {
  if (error instanceof IdbError) return error.reason;
  const name = (error as { name?: unknown } | null)?.name;
  return typeof name === 'string' ? name : 'Error';
}

/** Maps any thrown value to a failure; `otherwise` is the reason for errors with no better one. */
export function toFailure(error: unknown, otherwise: FailureReason = 'failed'): HistoryFailure {
  const message = error instanceof Error ? error.message : String(error);
  if (isQuotaError(error)) return { ok: false, reason: 'quota', message };
  return {
    ok: false,
    reason: UNAVAILABLE.has(errorName(error)) ? 'unavailable' : otherwise,
    message,
  };
}

export interface Job {
  store: IDBObjectStore;
  /** Runs `then` with the request's result; a throw in it aborts the transaction with that error. */
  on<R>(request: IDBRequest<R>, then: (result: R) => void): void;
}

/**
 * Runs `work` in `tx`. `work` issues its requests through `job.on` and returns a function that
 * reads the result once the transaction has committed.
 */
export async function runJob<T extends object>(
  tx: IDBTransaction,
  storeName: string,
  what: string,
  work: (job: Job) => () => T,
): Promise<HistoryResult<T>> {
  // The first error thrown by our own code wins over the AbortError that aborting causes.
  const trouble: { thrown: boolean; error: unknown } = { thrown: false, error: undefined };
  const abortWith = (error: unknown) => {
    if (!trouble.thrown) Object.assign(trouble, { thrown: true, error });
    try {
      tx.abort();
    } catch {
      // Already finished: the error is still reported below.
    }
  };
  const finished = done(tx, what);
  let read: (() => T) | undefined;
  try {
    const job: Job = {
      store: tx.objectStore(storeName),
      on(request, then) {
        request.onsuccess = () => {
          try {
            then(request.result);
          } catch (error) {
            abortWith(error);
          }
        };
      },
    };
    read = work(job);
  } catch (error) {
    abortWith(error);
  }
  try {
    await finished;
  } catch (error) {
    return toFailure(trouble.thrown ? trouble.error : error);
  }
  if (trouble.thrown || !read) return toFailure(trouble.error);
  return { ok: true, ...read() };
}

export interface LookupsRead {
  /** Well-formed records, in the order read. */
  records: Lookup[];
  /** Corrupt records the read came across and left out. */
  skipped: number;
}

/**
 * Walks a cursor, validating each record: corrupt ones are counted, not returned. Stops after
 * `limit` kept records.
 */
export function collect(
  job: Job,
  source: IDBObjectStore | IDBIndex,
  range: IDBKeyRange | null,
  direction: IDBCursorDirection,
  keep: (lookup: Lookup) => boolean = () => true,
  limit = Number.POSITIVE_INFINITY,
): LookupsRead {
  const read: LookupsRead = { records: [], skipped: 0 };
  if (limit <= 0) return read;
  const cursor = source.openCursor(range, direction);
  job.on(cursor, (c) => {
    if (!c) return;
    const lookup = parseLookup(c.value);
    if (!lookup) read.skipped++;
    else if (keep(lookup)) read.records.push(lookup);
    if (read.records.length < limit) c.continue();
  });
  return read;
}

import { openDatabase } from '../idb/idb';
import { isRepeat, type Lookup, parseLookup, REPEAT_WINDOW_MS } from './record';
import {
  collect,
  type HistoryResult,
  type Job,
  type LookupsRead,
  runJob,
  toFailure,
} from './transaction';
import { type EntrySummary, type HistoryFilter, lookupFilter } from './views';

/*
 * The reading history in IndexedDB: one object store of lookups, keyed by an auto-increment id
 * (so key order is recording order), with two indexes: [entryId, time] for one entry's lookups
 * and its summary, and time for the newest-first lists and date ranges.
 *
 * Every method resolves, never rejects: failures come back as { ok: false, reason }. Reads
 * validate each record and count the corrupt ones as `skipped`.
 */

export type { FailureReason, HistoryFailure, HistoryResult, LookupsRead } from './transaction';

export const HISTORY_DB_NAME = 'termlight-history';
const DB_VERSION = 1;
const LOOKUPS = 'lookups';
const BY_ENTRY = 'entry-time';
const BY_TIME = 'time';

/** The setting's default: how many lookups history keeps before dropping the oldest. */
export const HISTORY_CAP_DEFAULT = 5000;
export const HISTORY_CAP_MAX = 100_000;

export interface AddOptions {
  /** Keep at most this many lookups (1..HISTORY_CAP_MAX); the first recorded go first. */
  cap?: number;
  /** A repeat of the entry's last lookup within this window is not stored again (0: always store). */
  repeatWindowMs?: number;
}

export interface Added {
  /** The stored record (with its id), or the earlier one it repeated. */
  lookup: Lookup;
  added: boolean;
  /** How many old lookups the cap removed. */
  evicted: number;
}

export interface HistoryStore {
  add(lookup: Lookup, options?: AddOptions): Promise<HistoryResult<Added>>;
  /** The newest `limit` lookups, newest first. */
  recent(limit: number): Promise<HistoryResult<LookupsRead>>;
  /** Every lookup of one entry, newest first. */
  byEntry(entryId: string): Promise<HistoryResult<LookupsRead>>;
  /** Count and last lookup of one entry from its index; null when it was never looked up. */
  summary(
    entryId: string,
  ): Promise<HistoryResult<{ summary: EntrySummary | null; skipped: number }>>;
  /** Lookups matching a filter, newest first. */
  query(filter: HistoryFilter): Promise<HistoryResult<LookupsRead>>;
  count(): Promise<HistoryResult<{ count: number }>>;
  forgetEntry(entryId: string): Promise<HistoryResult<{ removed: number }>>;
  /** Removes every lookup, in one transaction. */
  clear(): Promise<HistoryResult<Record<never, never>>>;
  close(): void;
}

export interface HistoryStoreOptions {
  /** Where to find IndexedDB (tests pass fake-indexeddb's factory). */
  factory?: IDBFactory;
  name?: string;
}

function upgrade(db: IDBDatabase, oldVersion: number): void {
  if (oldVersion < 1) {
    const store = db.createObjectStore(LOOKUPS, { keyPath: 'id', autoIncrement: true });
    store.createIndex(BY_ENTRY, ['entryId', 'time']);
    store.createIndex(BY_TIME, 'time');
  }
}

/** Every [entryId, time] key of one entry, whatever type a damaged record's time has. */
function entryRange(entryId: string): IDBKeyRange {
  return IDBKeyRange.bound([entryId], [entryId, []]);
}

/** The time range to read, null for all; 'empty' when nothing can match. */
function timeRange(filter: HistoryFilter): IDBKeyRange | null | 'empty' {
  const from = Number.isNaN(filter.from) ? undefined : filter.from;
  const to = Number.isNaN(filter.to) ? undefined : filter.to;
  if (from === undefined && to === undefined) return null;
  const lower = from ?? Number.NEGATIVE_INFINITY;
  const upper = to ?? Number.POSITIVE_INFINITY;
  return lower < upper ? IDBKeyRange.bound(lower, upper, false, true) : 'empty';
}

function clampCap(cap: number | undefined): number {
  if (cap === undefined || !Number.isFinite(cap)) return HISTORY_CAP_DEFAULT;
  return Math.min(HISTORY_CAP_MAX, Math.max(1, Math.floor(cap)));
}

/** Deletes the first-recorded lookups beyond `cap` (corrupt ones included, so none linger). */
function evictBeyond(job: Job, cap: number, report: (evicted: number) => void): void {
  job.on(job.store.count(), (count) => {
    let excess = count - cap;
    if (excess <= 0) return;
    let evicted = 0;
    job.on(job.store.openCursor(), (cursor) => {
      if (!cursor) return;
      cursor.delete();
      report(++evicted);
      if (--excess > 0) cursor.continue();
    });
  });
}

function addJob(record: Lookup, cap: number, windowMs: number) {
  return (job: Job) => {
    const out: Added = { lookup: record, added: false, evicted: 0 };
    const latest = job.store.index(BY_ENTRY).openCursor(entryRange(record.entryId), 'prev');
    job.on(latest, (cursor) => {
      const previous = cursor ? parseLookup(cursor.value) : null;
      if (previous && windowMs > 0 && isRepeat(previous, record, windowMs)) {
        out.lookup = previous;
        return;
      }
      job.on(job.store.add(record), (key) => {
        out.lookup = { ...record, id: key as number };
        out.added = true;
        evictBeyond(job, cap, (evicted) => {
          out.evicted = evicted;
        });
      });
    });
    return () => out;
  };
}

function summaryJob(entryId: string) {
  return (job: Job) => {
    const index = job.store.index(BY_ENTRY);
    const range = entryRange(entryId);
    let indexed = 0;
    job.on(index.count(range), (n) => {
      indexed = n;
    });
    // The newest valid record is the last; damaged ones in front of it are skipped and not
    // counted. Damaged ones further back still count (telling them apart would mean a scan).
    const newest = collect(job, index, range, 'prev', () => true, 1);
    return () => {
      const last = newest.records[0];
      const count = indexed - newest.skipped;
      return {
        summary: last ? { count, last: { site: last.site, time: last.time } } : null,
        skipped: newest.skipped,
      };
    };
  };
}

function deleteAll(job: Job, source: IDBIndex, range: IDBKeyRange, report: (n: number) => void) {
  let removed = 0;
  job.on(source.openCursor(range), (cursor) => {
    if (!cursor) return;
    cursor.delete();
    report(++removed);
    cursor.continue();
  });
}

/** The database connection: opened lazily on first use; a failed open is retried on the next call. */
function createConnection(options: HistoryStoreOptions) {
  const name = options.name ?? HISTORY_DB_NAME;
  let opening: Promise<IDBDatabase> | null = null;

  const database = (): Promise<IDBDatabase> => {
    opening ??= openDatabase({ name, version: DB_VERSION, upgrade, factory: options.factory });
    const current = opening;
    current.catch(() => {
      if (opening === current) opening = null;
    });
    return current;
  };

  /** A transaction; a connection closed under us (a newer version upgrading) is reopened once. */
  const begin = async (mode: IDBTransactionMode): Promise<IDBTransaction> => {
    try {
      return (await database()).transaction(LOOKUPS, mode);
    } catch (error) {
      if ((error as { name?: string })?.name !== 'InvalidStateError') throw error;
      opening = null;
      return (await database()).transaction(LOOKUPS, mode);
    }
  };

  return {
    async run<T extends object>(
      what: string,
      mode: IDBTransactionMode,
      work: (job: Job) => () => T,
    ): Promise<HistoryResult<T>> {
      let tx: IDBTransaction;
      try {
        tx = await begin(mode);
      } catch (error) {
        return toFailure(error, 'unavailable');
      }
      return runJob(tx, LOOKUPS, what, work);
    },
    close() {
      const current = opening;
      opening = null;
      current?.then((db) => db.close()).catch(() => {});
    },
  };
}

/** Opens the history lazily on first use; a failed open is retried on the next call. */
export function createHistoryStore(options: HistoryStoreOptions = {}): HistoryStore {
  const { run, close } = createConnection(options);
  return {
    add(lookup, addOptions = {}) {
      const { id: _id, ...fields } = lookup;
      const record = parseLookup(fields);
      if (!record) {
        return Promise.resolve({ ok: false, reason: 'invalid', message: 'not a valid lookup' });
      }
      const cap = clampCap(addOptions.cap);
      const windowMs = addOptions.repeatWindowMs ?? REPEAT_WINDOW_MS;
      return run('recording a lookup', 'readwrite', addJob(record, cap, windowMs));
    },
    recent(limit) {
      const n = Math.max(0, Math.floor(limit));
      return run('reading recent lookups', 'readonly', (job) => {
        const read = collect(job, job.store.index(BY_TIME), null, 'prev', undefined, n);
        return () => read;
      });
    },
    byEntry(entryId) {
      return run('reading an entry’s lookups', 'readonly', (job) => {
        const read = collect(job, job.store.index(BY_ENTRY), entryRange(entryId), 'prev');
        return () => read;
      });
    },
    summary(entryId) {
      return run('summarising an entry', 'readonly', summaryJob(entryId));
    },
    query(filter) {
      const range = timeRange(filter);
      if (range === 'empty') return Promise.resolve({ ok: true, records: [], skipped: 0 });
      return run('searching history', 'readonly', (job) => {
        const read = collect(job, job.store.index(BY_TIME), range, 'prev', lookupFilter(filter));
        return () => read;
      });
    },
    count() {
      return run('counting lookups', 'readonly', (job) => {
        let count = 0;
        job.on(job.store.count(), (n) => {
          count = n;
        });
        return () => ({ count });
      });
    },
    forgetEntry(entryId) {
      return run('forgetting an entry', 'readwrite', (job) => {
        let removed = 0;
        deleteAll(job, job.store.index(BY_ENTRY), entryRange(entryId), (n) => {
          removed = n;
        });
        return () => ({ removed });
      });
    },
    clear() {
      return run('clearing history', 'readwrite', (job) => {
        job.store.clear();
        return () => ({});
      });
    },
    close,
  };
}

import 'fake-indexeddb/auto';
import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import type { Lookup } from '../../../src/history/record';
import {
  createHistoryStore,
  HISTORY_CAP_DEFAULT,
  HISTORY_DB_NAME,
  type HistoryResult,
  type HistoryStore,
} from '../../../src/history/store';
import { openDatabase } from '../../../src/idb/idb';
import { lookup } from './fixtures';

const T0 = Date.UTC(2026, 2, 10, 12);

function setup(): { factory: IDBFactory; store: HistoryStore } {
  const factory = new IDBFactory();
  return { factory, store: createHistoryStore({ factory }) };
}

function ok<T extends object>(result: HistoryResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.reason}: ${result.message}`);
  const { ok: _ok, ...value } = result;
  return value as unknown as T;
}

/** Lookups of one entry in distinct sentences (so none is a repeat), one a minute apart. */
function series(n: number, overrides: (i: number) => Partial<Lookup> = () => ({})): Lookup[] {
  return Array.from({ length: n }, (_, i) =>
    lookup({
      sentence: `Allies rely on intelligence sharing, part ${i}.`,
      time: T0 + i * 60_000,
      ...overrides(i),
    }),
  );
}

async function addAll(store: HistoryStore, lookups: Lookup[], cap?: number) {
  const results = [];
  for (const l of lookups) results.push(ok(await store.add(l, { cap })));
  return results;
}

/** Writes records straight into the object store, bypassing validation (damage from outside). */
async function writeRaw(factory: IDBFactory, records: object[]) {
  const db = await openDatabase({ name: HISTORY_DB_NAME, version: 1, factory, upgrade() {} });
  const tx = db.transaction('lookups', 'readwrite');
  for (const r of records) tx.objectStore('lookups').add(r);
  await new Promise((resolve) => {
    tx.oncomplete = resolve;
  });
  db.close();
}

const times = (records: Lookup[]) => records.map((r) => r.time);

describe('history store: add and read', () => {
  it('stores a lookup with an id and reads it back', async () => {
    const { store } = setup();
    const added = ok(await store.add(lookup()));
    expect(added).toMatchObject({ added: true, evicted: 0, lookup: { ...lookup(), id: 1 } });
    expect(ok(await store.recent(10))).toEqual({ records: [{ ...lookup(), id: 1 }], skipped: 0 });
  });

  it('ignores an id given by the caller', async () => {
    const { store } = setup();
    ok(await store.add(lookup({ id: 99 })));
    expect(ok(await store.recent(1)).records[0]?.id).toBe(1);
  });

  it('rejects an invalid lookup without touching the store', async () => {
    const { store } = setup();
    const result = await store.add(lookup({ url: 'file:///x' }));
    expect(result).toMatchObject({ ok: false, reason: 'invalid' });
    expect(ok(await store.count()).count).toBe(0);
  });

  it('folds a repeat of the same sentence into the earlier lookup', async () => {
    const { store } = setup();
    ok(await store.add(lookup()));
    const again = ok(await store.add(lookup({ time: T0 + 60_000 })));
    expect(again).toMatchObject({ added: false, lookup: { id: 1, time: lookup().time } });
    const later = ok(await store.add(lookup({ time: T0 + 60 * 60_000 })));
    expect(later.added).toBe(true);
    const always = ok(
      await store.add(lookup({ time: T0 + 60 * 60_000 + 1 }), { repeatWindowMs: 0 }),
    );
    expect(always.added).toBe(true);
    expect(ok(await store.count()).count).toBe(3);
  });

  it('lists recent lookups newest first by time, up to a limit', async () => {
    const { store } = setup();
    await addAll(
      store,
      series(5, (i) => ({ time: T0 + ((i * 3) % 5) * 1000 })),
    );
    // Recorded at T0 + 0, 3, 1, 4, 2 seconds.
    expect(times(ok(await store.recent(3)).records)).toEqual([T0 + 4000, T0 + 3000, T0 + 2000]);
    expect(ok(await store.recent(0)).records).toEqual([]);
  });

  it('reads one entry and summarises it from its index', async () => {
    const { store } = setup();
    await addAll(store, series(3));
    ok(
      await store.add(
        lookup({
          entryId: 'nato',
          term: 'NATO',
          form: 'NATO',
          formAt: 0,
          sentence: 'NATO met.',
          time: T0 + 10 * 60_000,
          site: 'example.org',
          url: 'https://example.org/',
        }),
      ),
    );
    ok(
      await store.add(
        lookup({
          sentence: 'Last: intelligence sharing.',
          formAt: undefined,
          time: T0 + 5 * 60_000,
          site: 'example.net',
          url: 'https://example.net/',
        }),
      ),
    );
    const read = ok(await store.byEntry('intelligence-sharing'));
    expect(times(read.records)).toEqual([T0 + 5 * 60_000, T0 + 2 * 60_000, T0 + 60_000, T0]);
    expect(ok(await store.summary('intelligence-sharing'))).toEqual({
      summary: { count: 4, last: { site: 'example.net', time: T0 + 5 * 60_000 } },
      skipped: 0,
    });
    expect(ok(await store.summary('never-seen'))).toEqual({ summary: null, skipped: 0 });
  });

  it('queries by site, category, time and text, newest first', async () => {
    const { store } = setup();
    await addAll(
      store,
      series(4, (i) => (i === 2 ? { site: 'example.org', url: 'https://example.org/' } : {})),
    );
    const q = async (filter: Parameters<HistoryStore['query']>[0]) =>
      times(ok(await store.query(filter)).records).map((t) => (t - T0) / 60_000);
    expect(await q({})).toEqual([3, 2, 1, 0]);
    expect(await q({ from: T0 + 60_000, to: T0 + 3 * 60_000 })).toEqual([2, 1]);
    expect(await q({ sites: ['example.org'] })).toEqual([2]);
    expect(await q({ categories: ['organisation'] })).toEqual([]);
    expect(await q({ text: 'part 3' })).toEqual([3]);
    expect(await q({ from: T0 + 60_000, to: T0 })).toEqual([]);
    expect(await q({ from: Number.NaN })).toEqual([3, 2, 1, 0]);
  });

  it('forgets one entry and clears everything', async () => {
    const { store } = setup();
    await addAll(store, series(3));
    ok(
      await store.add(
        lookup({ entryId: 'nato', term: 'NATO', form: 'NATO', formAt: 0, sentence: 'NATO met.' }),
      ),
    );
    expect(ok(await store.forgetEntry('intelligence-sharing')).removed).toBe(3);
    expect(ok(await store.recent(10)).records.map((r) => r.entryId)).toEqual(['nato']);
    ok(await store.clear());
    expect(ok(await store.count()).count).toBe(0);
    expect(ok(await store.summary('nato')).summary).toBeNull();
  });
});

describe('history store: cap', () => {
  it('drops the first-recorded lookups beyond the cap, in the same add', async () => {
    const { store } = setup();
    const results = await addAll(store, series(5), 3);
    expect(results.map((r) => r.evicted)).toEqual([0, 0, 0, 1, 1]);
    expect(ok(await store.recent(10)).records.map((r) => r.id)).toEqual([5, 4, 3]);
  });

  it('trims to a lowered cap at the next add', async () => {
    const { store } = setup();
    await addAll(store, series(6), 10);
    const [last] = await addAll(
      store,
      series(1, () => ({ sentence: 'New intelligence sharing.', formAt: 4, time: T0 + 3_600_000 })),
      2,
    );
    expect(last?.evicted).toBe(5);
    expect(ok(await store.recent(10)).records.map((r) => r.id)).toEqual([7, 6]);
  });

  it('evicts damaged records in their turn, so they cannot pile up', async () => {
    const { factory, store } = setup();
    ok(await store.add(lookup()));
    await writeRaw(factory, [{ garbage: true }]);
    await addAll(
      store,
      series(2, (i) => ({ time: T0 + (i + 1) * 3_600_000 })),
      2,
    );
    expect(ok(await store.count()).count).toBe(2);
    expect(ok(await store.recent(10))).toMatchObject({ skipped: 0 });
    expect(ok(await store.recent(10)).records.map((r) => r.id)).toEqual([4, 3]);
  });

  it('keeps 5,000 lookups by default and summarises them correctly', async () => {
    const { store } = setup();
    const entries = ['nato', 'intelligence-sharing'];
    for (let i = 0; i < HISTORY_CAP_DEFAULT; i++) {
      const entryId = entries[i % 2] as string;
      ok(
        await store.add(
          lookup({
            entryId,
            sentence: `Sentence ${i} on intelligence sharing.`,
            formAt: undefined,
            time: T0 + i,
          }),
        ),
      );
    }
    expect(ok(await store.count()).count).toBe(HISTORY_CAP_DEFAULT);
    expect(ok(await store.summary('nato')).summary).toEqual({
      count: 2500,
      last: { site: 'news.example.com', time: T0 + 4998 },
    });
    const over = ok(
      await store.add(
        lookup({
          entryId: 'nato',
          sentence: 'One more intelligence sharing.',
          formAt: undefined,
          time: T0 + 5000,
        }),
      ),
    );
    // The first lookup (a NATO one, at T0) made room for the new one.
    expect(over.evicted).toBe(1);
    expect(ok(await store.summary('nato')).summary).toEqual({
      count: 2500,
      last: { site: 'news.example.com', time: T0 + 5000 },
    });
    expect(ok(await store.summary('intelligence-sharing')).summary?.count).toBe(2500);
    expect(ok(await store.query({ to: T0 + 1 })).records).toEqual([]);
  }, 60_000);
});

describe('history store: damaged records', () => {
  it('skips and counts corrupt records on every read, never throws', async () => {
    const { factory, store } = setup();
    await addAll(store, series(2));
    await writeRaw(factory, [
      {},
      { entryId: 'intelligence-sharing', time: 'yesterday' },
      { ...lookup(), time: T0 + 3_600_000, sentence: 42 },
      { ...lookup(), category: 'gossip', time: T0 + 30_000 },
    ]);
    ok(
      await store.add(
        lookup({
          sentence: 'After the damage: intelligence sharing.',
          formAt: undefined,
          time: T0 + 2 * 60_000,
        }),
      ),
    );

    const recent = ok(await store.recent(10));
    expect(recent.records.map((r) => r.id)).toEqual([7, 2, 1]);
    expect(recent.skipped).toBe(3); // the one with no time is in no index a read walks
    const entry = ok(await store.byEntry('intelligence-sharing'));
    expect(entry.records.map((r) => r.id)).toEqual([7, 2, 1]);
    expect(entry.skipped).toBe(3);
    // The newest valid lookup wins over the newer damaged ones in front of it, which are not
    // counted; the damaged one behind it (id 6) is, as the count comes from the index alone.
    expect(ok(await store.summary('intelligence-sharing'))).toEqual({
      summary: { count: 4, last: { site: 'news.example.com', time: T0 + 2 * 60_000 } },
      skipped: 2,
    });
    expect(ok(await store.query({ from: T0 })).skipped).toBe(2);
    expect(ok(await store.count()).count).toBe(7);
  });
});

describe('history store: failures come back as values', () => {
  it('reports a full disk (thrown by the store) as quota, and keeps working after', async () => {
    const { store } = setup();
    const spy = vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    expect(await store.add(lookup())).toMatchObject({ ok: false, reason: 'quota' });
    spy.mockRestore();
    expect(ok(await store.recent(10)).records).toEqual([]);
    expect(ok(await store.add(lookup())).added).toBe(true);
  });

  it('reports a transaction aborted by the quota as quota', async () => {
    const { store } = setup();
    const original = IDBObjectStore.prototype.add;
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['add']>
    ) {
      const request = original.apply(this, args);
      // What a browser does when the commit does not fit: abort with QuotaExceededError.
      const tx = this.transaction;
      tx.abort();
      Object.defineProperty(tx, 'error', { value: new DOMException('full', 'QuotaExceededError') });
      return request;
    });
    expect(await store.add(lookup())).toMatchObject({ ok: false, reason: 'quota' });
    vi.restoreAllMocks();
    expect(ok(await store.count()).count).toBe(0);
  });

  it('reports a store that cannot open as unavailable, and retries on the next call', async () => {
    const real = new IDBFactory();
    let refuse = true;
    const factory = {
      open(name: string, version?: number) {
        if (refuse) throw new DOMException('IndexedDB is disabled', 'SecurityError');
        return real.open(name, version);
      },
    } as unknown as IDBFactory;
    const store = createHistoryStore({ factory });
    expect(await store.add(lookup())).toMatchObject({ ok: false, reason: 'unavailable' });
    expect(await store.recent(5)).toMatchObject({ ok: false, reason: 'unavailable' });
    expect(await store.clear()).toMatchObject({ ok: false, reason: 'unavailable' });
    refuse = false;
    expect(ok(await store.add(lookup())).added).toBe(true);
  });

  it('reports unavailable once a newer version has taken the database over', async () => {
    const { factory, store } = setup();
    ok(await store.add(lookup()));
    const newer = await openDatabase({ name: HISTORY_DB_NAME, version: 2, factory, upgrade() {} });
    expect(await store.recent(5)).toMatchObject({ ok: false, reason: 'unavailable' });
    newer.close();
  });

  it('closes and reopens', async () => {
    const { store } = setup();
    ok(await store.add(lookup()));
    store.close();
    expect(ok(await store.count()).count).toBe(1);
  });
});

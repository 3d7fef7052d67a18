import 'fake-indexeddb/auto';
import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { createHistoryStore, HISTORY_DB_NAME } from '../../../src/history/store';
import { openDatabase } from '../../../src/idb/idb';
import { lookup } from './fixtures';
import { addAll, ok, series, setup, T0, writeRaw } from './store-helpers';

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

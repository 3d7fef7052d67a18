import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { HISTORY_CAP_DEFAULT, type HistoryStore } from '../../../src/history/store';
import { lookup } from './fixtures';
import { addAll, ok, series, setup, T0, times, writeRaw } from './store-helpers';

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

import { IDBFactory } from 'fake-indexeddb';
import type { Lookup } from '../../../src/history/record';
import {
  createHistoryStore,
  HISTORY_DB_NAME,
  type HistoryResult,
  type HistoryStore,
} from '../../../src/history/store';
import { openDatabase } from '../../../src/idb/idb';
import { lookup } from './fixtures';

export const T0 = Date.UTC(2026, 2, 10, 12);

export function setup(): { factory: IDBFactory; store: HistoryStore } {
  const factory = new IDBFactory();
  return { factory, store: createHistoryStore({ factory }) };
}

export function ok<T extends object>(result: HistoryResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.reason}: ${result.message}`);
  const { ok: _ok, ...value } = result;
  return value as unknown as T;
}

/** Lookups of one entry in distinct sentences (so none is a repeat), one a minute apart. */
export function series(
  n: number,
  overrides: (i: number) => Partial<Lookup> = () => ({}),
): Lookup[] {
  return Array.from({ length: n }, (_, i) =>
    lookup({
      sentence: `Allies rely on intelligence sharing, part ${i}.`,
      time: T0 + i * 60_000,
      ...overrides(i),
    }),
  );
}

export async function addAll(store: HistoryStore, lookups: Lookup[], cap?: number) {
  const results = [];
  for (const l of lookups) results.push(ok(await store.add(l, { cap })));
  return results;
}

/** Writes records straight into the object store, bypassing validation (damage from outside). */
export async function writeRaw(factory: IDBFactory, records: object[]) {
  const db = await openDatabase({ name: HISTORY_DB_NAME, version: 1, factory, upgrade() {} });
  const tx = db.transaction('lookups', 'readwrite');
  for (const r of records) tx.objectStore('lookups').add(r);
  await new Promise((resolve) => {
    tx.oncomplete = resolve;
  });
  db.close();
}

export const times = (records: Lookup[]) => records.map((r) => r.time);

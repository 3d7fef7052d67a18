import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { done, IdbError, isQuotaError, openDatabase, request } from '../../../src/idb/idb';

const open = (factory: IDBFactory, version = 1) =>
  openDatabase({
    name: 'test',
    version,
    factory,
    upgrade(db, old) {
      if (old < 1) db.createObjectStore('things', { keyPath: 'id' });
      if (version >= 2 && old < 2) db.createObjectStore('more');
    },
  });

describe('idb', () => {
  it('opens, writes in a transaction and reads back', async () => {
    const db = await open(new IDBFactory());
    const tx = db.transaction('things', 'readwrite');
    tx.objectStore('things').put({ id: 'a', n: 1 });
    await done(tx);
    const read = db.transaction('things').objectStore('things').get('a');
    expect(await request(read)).toEqual({ id: 'a', n: 1 });
  });

  it('upgrades an existing database', async () => {
    const factory = new IDBFactory();
    (await open(factory)).close();
    const db = await open(factory, 2);
    expect([...db.objectStoreNames].sort()).toEqual(['more', 'things']);
  });

  it('rejects an aborted transaction with its error, and writes nothing', async () => {
    const db = await open(new IDBFactory());
    const tx = db.transaction('things', 'readwrite');
    const store = tx.objectStore('things');
    store.add({ id: 'x' });
    store.add({ id: 'x' }); // same key: ConstraintError aborts the transaction
    await expect(done(tx, 'saving')).rejects.toMatchObject({ reason: 'ConstraintError' });
    const all = await request(db.transaction('things').objectStore('things').getAll());
    expect(all).toEqual([]);
  });

  it('says when IndexedDB is missing', async () => {
    // happy-dom has no IndexedDB, like a context where it is disabled.
    await expect(openDatabase({ name: 'x', version: 1, upgrade() {} })).rejects.toThrow(
      'IndexedDB is not available',
    );
    expect(isQuotaError(new IdbError('full', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError({ name: 'QuotaExceededError' })).toBe(true);
    expect(isQuotaError(new Error('x'))).toBe(false);
  });
});

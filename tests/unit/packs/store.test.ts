import { IDBObjectStore as FakeObjectStore, IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isQuotaError } from '../../../src/idb/idb';
import { MINE } from '../../../src/packs/schema';
import { openPackStore, type PackStore, PackStoreError } from '../../../src/packs/store';
import { validatePack } from '../../../src/packs/validate';
import { entry, pack } from './helpers';

let clock = 1000;
const stores: PackStore[] = [];

async function open(factory = new IDBFactory()): Promise<PackStore> {
  const store = await openPackStore({ factory, now: () => clock++ });
  stores.push(store);
  return store;
}

afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

const alpha = pack(
  [entry({ id: 'a1', term: 'Alpha one' }), entry({ id: 'a2', term: 'Alpha two' })],
  {
    id: 'alpha',
    name: 'Alpha',
    source: 'https://example.org/alpha',
  },
);
const beta = pack([entry({ id: 'b1', term: 'Beta' })], { id: 'beta', name: 'Beta' });

async function rejection(promise: Promise<unknown>): Promise<PackStoreError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof PackStoreError))
    throw new Error(`expected a PackStoreError, got ${error}`);
  return error;
}

/** What a reader could observe: packs, all enabled entries, the revision. */
async function observable(store: PackStore) {
  return {
    packs: await store.listPacks(),
    entries: await store.enabledEntries(),
    revision: await store.revision(),
    alpha: await store.getPack('alpha'),
  };
}

describe('PackStore: packs', () => {
  it('starts with my terms only, at revision 0', async () => {
    const store = await open();
    expect(await store.listPacks()).toEqual([
      {
        id: MINE,
        kind: 'mine',
        name: 'My terms',
        entryCount: 0,
        enabled: true,
        installedAt: expect.any(Number),
      },
    ]);
    expect(await store.revision()).toBe(0);
    expect(await store.enabledEntries()).toEqual([]);
  });

  it('installs, lists and gives back a pack as it was', async () => {
    const store = await open();
    const info = await store.installPack(alpha);
    expect(info).toMatchObject({
      id: 'alpha',
      name: 'Alpha',
      source: 'https://example.org/alpha',
      entryCount: 2,
      enabled: true,
      kind: 'pack',
    });
    expect((await store.listPacks()).map((p) => p.id)).toEqual([MINE, 'alpha']);
    expect(await store.getPack('alpha')).toEqual(alpha);
    expect(await store.revision()).toBe(1);
  });

  it('keeps file order, not id order', async () => {
    const store = await open();
    const ordered = pack([entry({ id: 'z', term: 'Zulu' }), entry({ id: 'a', term: 'Alpha' })], {
      id: 'alpha',
    });
    await store.installPack(ordered);
    expect((await store.getPack('alpha'))?.entries.map((e) => e.id)).toEqual(['z', 'a']);
  });

  it('refuses a second pack with the same id, and replaces it when asked', async () => {
    const store = await open();
    await store.installPack(alpha);
    await store.setEnabled('alpha', false);
    expect((await rejection(store.installPack(alpha))).code).toBe('exists');
    const upgraded = {
      ...alpha,
      name: 'Alpha 2',
      entries: [entry({ id: 'a3', term: 'Alpha three' })],
    };
    const info = await store.installPack(upgraded, { replace: true });
    expect(info).toMatchObject({ name: 'Alpha 2', entryCount: 1, enabled: false });
    expect(await store.getPack('alpha')).toEqual(upgraded);
  });

  it('refuses the reserved id', async () => {
    const store = await open();
    expect((await rejection(store.installPack({ ...alpha, id: MINE }))).code).toBe('reserved');
    expect((await rejection(store.removePack(MINE))).code).toBe('reserved');
  });

  it('enables and disables; the revision moves only when enabled entries change', async () => {
    const store = await open();
    await store.installPack(alpha, { enabled: false });
    expect(await store.revision()).toBe(0);
    await store.setEnabled('alpha', true);
    expect(await store.revision()).toBe(1);
    await store.setEnabled('alpha', true);
    expect(await store.revision()).toBe(1);
    await store.setEnabled('alpha', false);
    expect(await store.enabledEntries()).toEqual([]);
    expect(await store.revision()).toBe(2);
    expect((await rejection(store.setEnabled('nope', true))).code).toBe('not-found');
  });

  it('removes a pack and all its entries in one step', async () => {
    const store = await open();
    await store.installPack(alpha);
    await store.installPack(beta);
    await store.removePack('alpha');
    expect((await store.listPacks()).map((p) => p.id)).toEqual([MINE, 'beta']);
    expect(await store.getPack('alpha')).toBeUndefined();
    expect((await store.enabledEntries()).map((e) => e.entry.id)).toEqual(['b1']);
    expect(await store.revision()).toBe(3);
    expect((await rejection(store.removePack('alpha'))).code).toBe('not-found');
  });

  it('lists enabled entries with their source: my terms first, then install order', async () => {
    const store = await open();
    await store.installPack(beta);
    await store.installPack(alpha);
    await store.myTerms.add({ term: 'Mine', category: 'strategy', definition: 'Mine.' });
    const snapshot = await store.snapshot();
    expect(snapshot.entries.map((e) => [e.source, e.entry.id])).toEqual([
      [MINE, 'mine'],
      ['beta', 'b1'],
      ['alpha', 'a1'],
      ['alpha', 'a2'],
    ]);
    expect(snapshot.revision).toBe(await store.revision());
  });

  it('persists across connections', async () => {
    const factory = new IDBFactory();
    const first = await open(factory);
    await first.installPack(alpha);
    first.close();
    expect(await (await open(factory)).getPack('alpha')).toEqual(alpha);
  });
});

describe('PackStore: a write that fails part-way changes nothing', () => {
  afterEach(() => vi.restoreAllMocks());

  /**
   * Makes the `n`th put fail the way a full disk does: the request errors with
   * QuotaExceededError and the transaction aborts (through fake-indexeddb's request queue,
   * so the earlier puts of the same transaction really ran first).
   */
  function quotaOnPut(n: number, synchronous = false) {
    const put = FakeObjectStore.prototype.put;
    let calls = 0;
    vi.spyOn(FakeObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      ...args
    ) {
      calls++;
      if (calls !== n) return put.apply(this, args);
      const error = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      if (synchronous) throw error;
      // biome-ignore lint/suspicious/noExplicitAny: reaching into fake-indexeddb's request queue
      return (this.transaction as any)._execRequestAsync({
        source: this,
        operation: () => {
          throw error;
        },
      });
    });
  }

  it.each([
    ['an install', false],
    ['an install (the put throws at once)', true],
  ])('%s', async (_name, synchronous) => {
    const store = await open();
    await store.installPack(beta);
    const before = await observable(store);
    const big = pack(
      Array.from({ length: 300 }, (_, i) => entry({ id: `e${i}`, term: `Term ${i}` })),
      { id: 'alpha' },
    );
    quotaOnPut(200, synchronous);
    const error = await rejection(store.installPack(big));
    vi.restoreAllMocks();
    expect(error.code).toBe('quota');
    expect(error.message).toMatch(/^Not enough storage space for the pack "Test pack"/);
    expect(isQuotaError(error.cause)).toBe(true);
    expect(await observable(store)).toEqual(before);
  });

  it('an upgrade keeps the old pack whole', async () => {
    const store = await open();
    await store.installPack(alpha);
    const before = await observable(store);
    quotaOnPut(2);
    const next = {
      ...alpha,
      entries: [entry({ id: 'n1', term: 'New one' }), entry({ id: 'n2', term: 'New two' })],
    };
    expect((await rejection(store.installPack(next, { replace: true }))).code).toBe('quota');
    vi.restoreAllMocks();
    expect(await observable(store)).toEqual(before);
  });
});

describe('PackStore: my terms', () => {
  const draft = { term: 'Joint task force', category: 'operation', definition: 'One mission.' };

  it('adds with an id from the term, and a suffix when it is taken', async () => {
    const store = await open();
    expect((await store.myTerms.add(draft)).id).toBe('joint-task-force');
    expect((await store.myTerms.add({ ...draft, definition: 'Another sense.' })).id).toBe(
      'joint-task-force-2',
    );
    expect((await store.listPacks())[0]?.entryCount).toBe(2);
    expect(await store.revision()).toBe(2);
  });

  it('refuses an invalid term with its problems by field', async () => {
    const store = await open();
    const error = await rejection(store.myTerms.add({ ...draft, definition: '' }));
    expect(error.code).toBe('invalid');
    expect(error.problems).toMatchObject([{ code: 'empty-field', field: 'definition' }]);
    expect(await store.myTerms.list()).toEqual([]);
  });

  it('edits a term in place', async () => {
    const store = await open();
    await store.myTerms.add({ ...draft, term: 'First' });
    const { id } = await store.myTerms.add(draft);
    await store.myTerms.update(id, { ...draft, aliases: ['JTF'] });
    expect((await store.myTerms.list()).map((e) => [e.id, e.aliases])).toEqual([
      ['first', []],
      ['joint-task-force', ['JTF']],
    ]);
    expect((await rejection(store.myTerms.update('nope', draft))).code).toBe('not-found');
  });

  it('undoes a delete, back in its old place', async () => {
    const store = await open();
    for (const term of ['One', 'Two', 'Three']) await store.myTerms.add({ ...draft, term });
    const deleted = await store.myTerms.delete('two');
    expect((await store.myTerms.list()).map((e) => e.id)).toEqual(['one', 'three']);
    await store.myTerms.restore(deleted);
    expect((await store.myTerms.list()).map((e) => e.id)).toEqual(['one', 'two', 'three']);
    expect((await store.listPacks())[0]?.entryCount).toBe(3);
  });

  it('refuses to undo over a term that took the id since', async () => {
    const store = await open();
    await store.myTerms.add({ ...draft, term: 'Two' });
    const deleted = await store.myTerms.delete('two');
    await store.myTerms.add({ ...draft, term: 'Two', definition: 'New.' });
    expect((await rejection(store.myTerms.restore(deleted))).code).toBe('exists');
    expect((await store.myTerms.list())[0]?.definition).toBe('New.');
  });

  it('leaves the revision alone while my terms are disabled', async () => {
    const store = await open();
    await store.setEnabled(MINE, false);
    const revision = await store.revision();
    await store.myTerms.add(draft);
    expect(await store.revision()).toBe(revision);
    expect(await store.enabledEntries()).toEqual([]);
  });

  it('exports my terms as an installable pack', async () => {
    const store = await open();
    await store.myTerms.add(draft);
    const mine = await store.getPack(MINE);
    expect(mine?.id).toBe('my-terms');
    expect(validatePack(mine).ok).toBe(true);
  });
});

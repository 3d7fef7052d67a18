import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { UserTables } from '../../../src/packs/compile';
import { getPageExtras, getUserEntries, setUserTables } from '../../../src/packs/stored';
import { readUserGate } from '../../../src/platform/user-gate';
import { defineUserStorage, updateNotTerms } from '../../../src/platform/user-tables';

const tables = { revision: 2, builtIn: 'x', tables: {}, categories: [] } as unknown as UserTables;
const GATE = JSON.stringify({ pattern: 'zeph', words: '', pairs: '', starts: 'zeph' });

describe('the reader’s tables in storage.local', () => {
  beforeEach(() => fakeBrowser.reset());

  it('store nothing for a reader without terms or hidden phrases', async () => {
    expect(await getPageExtras()).toEqual({ tables: null, notTerms: {} });
    expect(await readUserGate()).toBeNull();
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('give a page its tables and phrases in one read, and go away when cleared', async () => {
    await setUserTables(tables, { revision: 2, entries: [] }, GATE);
    await updateNotTerms(() => ({ 'news.example.com': ['task group'] }));
    expect(await getPageExtras()).toEqual({
      tables,
      notTerms: { 'news.example.com': ['task group'] },
    });
    expect((await getUserEntries())?.revision).toBe(2);
    await setUserTables(null, null, null);
    await updateNotTerms(() => ({}));
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('keep the frame gate as its own item, which the loader reads without the wrapper', async () => {
    await setUserTables(tables, { revision: 2, entries: [] }, GATE);
    expect(await readUserGate()).toBe(GATE);
    // Tables whose forms give no gate leave none behind from before.
    await setUserTables(tables, { revision: 3, entries: [] }, null);
    expect(await readUserGate()).toBeNull();
    expect(Object.keys(await fakeBrowser.storage.local.get(null)).sort()).toEqual([
      'userEntries',
      'userTables',
    ]);
  });

  it('are the same items whatever types a caller gives them', async () => {
    const other = defineUserStorage<{ n: number }, string>();
    await other.setUserTables({ n: 1 }, 'entries', GATE);
    expect(await other.getUserTables()).toEqual({ n: 1 });
    expect(await getUserEntries()).toBe('entries');
  });
});

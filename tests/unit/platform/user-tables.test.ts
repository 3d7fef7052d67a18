import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { UserTables } from '../../../src/packs/compile';
import { getPageExtras, getUserEntries, setUserTables } from '../../../src/packs/stored';
import { defineUserStorage, updateNotTerms } from '../../../src/platform/user-tables';

const tables = { revision: 2, builtIn: 'x', tables: {}, categories: [] } as unknown as UserTables;

describe('the reader’s tables in storage.local', () => {
  beforeEach(() => fakeBrowser.reset());

  it('store nothing for a reader without terms or hidden phrases', async () => {
    expect(await getPageExtras()).toEqual({ tables: null, notTerms: {} });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('give a page its tables and phrases in one read, and go away when cleared', async () => {
    await setUserTables(tables, { revision: 2, entries: [] });
    await updateNotTerms(() => ({ 'news.example.com': ['task group'] }));
    expect(await getPageExtras()).toEqual({
      tables,
      notTerms: { 'news.example.com': ['task group'] },
    });
    expect((await getUserEntries())?.revision).toBe(2);
    await setUserTables(null, null);
    await updateNotTerms(() => ({}));
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('are the same items whatever types a caller gives them', async () => {
    const other = defineUserStorage<{ n: number }, string>();
    await other.setUserTables({ n: 1 }, 'entries');
    expect(await other.getUserTables()).toEqual({ n: 1 });
    expect(await getUserEntries()).toBe('entries');
  });
});

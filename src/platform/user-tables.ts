import { storage } from '@wxt-dev/storage';
import type { UserTables } from '../packs/compile';
import type { UserEntries } from '../packs/display';

/*
 * The reader's compiled terms, as storage.local items. The pack store itself is IndexedDB of the
 * extension origin, which content scripts cannot open (theirs is the page's), so the background
 * compiles it and puts the result here: one item of tables that every page reads at start (absent
 * when the reader has no terms, so it costs nothing then), and one of entries for display that a
 * page reads only when a popover needs one. storage.local allows 10 MB; 10,000 entries are about
 * 1 MB of tables.
 */

const userTablesItem = storage.defineItem<UserTables | null>('local:userTables', {
  fallback: null,
});
const userEntriesItem = storage.defineItem<UserEntries | null>('local:userEntries', {
  fallback: null,
});
/** Written by the options page after each change to the store; wakes the background to compile. */
const packsChangedItem = storage.defineItem<number>('local:packsChanged', { fallback: 0 });

export async function getUserTables(): Promise<UserTables | null> {
  try {
    return await userTablesItem.getValue();
  } catch (error) {
    console.warn('[termlight] could not read your terms', error);
    return null;
  }
}

export async function getUserEntries(): Promise<UserEntries | null> {
  try {
    return await userEntriesItem.getValue();
  } catch (error) {
    console.warn('[termlight] could not read your terms', error);
    return null;
  }
}

/**
 * Writes both items, entries first, so a page that sees new tables finds their entries. Entries
 * over the quota (thousands of 4,000-character definitions) must not cost the highlighting: the
 * tables are written anyway, and the failure is reported.
 */
export async function setUserTables(
  tables: UserTables | null,
  entries: UserEntries | null,
): Promise<void> {
  if (tables === null || entries === null) {
    await userTablesItem.removeValue();
    await userEntriesItem.removeValue();
    return;
  }
  try {
    await userEntriesItem.setValue(entries);
  } catch (error) {
    console.error('[termlight] could not store your entries for display', error);
    await userEntriesItem.removeValue().catch(() => undefined);
  }
  await userTablesItem.setValue(tables);
}

export function watchUserTables(cb: (t: UserTables | null) => void, signal?: AbortSignal): void {
  if (signal?.aborted) return;
  const unwatch = userTablesItem.watch((value) => cb(value));
  signal?.addEventListener('abort', unwatch, { once: true });
}

export function watchUserEntries(cb: (e: UserEntries | null) => void, signal?: AbortSignal): void {
  if (signal?.aborted) return;
  const unwatch = userEntriesItem.watch((value) => cb(value));
  signal?.addEventListener('abort', unwatch, { once: true });
}

/** Tells the background the pack store changed (any value change fires its watcher). */
export function notifyPacksChanged(): Promise<void> {
  return packsChangedItem.setValue(Date.now());
}

export function watchPacksChanged(cb: () => void): void {
  packsChangedItem.watch(() => cb());
}

/** Phrases marked "not a term here", per site (host → phrases as `phraseKey` spells them). */
export type NotTerms = Record<string, string[]>;

const notTermsItem = storage.defineItem<NotTerms>('local:notTerms', { fallback: {} });

/**
 * What a page needs beyond settings, in one storage read: the reader's tables and the phrases
 * hidden on sites. Both are absent for a reader who never added a term or hid a phrase.
 */
export async function getPageExtras(): Promise<{ tables: UserTables | null; notTerms: NotTerms }> {
  try {
    const [tables, notTerms] = await storage.getItems([userTablesItem, notTermsItem]);
    return {
      tables: (tables?.value as UserTables | null | undefined) ?? null,
      notTerms: (notTerms?.value as NotTerms | undefined) ?? {},
    };
  } catch (error) {
    console.warn('[termlight] could not read your terms', error);
    return { tables: null, notTerms: {} };
  }
}

export function getNotTerms(): Promise<NotTerms> {
  return notTermsItem.getValue();
}

/** Applies `change` to the stored phrases (a whole-value write; the options page and pages share it). */
export async function updateNotTerms(change: (current: NotTerms) => NotTerms): Promise<void> {
  const next = change(await notTermsItem.getValue());
  if (Object.keys(next).length === 0) await notTermsItem.removeValue();
  else await notTermsItem.setValue(next);
}

export function watchNotTerms(cb: (n: NotTerms) => void, signal?: AbortSignal): void {
  if (signal?.aborted) return;
  const unwatch = notTermsItem.watch((value) => cb(value ?? {}));
  signal?.addEventListener('abort', unwatch, { once: true });
}

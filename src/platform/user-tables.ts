import { storage } from '@wxt-dev/storage';
import { USER_GATE_KEY } from './user-gate';

/*
 * The reader's compiled terms, as storage.local items. The pack store itself is IndexedDB of the
 * extension origin, which content scripts cannot open (theirs is the page's), so the background
 * compiles it and puts the result here: one item of tables that every page reads at start (absent
 * when the reader has no terms, so it costs nothing then), one of entries for display that a page
 * reads only when a popover needs one, and a small frame gate that a sub-frame reads only when
 * the build's gate turns it away (src/content/frame-gate.ts). storage.local allows 10 MB; 10,000
 * entries are about 1 MB of tables.
 *
 * What the tables and entries hold is the packs layer's business: src/packs/stored.ts defines the
 * items with its types, so this bottom layer imports nothing above it.
 */

interface Readable<T> {
  getValue(): Promise<T>;
}
interface Watchable<T> {
  watch(cb: (value: T) => void): () => void;
}

async function readOrNull<T>(item: Readable<T | null>): Promise<T | null> {
  try {
    return await item.getValue();
  } catch (error) {
    console.warn('[termlight] could not read your terms', error);
    return null;
  }
}

function watchItem<T>(item: Watchable<T>, cb: (value: T) => void, signal?: AbortSignal): void {
  if (signal?.aborted) return;
  const unwatch = item.watch((value) => cb(value));
  signal?.addEventListener('abort', unwatch, { once: true });
}

/** Written by the options page after each change to the store; wakes the background to compile. */
const packsChangedItem = storage.defineItem<number>('local:packsChanged', { fallback: 0 });

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
  watchItem(notTermsItem, (value) => cb(value ?? {}), signal);
}

export interface UserStorage<Tables, Entries> {
  getUserTables(): Promise<Tables | null>;
  getUserEntries(): Promise<Entries | null>;
  /**
   * Writes the items, entries first, so a page that sees new tables finds their entries. Entries
   * over the quota (thousands of 4,000-character definitions) must not cost the highlighting:
   * the tables are written anyway, and the failure is reported. Null tables remove every item.
   */
  setUserTables(tables: Tables | null, entries: Entries | null, gate: string | null): Promise<void>;
  watchUserTables(cb: (tables: Tables | null) => void, signal?: AbortSignal): void;
  watchUserEntries(cb: (entries: Entries | null) => void, signal?: AbortSignal): void;
  /**
   * What a page needs beyond settings, in one storage read: the reader's tables and the phrases
   * hidden on sites. Both are absent for a reader who never added a term or hid a phrase.
   */
  getPageExtras(): Promise<{ tables: Tables | null; notTerms: NotTerms }>;
}

/** The items of the reader's terms, holding `Tables` and `Entries`. */
export function defineUserStorage<Tables, Entries>(): UserStorage<Tables, Entries> {
  const tablesItem = storage.defineItem<Tables | null>('local:userTables', { fallback: null });
  const entriesItem = storage.defineItem<Entries | null>('local:userEntries', { fallback: null });
  const gateItem = storage.defineItem<string | null>(`local:${USER_GATE_KEY}`, { fallback: null });
  return {
    getUserTables: () => readOrNull(tablesItem),
    getUserEntries: () => readOrNull(entriesItem),
    async setUserTables(tables, entries, gate) {
      if (tables === null || entries === null) {
        await Promise.all([tablesItem, entriesItem, gateItem].map((item) => item.removeValue()));
        return;
      }
      try {
        await entriesItem.setValue(entries);
      } catch (error) {
        console.error('[termlight] could not store your entries for display', error);
        await entriesItem.removeValue().catch(() => undefined);
      }
      await (gate === null ? gateItem.removeValue() : gateItem.setValue(gate));
      await tablesItem.setValue(tables);
    },
    watchUserTables: (cb, signal) => watchItem(tablesItem, cb, signal),
    watchUserEntries: (cb, signal) => watchItem(entriesItem, cb, signal),
    async getPageExtras() {
      try {
        const [tables, notTerms] = await storage.getItems([tablesItem, notTermsItem]);
        return {
          tables: (tables?.value as Tables | null | undefined) ?? null,
          notTerms: (notTerms?.value as NotTerms | undefined) ?? {},
        };
      } catch (error) {
        console.warn('[termlight] could not read your terms', error);
        return { tables: null, notTerms: {} };
      }
    },
  };
}

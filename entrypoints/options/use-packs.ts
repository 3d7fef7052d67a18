import { useCallback, useEffect, useState } from 'preact/hooks';
import type { PackFormat } from '../../src/packs/decode';
import {
  exportFile,
  installPicked,
  type PickedFile,
  readPicked,
} from '../../src/packs/options-flow';
import type { UserEntry } from '../../src/packs/schema';
import { MINE } from '../../src/packs/schema';
import {
  type DeletedTerm,
  openPackStore,
  type PackInfo,
  type PackStore,
} from '../../src/packs/store';
import { notifyPacksChanged } from '../../src/platform/user-tables';
import { downloadText } from '../../src/ui/download';

/** What the container needs from outside the page; tests pass a fake-indexeddb store. */
export interface PacksDeps {
  openStore(): Promise<PackStore>;
  /** Tells the background to compile (src/platform/user-tables.ts). */
  changed(): Promise<void>;
  download(text: string, name: string, type: string): void;
}

export const PACKS_DEPS: PacksDeps = {
  openStore: () => openPackStore(),
  changed: notifyPacksChanged,
  download: downloadText,
};

export type Notice = { kind: 'success' | 'error'; message: string; details?: string[] } | null;

/**
 * The pack store as the options page sees it: lists kept current, and every change followed by
 * a reload and a word to the background.
 */
export function usePacks(deps: PacksDeps) {
  const [store, setStore] = useState<PackStore | null>(null);
  const [terms, setTerms] = useState<UserEntry[]>([]);
  const [packs, setPacks] = useState<PackInfo[]>([]);

  useEffect(() => {
    let open: PackStore | null = null;
    let cancelled = false;
    deps.openStore().then(
      (s) => {
        if (cancelled) return s.close();
        open = s;
        setStore(s);
      },
      // A profile without IndexedDB (private windows of some browsers): the section stays inert.
      (error) => console.warn('[termlight] cannot open your terms', error),
    );
    return () => {
      cancelled = true;
      open?.close();
    };
  }, [deps]);

  const reload = useCallback(async () => {
    if (!store) return;
    const [mine, all] = await Promise.all([store.myTerms.list(), store.listPacks()]);
    setTerms(mine);
    setPacks(all);
  }, [store]);

  useEffect(() => void reload(), [reload]);

  /** Runs a change, then reloads and tells the background, whatever the outcome. */
  const change = useCallback(
    async <T>(task: (s: PackStore) => Promise<T>): Promise<T> => {
      if (!store) throw new Error('the pack store is not open yet');
      try {
        return await task(store);
      } finally {
        await reload();
        await deps.changed();
      }
    },
    [store, reload, deps],
  );

  const exportPack = useCallback(
    async (id: string, format: PackFormat) => {
      const pack = await store?.getPack(id);
      if (!pack) return;
      const file = exportFile(pack, format);
      deps.download(file.text, file.name, file.mime);
      return file.name;
    },
    [store, deps],
  );

  return {
    ready: store !== null,
    terms,
    packs,
    addTerm: (draft: Record<string, unknown>) => change((s) => s.myTerms.add(draft)),
    updateTerm: (id: string, draft: Record<string, unknown>) =>
      change((s) => s.myTerms.update(id, draft)),
    deleteTerm: (id: string) => change((s) => s.myTerms.delete(id)),
    restoreTerm: (deleted: DeletedTerm) => change((s) => s.myTerms.restore(deleted)),
    setEnabled: (id: string, on: boolean) => change((s) => s.setEnabled(id, on)),
    removePack: (id: string) => change((s) => s.removePack(id)),
    readPicked,
    install: (
      picked: Extract<PickedFile, { ok: true }>,
      options?: Parameters<typeof installPicked>[2],
    ) => change((s) => installPicked(s, picked, options)),
    exportPack,
    mineId: MINE,
  };
}

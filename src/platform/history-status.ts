import { storage } from '@wxt-dev/storage';

/*
 * The reading history's last failure (a full disk, IndexedDB unavailable), written by the
 * background and shown by the history view. In storage.local rather than in the worker's memory,
 * which an MV3 service worker loses when it sleeps.
 */

export interface HistoryStatus {
  reason: string;
  time: number;
}

const statusItem = storage.defineItem<HistoryStatus | null>('local:historyStatus', {
  fallback: null,
});

export async function setHistoryStatus(status: HistoryStatus | null): Promise<void> {
  try {
    if (status === null) await statusItem.removeValue();
    else await statusItem.setValue(status);
  } catch (error) {
    // storage.local can be full too; the console is all that is left.
    console.warn('[termlight] could not note the history problem', error);
  }
}

export async function getHistoryStatus(): Promise<HistoryStatus | null> {
  try {
    const value = await statusItem.getValue();
    return value && typeof value.reason === 'string' && typeof value.time === 'number'
      ? value
      : null;
  } catch {
    return null;
  }
}

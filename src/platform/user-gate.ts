import { browser } from 'wxt/browser';

/**
 * storage.local key of the frame gate for the reader's own and pack terms, written with their
 * tables (src/platform/user-tables.ts) as JSON, as the build ships its own gate.
 */
export const USER_GATE_KEY = 'userGate';

/**
 * The stored gate, or null when the reader has no terms. A plain `storage.local` get rather than
 * a WXT storage item: the loader runs in every frame, and this keeps the storage wrapper out of
 * it.
 */
export async function readUserGate(): Promise<string | null> {
  try {
    // Keys as an array: Firefox 140 answers a single-key get in some frames with an object the
    // frame's page scripts then fail on (permission errors in the page's console).
    const value = (await browser.storage.local.get([USER_GATE_KEY]))[USER_GATE_KEY];
    return typeof value === 'string' ? value : null;
  } catch {
    // A frame whose extension went away: it only loses the reader's terms.
    return null;
  }
}

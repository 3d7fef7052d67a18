import { browser } from 'wxt/browser';

/**
 * Loads one of the extension's own scripts into this content script's world (a dynamic import of
 * a web-accessible resource; on Chrome reachable only through the session's dynamic URL) and
 * returns what it left in `slot` of the global. Rejects when the script is missing or left
 * nothing there.
 */
export async function loadChunk<T>(path: string, slot: string): Promise<T> {
  const g = globalThis as Record<string, unknown>;
  if (g[slot] === undefined) await import(/* @vite-ignore */ browser.runtime.getURL(path as never));
  const value = g[slot];
  if (value === undefined) throw new Error(`${path} did not load`);
  return value as T;
}

/** One of the extension's own JSON files (a web-accessible resource), parsed. */
export async function loadJson(path: string): Promise<unknown> {
  const response = await fetch(browser.runtime.getURL(path as never));
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.json();
}

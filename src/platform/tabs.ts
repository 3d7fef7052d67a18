import { browser } from 'wxt/browser';

/** A toolbar badge: what setBadge shows on one tab. */
export interface Badge {
  text: string;
  color: string;
  title: string;
}

export interface TabInfo {
  id: number;
  /** Only present where the browser shows it to us (host permission or the tab is ours). */
  url?: string;
}

/** The active tab of the current window, or null (e.g. a devtools window is focused). */
export async function activeTab(): Promise<TabInfo | null> {
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined || tab.id < 0) return null;
    return { id: tab.id, url: tab.url };
  } catch {
    return null;
  }
}

/** Calls `cb` when another tab becomes active (the side panel follows it). */
export function onActiveTabChanged(cb: (tabId: number) => void, signal: AbortSignal): void {
  const listener = (info: { tabId: number }) => cb(info.tabId);
  browser.tabs.onActivated.addListener(listener);
  signal.addEventListener('abort', () => browser.tabs.onActivated.removeListener(listener), {
    once: true,
  });
}

/** `action` in MV3 (Chrome), `browserAction` in Firefox MV2. */
function toolbarAction() {
  return browser.action ?? browser.browserAction;
}

/** Sets the toolbar badge of one tab. A tab closed meanwhile is not an error. */
export async function setBadge(tabId: number, badge: Badge): Promise<void> {
  const action = toolbarAction();
  if (!action) return;
  try {
    await Promise.all([
      action.setBadgeText({ tabId, text: badge.text }),
      action.setBadgeBackgroundColor({ tabId, color: badge.color }),
      action.setTitle({ tabId, title: badge.title }),
    ]);
  } catch (error) {
    console.debug('[termlight] could not set the badge', tabId, error);
  }
}

/** URL of the full-page reference view, optionally with a search query or an entry to show. */
export function referenceUrl(query?: string, entry?: string): string {
  const params = new URLSearchParams({ view: 'full' });
  const q = query?.trim();
  if (q) params.set('q', q);
  if (entry) params.set('entry', entry);
  return browser.runtime.getURL(`/popup.html?${params.toString()}`);
}

/** Opens the glossary as a page in a new tab (tabs.create needs no "tabs" permission). */
export async function openReference(query?: string, entry?: string): Promise<void> {
  await browser.tabs.create({ url: referenceUrl(query, entry), active: true });
}

/** URL of the history view, optionally filtered to one entry. */
export function historyUrl(entry?: string): string {
  const params = new URLSearchParams();
  if (entry) params.set('entry', entry);
  const query = params.toString();
  return browser.runtime.getURL(`/reading.html${query ? `?${query}` : ''}`);
}

/** Opens the history view in a new tab. */
export async function openHistory(entry?: string): Promise<void> {
  await browser.tabs.create({ url: historyUrl(entry), active: true });
}

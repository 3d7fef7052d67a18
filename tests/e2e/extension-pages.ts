/**
 * Driving Termlight's own pages (popup, options) as tabs, in both browsers, through the shared
 * `E2EBrowser` adapter only. Every function passed to `evaluate` is serialised into the page, so
 * each is self-contained; inside an extension page `browser` (Firefox) or `chrome` (Chromium) is
 * the real extensions API.
 */
import { type E2EBrowser, type E2EPage, poll } from './browsers';

interface ExtTab {
  id?: number;
  windowId: number;
}
interface BadgeApi {
  getBadgeText(details: { tabId: number }): Promise<string>;
}
/**
 * The few extension APIs these helpers use, as seen in an extension page (`browser` in Firefox,
 * `chrome` in Chromium; both return promises). Declared here: the repo has no chrome typings.
 */
interface ExtApi {
  tabs: {
    getCurrent(): Promise<ExtTab | undefined>;
    query(query: { windowId?: number }): Promise<ExtTab[]>;
    sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown>;
    update(tabId: number, props: { active: boolean }): Promise<unknown>;
  };
  storage: { local: { get(keys: null): Promise<Record<string, unknown>> } };
  action?: BadgeApi;
  browserAction?: BadgeApi;
}
type ExtGlobal = { browser?: ExtApi; chrome?: ExtApi };

/** Polls the page until it is `path` of the extension and fully loaded. */
async function waitForExtensionPage(page: E2EPage, path: string, what: string): Promise<void> {
  await poll(
    async () => {
      const state = await page.evaluate(() => [location.pathname, document.readyState]);
      return state[0] === path && state[1] === 'complete' ? true : undefined;
    },
    { timeout: 15_000, what },
  );
}

/**
 * Opens `/options.html` (or another extension page) in a tab. Firefox never reports load for a
 * moz-extension:// navigation over BiDi, so this goes through the adapter's `openPopup()` (which
 * polls readiness) and then navigates inside the extension's origin, polling again.
 */
export async function openExtensionPage(browser: E2EBrowser, path: string): Promise<E2EPage> {
  const page = await browser.openPopup();
  if (path !== '/popup.html') {
    // The navigation destroys the context the evaluate runs in; the poll below decides.
    await page.evaluate((p: string) => location.assign(p), path).catch(() => undefined);
    await waitForExtensionPage(page, path, `${path} to load`);
  }
  return page;
}

/** Reloads an extension page and waits until it is loaded again. */
export async function reloadExtensionPage(page: E2EPage): Promise<void> {
  const path = await page.evaluate(() => {
    (window as Window & { __beforeReload?: boolean }).__beforeReload = true;
    return location.pathname;
  });
  await page.evaluate(() => location.reload()).catch(() => undefined);
  await poll(
    async () => {
      const state = await page.evaluate(() => [
        location.pathname,
        document.readyState,
        String((window as Window & { __beforeReload?: boolean }).__beforeReload === true),
      ]);
      return state[0] === path && state[1] === 'complete' && state[2] === 'false'
        ? true
        : undefined;
    },
    { timeout: 15_000, what: `${path} to reload` },
  );
}

export interface TabRef {
  id: number;
  windowId: number;
}

/**
 * Makes the web page tab of `host` the active tab of the extension page's window, so that a popup
 * (re)loaded in that page sees it as "the current tab", exactly as the toolbar popup does: the
 * popup asks for the active tab of its current window. The extension page stays open as a
 * background tab the test keeps driving.
 *
 * Termlight has no "tabs" permission, so the browser hides other tabs' URLs and titles; the tab
 * is found by asking each tab of the window for its page state, the popup's own question, and
 * taking the newest one whose content script reports `host` (ids only grow).
 */
export async function activateTab(extensionPage: E2EPage, host: string): Promise<TabRef> {
  return extensionPage.evaluate(async (wanted: string) => {
    const g = globalThis as unknown as ExtGlobal;
    const api = (g.browser ?? g.chrome) as ExtApi;
    const self = await api.tabs.getCurrent();
    if (!self) throw new Error('Not a tab');
    const tabs = await api.tabs.query({ windowId: self.windowId });
    const found: TabRef[] = [];
    for (const t of tabs) {
      if (t.id === undefined || t.id === self.id) continue;
      const reply = (await api.tabs
        .sendMessage(t.id, { type: 'popup/get-page-state' }, { frameId: 0 })
        .catch(() => null)) as { host?: string } | null;
      if (reply?.host === wanted) found.push({ id: t.id, windowId: t.windowId });
    }
    const tab = found.sort((a, b) => b.id - a.id)[0];
    if (!tab)
      throw new Error(`No tab of ${wanted} in window ${self.windowId} (${tabs.length} tabs)`);
    await api.tabs.update(tab.id, { active: true });
    return tab;
  }, host);
}

/**
 * What the tab's content script answers to the popup's `popup/get-page-state`, or null when no
 * content script answers (yet).
 */
export interface PageState {
  host: string;
  enabled: boolean;
  entries: { id: string; count: number }[];
}

export function pageState(extensionPage: E2EPage, tabId: number): Promise<PageState | null> {
  return extensionPage.evaluate(async (id: number): Promise<PageState | null> => {
    const g = globalThis as unknown as ExtGlobal;
    const api = (g.browser ?? g.chrome) as ExtApi;
    try {
      const reply = await api.tabs.sendMessage(
        id,
        { type: 'popup/get-page-state' },
        { frameId: 0 },
      );
      return (reply ?? null) as PageState | null;
    } catch {
      return null;
    }
  }, tabId);
}

/** `storage.local` as JSON, read through the extension API of an extension page. */
export function readLocalStorage(page: E2EPage): Promise<string> {
  return page.evaluate(async () => {
    const g = globalThis as unknown as ExtGlobal;
    const api = (g.browser ?? g.chrome) as ExtApi;
    const all = await api.storage.local.get(null);
    // Top-level keys sorted: the comparison is about content, not about key order. (A replacer
    // array would also filter nested keys, so the object is rebuilt instead.)
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(all).sort()) sorted[key] = all[key];
    return JSON.stringify(sorted);
  });
}

/** Toolbar badge text of a tab (`action` in MV3 Chrome, `browserAction` in Firefox MV2). */
export function badgeText(page: E2EPage, tabId: number): Promise<string> {
  return page.evaluate(async (id: number) => {
    const g = globalThis as unknown as ExtGlobal;
    const api = (g.browser ?? g.chrome) as ExtApi;
    const action = api.action ?? api.browserAction;
    if (!action) throw new Error('No action API');
    return action.getBadgeText({ tabId: id });
  }, tabId);
}

/**
 * Types text key by key, as a user would (the harness sends real key events in both browsers).
 * A space goes as ' ': puppeteer's BiDi keyboard does not know the name 'Space'.
 */
export async function typeText(page: E2EPage, text: string): Promise<void> {
  for (const ch of text) await page.press(ch);
}

/**
 * Gives a file input a file, the way the browser does after the user picks one in the file
 * chooser (a `File` in `input.files`, then a `change` event). The adapter exposes no
 * setInputFiles/uploadFile, and the OS picker is the only part this skips.
 */
export function chooseFile(
  page: E2EPage,
  selector: string,
  file: { name: string; text: string; type?: string },
): Promise<void> {
  return page.evaluate(
    ({ selector, name, text, type }) => {
      const input = document.querySelector<HTMLInputElement>(selector);
      if (!input) throw new Error(`No file input ${selector}`);
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], name, { type }));
      input.files = transfer.files;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    { selector, name: file.name, text: file.text, type: file.type ?? 'application/json' },
  );
}

/**
 * Stops `<a download>` clicks from starting a real download and records the file instead, like a
 * download interceptor: the link's name and the text behind its (blob) URL. Read them with
 * `takeDownloads`.
 */
export function interceptDownloads(page: E2EPage): Promise<void> {
  return page.evaluate(() => {
    const w = window as Window & { __downloads?: Promise<{ name: string; text: string }>[] };
    if (w.__downloads) return;
    const downloads: Promise<{ name: string; text: string }>[] = [];
    w.__downloads = downloads;
    document.addEventListener(
      'click',
      (event) => {
        const link = event.target;
        if (!(link instanceof HTMLAnchorElement) || !link.hasAttribute('download')) return;
        event.preventDefault();
        const name = link.download;
        downloads.push(
          fetch(link.href)
            .then((r) => r.text())
            .then((text) => ({ name, text })),
        );
      },
      true,
    );
  });
}

export function takeDownloads(page: E2EPage): Promise<{ name: string; text: string }[]> {
  return page.evaluate(async () => {
    const w = window as Window & { __downloads?: Promise<{ name: string; text: string }>[] };
    const list = w.__downloads ?? [];
    const out = await Promise.all(list);
    list.length = 0;
    return out;
  });
}

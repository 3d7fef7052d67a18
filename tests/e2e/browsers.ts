/**
 * One small adapter over two automation libraries so one suite runs in two browsers:
 * Chromium through playwright-core (CDP) and Firefox ESR through puppeteer-core (WebDriver BiDi).
 * Tests talk only to `E2EBrowser` / `E2EPage`.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page as PwPage } from 'playwright-core';
import puppeteer, { type Browser as PpBrowser, type Page as PpPage } from 'puppeteer-core';
import {
  CHROMIUM_BIN,
  chromeExtensionDir,
  FIREFOX_BIN,
  firefoxExtensionDir,
  hasBinary,
  isCI,
} from './paths';

export type BrowserName = 'chromium' | 'firefox';
export const BROWSERS: readonly BrowserName[] = ['chromium', 'firefox'];

/** Firefox gives each install a random moz-extension UUID; pinning it makes the popup URL known. */
export const FIREFOX_ADDON_ID = 'termlight@termlight.example';
export const FIREFOX_UUID = '7d1f0c3e-2b4a-4c6d-9e8f-0a1b2c3d4e5f';

export const VIEWPORT = { width: 1000, height: 700 } as const;

/**
 * Installed in every page's main world before its scripts run, with and without the extension
 * alike: pages such as assabah.com.tn write Math.random() cache-busters into the DOM, which would
 * make two loads differ whoever is watching. A seeded generator makes loads repeatable without
 * stripping anything from the serialised DOM. The extension's own worlds are untouched.
 */
export const DETERMINISM_SHIM = `(() => {
  let s = 0x2545f491;
  Math.random = () => {
    s ^= s << 13; s ^= s >>> 17; s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
})();`;

export interface E2EPage {
  readonly browser: BrowserName;
  /** Navigates and waits for the load event. */
  goto(url: string): Promise<void>;
  /** Runs `fn` in the page's main world; arguments and results must be JSON-serialisable. */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  mouseMove(x: number, y: number): Promise<void>;
  mouseClick(x: number, y: number): Promise<void>;
  /** A key or chord such as 'Escape' or 'Alt+Shift+J'. */
  press(key: string): Promise<void>;
  /** A touch tap; the page must have been opened with `{ touch: true }`. */
  tap(x: number, y: number): Promise<void>;
  /** Whole viewport, or only `clip` (CSS pixels, viewport coordinates) to keep files small. */
  screenshot(file: string, options?: { clip?: Clip }): Promise<void>;
  setViewport(width: number, height: number): Promise<void>;
  /** A one-finger drag from (x, y) by (dx, dy) in small steps; needs `{ touch: true }`. */
  swipe(x: number, y: number, dx: number, dy: number): Promise<void>;
  /** Makes this the active tab (opening another tab, e.g. the popup, backgrounds it). */
  bringToFront(): Promise<void>;
  url(): string;
  /** Uncaught page errors and console errors seen since the page opened. */
  readonly errors: string[];
  close(): Promise<void>;
}

export interface Clip {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface E2EBrowser {
  readonly name: BrowserName;
  readonly withExtension: boolean;
  /** URL of the extension's popup page, null without the extension. */
  readonly popupUrl: string | null;
  newPage(options?: { touch?: boolean }): Promise<E2EPage>;
  /** Opens the popup page in a tab (Firefox never fires load there, so readiness is polled). */
  openPopup(): Promise<E2EPage>;
  /** Opens another page of the extension in a tab, e.g. 'options.html'. */
  openExtensionPage(file: string): Promise<E2EPage>;
  /**
   * Sends `message` from the extension's own context to the tab showing `tabUrl` (frame 0),
   * exactly as the background does (e.g. `background/command` for a keyboard shortcut, which a
   * headless browser does not route to extensions). Chromium: the service worker; Firefox: an
   * extension page in a tab, after which `page` is brought back to the front.
   */
  sendToTab(page: E2EPage, message: unknown): Promise<void>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Load the built extension (default true); false gives the baseline browser. */
  extension?: boolean;
  /** Load this unpacked extension instead of the Termlight build (harness self-checks). */
  extensionDir?: string;
  /** prefers-color-scheme for every page, extension pages included (default light). */
  colorScheme?: 'light' | 'dark';
  /**
   * The browser's interface language, which picks the extension's `_locales` catalogue:
   * Chromium `--lang`, Firefox the `intl.locale.requested` pref (Firefox only switches to a
   * language whose language pack is installed; see README.md).
   */
  locale?: string;
}

export function binaryFor(name: BrowserName): string {
  return name === 'chromium' ? CHROMIUM_BIN : FIREFOX_BIN;
}

/**
 * Whether to skip a browser's suite: only when its binary is missing on a developer machine.
 * Under CI a missing browser is never skipped, so the launch fails loudly instead.
 */
export function shouldSkip(name: BrowserName): boolean {
  return !isCI && !hasBinary(binaryFor(name));
}

export async function launch(name: BrowserName, options: LaunchOptions = {}): Promise<E2EBrowser> {
  const extension = options.extension ?? true;
  const dir = path.resolve(
    options.extensionDir ?? (name === 'chromium' ? chromeExtensionDir : firefoxExtensionDir),
  );
  if (extension && !existsSync(path.join(dir, 'manifest.json'))) {
    throw new Error(`No built extension at ${dir}: run \`npm run build && npm run build:firefox\``);
  }
  // Load a private copy: other engineers rebuild .output in the shared tree while tests run,
  // and both browsers read an unpacked extension's files lazily from disk.
  const copy = extension ? snapshotExtension(dir, name) : null;
  try {
    const scheme = options.colorScheme ?? 'light';
    const browser = await (name === 'chromium'
      ? launchChromium(copy, scheme, options.locale)
      : launchFirefox(copy, scheme, options.locale));
    const close = browser.close;
    return Object.assign(browser, {
      close: async () => {
        await close();
        if (copy) rmSync(copy, { recursive: true, force: true });
      },
    });
  } catch (error) {
    if (copy) rmSync(copy, { recursive: true, force: true });
    throw error;
  }
}

function snapshotExtension(dir: string, name: BrowserName): string {
  const copy = mkdtempSync(path.join(os.tmpdir(), `termlight-e2e-${name}-`));
  cpSync(dir, copy, { recursive: true });
  return copy;
}

const SETTLE_POLL_MS = 50;
/** Touch moves per swipe: enough for the browser to see a pan rather than a tap. */
const SWIPE_STEPS = 8;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `check` until it returns a non-undefined value or the time runs out. */
export async function poll<T>(
  check: () => Promise<T | undefined>,
  { timeout = 10_000, interval = SETTLE_POLL_MS, what = 'condition' } = {},
): Promise<T> {
  const deadline = Date.now() + timeout;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      // Navigation in progress destroys the execution context; try again.
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${timeout} ms waiting for ${what}`, { cause: lastError });
    }
    await sleep(interval);
  }
}

/**
 * Offline corpus pages fail hundreds of remote loads; how many are logged before a snapshot
 * depends on timing, so these are not errors the extension could cause.
 */
function isNetworkNoise(text: string): boolean {
  return /^Failed to load resource\b/.test(text);
}

function splitChord(key: string): { modifiers: string[]; key: string } {
  const parts = key.split('+');
  // 'Shift++' style chords are not needed; a lone '+' stays a key.
  if (parts.length === 1 || key === '+') return { modifiers: [], key };
  return { modifiers: parts.slice(0, -1), key: parts.at(-1) ?? key };
}

// ---------------------------------------------------------------- Chromium (playwright-core)

async function launchChromium(
  dir: string | null,
  colorScheme: 'light' | 'dark' = 'light',
  locale?: string,
): Promise<E2EBrowser> {
  const extension = dir !== null;
  const args = [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    // Offline pages reference hundreds of remote hosts: fail them at once, and never touch the
    // network, so runs are fast and the same with and without the extension.
    '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
    ...(locale ? [`--lang=${locale}`] : []),
  ];
  if (dir) {
    args.push(
      // Lets us ask CDP why an unpacked extension failed: --load-extension fails silently.
      '--enable-unsafe-extension-debugging',
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
    );
  }
  const context = await chromium.launchPersistentContext('', {
    executablePath: CHROMIUM_BIN,
    headless: true,
    args,
    // Playwright adds --disable-extensions by default, which silently wins over --load-extension.
    ignoreDefaultArgs: extension ? ['--disable-extensions'] : [],
    viewport: { ...VIEWPORT },
    colorScheme,
  });
  let popupUrl: string | null = null;
  if (dir) {
    try {
      const id = await chromiumExtensionId(context, dir);
      popupUrl = `chrome-extension://${id}/popup.html`;
    } catch (error) {
      await context.close();
      throw error;
    }
  }
  // The persistent context opens with one blank tab; reuse nothing, but keep it so the
  // browser does not exit when a test closes its last page.
  const browser: E2EBrowser = {
    name: 'chromium',
    withExtension: extension,
    popupUrl,
    async newPage(options = {}) {
      const page = await context.newPage();
      return wrapPlaywrightPage(context, page, options.touch ?? false);
    },
    async openPopup() {
      if (!popupUrl) throw new Error('No extension loaded');
      const page = await browser.newPage();
      await page.goto(popupUrl);
      return page;
    },
    async openExtensionPage(file) {
      if (!popupUrl) throw new Error('No extension loaded');
      const page = await browser.newPage();
      await page.goto(new URL(file, popupUrl).href);
      return page;
    },
    async sendToTab(page, message) {
      const worker = context
        .serviceWorkers()
        .find((w) => w.url().startsWith('chrome-extension://'));
      if (!worker) throw new Error('No extension service worker');
      await page.bringToFront();
      await worker.evaluate(SEND_TO_ACTIVE_TAB, {
        api: 'chrome' as const,
        url: page.url(),
        message,
      });
    },
    close: () => context.close(),
  };
  return browser;
}

/** The slice of the extension API used from the service worker / extension pages. */
interface TabsApi {
  tabs: {
    query(q: object): Promise<{ id?: number; url?: string }[]>;
    sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown>;
  };
}

/**
 * Runs in the extension's context: sends to the active tab, as the background does for a command.
 * Without the `tabs` permission a tab's URL may be hidden; when it is visible it must match, so
 * a message never lands on the wrong page.
 */
const SEND_TO_ACTIVE_TAB = async (arg: {
  api: 'chrome' | 'browser';
  url: string;
  message: unknown;
}) => {
  const ext = (globalThis as unknown as Record<string, TabsApi>)[arg.api];
  if (!ext) throw new Error(`No ${arg.api}.tabs here`);
  const [tab] = await ext.tabs.query({ active: true, lastFocusedWindow: true });
  if (tab?.id === undefined) throw new Error('No active tab');
  if (tab.url !== undefined && tab.url !== arg.url) {
    throw new Error(`Active tab is ${tab.url}, expected ${arg.url}`);
  }
  await ext.tabs.sendMessage(tab.id, arg.message, { frameId: 0 });
};

async function chromiumExtensionId(context: BrowserContext, dir: string): Promise<string> {
  const fromWorker = (url: string) => /^chrome-extension:\/\/([a-p]{32})\//.exec(url)?.[1];
  for (const worker of context.serviceWorkers()) {
    const id = fromWorker(worker.url());
    if (id) return id;
  }
  const worker = await context.waitForEvent('serviceworker', { timeout: 10_000 }).catch(() => null);
  const id = worker ? fromWorker(worker.url()) : undefined;
  if (id) return id;
  // No worker: the manifest was probably rejected. Ask Chromium for the reason.
  let reason = 'unknown reason';
  try {
    const cdp = await context.browser()?.newBrowserCDPSession();
    await cdp?.send('Extensions.loadUnpacked' as never, { path: dir } as never);
    reason = 'loadUnpacked succeeded on retry, but no service worker started';
  } catch (error) {
    reason = error instanceof Error ? error.message : String(error);
  }
  throw new Error(`Chromium did not load the extension from ${dir}: ${reason}`);
}

async function wrapPlaywrightPage(
  context: BrowserContext,
  page: PwPage,
  touch: boolean,
): Promise<E2EPage> {
  await page.addInitScript(DETERMINISM_SHIM);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !isNetworkNoise(message.text())) {
      errors.push(`console: ${message.text()}`);
    }
  });
  // Touch emulation per page through CDP, so other pages keep a mouse-only profile.
  const cdp = touch ? await context.newCDPSession(page) : null;
  if (cdp) {
    // Not Emulation.setEmitTouchEventsForMouse: with it, Playwright's mouse.click never resolves.
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
  }
  return {
    browser: 'chromium',
    errors,
    async goto(url) {
      await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
    },
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    mouseMove: (x, y) => page.mouse.move(x, y),
    mouseClick: (x, y) => page.mouse.click(x, y),
    press: (key) => page.keyboard.press(key),
    async tap(x, y) {
      if (!cdp) throw new Error('Open the page with { touch: true } to tap');
      await cdp.send('Input.dispatchTouchEvent', {
        type: 'touchStart',
        touchPoints: [{ x, y }],
      });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    },
    async swipe(x, y, dx, dy) {
      if (!cdp) throw new Error('Open the page with { touch: true } to swipe');
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
      for (let i = 1; i <= SWIPE_STEPS; i++) {
        const f = i / SWIPE_STEPS;
        await cdp.send('Input.dispatchTouchEvent', {
          type: 'touchMove',
          touchPoints: [{ x: x + dx * f, y: y + dy * f }],
        });
      }
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    },
    bringToFront: () => page.bringToFront(),
    async screenshot(file, options = {}) {
      mkdirSync(path.dirname(file), { recursive: true });
      await page.screenshot({ path: file, ...(options.clip ? { clip: options.clip } : {}) });
    },
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    url: () => page.url(),
    close: () => page.close(),
  };
}

// ---------------------------------------------------------------- Firefox (puppeteer-core, BiDi)

async function launchFirefox(
  dir: string | null,
  colorScheme: 'light' | 'dark' = 'light',
  locale?: string,
): Promise<E2EBrowser> {
  const extension = dir !== null;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_BIN,
    headless: true,
    protocol: 'webDriverBiDi',
    // Needed by BiDi's webExtension.install in current Firefox ESR.
    args: ['--remote-allow-system-access'],
    defaultViewport: { ...VIEWPORT },
    extraPrefsFirefox: {
      // Same intent as Chromium's resolver rule: every remote request goes to a closed local
      // port (refused at once; 47 is not on Firefox's banned-port list) and never falls back
      // to a direct connection; 127.0.0.1 is never proxied, so fixtures still load.
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': 47,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': 47,
      'network.proxy.failover_direct': false,
      'network.dns.disablePrefetch': true,
      'network.prefetch-next': false,
      'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_ADDON_ID]: FIREFOX_UUID }),
      // prefers-color-scheme for web content and extension pages alike (BiDi has no switch).
      'ui.systemUsesDarkTheme': colorScheme === 'dark' ? 1 : 0,
      'layout.css.prefers-color-scheme.content-override': colorScheme === 'dark' ? 0 : 1,
      ...(locale ? { 'intl.locale.requested': locale } : {}),
    },
  });
  let popupUrl: string | null = null;
  if (dir) {
    try {
      const id = await browser.installExtension(dir);
      // Only the Termlight add-on id has a pinned UUID, so only it has a known popup URL.
      if (id === FIREFOX_ADDON_ID) popupUrl = `moz-extension://${FIREFOX_UUID}/popup.html`;
    } catch (error) {
      await browser.close();
      throw error;
    }
  }
  let messenger: E2EPage | null = null;
  const e2e: E2EBrowser = {
    name: 'firefox',
    withExtension: extension,
    popupUrl,
    async newPage(options = {}) {
      const page = await browser.newPage();
      return wrapPuppeteerPage(browser, page, options.touch ?? false);
    },
    openPopup() {
      if (!popupUrl) throw new Error('No extension loaded');
      return e2e.openExtensionPage('popup.html');
    },
    async openExtensionPage(file) {
      if (!popupUrl) throw new Error('No extension loaded');
      const url = new URL(file, popupUrl).href;
      const page = await e2e.newPage();
      const raw = (page as E2EPage & { raw: PpPage }).raw;
      // A moz-extension:// navigation never reports load over BiDi: start it, then poll.
      raw.goto(url).catch(() => undefined);
      await poll(
        async () => {
          const ready = await raw.evaluate(() => `${location.href}|${document.readyState}`);
          return ready === `${url}|complete` ? true : undefined;
        },
        { what: `popup ${url} to load` },
      );
      return page;
    },
    async sendToTab(page, message) {
      // An MV2 background page is not reachable over BiDi; an extension page in a tab has the
      // same `browser.tabs` API. Opened once and kept, then the test page is put back in front
      // (a background tab's requestAnimationFrame is throttled).
      messenger ??= await e2e.openExtensionPage('popup.html');
      await page.bringToFront();
      await messenger.evaluate(SEND_TO_ACTIVE_TAB, {
        api: 'browser' as const,
        url: page.url(),
        message,
      });
    },
    close: () => browser.close(),
  };
  return e2e;
}

async function wrapPuppeteerPage(
  _browser: PpBrowser,
  page: PpPage,
  touch: boolean,
): Promise<E2EPage & { raw: PpPage }> {
  await page.evaluateOnNewDocument(DETERMINISM_SHIM);
  const errors: string[] = [];
  page.on('pageerror', (error) =>
    errors.push(`pageerror: ${error instanceof Error ? error.message : String(error)}`),
  );
  page.on('console', (message) => {
    if (message.type() === 'error' && !isNetworkNoise(message.text())) {
      errors.push(`console: ${message.text()}`);
    }
  });
  if (touch) {
    // BiDi has no touch-emulation switch; hasTouch is best effort, taps still use touch actions.
    await page.setViewport({ ...VIEWPORT, hasTouch: true }).catch(() => undefined);
  }
  return {
    raw: page,
    browser: 'firefox',
    errors,
    async goto(url) {
      try {
        await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
      } catch (error) {
        // Firefox's BiDi navigate can reject a navigation that did load, e.g. "Address
        // rejected" from onLocationChange on readability--nytimes-1.html (a subframe error
        // surfaced as the top-level result). Trust the page itself: same URL and load done.
        await poll(
          async () => {
            const state = await page.evaluate(() => [location.href, document.readyState]);
            return state[0] === url && state[1] === 'complete' ? true : undefined;
          },
          { timeout: 30_000, what: `${url} to load` },
        ).catch(() => {
          throw error;
        });
      }
    },
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    mouseMove: (x, y) => page.mouse.move(x, y),
    mouseClick: (x, y) => page.mouse.click(x, y),
    async press(chord) {
      const { modifiers, key } = splitChord(chord);
      for (const m of modifiers) await page.keyboard.down(m as never);
      await page.keyboard.press(key as never);
      for (const m of modifiers.reverse()) await page.keyboard.up(m as never);
    },
    tap: (x, y) => page.touchscreen.tap(x, y),
    async swipe(x, y, dx, dy) {
      await page.touchscreen.touchStart(x, y);
      for (let i = 1; i <= SWIPE_STEPS; i++) {
        const f = i / SWIPE_STEPS;
        await page.touchscreen.touchMove(x + dx * f, y + dy * f);
      }
      await page.touchscreen.touchEnd();
    },
    bringToFront: () => page.bringToFront(),
    async screenshot(file, options = {}) {
      mkdirSync(path.dirname(file), { recursive: true });
      const clip = options.clip;
      if (!clip) {
        await page.screenshot({ path: file as `${string}.png` });
        return;
      }
      // Puppeteer's clip is in document coordinates (Playwright's in viewport coordinates).
      const [left, top] = await page.evaluate(() => [scrollX, scrollY]);
      await page.screenshot({
        path: file as `${string}.png`,
        clip: { ...clip, x: clip.x + (left ?? 0), y: clip.y + (top ?? 0) },
        captureBeyondViewport: false,
      });
    },
    setViewport: (width, height) => page.setViewport({ width, height, hasTouch: touch }),
    url: () => page.url(),
    close: () => page.close(),
  };
}

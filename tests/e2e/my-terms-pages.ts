/**
 * Helpers of my-terms.test.ts: the options page's My terms section, the compiled tables in
 * storage.local, and the fixture's iframe.
 */
import { type E2EPage, poll } from './browsers';
import { readLocalStorage } from './extension-pages';

/** The fixture's iframe, whose text holds the reader's term and no glossary word. */
export const FRAME = '#mine';

/**
 * Waits until the loader has skipped the fixture's iframe. The frame is visible and larger than
 * a pixel, so a skip is for its text. (The mark's `detail.reason` says so too, but Firefox does
 * not let the page read an object the content script made.)
 */
export function frameSkipped(page: E2EPage): Promise<true> {
  return poll(
    async () =>
      (await page.evaluate((selector: string) => {
        const win = document.querySelector<HTMLIFrameElement>(selector)?.contentWindow;
        return (win?.performance.getEntriesByName('termlight:skip').length ?? 0) > 0;
      }, FRAME))
        ? true
        : undefined,
    { what: 'the frame gate to skip the iframe' },
  );
}

/** Waits until the options page's My terms section has loaded its store (Add is enabled). */
export function myTermsReady(options: E2EPage): Promise<unknown> {
  return poll(
    async () =>
      (await options.evaluate(
        () =>
          document.querySelector<HTMLButtonElement>('[data-testid="term-add"]')?.disabled === false,
      ))
        ? true
        : undefined,
    { what: 'the My terms section' },
  );
}

/** Sets a form control's value the way typing does (Preact listens to input and change). */
export function fill(page: E2EPage, testId: string, value: string): Promise<void> {
  return page.evaluate(
    ({ testId, value }) => {
      const el = document.querySelector<HTMLInputElement | HTMLTextAreaElement>(
        `[data-testid="${testId}"]`,
      );
      if (!el) throw new Error(`No field ${testId}`);
      el.value = value;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    },
    { testId, value },
  );
}

export function click(page: E2EPage, selector: string): Promise<void> {
  return page.evaluate((selector: string) => {
    const el = document.querySelector<HTMLElement>(selector);
    if (!el) throw new Error(`Nothing matches ${selector}`);
    el.click();
  }, selector);
}

export const text = (page: E2EPage, selector: string) =>
  page.evaluate(
    (selector: string) => document.querySelector(selector)?.textContent ?? null,
    selector,
  );

/** The ids in the compiled tables the background put in storage.local. */
export async function tableIds(options: E2EPage): Promise<string[]> {
  const stored = JSON.parse(await readLocalStorage(options)) as {
    userTables?: { tables: { terms: string[] } };
  };
  return stored.userTables?.tables.terms ?? [];
}

/** Waits until the background has compiled tables that hold `id`. */
export function waitForTables(options: E2EPage, id: string, timeout?: number): Promise<true> {
  return poll(async () => ((await tableIds(options)).includes(id) ? true : undefined), {
    what: `compiled tables with ${id}`,
    ...(timeout ? { timeout } : {}),
  });
}

/** The page's own start: reading storage, loading the tables, the first pass (its marks). */
export function startCost(page: E2EPage): Promise<string> {
  return page.evaluate(() => {
    const at = (n: string) => performance.getEntriesByName(`termlight:${n}`)[0]?.startTime;
    const [script, settings, tables, idle] = ['script', 'settings', 'tables', 'idle'].map(at);
    const ms = (a?: number, b?: number) =>
      a === undefined || b === undefined ? 'n/a' : (b - a).toFixed(1);
    return `engine + read ${ms(script, settings)} ms, load tables ${ms(settings, tables)} ms, first pass ${ms(tables, idle)} ms`;
  });
}

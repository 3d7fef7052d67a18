/**
 * Reading memory (issue 18), end to end in both browsers: lookups recorded when the reader
 * hovers terms on two pages, listed in the history view and exported as CSV (query strings
 * dropped); "seen before" in a later popover; "I know this term" paints the term quietly; the
 * page briefing (side panel page, opened as a tab) lists the page's terms and jumps to one.
 */
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/formats/csv';
import { BROWSERS, type E2EPage, poll, shouldSkip } from './browsers';
import {
  activateTab,
  interceptDownloads,
  openExtensionPage,
  reloadExtensionPage,
  takeDownloads,
} from './extension-pages';
import {
  centre,
  findTerm,
  readHighlights,
  readPopover,
  waitForIdle,
  waitForNoPopover,
  waitForPopover,
} from './page-probes';
import { artifactsDir } from './paths';
import { useBrowser, useServer } from './suite';

/** A point over page chrome with no term. */
const NOWHERE = { x: 4, y: 4 };

/** The box of an element inside the popover's shadow root, viewport coordinates. */
function popoverControl(page: E2EPage, selector: string) {
  return page.evaluate((sel: string) => {
    const root = document.querySelector('termlight-popover')?.shadowRoot;
    const el = root?.querySelector<HTMLElement>(sel);
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height, text: el.textContent ?? '' };
  }, selector);
}

for (const name of BROWSERS) {
  describe.skipIf(shouldSkip(name))(`${name}: reading memory`, () => {
    const server = useServer();
    const browser = useBrowser(name);

    async function open(fixture: string): Promise<E2EPage> {
      const page = await browser().newPage();
      await page.goto(server().url(`/fixtures/history/${fixture}`));
      await waitForIdle(page);
      return page;
    }

    /** Rests the pointer on the term until its popover shows, then leaves it to close. */
    async function lookUp(page: E2EPage, text: string, index = 0) {
      const term = await findTerm(page, text, index);
      const line = term?.rects[0];
      if (!line) throw new Error(`No highlighted "${text}"`);
      const at = centre(line);
      await page.mouseMove(at.x, at.y);
      const state = await waitForPopover(page);
      return state;
    }

    async function leave(page: E2EPage) {
      await page.mouseMove(NOWHERE.x, NOWHERE.y);
      await waitForNoPopover(page);
    }

    async function guarded(label: string, page: E2EPage, body: () => Promise<void>) {
      try {
        await body();
      } catch (error) {
        await page.screenshot(`${artifactsDir}/${name}-history-${label}.png`).catch(() => {});
        throw error;
      }
    }

    it('records hovered terms on two pages, lists them and exports them as CSV', async () => {
      const one = await open('one.html?session=secret#part');
      await guarded('record', one, async () => {
        await lookUp(one, 'intelligence sharing');
        await leave(one);
        await lookUp(one, 'technology transfer');
        await leave(one);
      });
      const two = await open('two.html');
      await guarded('seen-before', two, async () => {
        await lookUp(two, 'counter-terrorism');
        await leave(two);
        // Met before on page one: the popover says so, with a link to those lookups.
        await lookUp(two, 'intelligence sharing');
        const seen = await poll(
          async () => (await popoverControl(two, '.tl-memory__seen')) ?? undefined,
          {
            timeout: 5000,
            what: '"seen before" in the popover',
          },
        );
        expect(seen.text).toContain('127.0.0.1');
        await leave(two);
      });
      expect(one.errors).toEqual([]);
      expect(two.errors).toEqual([]);

      const history = await openExtensionPage(browser(), '/reading.html');
      await guarded('view', history, async () => {
        const entries = await poll(
          async () => {
            const ids = await history.evaluate(() =>
              [...document.querySelectorAll('.tl-lookup')].map((li) =>
                li.getAttribute('data-entry'),
              ),
            );
            return ids.length >= 4 ? ids : undefined;
          },
          { timeout: 10_000, what: 'four lookups in the history view' },
        );
        expect([...new Set(entries)].sort()).toEqual([
          'counter-terrorism',
          'intelligence-sharing',
          'technology-transfer',
        ]);
        await interceptDownloads(history);
        await history.evaluate(() => {
          const button = [...document.querySelectorAll('button')].find((b) =>
            /CSV/.test(b.textContent ?? ''),
          );
          button?.click();
        });
        const [file] = await poll(
          async () => {
            const files = await takeDownloads(history);
            return files.length > 0 ? files : undefined;
          },
          { timeout: 5000, what: 'the CSV download' },
        );
        expect(file?.name).toBe('termlight-history.csv');
        const [header, ...rows] = parseCsv(file?.text ?? '').map((r) => r.fields);
        expect(header?.slice(0, 3)).toEqual(['Term', 'Form', 'Sentence']);
        expect(rows).toHaveLength(4);
        const byTerm = (term: string) => rows.filter((r) => r[0]?.toLowerCase() === term);
        const sharing = byTerm('intelligence sharing');
        expect(sharing).toHaveLength(2);
        expect(byTerm('technology transfer')[0]?.[2]).toBe(
          'Talks on technology transfer continued into the evening.',
        );
        for (const row of rows) {
          // The query string and fragment are not kept (the reader did not opt in).
          expect(row[7]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/fixtures\/history\/(one|two)\.html$/);
          expect(row[3]?.length).toBeGreaterThan(20);
        }
      });
      await history.close();
      await one.close();
      await two.close();
    });

    it('"I know this term" paints the term quietly, and the panel jumps to an occurrence', async () => {
      const page = await open('two.html');
      await guarded('known', page, async () => {
        await lookUp(page, 'counter-terrorism');
        await poll(async () => (await popoverControl(page, '.tl-memory__known')) ?? undefined, {
          timeout: 5000,
          what: 'the "I know this term" button',
        });
        // A click from the page's world reaches the popover's handlers in both browsers; the
        // button may sit below the fold of a tall popover, where a pointer cannot reach.
        await page.evaluate(() =>
          document
            .querySelector('termlight-popover')
            ?.shadowRoot?.querySelector<HTMLElement>('.tl-memory__known')
            ?.click(),
        );
        const painted = await poll(
          async () => {
            const h = await readHighlights(page);
            return (h?.['termlight-known']?.length ?? 0) >= 2 ? h : undefined;
          },
          { timeout: 10_000, what: 'known terms in termlight-known' },
        );
        expect(painted?.['termlight-known']?.map((s) => s.toLowerCase())).toEqual([
          'counter-terrorism',
          'counter-terrorism',
        ]);
        // Not also in their category's highlight: only the quiet paint.
        expect(painted?.['termlight-operation'] ?? []).not.toContain('counter-terrorism');
        expect((await readPopover(page)).hosts).toBeLessThanOrEqual(1);
      });

      const panel = await openExtensionPage(browser(), '/sidepanel.html');
      await guarded('panel', panel, async () => {
        await activateTab(panel, '127.0.0.1');
        await reloadExtensionPage(panel);
        const terms = await poll(
          async () => {
            const ids = await panel
              .evaluate(() =>
                [...document.querySelectorAll('[data-panel-entry]')].map((el) =>
                  el.getAttribute('data-panel-entry'),
                ),
              )
              .catch(() => [] as (string | null)[]);
            return ids.length >= 2 ? ids : undefined;
          },
          { timeout: 10_000, what: 'the page briefing' },
        );
        // First mention first.
        expect(terms.slice(0, 2)).toEqual(['counter-terrorism', 'intelligence-sharing']);
        // The page is in front, as beside a real side panel; it notes the flash the jump makes
        // (it lasts 1.2 s, shorter than a slow round trip of polling might catch).
        await page.bringToFront();
        await page.evaluate(() => {
          const w = window as Window & { __flashed?: string[] };
          w.__flashed = [];
          setInterval(() => {
            for (const r of (CSS.highlights.get('termlight-flash') ??
              []) as Iterable<AbstractRange>) {
              const range = document.createRange();
              range.setStart(r.startContainer, r.startOffset);
              range.setEnd(r.endContainer, r.endOffset);
              w.__flashed?.push(range.toString().toLowerCase());
            }
          }, 50);
        });
        await panel.evaluate(() => {
          const jump = document.querySelector<HTMLButtonElement>(
            '[data-panel-entry="intelligence-sharing"] [data-jump="0"]',
          );
          jump?.click();
        });
        await poll(
          async () => {
            const flashed = await page.evaluate(
              () => (window as Window & { __flashed?: string[] }).__flashed ?? [],
            );
            return flashed.includes('intelligence sharing') ? true : undefined;
          },
          { timeout: 5000, what: 'the jump to flash the occurrence' },
        );
        // The page's own terms, exported from the briefing: one row per term and sentence.
        await interceptDownloads(panel);
        await panel.evaluate(() => {
          const button = [...document.querySelectorAll('button')].find((b) =>
            /CSV/.test(b.textContent ?? ''),
          );
          button?.click();
        });
        const [file] = await poll(
          async () => {
            const files = await takeDownloads(panel);
            return files.length > 0 ? files : undefined;
          },
          { timeout: 5000, what: 'the page CSV download' },
        );
        expect(file?.name).toBe('termlight-page.csv');
        const rows = parseCsv(file?.text ?? '')
          .slice(1)
          .map((r) => [r.fields[0]?.toLowerCase(), r.fields[2]]);
        expect(rows).toEqual([
          ['counter-terrorism', 'A new counter-terrorism unit was announced on Monday.'],
          [
            'intelligence sharing',
            'Officials said intelligence sharing would grow, and counter-terrorism training too.',
          ],
          [
            'counter-terrorism',
            'Officials said intelligence sharing would grow, and counter-terrorism training too.',
          ],
        ]);
      });
      expect(page.errors).toEqual([]);
      await panel.close();
      await page.close();
    });
  });
}

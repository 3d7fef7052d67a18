/**
 * Issue #16 end to end, in both browsers: a term added in options is highlighted on a page and
 * explained on hover, marked as the reader's; a CSV pack (through the column step) and a TBX pack
 * import, highlight and are found by the popup's search; my terms export to JSON, and that file imports back as a pack; "Not a
 * term here" in the popover hides the phrase on the site until options shows it again. A
 * same-origin frame holding only the reader's term is highlighted too, though the build's frame
 * gate (the glossary's) turns it away.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toJsonPack } from '../../src/packs/json';
import { generatePack } from '../fixtures/packs/generate';
import { BROWSERS, type E2EPage, poll, shouldSkip } from './browsers';
import {
  chooseFile,
  interceptDownloads,
  openExtensionPage,
  takeDownloads,
  typeText,
} from './extension-pages';
import {
  click,
  FRAME,
  fill,
  frameSkipped,
  myTermsReady,
  startCost,
  tableIds,
  text,
  waitForTables,
} from './my-terms-pages';
import {
  categoryTexts,
  centre,
  findTerm,
  idleMarkCount,
  readHighlights,
  waitForIdle,
  waitForPopover,
} from './page-probes';
import { artifactsDir } from './paths';
import { useBrowser, useServer } from './suite';

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/packs/${name}`, import.meta.url), 'utf8');

const DEFINITION = 'A made-up task group that exists only in <b>Termlight</b> tests.';
for (const name of BROWSERS) {
  describe.skipIf(shouldSkip(name))(`${name}: my terms and packs`, () => {
    const server = useServer();
    const browser = useBrowser(name);

    async function article(): Promise<E2EPage> {
      const page = await browser().newPage();
      await page.goto(server().url('/fixtures/my-terms.html'));
      await waitForIdle(page);
      return page;
    }

    it('adds a term, imports CSV and TBX packs, exports and imports again', async () => {
      const options = await openExtensionPage(browser(), '/options.html');
      try {
        // Before the reader has the term, the build's gate keeps the iframe from starting.
        const before = await article();
        await frameSkipped(before);
        expect(await idleMarkCount(before, FRAME)).toBe(0);
        await before.close();
        await myTermsReady(options);
        await click(options, '[data-testid="term-add"]');
        await fill(options, 'term-term', 'Zephyr task group');
        await fill(options, 'term-definition', DEFINITION);
        await fill(options, 'term-sample', 'Yesterday the zephyr task group sailed.');
        await poll(
          async () =>
            (await text(options, '[data-testid="term-preview"] mark')) === 'zephyr task group'
              ? true
              : undefined,
          { what: 'the live preview' },
        );
        await click(options, '[data-testid="term-save"]');
        await waitForTables(options, 'u:mine:zephyr-task-group');

        // Highlighted on a page next to a built-in term, and explained on hover as ours.
        const page = await article();
        const found = categoryTexts(await readHighlights(page));
        // categoryTexts gives normalised (lower-case) texts.
        expect(found).toContain('zephyr task group');
        expect(found).toContain('defense cooperation');
        // The iframe too: the reader's own gate lets it through.
        await waitForIdle(page, { frame: FRAME });
        expect(categoryTexts(await readHighlights(page, FRAME))).toEqual(['zephyr task group']);
        const box = (await findTerm(page, 'Zephyr task group', 0, 0.5))?.rects[0];
        if (!box) throw new Error('No highlighted "Zephyr task group"');
        const at = centre(box);
        await page.mouseMove(at.x, at.y);
        const state = await waitForPopover(page, {});
        expect(state.label).toContain('Zephyr task group');
        // The definition's markup is shown as text, never parsed.
        expect(state.definition).toBe(DEFINITION);
        const owner = await page.evaluate(
          () =>
            document
              .querySelector('termlight-popover')
              ?.shadowRoot?.querySelector('[data-testid="owner"]')?.textContent ?? null,
        );
        expect(owner).toBe('Your term');

        // A CSV pack: the column step, then import.
        await chooseFile(options, '[data-testid="pack-file"]', {
          name: 'e2e-pack.csv',
          text: fixture('e2e-pack.csv'),
          type: 'text/csv',
        });
        await poll(
          async () => ((await text(options, '[data-testid="csv-columns"]')) ? true : undefined),
          { what: 'the CSV column step' },
        );
        await click(options, '[data-testid="csv-import"]');
        await waitForTables(options, 'u:e2e-pack:nimbus-logistics-hub');
        // A TBX pack, parsed by the options page's DOMParser.
        await chooseFile(options, '[data-testid="pack-file"]', {
          name: 'liaison.tbx',
          text: fixture('e2e-pack.tbx'),
          type: 'application/xml',
        });
        await poll(
          async () =>
            (await tableIds(options)).some((id) => id.endsWith(':orion')) ? true : undefined,
          { what: 'compiled tables with the TBX pack' },
        );
        await page.close();
        const again = await article();
        const all = categoryTexts(await readHighlights(again));
        expect(all).toEqual(
          expect.arrayContaining([
            'zephyr task group',
            'nimbus logistics hub',
            'orion liaison cell',
          ]),
        );
        await again.close();

        // Searchable in the popup, marked with their owner.
        const popup = await openExtensionPage(browser(), '/popup.html');
        await popup.evaluate(() =>
          document.querySelector<HTMLInputElement>('input[type="search"]')?.focus(),
        );
        await typeText(popup, 'nimbus');
        const result = await poll(
          async () => {
            const found = await popup.evaluate(() =>
              Array.from(document.querySelectorAll('[role="option"] .tl-result__term')).map((el) =>
                (el.textContent ?? '').replace(/\s+/g, ' ').trim(),
              ),
            );
            return found.length > 0 ? found : undefined;
          },
          { what: 'popup results for "nimbus"' },
        );
        expect(result[0]).toBe('Nimbus logistics hub · e2e-pack');
        await popup.close();

        // Export my terms, delete the term, import the export: it is back, as a pack.
        await interceptDownloads(options);
        await click(options, '[data-testid="export-mine-json"]');
        // The export reads the store first, so the download starts a moment after the click.
        const [exported] = await poll(
          async () => {
            const files = await takeDownloads(options);
            return files.length > 0 ? files : undefined;
          },
          { what: 'the exported file' },
        );
        expect(exported?.name).toBe('my-terms.json');
        expect(JSON.parse(exported?.text ?? '{}').entries[0]).toMatchObject({
          term: 'Zephyr task group',
          definition: DEFINITION,
        });
        await click(options, 'button[aria-label="Delete Zephyr task group"]');
        await poll(
          async () =>
            (await tableIds(options)).includes('u:mine:zephyr-task-group') ? undefined : true,
          { what: 'the deleted term gone from the tables' },
        );
        await chooseFile(options, '[data-testid="pack-file"]', {
          name: exported?.name ?? 'my-terms.json',
          text: exported?.text ?? '',
        });
        await waitForTables(options, 'u:my-terms:zephyr-task-group');
        const last = await article();
        expect(categoryTexts(await readHighlights(last))).toContain('zephyr task group');

        // "Not a term here": the phrase goes from this site, options lists it, and it comes back.
        const again2 = (await findTerm(last, 'Zephyr task group', 0, 0.5))?.rects[0];
        if (!again2) throw new Error('No highlighted "Zephyr task group"');
        await last.mouseMove(centre(again2).x, centre(again2).y);
        await waitForPopover(last, {});
        await last.evaluate(() => {
          const root = document.querySelector('termlight-popover')?.shadowRoot;
          const button = Array.from(root?.querySelectorAll('button') ?? []).find(
            (b) => b.textContent?.trim() === 'Not a term here',
          );
          if (!button) throw new Error('No "Not a term here" button');
          button.click();
        });
        await poll(
          async () =>
            categoryTexts(await readHighlights(last)).includes('zephyr task group')
              ? undefined
              : true,
          { what: 'the phrase to lose its highlight' },
        );
        expect(categoryTexts(await readHighlights(last))).toContain('defense cooperation');
        const host = new URL(server().url('/')).hostname;
        const show = `button[aria-label="Show “zephyr task group” on ${host} again"]`;
        await poll(async () => ((await text(options, show)) !== null ? true : undefined), {
          what: 'the phrase listed in options',
        });
        await click(options, show);
        await poll(
          async () =>
            categoryTexts(await readHighlights(last)).includes('zephyr task group')
              ? true
              : undefined,
          { what: 'the phrase highlighted again' },
        );
        await last.close();
      } catch (error) {
        console.info(`[my-terms] notice: ${await text(options, '[data-testid="packs-notice"]')}`);
        await options.screenshot(`${artifactsDir}/${name}-my-terms-options.png`).catch(() => {});
        throw error;
      } finally {
        await options.close();
      }
    }, 120_000);

    it('installs a 10,000-entry pack, compiles it in the background and highlights with it', async () => {
      const pack = generatePack(10_000);
      const last = pack.entries[pack.entries.length - 1];
      if (!last) throw new Error('empty pack');
      const options = await openExtensionPage(browser(), '/options.html');
      try {
        await myTermsReady(options);
        const before = await article();
        const baseline = await startCost(before);
        await before.close();
        const started = Date.now();
        await chooseFile(options, '[data-testid="pack-file"]', {
          name: 'synthetic.json',
          text: toJsonPack(pack),
        });
        await waitForTables(options, `u:${pack.id}:${last.id}`, 60_000);
        const installed = Date.now() - started;
        const page = await browser().newPage();
        await page.goto(server().url('/fixtures/my-terms.html'));
        await page.evaluate((term: string) => {
          const p = document.createElement('p');
          p.textContent = `Later the ${term} reported back.`;
          document.body.append(p);
        }, last.term);
        await waitForIdle(page);
        const texts = categoryTexts(await readHighlights(page));
        const marks = await startCost(page);
        console.info(
          `[my-terms] ${name}: 10,000-entry pack picked → tables in storage.local in ${installed} ms (parse, validate, install, compile); page before: ${baseline}; with it: ${marks}`,
        );
        expect(texts).toContain(last.term.toLowerCase());
        expect(texts).toContain('defense cooperation');
        await page.close();
      } finally {
        await options.close();
      }
    }, 120_000);
  });
}

/**
 * README screenshots, written only on request (`UPDATE_SCREENSHOTS=1 npm run test:e2e`), so a
 * normal run never dirties the tree. Committed in tests/e2e/screenshots/, each cropped to what it
 * shows (at most 1000x700) so the files stay small: the article, the popover on the article in
 * light and dark, the popup in light and dark, the options page and its My terms section with
 * a term being added, the reading history; and, in Chromium with `--lang=ar`, the Arabic fixture
 * page with its popover and the popup in Arabic.
 */
import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BROWSERS, type Clip, type E2EBrowser, type E2EPage, poll, shouldSkip } from './browsers';
import {
  categoryTexts,
  centre,
  findTerm,
  readHighlights,
  waitForIdle,
  waitForPopover,
} from './page-probes';
import { screenshotsDir } from './paths';
import { useBrowser, useServer } from './suite';

const update = process.env.UPDATE_SCREENSHOTS === '1';
/** Budget per image: README images are fetched by every visitor. */
const MAX_BYTES = 150 * 1024;
const PAD = 24;

type Scheme = 'light' | 'dark';

/** Waits until nothing in the document or in the popover's shadow root is still animating. */
function settled(page: E2EPage): Promise<true> {
  return poll(
    async () =>
      (await page.evaluate(() => {
        const host = document.querySelector('termlight-popover');
        const running = [
          ...document.getAnimations(),
          ...(host?.shadowRoot?.getAnimations() ?? []),
        ].filter((a) => a.playState === 'running');
        return running.length === 0;
      }))
        ? (true as const)
        : undefined,
    { what: 'animations to finish' },
  );
}

/** An extension page has loaded its data: some text, nothing marked busy, fonts ready. */
function rendered(page: E2EPage, what: string): Promise<true> {
  return poll(
    async () =>
      (await page.evaluate(async () => {
        await document.fonts.ready;
        return (
          document.body.innerText.trim().length > 0 &&
          document.querySelector('[aria-busy="true"]') === null &&
          document.querySelector('button, input') !== null
        );
      }))
        ? (true as const)
        : undefined,
    { what: `${what} to render` },
  );
}

function save(file: string) {
  const bytes = statSync(file).size;
  expect(bytes, `${file} is ${bytes} bytes`).toBeLessThan(MAX_BYTES);
}

for (const name of BROWSERS) {
  describe.skipIf(!update || shouldSkip(name))(`${name}: screenshots`, () => {
    const server = useServer();
    const browsers: Record<Scheme, () => E2EBrowser> = {
      light: useBrowser(name, { colorScheme: 'light' }),
      dark: useBrowser(name, { colorScheme: 'dark' }),
    };

    it('article', async () => {
      const page = await browsers.light().newPage();
      await page.goto(server().url('/fixtures/article.html'));
      await waitForIdle(page);
      // Never publish a screenshot of a page with nothing highlighted.
      expect(categoryTexts(await readHighlights(page)).length).toBeGreaterThan(0);
      const file = `${screenshotsDir}/${name}-article.png`;
      await page.screenshot(file);
      save(file);
      await page.close();
    });

    for (const scheme of ['light', 'dark'] as const) {
      it(`popover (${scheme})`, async () => {
        const page = await browsers[scheme]().newPage();
        await page.goto(server().url('/fixtures/article.html'));
        await waitForIdle(page);
        expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(
          scheme === 'dark',
        );
        // Near the top, so the popover opens below with room for its examples.
        const term = await findTerm(page, 'intelligence sharing', 0, 0.12);
        const line = term?.rects[0];
        if (!line) throw new Error('No highlighted "intelligence sharing"');
        const at = centre(line);
        await page.mouseMove(at.x, at.y);
        const state = await waitForPopover(page);
        await settled(page);
        const box = state.box;
        if (!box) throw new Error('No popover box');
        // The term and its popover with a margin of page around them, inside the viewport.
        const left = Math.max(0, Math.min(line.x, box.x) - PAD);
        const top = Math.max(0, Math.min(line.y, box.y) - PAD);
        const right = Math.min(
          state.viewport.width,
          Math.max(line.x + line.width, box.x + box.width) + PAD,
        );
        const bottom = Math.min(
          state.viewport.height,
          Math.max(line.y + line.height, box.y + box.height) + PAD,
        );
        const clip: Clip = {
          x: Math.floor(left),
          y: Math.floor(top),
          width: Math.ceil(right - left),
          height: Math.ceil(bottom - top),
        };
        const file = `${screenshotsDir}/${name}-popover-${scheme}.png`;
        await page.screenshot(file, { clip });
        save(file);
        await page.close();
      });

      it(`popup (${scheme})`, async () => {
        const popup = await browsers[scheme]().openPopup();
        // The size of a toolbar popup, not of a tab.
        await popup.setViewport(380, 560);
        await rendered(popup, 'the popup');
        await settled(popup);
        const file = `${screenshotsDir}/${name}-popup-${scheme}.png`;
        await popup.screenshot(file);
        save(file);
        await popup.close();
      });
    }

    it('history view', async () => {
      // Three lookups on two pages, made the reader's way: resting the pointer on each term.
      for (const [fixture, text] of [
        ['one.html', 'intelligence sharing'],
        ['one.html', 'technology transfer'],
        ['two.html', 'counter-terrorism'],
      ] as const) {
        const page = await browsers.light().newPage();
        await page.goto(server().url(`/fixtures/history/${fixture}`));
        await waitForIdle(page);
        const line = (await findTerm(page, text))?.rects[0];
        if (!line) throw new Error(`No highlighted "${text}"`);
        const at = centre(line);
        await page.mouseMove(at.x, at.y);
        await waitForPopover(page);
        // The lookup is reported once "seen before" is answered; give it a moment.
        await new Promise((r) => setTimeout(r, 500));
        await page.close();
      }
      const page = await browsers.light().openExtensionPage('reading.html');
      await poll(
        async () =>
          (await page.evaluate(() => document.querySelectorAll('.tl-lookup').length)) >= 3
            ? true
            : undefined,
        { what: 'three lookups in the history view' },
      );
      await rendered(page, 'the history view');
      await settled(page);
      const file = `${screenshotsDir}/${name}-history.png`;
      await page.screenshot(file);
      save(file);
      await page.close();
    });

    it('options page', async () => {
      const page = await browsers.light().openExtensionPage('options.html');
      await rendered(page, 'the options page');
      await settled(page);
      const file = `${screenshotsDir}/${name}-options.png`;
      await page.screenshot(file);
      save(file);
      await page.close();
    });

    it('options: My terms', async () => {
      const page = await browsers.light().openExtensionPage('options.html');
      await rendered(page, 'the options page');
      await poll(
        async () =>
          (await page.evaluate(
            () =>
              document.querySelector<HTMLButtonElement>('[data-testid="term-add"]')?.disabled ===
              false,
          ))
            ? (true as const)
            : undefined,
        { what: 'the My terms section' },
      );
      const box = await page.evaluate(() => {
        document.querySelector<HTMLButtonElement>('[data-testid="term-add"]')?.click();
        return new Promise<{ x: number; y: number; width: number; height: number }>((resolve) =>
          requestAnimationFrame(() => {
            const fill = (id: string, value: string) => {
              const el = document.querySelector<HTMLInputElement>(`[data-testid="${id}"]`);
              if (!el) throw new Error(`No field ${id}`);
              el.value = value;
              el.dispatchEvent(new Event('input', { bubbles: true }));
            };
            fill('term-term', 'Zephyr task group');
            fill('term-abbreviation', 'ZTG');
            fill('term-definition', 'A multinational naval task group formed for one exercise.');
            fill('term-forms', 'fr: groupe opérationnel Zéphyr');
            fill('term-sample', 'The ZTG, or Zephyr task group, sailed on Monday.');
            requestAnimationFrame(() => {
              const section = document.querySelector('[data-testid="my-terms"]');
              if (!section) throw new Error('No My terms section');
              section.scrollIntoView({ block: 'start' });
              const r = section.getBoundingClientRect();
              resolve({ x: r.x, y: r.y, width: r.width, height: r.height });
            });
          }),
        );
      });
      await settled(page);
      const clip: Clip = {
        x: Math.max(0, Math.floor(box.x - PAD)),
        y: Math.max(0, Math.floor(box.y - PAD)),
        width: Math.min(1000, Math.ceil(box.width + 2 * PAD)),
        height: Math.min(700, Math.ceil(box.height + 2 * PAD)),
      };
      const file = `${screenshotsDir}/${name}-options-my-terms.png`;
      await page.screenshot(file, { clip });
      save(file);
      await page.close();
    });
  });
}

/** The clip around a term and its popover, with a margin of page, inside the viewport. */
function around(line: Clip, box: Clip, viewport: { width: number; height: number }): Clip {
  const left = Math.max(0, Math.min(line.x, box.x) - PAD);
  const top = Math.max(0, Math.min(line.y, box.y) - PAD);
  const right = Math.min(viewport.width, Math.max(line.x + line.width, box.x + box.width) + PAD);
  const bottom = Math.min(
    viewport.height,
    Math.max(line.y + line.height, box.y + box.height) + PAD,
  );
  return {
    x: Math.floor(left),
    y: Math.floor(top),
    width: Math.ceil(right - left),
    height: Math.ceil(bottom - top),
  };
}

describe.skipIf(!update || shouldSkip('chromium'))('chromium: screenshots in Arabic', () => {
  const server = useServer();
  const browser = useBrowser('chromium', { locale: 'ar' });

  it('Arabic page with its popover', async () => {
    const page = await browser().newPage();
    await page.goto(server().url('/fixtures/lang/ar.html'));
    await waitForIdle(page);
    // An inflected form on the page ("joint military exercises"), so the popover shows the
    // page's words above the entry's Arabic term.
    const term = await findTerm(page, 'مناورات عسكرية مشتركة', 0, 0.15);
    const line = term?.rects[0];
    if (!line) throw new Error('No highlighted "مناورات عسكرية مشتركة"');
    const at = centre(line);
    await page.mouseMove(at.x, at.y);
    const state = await waitForPopover(page);
    await settled(page);
    if (!state.box) throw new Error('No popover box');
    const file = `${screenshotsDir}/chromium-ar-popover.png`;
    await page.screenshot(file, { clip: around(line, state.box, state.viewport) });
    save(file);
    await page.close();
  });

  it('popup in Arabic', async () => {
    const popup = await browser().openPopup();
    await popup.setViewport(380, 560);
    await rendered(popup, 'the popup');
    await settled(popup);
    const file = `${screenshotsDir}/chromium-popup-ar.png`;
    await popup.screenshot(file);
    save(file);
    await popup.close();
  });
});

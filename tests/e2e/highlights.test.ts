/**
 * What a reader sees: terms painted through CSS.highlights on our fixture pages, in both browsers.
 * Issues #2 (reference article) and #3 (skipped contexts, split terms, dynamic pages, shadow
 * roots, iframes, right-to-left text).
 */
import { describe, expect, it } from 'vitest';
import { BROWSERS, type E2EPage, poll, shouldSkip } from './browsers';
import {
  categoryTexts,
  idleMarkCount,
  locateHighlights,
  NON_CATEGORY_HIGHLIGHTS,
  normalizeText,
  readHighlights,
  waitForIdle,
} from './page-probes';
import { artifactsDir } from './paths';
import { useBrowser, useServer } from './suite';

/** Highlights grouped by fixture block label (`data-ctx`), texts normalised and sorted. */
async function textsByContext(page: E2EPage): Promise<Map<string | null, string[]>> {
  const byCtx = new Map<string | null, string[]>();
  for (const h of await locateHighlights(page)) {
    if (NON_CATEGORY_HIGHLIGHTS.includes(h.name)) continue;
    const list = byCtx.get(h.ctx) ?? [];
    list.push(normalizeText(h.text));
    byCtx.set(h.ctx, list);
  }
  // Highlights are grouped by category, so registry order is not reading order.
  for (const list of byCtx.values()) list.sort();
  return byCtx;
}

for (const name of BROWSERS) {
  describe.skipIf(shouldSkip(name))(`${name}: highlighting`, () => {
    const server = useServer();
    const browser = useBrowser(name);

    async function open(fixture: string): Promise<E2EPage> {
      const page = await browser().newPage();
      await page.goto(server().url(`/fixtures/${fixture}`));
      await waitForIdle(page);
      return page;
    }

    it('highlights the reference article terms', async () => {
      const page = await open('article.html');
      const highlights = await readHighlights(page);
      expect(highlights, 'CSS.highlights is available').not.toBeNull();
      const names = Object.keys(highlights ?? {});
      expect(names.length).toBeGreaterThan(0);
      for (const n of names) expect(n).toMatch(/^termlight-[a-z]+$/);
      const texts = categoryTexts(highlights);
      for (const term of [
        'intelligence sharing',
        'bilateral defense agreements',
        'counter terrorism',
        'technology transfer',
        'cybersecurity',
        'regional stability',
      ]) {
        expect(texts, term).toContain(term);
      }
      // The article names well over 30 glossary surface forms (defense cooperation alone: 8).
      expect(texts.length).toBeGreaterThan(30);
      expect(new Set(texts).size).toBeGreaterThan(15);
      // Longest match wins: the agreement is one highlight, not "defense cooperation" + rest.
      expect(texts).toContain('defense cooperation agreement');
      await page.screenshot(`${artifactsDir}/${name}-article.png`);
      expect(page.errors).toEqual([]);
      await page.close();
    });

    it('reports idle through a performance mark with the occurrence count', async () => {
      const page = await browser().newPage();
      await page.goto(server().url('/fixtures/article.html'));
      expect(await waitForIdle(page)).toBe('mark');
      const detail = await page.evaluate(() => {
        const marks = performance.getEntriesByName('termlight:idle') as PerformanceMark[];
        return marks.at(-1)?.detail as { occurrences?: number } | undefined;
      });
      const total = categoryTexts(await readHighlights(page)).length;
      expect(detail?.occurrences).toBe(total);
      await page.close();
    });

    it('skips script, style, form fields, editable regions, code and pre', async () => {
      const page = await open('skipped-contexts.html');
      const byCtx = await textsByContext(page);
      expect(byCtx.get('control')).toEqual(
        ['intelligence sharing', 'technology transfer', 'counter terrorism'].sort(),
      );
      expect([...byCtx.keys()]).toEqual(['control']);
      await page.close();
    });

    it('matches terms split over inline elements, never across blocks', async () => {
      const page = await open('split-terms.html');
      const byCtx = await textsByContext(page);
      expect(byCtx.get('inline-em')).toEqual(['intelligence sharing']);
      expect(byCtx.get('inline-a')).toEqual(['bilateral defence agreements']);
      expect(byCtx.get('inline-deep')).toEqual(['technology transfer']);
      const compounds = [
        'intelligence sharing',
        'counter terrorism',
        'technology transfer',
        'bilateral defence agreements',
      ];
      for (const ctx of ['block-p', 'block-br', 'block-li', 'block-td', 'block-div']) {
        for (const text of byCtx.get(ctx) ?? []) {
          expect(compounds, `${ctx} matched across a block boundary`).not.toContain(text);
        }
      }
      await page.close();
    });

    it('highlights batches appended by infinite scroll', async () => {
      const page = await open('infinite-scroll.html');
      expect(categoryTexts(await readHighlights(page))).toEqual(['intelligence sharing']);
      for (const batch of [1, 2, 3]) {
        const marks = await idleMarkCount(page);
        const paragraphs = await page.evaluate(() =>
          (window as unknown as { appendBatch(n: number): number }).appendBatch(100),
        );
        await waitForIdle(page, { after: marks });
        const texts = categoryTexts(await readHighlights(page));
        // Every appended paragraph carries two terms, plus the first paragraph's one.
        expect(texts.length, `after batch ${batch}`).toBe(1 + (paragraphs - 1) * 2);
      }
      await page.close();
    });

    it('keeps up with a feed that appends on a timer', async () => {
      const page = await browser().newPage();
      // 10 batches of 50 paragraphs, one every 100 ms, starting right after the page's script.
      await page.goto(
        server().url('/fixtures/infinite-scroll.html?auto=1&batches=10&size=50&every=100'),
      );
      const expected = 1 + 10 * 50 * 2;
      await poll(
        async () => {
          const texts = categoryTexts(await readHighlights(page));
          return texts.length === expected ? true : undefined;
        },
        { timeout: 20_000, what: `${expected} highlights on the auto-appending feed` },
      );
      await page.close();
    });

    it('follows single-page-app navigation', async () => {
      const page = await open('spa.html');
      expect(categoryTexts(await readHighlights(page))).toEqual(
        expect.arrayContaining(['technology transfer', 'financial aid']),
      );
      const marks = await idleMarkCount(page);
      await page.evaluate(() =>
        (window as unknown as { navigate(r: string): void }).navigate('two'),
      );
      await waitForIdle(page, { after: marks });
      const texts = categoryTexts(await readHighlights(page));
      expect(texts).toEqual(
        expect.arrayContaining([
          'joint military exercise',
          'counter terrorism',
          'regional stability',
        ]),
      );
      // Removed text drops its highlights (no stale ranges into detached nodes).
      expect(texts).not.toContain('technology transfer');
      expect(texts).not.toContain('\u0000invalid-range');
      await page.close();
    });

    it('enters open shadow roots', async () => {
      const page = await open('shadow.html');
      const byCtx = await textsByContext(page);
      expect(byCtx.get('light')).toEqual(['intelligence sharing']);
      expect(byCtx.get('shadow')).toEqual(['technology transfer', 'counter terrorism'].sort());
      await page.close();
    });

    it('runs in same-origin iframes, each frame on its own', async () => {
      const page = await open('iframe.html');
      await waitForIdle(page, { frame: '#frame' });
      expect(categoryTexts(await readHighlights(page))).toEqual(['financial aid']);
      expect(categoryTexts(await readHighlights(page, '#frame')).sort()).toEqual(
        ['intelligence sharing', 'technology transfer'].sort(),
      );
      await page.close();
    });

    it('finds English terms on a right-to-left page, whole words only, and Arabic ones', async () => {
      const page = await open('rtl.html');
      const byCtx = await textsByContext(page);
      expect(byCtx.get('rtl-spaced')).toEqual(
        [
          'intelligence sharing',
          'technology transfer',
          'counter terrorism',
          // With its conjunction: "and regional stability".
          'والاستقرار الإقليمي',
        ].sort(),
      );
      expect(byCtx.get('rtl-adjacent')).toBeUndefined();
      await page.close();
    });

    it('still highlights under hostile page CSS', async () => {
      const page = await open('hostile-css.html');
      expect(categoryTexts(await readHighlights(page)).sort()).toEqual(
        ['intelligence sharing', 'technology transfer', 'bilateral defense agreements'].sort(),
      );
      await page.close();
    });
  });
}

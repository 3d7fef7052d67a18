/**
 * Checks the harness itself, independent of Termlight's features: the server, both browsers,
 * loading the built extension, and reading highlights from the main world (through a probe
 * extension that registers a known highlight the way the contract says Termlight does).
 */
import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BROWSERS, launch, shouldSkip } from './browsers';
import { categoryTexts, readHighlights, waitForIdle } from './page-probes';
import { PROBE_TERM, writeProbeExtension } from './probe-extension';
import { resolveRequestPath } from './server';
import { useBrowser, useServer } from './suite';

describe('fixture server', () => {
  const server = useServer();

  it('serves fixtures and corpus pages as HTML', async () => {
    for (const path of ['/fixtures/article.html', '/corpus/readability--wikipedia-2.html']) {
      const res = await fetch(server().url(path));
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect((await res.text()).length).toBeGreaterThan(1000);
    }
  });

  it('answers 404 outside its two roots', async () => {
    expect(resolveRequestPath('/fixtures/../../package.json')).toBeNull();
    expect(resolveRequestPath('/corpus/%2e%2e/source-article.md')).toBeNull();
    for (const path of ['/package.json', '/fixtures/nope.html', '/corpus/%2e%2e/STYLE.md']) {
      expect((await fetch(server().url(path))).status, path).toBe(404);
    }
  });
});

for (const name of BROWSERS) {
  describe.skipIf(shouldSkip(name))(`${name}: harness`, () => {
    const server = useServer();

    it('reads highlights and the idle mark a content script registers', async () => {
      const probeDir = writeProbeExtension(name);
      const browser = await launch(name, { extensionDir: probeDir });
      try {
        const page = await browser.newPage();
        await page.goto(server().url('/fixtures/article.html'));
        expect(await waitForIdle(page)).toBe('mark');
        const highlights = await readHighlights(page);
        expect(Object.keys(highlights ?? {})).toEqual(['termlight-probe']);
        const texts = categoryTexts(highlights);
        expect(texts.length).toBeGreaterThanOrEqual(2);
        expect(new Set(texts)).toEqual(new Set([PROBE_TERM]));
      } finally {
        await browser.close();
        rmSync(probeDir, { recursive: true, force: true });
      }
    });

    describe('with the built extension', () => {
      const browser = useBrowser(name);

      it('loads it and reaches the popup page', async () => {
        const popupUrl = browser().popupUrl;
        expect(popupUrl).toMatch(/^(chrome|moz)-extension:\/\/[^/]+\/popup\.html$/);
        const page = await browser().openPopup();
        expect(await page.evaluate(() => document.readyState)).toBe('complete');
        expect(await page.evaluate(() => location.href)).toBe(popupUrl);
        await page.close();
      });

      it('drives mouse, keyboard and touch', async () => {
        const page = await browser().newPage({ touch: true });
        await page.goto(server().url('/fixtures/article.html'));
        await page.evaluate(() => {
          const log: string[] = [];
          (window as unknown as { __events: string[] }).__events = log;
          const mods = (e: KeyboardEvent) =>
            `${e.altKey ? 'Alt+' : ''}${e.shiftKey ? 'Shift+' : ''}`;
          addEventListener('keydown', (e) => log.push(`keydown ${mods(e)}${e.key}`));
          addEventListener('click', () => log.push('click'));
          addEventListener('mousemove', () => log.push('mousemove'));
          addEventListener('pointerdown', (e) => log.push(`pointerdown ${e.pointerType}`));
        });
        await page.mouseMove(200, 200);
        await page.mouseClick(210, 210);
        await page.press('Escape');
        await page.press('Alt+Shift+J');
        await page.tap(300, 300);
        const events = await page.evaluate(
          () => (window as unknown as { __events: string[] }).__events,
        );
        expect(events).toContain('mousemove');
        expect(events).toContain('click');
        expect(events).toContain('pointerdown mouse');
        expect(events).toContain('keydown Escape');
        expect(events.some((e) => /^keydown Alt\+Shift\+[jJ]$/.test(e))).toBe(true);
        expect(events).toContain('pointerdown touch');
        await page.close();
      });
    });
  });
}

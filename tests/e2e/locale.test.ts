/**
 * The interface follows the browser's language (issue 15): Chromium launched with `--lang=ar`
 * serves the Arabic catalogue, so the popup is Arabic and right to left, and so is the popover's
 * interface on an Arabic page, while the words found on the page keep their own direction.
 * Firefox is not tested here: Debian's firefox-esr ships no language packs, and without one the
 * `intl.locale.requested` pref cannot switch the app locale that WebExtension i18n follows.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { poll, shouldSkip } from './browsers';
import { centre, waitForIdle, waitForPopover } from './page-probes';
import { useBrowser, useServer } from './suite';

const ar = JSON.parse(readFileSync('public/_locales/ar/messages.json', 'utf8')) as Record<
  string,
  { message: string }
>;

describe.skipIf(shouldSkip('chromium'))('chromium --lang=ar: interface in Arabic', () => {
  const server = useServer();
  const browser = useBrowser('chromium', { locale: 'ar' });

  it('the popup is in Arabic, right to left', async () => {
    const popup = await browser().openPopup();
    const heading = ar.glossary_heading?.message ?? '';
    const state = await poll(
      async () => {
        const s = await popup.evaluate(() => ({
          lang: document.documentElement.lang,
          dir: document.documentElement.dir,
          title: document.title,
          text: document.body.innerText,
          direction: getComputedStyle(document.body).direction,
        }));
        return s.text.includes('Defense cooperation') ? s : undefined;
      },
      { what: 'the popup to render' },
    );
    expect(state.lang).toBe('ar');
    expect(state.dir).toBe('rtl');
    expect(state.direction).toBe('rtl');
    expect(state.title).toBe(ar.ext_name?.message);
    expect(state.text).toContain(heading);
    expect(state.text).toContain(ar.popup_settings_link?.message);
    // Entries lead with their Arabic term where data/lang has one.
    expect(state.text).toContain('التعاون الدفاعي');
    expect(popup.errors).toEqual([]);
    await popup.close();
  });

  it('the popover on an Arabic page has an Arabic, right-to-left interface', async () => {
    const page = await browser().newPage();
    await page.goto(server().url('/fixtures/lang/ar.html'));
    await waitForIdle(page);
    const box = await page.evaluate(() => {
      for (const [name, highlight] of CSS.highlights) {
        if (!name.startsWith('termlight-') || name === 'termlight-active') continue;
        for (const r of highlight as Iterable<AbstractRange>) {
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          const rect = range.getClientRects()[0];
          if (rect) return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
        }
      }
      return null;
    });
    if (!box) throw new Error('Nothing highlighted on ar.html');
    const at = centre(box);
    await page.mouseMove(at.x, at.y);
    await waitForPopover(page);
    const ui = await page.evaluate(() => {
      const root = document.querySelector('termlight-popover')?.shadowRoot;
      const popover = root?.querySelector<HTMLElement>('.tl-popover');
      return {
        dir: popover?.getAttribute('dir') ?? null,
        lang: popover?.getAttribute('lang') ?? null,
        direction: popover ? getComputedStyle(popover).direction : null,
        actions: root?.querySelector('.tl-popover__actions')?.textContent ?? '',
        heading: root?.querySelector('h2')?.getAttribute('lang') ?? null,
      };
    });
    expect(ui).toMatchObject({ dir: 'rtl', lang: 'ar', direction: 'rtl', heading: 'ar' });
    expect(ui.actions).toContain(ar.popover_hide_term?.message);
    expect(page.errors).toEqual([]);
    await page.close();
  });
});

/**
 * README screenshots, written only on request (`UPDATE_SCREENSHOTS=1 npm run test:e2e`), so a
 * normal run never dirties the tree. Small (1000x700) and committed in tests/e2e/screenshots/.
 */
import { describe, expect, it } from 'vitest';
import { BROWSERS, shouldSkip } from './browsers';
import { categoryTexts, readHighlights, waitForIdle } from './page-probes';
import { screenshotsDir } from './paths';
import { useBrowser, useServer } from './suite';

const update = process.env.UPDATE_SCREENSHOTS === '1';

for (const name of BROWSERS) {
  describe.skipIf(!update || shouldSkip(name))(`${name}: screenshots`, () => {
    const server = useServer();
    const browser = useBrowser(name);

    it('screenshots', async () => {
      const page = await browser().newPage();
      await page.goto(server().url('/fixtures/article.html'));
      await waitForIdle(page);
      // Never publish a screenshot of a page with nothing highlighted.
      expect(categoryTexts(await readHighlights(page)).length).toBeGreaterThan(0);
      await page.screenshot(`${screenshotsDir}/${name}-article.png`);
      await page.close();
      const popup = await browser().openPopup();
      // The size of a toolbar popup, not of a tab.
      await popup.setViewport(380, 560);
      await new Promise((r) => setTimeout(r, 300));
      await popup.screenshot(`${screenshotsDir}/${name}-popup.png`);
      await popup.close();
    });
  });
}

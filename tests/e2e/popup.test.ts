/**
 * The popup page lists the glossary (issue #2): opened in a tab at its extension URL, every
 * entry's term and definition is rendered.
 */
import { describe, expect, it } from 'vitest';
import { BROWSERS, poll, shouldSkip } from './browsers';
import { readGlossary } from './glossary-data';
import { artifactsDir } from './paths';
import { useBrowser } from './suite';

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

for (const name of BROWSERS) {
  describe.skipIf(shouldSkip(name))(`${name}: popup`, () => {
    const browser = useBrowser(name);

    it('renders the glossary entries with term and definition', async () => {
      const entries = readGlossary();
      expect(entries.length).toBeGreaterThan(20);
      const page = await browser().openPopup();
      // Preact renders after load; wait for the first entry's term instead of a fixed delay.
      const firstTerm = entries[0]?.term ?? '';
      const text = await poll(
        async () => {
          const t = await page.evaluate(() => document.body.textContent ?? '');
          return t.includes(firstTerm) ? collapse(t) : undefined;
        },
        { what: `popup to show "${firstTerm}"` },
      );
      const missingTerms = entries.filter((e) => !text.includes(collapse(e.term)));
      expect(missingTerms.map((e) => e.id)).toEqual([]);
      // Definitions may be clamped visually; their text must still be there.
      const missingDefinitions = entries.filter(
        (e) => !text.includes(collapse(e.definition).slice(0, 40)),
      );
      expect(missingDefinitions.map((e) => e.id)).toEqual([]);
      await page.screenshot(`${artifactsDir}/${name}-popup.png`);
      expect(page.errors).toEqual([]);
      await page.close();
    });
  });
}

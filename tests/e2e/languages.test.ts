/**
 * Terms in other languages on real pages, in both browsers: every page of tests/fixtures/lang/
 * (Arabic, Persian, Urdu, Turkish, Malay, Indonesian, French, a mixed-language page, an Arabic
 * page that declares lang="en", and ordinary news that must show nothing).
 *
 * Each fixture's leading comment says which entries it expects (entry-ids.ts reads it), so the
 * page is the one place an expectation is written. The page shows categories, not entry ids, so
 * each highlighted text is read back with the project's matcher (node side) to name its entry.
 * The set of entries shown must equal the expected set exactly: one too many is as wrong as one
 * missing.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BROWSERS, type E2EPage, shouldSkip } from './browsers';
import { entryIdOf, readFixtureExpectation, scanText } from './entry-ids';
import { NON_CATEGORY_HIGHLIGHTS, waitForIdle } from './page-probes';
import { fixturesDir } from './paths';
import { useBrowser, useServer } from './suite';

const LANG_DIR = path.join(fixturesDir, 'lang');
const FIXTURES = readdirSync(LANG_DIR)
  .filter((f) => f.endsWith('.html'))
  .sort();

/** The pages this suite was written for; a fixture that disappears must not pass silently. */
// biome-ignore format: a list
const KNOWN = [
  'ar', 'fa', 'ur', 'tr', 'ms', 'id', 'fr', 'mixed', 'wrong-lang',
  'ar-negative', 'fr-negative', 'tr-negative',
];

/** Elements whose text the engine must never highlight (the lang fixtures use code and textarea). */
const SKIPPED = 'code, pre, kbd, samp, textarea, input, select, [contenteditable]';

interface Probe {
  name: string;
  text: string;
  /** Nearest `lang` attribute of the range's start. */
  lang: string | null;
  /** Computed `direction` where the range starts and where it ends. */
  dir: string;
  endDir: string;
  /** Tag of a skipped-context ancestor of either end, or null. */
  skipped: string | null;
  /** Tag of the block the range sits in. */
  block: string | null;
  /** Line boxes of the range, and whether each lies inside its block's box. */
  rects: number;
  inside: boolean;
}

interface PageProbe {
  highlights: Probe[];
  /** Text of every skipped-context element on the page. */
  skippedTexts: { tag: string; text: string }[];
  /** Computed direction of <html>. */
  pageDir: string;
  /** `occurrences` of the last termlight:idle mark. */
  occurrences: number | null;
}

function probe(page: E2EPage): Promise<PageProbe> {
  return page.evaluate(
    ({ skipped, nonCategory }) => {
      const elementOf = (n: Node) => (n instanceof Element ? n : n.parentElement);
      const highlights: Probe[] = [];
      for (const [name, highlight] of CSS.highlights) {
        if (!name.startsWith('termlight-') || nonCategory.includes(name)) continue;
        for (const r of highlight as Iterable<AbstractRange>) {
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          const start = elementOf(r.startContainer);
          const end = elementOf(r.endContainer);
          const skip = start?.closest(skipped) ?? end?.closest(skipped) ?? null;
          const block =
            start?.closest('p, li, h1, h2, h3, h4, h5, h6, td, th, dd, dt, blockquote, label') ??
            null;
          const box = block?.getBoundingClientRect();
          const rects = Array.from(range.getClientRects()).filter((x) => x.width > 0);
          const inside =
            !!box &&
            rects.every(
              (x) =>
                x.left >= box.left - 1 &&
                x.right <= box.right + 1 &&
                x.top >= box.top - 1 &&
                x.bottom <= box.bottom + 1,
            );
          highlights.push({
            name,
            text: range.toString(),
            lang: start?.closest('[lang]')?.getAttribute('lang') ?? null,
            dir: start ? getComputedStyle(start).direction : '',
            endDir: end ? getComputedStyle(end).direction : '',
            skipped: skip?.localName ?? null,
            block: block?.localName ?? null,
            rects: rects.length,
            inside,
          });
        }
      }
      const skippedTexts = Array.from(document.querySelectorAll(skipped)).map((el) => ({
        tag: el.localName,
        text: el instanceof HTMLTextAreaElement ? el.defaultValue : (el.textContent ?? ''),
      }));
      const marks = performance.getEntriesByName('termlight:idle') as PerformanceMark[];
      const detail = marks.at(-1)?.detail as { occurrences?: number } | undefined;
      return {
        highlights,
        skippedTexts,
        pageDir: getComputedStyle(document.documentElement).direction,
        occurrences: detail?.occurrences ?? null,
      };
    },
    { skipped: SKIPPED, nonCategory: NON_CATEGORY_HIGHLIGHTS },
  );
}

const sorted = (ids: Iterable<string>) => [...new Set(ids)].sort();
/**
 * Arabic-script letters only, at least one. Script_Extensions, so the tatweel (U+0640, "Common"
 * by Script but used only by Arabic-script writing: "الأمـن") counts as Arabic.
 */
const isArabicScriptText = (s: string) =>
  /\p{Script=Arabic}/u.test(s) && !/(?!\p{Script_Extensions=Arabic})\p{L}/u.test(s);

describe('language fixtures', () => {
  it('are all here and each states its expectation', () => {
    expect(FIXTURES.map((f) => f.replace(/\.html$/, ''))).toEqual(expect.arrayContaining(KNOWN));
    for (const file of FIXTURES) {
      const { ids } = readFixtureExpectation(path.join(LANG_DIR, file));
      if (file.includes('negative')) expect(ids, file).toEqual([]);
      else expect(ids.length, file).toBeGreaterThan(0);
    }
  });
});

for (const name of BROWSERS) {
  describe.skipIf(shouldSkip(name))(`${name}: languages`, () => {
    const server = useServer();
    const browser = useBrowser(name);

    for (const file of FIXTURES) {
      const expectation = readFixtureExpectation(path.join(LANG_DIR, file));
      const negative = expectation.ids.length === 0;
      const title = negative
        ? `${file}: nothing highlighted`
        : `${file}: highlights exactly ${expectation.ids.length} expected entries`;

      it(title, async () => {
        const page = await browser().newPage();
        await page.goto(server().url(`/fixtures/lang/${file}`));
        expect(await waitForIdle(page)).toBe('mark');
        const seen = await probe(page);
        const where = (h: Probe) => `"${h.text}" (${h.name}, in <${h.block}>, lang ${h.lang})`;

        // Every highlight is one whole glossary form, of one entry.
        const named = seen.highlights.map((h) => ({ ...h, entry: entryIdOf(h.text) }));
        expect(
          named.filter((h) => h.entry === null).map(where),
          'highlights that are not exactly one glossary form',
        ).toEqual([]);
        const ids = (list: typeof named) => sorted(list.flatMap((h) => h.entry?.id ?? []));

        // The strict form: exactly the expected entries, nothing outside them.
        expect(ids(named), `entries shown on ${file}`).toEqual(sorted(expectation.ids));
        for (const [lang, expected] of expectation.byLang) {
          expect(ids(named.filter((h) => h.lang === lang)), `entries in lang="${lang}"`).toEqual(
            sorted(expected),
          );
        }
        // What the engine reports as done is what the page shows.
        expect(seen.occurrences).toBe(seen.highlights.length);

        // Skipped contexts: nothing inside them is highlighted, although each holds a form the
        // matcher finds (so the check is not vacuous).
        expect(named.filter((h) => h.skipped !== null).map(where), 'in skipped contexts').toEqual(
          [],
        );
        for (const { tag, text } of seen.skippedTexts) {
          expect(scanText(text).length, `<${tag}>${text}</${tag}> holds a form`).toBeGreaterThan(0);
        }

        // Right-to-left text: the ranges lie inside it, not beside it.
        const rtl = named.filter((h) => h.dir === 'rtl');
        if (seen.pageDir === 'rtl') {
          expect(rtl.length, 'every highlight of an rtl page is rtl').toBe(named.length);
        }
        for (const lang of ['ar', 'fa', 'ur']) {
          for (const h of named.filter((x) => x.lang === lang && seen.pageDir !== 'rtl')) {
            expect(h.dir, `${where(h)} is in a right-to-left block`).toBe('rtl');
          }
        }
        for (const h of rtl) {
          expect(h.endDir, `${where(h)} ends in rtl text`).toBe('rtl');
          expect(isArabicScriptText(h.text), `${where(h)} is Arabic-script text`).toBe(true);
          expect(h.rects, `${where(h)} has a line box`).toBeGreaterThan(0);
          expect(h.inside, `${where(h)} lies inside its block`).toBe(true);
        }

        expect(page.errors).toEqual([]);
        await page.close();
      });
    }
  });
}

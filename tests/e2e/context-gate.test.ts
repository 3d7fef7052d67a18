/**
 * Context-gated forms on real pages, in both browsers (data/README.md, "Context-gated entries";
 * src/highlight/context-gate.ts). A gated occurrence ("drills", "GCC", "joint venture") is shown
 * only where its block also holds an ungated term, or once the page carries defence context: the
 * title holds an ungated term, or ungated terms of at least two entries stand in at least two
 * blocks. Context that arrives later (an appended paragraph) shows what was held back.
 *
 * Fixtures: tests/fixtures/gate/, each block labelled with data-ctx. Every block's text is first
 * scanned node side with the project's matcher, so a hidden block is known to hold gated forms:
 * "nothing highlighted" is then the gate at work, not a form the glossary lacks.
 */
import { describe, expect, it } from 'vitest';
import { BROWSERS, type E2EPage, shouldSkip } from './browsers';
import { scanText } from './entry-ids';
import {
  idleMarkCount,
  locateHighlights,
  NON_CATEGORY_HIGHLIGHTS,
  normalizeText,
  waitForIdle,
} from './page-probes';
import { useBrowser, useServer } from './suite';

interface BlockSpec {
  /** What the matcher finds in the block (normalised texts, sorted). */
  found: string[];
  /** Of those, the gated ones. */
  gated: string[];
  /** Whether the page shows the block's terms. */
  shown: boolean;
}

const norm = (texts: string[]) => texts.map(normalizeText).sort();
/** A block whose terms the page shows. `gated` lists which of `found` are gated forms. */
const shown = (found: string[], gated: string[] = found): BlockSpec => ({
  found: norm(found),
  gated: norm(gated),
  shown: true,
});
/** A block of gated forms only, which the page must not show. */
const hidden = (...found: string[]): BlockSpec => ({
  found: norm(found),
  gated: norm(found),
  shown: false,
});

interface GatePage {
  what: string;
  /** Path under /fixtures/gate/, query included. */
  url: string;
  blocks: Record<string, BlockSpec>;
}

const PAGES: GatePage[] = [
  {
    what: 'a football report: drills, exercises and a quad strain are not highlighted',
    url: 'sports.html',
    blocks: {
      drills: hidden('drills', 'drills'),
      exercises: hidden('exercises'),
      quad: hidden('quad'),
    },
  },
  {
    what: 'a food column: a submarine, a joint venture, procurement and a red line are not',
    url: 'cooking.html',
    blocks: {
      submarine: hidden('submarine'),
      'joint-venture': hidden('joint venture'),
      procurement: hidden('procurement'),
      'red-line': hidden('red line'),
    },
  },
  {
    what: 'compiler release notes: GCC (title included) and "exercises" are not',
    url: 'programming.html',
    blocks: {
      gcc: hidden('GCC'),
      'gcc-again': hidden('GCC'),
      exercises: hidden('exercises'),
    },
  },
  {
    what: 'a defence title gives the page context: gated forms alone in their blocks are shown',
    url: 'title-context.html',
    blocks: {
      drills: shown(['drills']),
      'joint-venture': shown(['joint venture', 'corvettes']),
    },
  },
  {
    what: 'the same body under a title without a term shows nothing',
    url: 'title-context.html?neutral-title',
    blocks: {
      drills: hidden('drills'),
      'joint-venture': hidden('joint venture', 'corvettes'),
    },
  },
  {
    what: 'ungated terms of two entries in two blocks give context: drills alone is shown',
    url: 'block-context.html',
    blocks: {
      nato: shown(['NATO'], []),
      'counter-terrorism': shown(['counter-terrorism'], []),
      drills: shown(['drills']),
    },
  },
  {
    what: 'one entry in three blocks is not context: only drills beside NATO is shown',
    url: 'one-entry.html',
    blocks: {
      nato: shown(['NATO'], []),
      'nato-again': shown(['NATO'], []),
      alone: hidden('drills'),
      'same-block': shown(['NATO', 'drills'], ['drills']),
    },
  },
  {
    what: 'two entries in one block are not context: drills alone stays hidden',
    url: 'one-block.html',
    blocks: {
      both: shown(['NATO', 'ASEAN'], []),
      alone: hidden('drills'),
    },
  },
];

/** Highlighted texts by block label, normalised and sorted; unlabelled ones under "(none)". */
async function shownByBlock(page: E2EPage): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const h of await locateHighlights(page)) {
    if (NON_CATEGORY_HIGHLIGHTS.includes(h.name)) continue;
    const key = h.ctx ?? '(none)';
    const list = out[key] ?? [];
    list.push(normalizeText(h.text));
    out[key] = list;
  }
  for (const list of Object.values(out)) list.sort();
  return out;
}

/** What the page should show: the `found` texts of every shown block. */
function expectedShown(blocks: Record<string, BlockSpec>): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(blocks)
      .filter(([, b]) => b.shown)
      .map(([ctx, b]) => [ctx, b.found]),
  );
}

/** Texts of the page's labelled blocks. */
function blockTexts(page: E2EPage): Promise<Record<string, string>> {
  return page.evaluate(() =>
    Object.fromEntries(
      Array.from(document.querySelectorAll('[data-ctx]')).map((el) => [
        el.getAttribute('data-ctx') ?? '',
        el.textContent ?? '',
      ]),
    ),
  );
}

/** The fixture says what the spec thinks: the matcher finds these forms, gated as listed. */
function expectBlocksHold(texts: Record<string, string>, blocks: Record<string, BlockSpec>) {
  for (const [ctx, spec] of Object.entries(blocks)) {
    const text = texts[ctx];
    expect(text, `block ${ctx} is on the page`).toBeTypeOf('string');
    const matches = scanText(text ?? '');
    const found = (gated?: boolean) =>
      matches
        .filter((m) => gated === undefined || (m.gated === true) === gated)
        .map((m) => normalizeText((text ?? '').slice(m.start, m.end)))
        .sort();
    expect(found(), `forms in block ${ctx}`).toEqual(spec.found);
    expect(found(true), `gated forms in block ${ctx}`).toEqual(spec.gated);
  }
}

async function occurrences(page: E2EPage): Promise<number | null> {
  return page.evaluate(() => {
    const marks = performance.getEntriesByName('termlight:idle') as PerformanceMark[];
    return (marks.at(-1)?.detail as { occurrences?: number } | undefined)?.occurrences ?? null;
  });
}

for (const name of BROWSERS) {
  describe.skipIf(shouldSkip(name))(`${name}: context-gated forms`, () => {
    const server = useServer();
    const browser = useBrowser(name);

    async function open(url: string): Promise<E2EPage> {
      const page = await browser().newPage();
      await page.goto(server().url(`/fixtures/gate/${url}`));
      expect(await waitForIdle(page)).toBe('mark');
      return page;
    }

    for (const spec of PAGES) {
      it(`${spec.url}: ${spec.what}`, async () => {
        const page = await open(spec.url);
        const seen = await shownByBlock(page);
        expect(seen).toEqual(expectedShown(spec.blocks));
        expectBlocksHold(await blockTexts(page), spec.blocks);
        const total = Object.values(seen).flat().length;
        expect(await occurrences(page), 'idle mark counts what is shown').toBe(total);
        expect(page.errors).toEqual([]);
        await page.close();
      });
    }

    it('late-context.html: context from an appended paragraph shows the held-back blocks', async () => {
      const page = await open('late-context.html');
      const append = async (template: string) => {
        const marks = await idleMarkCount(page);
        await page.evaluate(
          (id: string) =>
            (window as unknown as { appendReport(id: string): void }).appendReport(id),
          template,
        );
        await waitForIdle(page, { after: marks });
      };
      const blocks = {
        nato: shown(['NATO'], []),
        drills: shown(['drills']),
        'more-exercises': shown(['exercises']),
        context: shown(['regional stability'], []),
      };
      // At load: one ungated entry, so "drills" waits.
      expect(await shownByBlock(page)).toEqual({ nato: ['nato'] });

      // A block of gated forms only brings no context: it waits too.
      await append('more-exercises');
      expect(await shownByBlock(page)).toEqual({ nato: ['nato'] });

      // A second entry in a second block: both waiting blocks are shown, no reload.
      await append('context');
      expectBlocksHold(await blockTexts(page), blocks);
      expect(await shownByBlock(page)).toEqual(expectedShown(blocks));
      expect(await occurrences(page)).toBe(Object.values(expectedShown(blocks)).flat().length);
      expect(page.errors).toEqual([]);
      await page.close();
    });
  });
}

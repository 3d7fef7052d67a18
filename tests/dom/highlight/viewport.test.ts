import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startHighlighter } from '../../../src/highlight/highlighter';
import { PART_CHARS } from '../../../src/highlight/passes';
import { viewportGroups } from '../../../src/highlight/viewport';
import { compileMatcher } from '../../../src/matcher';
import { MARK } from '../../../src/util/marks';
import { categoryOf, installFakes, spyMatcher, TERMS } from './fakes';

const ROW = 100; // px per paragraph in the fake layout
const VIEW = { innerWidth: 1000, innerHeight: 800, scrollY: 0 };

/** Lays paragraphs out in a column: paragraph i at top i * ROW - scrollY; `hidden` ones empty. */
function fakeLayout(
  els: readonly Element[],
  scrollY: number,
  hidden: ReadonlySet<number> = new Set(),
) {
  let reads = 0;
  els.forEach((el, i) => {
    el.getBoundingClientRect = () => {
      reads++;
      if (hidden.has(i)) return new DOMRect(0, 0, 0, 0);
      return new DOMRect(0, i * ROW - scrollY, 500, ROW - 10);
    };
  });
  return () => reads;
}

function paragraphs(n: number, text = (i: number) => `Item ${i}: NATO news.`) {
  document.body.innerHTML = Array.from({ length: n }, (_, i) => `<p>${text(i)}</p>`).join('');
  return [...document.querySelectorAll('p')];
}

let registry: ReturnType<typeof installFakes>;
let controller: AbortController;
beforeEach(() => {
  registry = installFakes();
  controller = new AbortController();
});
afterEach(() => {
  controller.abort();
  vi.restoreAllMocks();
});

const painted = () =>
  [...registry.entries()]
    .filter(([name]) => !/flash|active/.test(name))
    .reduce((n, [, hl]) => n + hl.size, 0);

describe('viewportGroups', () => {
  it('finds the blocks on screen at the top and reads few rectangles', () => {
    const ps = paragraphs(2000);
    const reads = fakeLayout(ps, 0);
    expect(viewportGroups(ps, VIEW)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(reads()).toBeLessThan(100);
  });

  it('binary-searches a scrolled page', () => {
    const ps = paragraphs(2000);
    const reads = fakeLayout(ps, 150_000);
    expect(viewportGroups(ps, { ...VIEW, scrollY: 150_000 })).toEqual([
      1500, 1501, 1502, 1503, 1504, 1505, 1506, 1507,
    ]);
    expect(reads()).toBeLessThan(120);
  });

  it('skips blocks that are not rendered; nothing on screen gives nothing', () => {
    const ps = paragraphs(20);
    fakeLayout(ps, 0, new Set([1, 2]));
    expect(viewportGroups(ps, VIEW)).toEqual([0, 3, 4, 5, 6, 7]);
    fakeLayout(ps, 10_000);
    expect(viewportGroups(ps, VIEW)).toEqual([]);
    expect(viewportGroups(ps, null)).toEqual([]);
  });
});

describe('initial pass', () => {
  it('paints the viewport blocks, marks the viewport, then paints the rest', async () => {
    const ps = paragraphs(300);
    fakeLayout(ps, 12_000);
    vi.spyOn(window, 'scrollY', 'get').mockReturnValue(12_000);
    vi.spyOn(window, 'innerHeight', 'get').mockReturnValue(800);
    vi.spyOn(window, 'innerWidth', 'get').mockReturnValue(1000);
    let atViewport = -1;
    const mark = performance.mark.bind(performance);
    vi.spyOn(performance, 'mark').mockImplementation((name, opts) => {
      if (name === MARK.viewport) atViewport = painted();
      return mark(name, opts);
    });
    const matcher = spyMatcher(TERMS);
    const h = startHighlighter({ root: document, matcher, categoryOf, signal: controller.signal });
    await h.idle();
    // Paragraphs 120..127 are on screen: only they were scanned and painted before the mark.
    expect(atViewport).toBe(8);
    expect(matcher.calls.slice(0, 8)).toEqual(
      Array.from({ length: 8 }, (_, i) => `Item ${120 + i}: NATO news.`),
    );
    expect(painted()).toBe(300);
    expect(h.occurrences()).toHaveLength(300);
    // Reading order is kept whatever the painting order.
    expect(h.occurrences()[0]?.block).toBe(ps[0]);
  });

  it('scans a very long block in parts with the same result as one scan', async () => {
    const sentence = 'NATO and intelligence sharing, then defense cooperation agreement. ';
    const long = sentence.repeat(Math.ceil((PART_CHARS * 6) / sentence.length));
    document.body.innerHTML = `<p>${long}</p>`;
    const real = compileMatcher(Object.entries(TERMS).map(([id, forms]) => ({ id, forms })));
    const parts: number[] = [];
    const matcher = {
      formCount: real.formCount,
      scan: real.scan,
      scanPart(text: string, from: number, maxChars: number) {
        parts.push(from);
        return real.scanPart(text, from, maxChars);
      },
      mayMatch: real.mayMatch,
    };
    const h = startHighlighter({ root: document, matcher, categoryOf, signal: controller.signal });
    await h.idle();
    expect(parts.length).toBeGreaterThan(4);
    const whole = real.scan(long);
    expect(h.occurrences().map((o) => o.text)).toEqual(
      whole.map((m) => long.slice(m.start, m.end)),
    );
    expect(whole.length).toBeGreaterThan(100);
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startHighlighter } from '../../../src/highlight/highlighter';
import { compileMatcher } from '../../../src/matcher';
import { categoryOf, installFakes, TERMS } from './fakes';

let registry: ReturnType<typeof installFakes>;
let controller: AbortController;
beforeEach(() => {
  registry = installFakes();
  controller = new AbortController();
});
afterEach(() => {
  controller.abort();
  delete (globalThis as { scheduler?: unknown }).scheduler;
});

/**
 * A clock where every reading finds 1 ms gone: work that reads it often enough is cut into
 * slices of the 8 ms budget, work that does not runs on as one task.
 */
function tickingClock() {
  let t = 0;
  vi.spyOn(performance, 'now').mockImplementation(() => ++t);
}

describe('slicing the first pass', () => {
  it('yields in the middle of the walk over a long page, not only after it', async () => {
    document.body.innerHTML = Array.from(
      { length: 5000 },
      (_, i) => `<p>Item ${i}: ${i % 50 === 0 ? 'NATO' : 'news'}.</p>`,
    ).join('');
    const real = compileMatcher(Object.entries(TERMS).map(([id, forms]) => ({ id, forms })));
    let tested = 0;
    const matcher = {
      formCount: real.formCount,
      scan: real.scan,
      scanPart: real.scanPart,
      mayMatch(text: string) {
        tested++;
        return real.mayMatch(text);
      },
    };
    const atYield: number[] = [];
    (globalThis as { scheduler?: unknown }).scheduler = {
      yield: async () => {
        atYield.push(tested);
      },
    };
    tickingClock();
    const h = startHighlighter({ root: document, matcher, categoryOf, signal: controller.signal });
    await h.idle();
    expect(tested).toBe(5000);
    // Yields while runs of text were still being tested: the walk itself was sliced.
    expect(atYield.filter((n) => n > 0 && n < 5000).length).toBeGreaterThanOrEqual(2);
    expect(h.occurrences()).toHaveLength(100);
  });

  it('stops at the next slice boundary once aborted, painting nothing more', async () => {
    document.body.innerHTML = Array.from({ length: 3000 }, (_, i) => `<p>NATO ${i}</p>`).join('');
    const matcher = compileMatcher(Object.entries(TERMS).map(([id, forms]) => ({ id, forms })));
    let yields = 0;
    (globalThis as { scheduler?: unknown }).scheduler = {
      yield: async () => {
        if (++yields === 2) controller.abort();
      },
    };
    tickingClock();
    const h = startHighlighter({ root: document, matcher, categoryOf, signal: controller.signal });
    await h.idle();
    expect(yields).toBe(2);
    expect(h.occurrences()).toHaveLength(0);
    expect([...registry.keys()]).toEqual([]);
  });
});

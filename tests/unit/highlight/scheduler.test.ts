import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createSlicer,
  isAbortError,
  SLICE_MS,
  yieldToMain,
} from '../../../src/highlight/scheduler';

/** A clock the test moves by hand, and a yielder that counts its calls. */
function harness(budget = SLICE_MS) {
  let t = 0;
  const clock = {
    advance(ms: number) {
      t += ms;
    },
  };
  const yields: number[] = [];
  const controller = new AbortController();
  const slicer = createSlicer(
    controller.signal,
    budget,
    () => t,
    async () => {
      yields.push(t);
    },
  );
  return { slicer, clock, yields, controller };
}

describe('createSlicer', () => {
  it('does not yield inside the budget and yields once it is spent', async () => {
    const { slicer, clock, yields } = harness(8);
    clock.advance(7.9);
    await slicer.check();
    expect(yields).toEqual([]);
    clock.advance(0.2);
    await slicer.check();
    expect(yields).toEqual([8.1]);
    // A fresh slice starts after the yield.
    clock.advance(7);
    await slicer.check();
    expect(yields).toHaveLength(1);
    clock.advance(1);
    await slicer.check();
    expect(yields).toHaveLength(2);
  });

  it('splits a long run of work into slices of the budget', async () => {
    const { slicer, clock, yields } = harness(8);
    // 100 items of 1 ms each, checked after every item: a yield every 8 ms of work.
    for (let i = 0; i < 100; i++) {
      clock.advance(1);
      await slicer.check();
    }
    expect(yields).toHaveLength(12);
    const gaps = yields.slice(1).map((y, i) => y - (yields[i] as number));
    expect(gaps.every((g) => g === 8)).toBe(true);
  });

  it('due() reads the clock on one call in eight, and only says true once the budget is spent', () => {
    let reads = 0;
    let t = 0;
    const slicer = createSlicer(
      new AbortController().signal,
      8,
      () => {
        reads++;
        return t;
      },
      async () => {},
    );
    reads = 0;
    const answers: boolean[] = [];
    for (let i = 0; i < 16; i++) answers.push(slicer.due());
    expect(reads).toBe(2);
    expect(answers.some(Boolean)).toBe(false);
    t = 9;
    for (let i = 0; i < 8; i++) answers.push(slicer.due());
    expect(answers.filter(Boolean)).toHaveLength(1);
  });

  it('reset() starts a fresh slice after an outside wait', async () => {
    const { slicer, clock, yields } = harness(8);
    clock.advance(50); // e.g. waiting for a frame
    slicer.reset();
    clock.advance(2);
    await slicer.check();
    expect(yields).toEqual([]);
  });

  it('throws an AbortError once aborted, before or after a yield', async () => {
    const { slicer, controller } = harness(8);
    controller.abort();
    const before = await slicer.check().catch((e: unknown) => e);
    expect(isAbortError(before)).toBe(true);

    // Aborted while yielding: the work does not resume.
    const ac = new AbortController();
    let t = 0;
    const s = createSlicer(
      ac.signal,
      8,
      () => t,
      async () => ac.abort(),
    );
    t = 10;
    const during = await s.check().catch((e: unknown) => e);
    expect(isAbortError(during)).toBe(true);
  });

  it('isAbortError tells aborts from real failures', () => {
    expect(isAbortError(new DOMException('x', 'AbortError'))).toBe(true);
    expect(isAbortError(new Error('boom'))).toBe(false);
    expect(isAbortError('AbortError')).toBe(false);
  });
});

describe('yieldToMain', () => {
  afterEach(() => {
    delete (globalThis as { scheduler?: unknown }).scheduler;
  });

  it('uses scheduler.yield where the browser has it', async () => {
    const y = vi.fn(() => Promise.resolve());
    (globalThis as { scheduler?: unknown }).scheduler = { yield: y };
    await yieldToMain();
    expect(y).toHaveBeenCalledTimes(1);
  });

  it('otherwise resolves on a later task, not among the current microtasks', async () => {
    const order: string[] = [];
    const done = yieldToMain().then(() => order.push('yielded'));
    await Promise.resolve();
    order.push('sync');
    await done;
    expect(order).toEqual(['sync', 'yielded']);
  });
});

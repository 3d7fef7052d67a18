import { afterEach, describe, expect, it, vi } from 'vitest';
import { frameReady, MIN_FRAME_PX, skipReason } from '../../../src/content/frame-gate';

const hasTerm = (text: string) => text.includes('NATO');
const size = (innerWidth: number, innerHeight: number) => ({ innerWidth, innerHeight });

afterEach(() => {
  document.body.replaceChildren();
  vi.useRealTimers();
});

describe('skipReason', () => {
  it('skips hidden and pixel-sized frames before reading any text', () => {
    const read = vi.fn(hasTerm);
    document.body.textContent = 'NATO';
    expect(skipReason(size(0, 250), document, read)).toBe('hidden');
    expect(skipReason(size(MIN_FRAME_PX - 1, 250), document, read)).toBe('tiny');
    expect(skipReason(size(300, 1), document, read)).toBe('tiny');
    expect(read).not.toHaveBeenCalled();
  });

  it('skips a visible frame whose text cannot hold a term', () => {
    document.body.textContent = 'Great deals on shoes';
    expect(skipReason(size(300, 250), document, hasTerm)).toBe('no-terms');
    document.body.textContent = 'NATO allies';
    expect(skipReason(size(300, 250), document, hasTerm)).toBeNull();
  });
});

describe('frameReady', () => {
  it('always runs the top frame, whatever its text', async () => {
    document.body.textContent = 'nothing here';
    const signal = new AbortController().signal;
    expect(await frameReady(window, document, true, () => false, signal)).toBe(true);
  });

  it('lets a quiet sub-frame run once new text may hold a term', async () => {
    vi.useFakeTimers();
    document.body.textContent = 'Great deals on shoes';
    const ready = frameReady(window, document, false, hasTerm, new AbortController().signal);
    const p = document.createElement('p');
    p.textContent = 'More shoes';
    document.body.append(p);
    await vi.advanceTimersByTimeAsync(600);
    let settled = false;
    void ready.then(() => {
      settled = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toBe(false);
    const q = document.createElement('p');
    q.textContent = 'NATO ministers met';
    document.body.append(q);
    await vi.advanceTimersByTimeAsync(600);
    expect(await ready).toBe(true);
  });

  it('gives up on abort', async () => {
    document.body.textContent = 'Great deals on shoes';
    const controller = new AbortController();
    const ready = frameReady(window, document, false, hasTerm, controller.signal);
    controller.abort();
    expect(await ready).toBe(false);
  });
});

describe('frameReady with the reader’s gate', () => {
  const mine = (text: string) => text.includes('Zephyr');
  const never = new AbortController().signal;
  /** The stored gate, read through a promise the test settles. */
  function deferredGate() {
    let settle: (gate: ((text: string) => boolean) | null) => void = () => undefined;
    const read = vi.fn(() => new Promise<((text: string) => boolean) | null>((r) => (settle = r)));
    return { read, settle: (gate: ((text: string) => boolean) | null) => settle(gate) };
  }

  it('lets through a sub-frame that holds only the reader’s terms', async () => {
    document.body.textContent = 'The Zephyr task group sailed.';
    const read = vi.fn(async () => mine);
    expect(await frameReady(window, document, false, hasTerm, never, read)).toBe(true);
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('is not read when the build’s gate decides: terms, the top frame, a hidden frame', async () => {
    const read = vi.fn(async () => mine);
    document.body.textContent = 'NATO allies';
    expect(await frameReady(window, document, false, hasTerm, never, read)).toBe(true);
    document.body.textContent = 'Great deals on shoes';
    expect(await frameReady(window, document, true, hasTerm, never, read)).toBe(true);
    const hidden = { ...size(0, 0), addEventListener: () => undefined } as unknown as Window;
    const controller = new AbortController();
    const ready = frameReady(hidden, document, false, hasTerm, controller.signal, read);
    controller.abort();
    expect(await ready).toBe(false);
    expect(read).not.toHaveBeenCalled();
  });

  it('reads the gate once, and lets a frame through when later text holds a term', async () => {
    vi.useFakeTimers();
    document.body.textContent = 'Great deals on shoes';
    const read = vi.fn(async () => mine);
    const ready = frameReady(window, document, false, hasTerm, never, read);
    const p = document.createElement('p');
    p.textContent = 'More shoes';
    document.body.append(p);
    await vi.advanceTimersByTimeAsync(600);
    const q = document.createElement('p');
    q.textContent = 'Then the Zephyr task group sailed.';
    document.body.append(q);
    await vi.advanceTimersByTimeAsync(600);
    expect(await ready).toBe(true);
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('misses no text added while the gate is read', async () => {
    vi.useFakeTimers();
    document.body.textContent = 'Great deals on shoes';
    const { read, settle } = deferredGate();
    const ready = frameReady(window, document, false, hasTerm, never, read);
    const p = document.createElement('p');
    p.textContent = 'NATO ministers met';
    document.body.append(p);
    await vi.advanceTimersByTimeAsync(600);
    settle(null);
    expect(await ready).toBe(true);
  });

  it('keeps waiting without the reader’s terms, or when the read fails', async () => {
    for (const read of [vi.fn(async () => null), vi.fn(() => Promise.reject(new Error('gone')))]) {
      vi.useFakeTimers();
      document.body.textContent = 'The Zephyr task group sailed.';
      const controller = new AbortController();
      let settled: boolean | null = null;
      void frameReady(window, document, false, hasTerm, controller.signal, read).then((v) => {
        settled = v;
      });
      await vi.advanceTimersByTimeAsync(600);
      expect(settled).toBeNull();
      controller.abort();
      await vi.advanceTimersByTimeAsync(0);
      expect(settled).toBe(false);
      expect(read).toHaveBeenCalledTimes(1);
      vi.useRealTimers();
    }
  });
});

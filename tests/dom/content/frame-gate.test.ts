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

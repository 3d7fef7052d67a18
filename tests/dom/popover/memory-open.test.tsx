import { afterEach, describe, expect, it, vi } from 'vitest';
import { startPopover } from '../../../src/popover/controller';
import type { ShowOptions, ViewFactory } from '../../../src/popover/types';
import { fakeActions, fakeHighlighter, fakeOccurrence } from './fakes';

// Which opens count as lookups: the reader's hover, click or tap, never keyboard stepping.

function setup() {
  document.body.innerHTML = '<p id="p">They signed an MoU in May. Another MoU followed.</p>';
  const block = document.getElementById('p') as HTMLElement;
  const first = fakeOccurrence(block, 'MoU');
  const occurrences = [first, fakeOccurrence(block, 'MoU', 'mou', first.range.endOffset)];
  const highlighter = fakeHighlighter(occurrences);
  const shows: ShowOptions[] = [];
  const view: ViewFactory = () => ({
    prepare() {},
    show: (_o, options) => shows.push(options),
    hide() {},
    contains: () => false,
    returnFocus: () => null,
  });
  const controller = new AbortController();
  const popover = startPopover({
    doc: document,
    highlighter,
    settings: () => ({ hoverDelayMs: 300 }),
    signal: controller.signal,
    actions: fakeActions(),
    loadView: () => view,
  });
  return { occurrences, shows, popover, controller, setHit: highlighter.setHit };
}

const pointer = (type: string) =>
  document.body.dispatchEvent(
    new PointerEvent(type, {
      bubbles: true,
      clientX: 10,
      clientY: 10,
      pointerType: 'mouse',
      pointerId: 1,
      button: 0,
    }),
  );

let page: ReturnType<typeof setup>;
afterEach(() => {
  page.controller.abort();
  vi.useRealTimers();
});

describe('which popovers are lookups', () => {
  it('a hover after the delay records; keyboard stepping does not', () => {
    vi.useFakeTimers();
    page = setup();
    page.setHit(page.occurrences[0] ?? null);
    pointer('pointermove');
    vi.advanceTimersByTime(400);
    expect(page.shows.map((s) => s.record)).toEqual([true]);
    page.setHit(null);
    // Reduced motion: the step opens at once rather than after a smooth scroll.
    vi.spyOn(window, 'matchMedia').mockReturnValue({ matches: true } as MediaQueryList);
    page.popover.next();
    vi.advanceTimersByTime(1000);
    expect(page.shows.map((s) => s.record)).toEqual([true, false]);
  });

  it('an open through the API (side panel, popup) is not a lookup', () => {
    page = setup();
    page.popover.openFor(page.occurrences[1] as (typeof page.occurrences)[number]);
    expect(page.shows.map((s) => s.record)).toEqual([false]);
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PopoverContext } from '../../../src/popover/open-state';
import { step } from '../../../src/popover/stepping';
import { factoryOf, fakeContext, fakeOccurrence, type FakeOccurrence as Occ } from './fakes';

function setup() {
  document.body.innerHTML = '<button id="before">b</button><p id="p">one two three</p>';
  const block = document.getElementById('p') as HTMLElement;
  const list = ['one', 'two', 'three'].map((word) => fakeOccurrence(block, word));
  const viewFocus = document.createElement('a');
  const view = {
    prepare: vi.fn(),
    show: vi.fn(),
    hide: vi.fn(),
    contains: () => false,
    returnFocus: () => viewFocus,
  };
  return { ...fakeContext(list, () => factoryOf(view)), list, viewFocus };
}

const reduceMotion = (reduce: boolean) =>
  vi.spyOn(window, 'matchMedia').mockReturnValue({ matches: reduce } as MediaQueryList);

let page: ReturnType<typeof setup>;
beforeEach(() => {
  page = setup();
  vi.spyOn(window, 'scrollBy').mockImplementation(() => {});
});
afterEach(() => {
  page.controller.abort();
  vi.useRealTimers();
});

describe('step: which occurrence, and what the open carries', () => {
  // happy-dom lays nothing out: every rect is at the top, so the first step lands on the first
  // occurrence going forward and on the last going back.
  const rows: Array<{
    name: string;
    from: { shown?: number; cursor?: number };
    direction: 1 | -1;
    to: number;
    closesFirst: boolean;
    returnsTo: 'page' | 'view';
  }> = [
    {
      name: 'first next: the first on screen',
      from: {},
      direction: 1,
      to: 0,
      closesFirst: false,
      returnsTo: 'page',
    },
    {
      name: 'first previous: the last on screen',
      from: {},
      direction: -1,
      to: 2,
      closesFirst: false,
      returnsTo: 'page',
    },
    {
      name: 'from the cursor, forward',
      from: { cursor: 0 },
      direction: 1,
      to: 1,
      closesFirst: false,
      returnsTo: 'page',
    },
    {
      name: 'from the shown one, back, wrapping',
      from: { shown: 0 },
      direction: -1,
      to: 2,
      closesFirst: true,
      returnsTo: 'view',
    },
    {
      name: 'the shown one wins over the cursor',
      from: { shown: 2, cursor: 0 },
      direction: 1,
      to: 0,
      closesFirst: true,
      returnsTo: 'view',
    },
  ];
  for (const row of rows) {
    it(row.name, () => {
      reduceMotion(true);
      const { ctx, intent, list, viewFocus } = page;
      const before = document.getElementById('before') as HTMLButtonElement;
      before.focus();
      if (row.from.shown !== undefined) ctx.state.shown = list[row.from.shown] ?? null;
      if (row.from.cursor !== undefined) ctx.state.cursor = list[row.from.cursor] ?? null;
      step(ctx, row.direction);
      const target = list[row.to];
      expect(intent.close).toHaveBeenCalledTimes(row.closesFirst ? 1 : 0);
      expect(ctx.state.cursor).toBe(target);
      expect(ctx.highlighter.setActive).toHaveBeenLastCalledWith(target);
      expect(intent.pin).toHaveBeenCalledWith(target, {
        focus: true,
        returnFocus: row.returnsTo === 'page' ? before : viewFocus,
        pointer: null,
      });
      // The view's code starts loading with the step, before any scroll settles.
      expect(ctx.state.view).not.toBeNull();
    });
  }

  it('a term gone from the page: nothing happens', () => {
    (document.getElementById('p') as HTMLElement).remove();
    step(page.ctx, 1);
    expect(page.intent.pin).not.toHaveBeenCalled();
    expect(page.ctx.highlighter.setActive).not.toHaveBeenCalled();
  });
});

describe('step: smooth scrolling', () => {
  beforeEach(() => vi.useFakeTimers());

  const rows: Array<{ name: string; between: (ctx: PopoverContext<Occ>) => void; pins: boolean }> =
    [
      { name: 'opens once the scroll has settled', between: () => {}, pins: true },
      {
        name: 'a close meanwhile cancels the open',
        between: (ctx) => {
          ctx.state.navToken++;
        },
        pins: false,
      },
    ];
  for (const row of rows) {
    it(row.name, async () => {
      reduceMotion(false);
      step(page.ctx, 1);
      expect(window.scrollBy).toHaveBeenCalledWith(expect.objectContaining({ behavior: 'smooth' }));
      expect(page.intent.pin).not.toHaveBeenCalled();
      row.between(page.ctx);
      await vi.advanceTimersByTimeAsync(800);
      expect(page.intent.pin).toHaveBeenCalledTimes(row.pins ? 1 : 0);
    });
  }
});

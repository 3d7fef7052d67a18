import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  closed,
  ensureView,
  type OpenDetail,
  opened,
  openFor,
} from '../../../src/popover/open-state';
import type { PopoverView, ShowOptions, ViewFactory } from '../../../src/popover/types';
import { factoryOf, fakeContext, type FakeOccurrence as Occ } from './fakes';

const occ = (id: string): Occ => ({
  id,
  range: {} as AbstractRange,
  block: document.body,
  text: id,
});

function fakeView(): PopoverView<Occ> & { shows: Array<[Occ, ShowOptions]>; hides: boolean[] } {
  const shows: Array<[Occ, ShowOptions]> = [];
  const hides: boolean[] = [];
  return {
    shows,
    hides,
    prepare: vi.fn(),
    show: (o, options) => shows.push([o, options]),
    hide: (restore) => hides.push(restore),
    contains: () => false,
    returnFocus: () => null,
  };
}

const context = (loadView: () => ViewFactory | Promise<ViewFactory>, open: Occ | null = null) =>
  fakeContext([], loadView, open);

afterEach(() => vi.restoreAllMocks());

describe('opened: the show options follow how the open was asked for', () => {
  const el = document.createElement('button');
  const rows: Array<{
    name: string;
    pinned: boolean;
    detail: OpenDetail | undefined;
    expected: Omit<ShowOptions, 'since'>;
  }> = [
    {
      name: 'a hover anchors at the last pointer and is a lookup',
      pinned: false,
      detail: undefined,
      expected: {
        pinned: false,
        focus: false,
        returnFocus: undefined,
        pointer: { x: 1, y: 2 },
        record: true,
      },
    },
    {
      name: 'a click or tap pins with focus, at its own point, and is a lookup',
      pinned: true,
      detail: { focus: true, pointer: { x: 5, y: 6 }, record: true },
      expected: {
        pinned: true,
        focus: true,
        returnFocus: undefined,
        pointer: { x: 5, y: 6 },
        record: true,
      },
    },
    {
      name: 'the API opens without a pointer and is no lookup',
      pinned: false,
      detail: { focus: false, pointer: null },
      expected: {
        pinned: false,
        focus: false,
        returnFocus: undefined,
        pointer: null,
        record: false,
      },
    },
    {
      name: 'keyboard stepping hands on where focus returns and is no lookup',
      pinned: true,
      detail: { focus: true, returnFocus: el, pointer: null },
      expected: { pinned: true, focus: true, returnFocus: el, pointer: null, record: false },
    },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const view = fakeView();
      const target = occ('a');
      const { ctx } = context(() => factoryOf(view), target);
      ctx.state.pointer = { x: 1, y: 2 };
      opened(ctx, target, row.pinned, row.detail);
      expect(view.shows).toHaveLength(1);
      const [shown, options] = view.shows[0] as [Occ, ShowOptions];
      expect(shown).toBe(target);
      expect(options).toEqual({ ...row.expected, since: expect.any(Number) });
      expect(ctx.state.shown).toBe(target);
      expect(ctx.state.cursor).toBe(target);
      expect(ctx.highlighter.setActive).toHaveBeenLastCalledWith(target);
    });
  }

  it('shows nothing when the machine has moved on by the time the view is there', () => {
    const view = fakeView();
    const { ctx } = context(() => factoryOf(view), occ('b'));
    opened(ctx, occ('a'), false, undefined);
    expect(view.shows).toEqual([]);
    expect(ctx.state.shown).toBeNull();
  });
});

describe('ensureView: the view is made once, now or when its code has loaded', () => {
  const rows: Array<{
    name: string;
    load: (factory: ViewFactory) => ViewFactory | Promise<ViewFactory>;
    abort?: boolean;
    made: boolean;
    errors: number;
  }> = [
    { name: 'code at hand: made at once', load: (f) => f, made: true, errors: 0 },
    {
      name: 'code loading: made once it has',
      load: (f) => Promise.resolve(f),
      made: true,
      errors: 0,
    },
    {
      name: 'the chunk fails to load: nothing, logged',
      load: () => Promise.reject(new Error('offline')),
      made: false,
      errors: 1,
    },
    {
      name: 'the loader throws: nothing, logged',
      load: () => {
        throw new Error('no chunk');
      },
      made: false,
      errors: 1,
    },
    {
      name: 'aborted while loading: never made',
      load: (f) => Promise.resolve(f),
      abort: true,
      made: false,
      errors: 0,
    },
  ];
  for (const row of rows) {
    it(row.name, async () => {
      const error = vi.spyOn(console, 'error').mockImplementation(() => {});
      const view = fakeView();
      const factory = vi.fn(factoryOf(view));
      const { ctx, controller } = context(() => row.load(factory));
      const first = ensureView(ctx);
      if (row.abort) controller.abort();
      // While it loads, every caller waits for the same load.
      if (first && 'then' in first) expect(ensureView(ctx)).toBe(first);
      await first;
      expect(ctx.state.view).toBe(row.made ? view : null);
      expect(factory).toHaveBeenCalledTimes(row.made ? 1 : 0);
      expect(error).toHaveBeenCalledTimes(row.errors);
      if (row.made) expect(ensureView(ctx)).toBe(view);
    });
  }

  it('a failed load is tried again on the next intent', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const view = fakeView();
    const load = vi
      .fn<() => Promise<ViewFactory>>()
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValue(factoryOf(view));
    const { ctx } = context(load);
    await ensureView(ctx);
    expect(ctx.state.loading).toBeNull();
    await ensureView(ctx);
    expect(ctx.state.view).toBe(view);
  });
});

describe('closed', () => {
  for (const restoreFocus of [true, false]) {
    it(`clears what is shown and hides the view (restoreFocus ${restoreFocus})`, () => {
      const view = fakeView();
      const { ctx } = context(() => factoryOf(view));
      ensureView(ctx);
      ctx.state.shown = occ('a');
      closed(ctx, restoreFocus);
      expect(ctx.state).toMatchObject({ shown: null, navToken: 1 });
      expect(ctx.highlighter.setActive).toHaveBeenLastCalledWith(null);
      expect(view.hides).toEqual([restoreFocus]);
    });
  }
});

describe('openFor: the API pins with focus unless told otherwise', () => {
  const rows: Array<{
    opts: { pin?: boolean; focus?: boolean };
    call: 'pin' | 'show';
    focus: boolean;
  }> = [
    { opts: {}, call: 'pin', focus: true },
    { opts: { focus: false }, call: 'pin', focus: false },
    { opts: { pin: false }, call: 'show', focus: false },
    { opts: { pin: false, focus: true }, call: 'show', focus: true },
  ];
  for (const row of rows) {
    it(`${JSON.stringify(row.opts)} -> ${row.call}, focus ${row.focus}`, () => {
      const { ctx, intent } = context(() => factoryOf(fakeView()));
      const target = occ('a');
      openFor(ctx, target, row.opts);
      expect(intent[row.call]).toHaveBeenCalledWith(target, { focus: row.focus, pointer: null });
      expect(intent[row.call === 'pin' ? 'show' : 'pin']).not.toHaveBeenCalled();
    });
  }

  it('does nothing once aborted', () => {
    const { ctx, intent, controller } = context(() => factoryOf(fakeView()));
    controller.abort();
    openFor(ctx, occ('a'), {});
    expect(intent.pin).not.toHaveBeenCalled();
  });
});

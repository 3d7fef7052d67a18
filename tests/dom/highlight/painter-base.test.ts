import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createPainterBase,
  definePainter,
  FLASH_MS,
  nothing,
  type PainterArgs,
} from '../../../src/highlight/painter-base';
import type { CreatePainter, Painter } from '../../../src/highlight/types';
import { categoryOf } from './fakes';

beforeEach(() => {
  vi.useFakeTimers();
  document.adoptedStyleSheets = [];
});
afterEach(() => {
  vi.useRealTimers();
});

describe('definePainter', () => {
  const isKnown = (id: string) => id === 'nato';
  it.each<{
    name: string;
    call: (create: CreatePainter) => Painter;
    expected: Omit<PainterArgs, 'doc' | 'categoryOf'>;
  }>([
    {
      name: 'style defaults to background',
      call: (create) => create(document, categoryOf),
      expected: { style: 'background', colors: undefined, isKnown: undefined },
    },
    {
      name: 'every argument passed on',
      call: (create) =>
        create(document, categoryOf, 'underline', { agreement: '#123456' }, isKnown),
      expected: { style: 'underline', colors: { agreement: '#123456' }, isKnown },
    },
  ])('$name', ({ call, expected }) => {
    let got: PainterArgs | null = null;
    const painter = {} as Painter;
    const create = definePainter((args) => {
      got = args;
      return painter;
    });
    expect(call(create)).toBe(painter);
    expect(got).toEqual({ doc: document, categoryOf, ...expected });
  });
});

describe('painter base', () => {
  it.each([
    ['before the flash ends: on only', FLASH_MS - 1, false, ['on']],
    ['when the flash ends: on, then off', FLASH_MS, false, ['on', 'off']],
    ['disposed first: off never runs', FLASH_MS, true, ['on']],
  ])('flash %s', (_name, elapsed, dispose, calls) => {
    const base = createPainterBase(document, undefined, globalThis);
    const seen: string[] = [];
    base.flash(
      () => seen.push('on'),
      () => seen.push('off'),
    );
    if (dispose) base.dispose();
    vi.advanceTimersByTime(elapsed);
    expect(seen).toEqual(calls);
    base.dispose();
  });

  it.each([
    ['no custom colours: no sheet', undefined, 0],
    ['custom colours: one sheet until disposed', { agreement: '#123456' }, 1],
  ])('%s', (_name, colors, sheets) => {
    const base = createPainterBase(document, colors, globalThis);
    expect(document.adoptedStyleSheets.length).toBe(sheets);
    base.dispose();
    expect(document.adoptedStyleSheets.length).toBe(0);
  });

  it('schedules on the timers it is given', () => {
    const timers = { setTimeout: vi.fn(globalThis.setTimeout) } as unknown as typeof globalThis;
    const base = createPainterBase(document, undefined, timers);
    base.flash(nothing, nothing);
    expect(timers.setTimeout).toHaveBeenCalledWith(expect.any(Function), FLASH_MS);
    base.dispose();
  });
});

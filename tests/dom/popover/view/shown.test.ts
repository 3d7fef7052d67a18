import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PlacementResult } from '../../../../src/popover/view/placement';
import { fakeActions, fakeHighlighter, fakeOccurrence, type FakeOccurrence as Occ } from '../fakes';

// Placement and rendering are their modules' business (tests/unit/popover/view, start-popover):
// here they are stand-ins, so each test sees what shown.ts does with their results.
const placed: Array<{ onPlaced: (r: PlacementResult) => void; signal: AbortSignal }> = [];
vi.mock('../../../../src/popover/view/placement', () => ({
  rangeReference: () => ({ getBoundingClientRect: () => new DOMRect(), anchorPoint: () => null }),
  trackPlacement: (
    _reference: unknown,
    _floating: HTMLElement,
    onPlaced: (r: PlacementResult) => void,
    signal: AbortSignal,
  ) => placed.push({ onPlaced, signal }),
}));
vi.mock('../../../../src/popover/view/render', () => ({
  SHADOW_CSS: '',
  renderPopover: vi.fn((mount: HTMLElement, current: { nav: { stack: string[] } }) => {
    mount.innerHTML = '<div class="tl-popover" tabindex="-1"></div>';
    return `Definition of ${current.nav.stack.at(-1)}`;
  }),
}));

const { anchor, announce, directionAt, navigate, reveal } = await import(
  '../../../../src/popover/view/shown'
);
const { createPopoverHost } = await import('../../../../src/popover/view/host');
type ViewState = import('../../../../src/popover/view/shown').ViewState<Occ>;
type Shown = import('../../../../src/popover/view/shown').Shown<Occ>;

function setup() {
  document.body.innerHTML = '<p id="p">an MoU and a SOFA</p>';
  const block = document.getElementById('p') as HTMLElement;
  const mou = fakeOccurrence(block, 'MoU');
  const sofa = fakeOccurrence(block, 'SOFA');
  const host = {
    doc: document,
    highlighter: fakeHighlighter([mou, sofa]),
    actions: fakeActions(),
    signal: new AbortController().signal,
    close: vi.fn(),
    pin: vi.fn(),
    moved: vi.fn(),
  };
  const ui = createPopoverHost(document, '');
  document.documentElement.append(ui.host);
  const v: ViewState = {
    host,
    doc: document,
    win: window,
    memory: undefined,
    ui,
    shown: null,
    prepared: null,
    onNavigate: (nav) => navigate(v, nav),
    onReveal: (target) => reveal(v, target),
  };
  const shown: Shown = {
    occurrence: mou,
    pinned: false,
    nav: { stack: ['mou'] },
    dir: 'ltr',
    returnFocus: null,
    seen: false,
    placement: new AbortController(),
    reference: {} as Shown['reference'],
  };
  ui.mount.innerHTML = '<div class="tl-popover" tabindex="-1"></div>';
  return { v, host, ui, shown, mou, sofa };
}

let page: ReturnType<typeof setup>;
beforeEach(() => {
  placed.length = 0;
  page = setup();
});
afterEach(() => {
  page.ui.host.remove();
  vi.useRealTimers();
});

describe('anchor: when placement closes the popover', () => {
  const rows: Array<{
    name: string;
    results: boolean[];
    removed?: boolean;
    stale?: boolean;
    closes: string[];
  }> = [
    { name: 'in view: stays', results: [false, false], closes: [] },
    { name: 'hidden before ever seen: stays', results: [true, true], closes: [] },
    { name: 'seen, then scrolled away: closes', results: [false, true], closes: ['scrolled-away'] },
    { name: 'the page removed the term: closes', results: [false], removed: true, closes: ['api'] },
    {
      name: 'another popover shown since: ignored',
      results: [false, true],
      stale: true,
      closes: [],
    },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const { v, host, shown } = page;
      v.shown = row.stale ? { ...shown } : shown;
      anchor(v, shown);
      if (row.removed) document.getElementById('p')?.remove();
      for (const hidden of row.results) {
        placed[0]?.onPlaced({ x: 0, y: 0, placement: 'bottom', referenceHidden: hidden });
      }
      expect(host.close.mock.calls.map(([reason]) => reason)).toEqual(row.closes);
      expect(placed[0]?.signal).toBe(shown.placement.signal);
    });
  }

  it('without a rendered dialog, nothing is tracked', () => {
    page.ui.mount.innerHTML = '';
    anchor(page.v, page.shown);
    expect(placed).toEqual([]);
  });
});

describe('directionAt: the page direction at the term', () => {
  for (const [dir, expected] of [
    ['rtl', 'rtl'],
    ['ltr', 'ltr'],
    ['', 'ltr'],
  ] as const) {
    it(`direction "${dir}" -> ${expected}`, () => {
      page.mou.block.setAttribute('style', dir ? `direction: ${dir}` : '');
      expect(directionAt(page.v, page.mou)).toBe(expected);
    });
  }
});

describe('announce', () => {
  beforeEach(() => vi.useFakeTimers());

  const rows: Array<{ name: string; replaced: boolean; heard: string }> = [
    { name: 'fills the live region after insertion', replaced: false, heard: 'Definition of X' },
    { name: 'says nothing into a host closed meanwhile', replaced: true, heard: '' },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const { v, ui } = page;
      ui.live.textContent = 'old';
      announce(v, 'Definition of X');
      expect(ui.live.textContent).toBe('');
      if (row.replaced) v.ui = null;
      vi.advanceTimersByTime(50);
      expect(ui.live.textContent).toBe(row.heard);
    });
  }
});

describe('after opening: related terms and other occurrences', () => {
  beforeEach(() => vi.useFakeTimers());

  it('following a related term pins, repaints, focuses and announces', () => {
    const { v, host, ui, shown } = page;
    v.shown = shown;
    navigate(v, { stack: ['mou', 'sofa'] });
    expect(host.pin).toHaveBeenCalledWith(page.mou);
    expect(shown).toMatchObject({ pinned: true, nav: { stack: ['mou', 'sofa'] } });
    expect(ui.host.shadowRoot?.activeElement?.className).toBe('tl-popover');
    vi.advanceTimersByTime(50);
    expect(ui.live.textContent).toBe('Definition of sofa');
  });

  it('revealing another occurrence moves the popover there, pinned, re-anchored', () => {
    vi.spyOn(window, 'matchMedia').mockReturnValue({ matches: true } as MediaQueryList);
    const { v, host, shown, sofa } = page;
    v.shown = shown;
    const before = shown.placement;
    reveal(v, sofa);
    expect(before.signal.aborted).toBe(true);
    expect(host.highlighter.flash).toHaveBeenCalledWith(sofa);
    expect(host.moved).toHaveBeenCalledWith(sofa);
    expect(shown).toMatchObject({ occurrence: sofa, pinned: true, seen: false });
    expect(placed[0]?.signal).toBe(shown.placement.signal);
    expect(shown.placement.signal.aborted).toBe(false);
  });

  const guards: Array<{ name: string; prepare: (p: typeof page) => void }> = [
    { name: 'nothing shown', prepare: () => {} },
    {
      name: 'no host',
      prepare: (p) => {
        p.v.shown = p.shown;
        p.v.ui = null;
      },
    },
  ];
  for (const guard of guards) {
    it(`with ${guard.name}, neither navigates nor reveals`, () => {
      guard.prepare(page);
      navigate(page.v, { stack: ['mou', 'sofa'] });
      reveal(page.v, page.sofa);
      expect(page.host.pin).not.toHaveBeenCalled();
      expect(page.host.moved).not.toHaveBeenCalled();
      expect(placed).toEqual([]);
    });
  }
});

import { vi } from 'vitest';
import type { HoverIntent } from '../../../src/popover/hover-intent';
import {
  initialState,
  type OpenDetail,
  type PopoverContext,
} from '../../../src/popover/open-state';
import type { PopoverView, ViewFactory } from '../../../src/popover/types';

// Stand-ins for the engine's side of the popover, shared by the popover's DOM tests: occurrences
// as plain range-shaped objects in the test page, a highlighter that reports what the test says
// is under the pointer, and a scripted hover machine.

export interface FakeOccurrence {
  id: string;
  range: AbstractRange;
  block: Element;
  text: string;
}

/** `word` in `block`'s first text node, searched from `from` (a StaticRange-like object). */
export function fakeOccurrence(
  block: Element,
  word: string,
  id = word.toLowerCase(),
  from = 0,
): FakeOccurrence {
  const text = block.firstChild as Text;
  const start = text.data.indexOf(word, from);
  const range = {
    startContainer: text,
    startOffset: start,
    endContainer: text,
    endOffset: start + word.length,
    collapsed: false,
  } as AbstractRange;
  return { id, range, block, text: word };
}

/** A highlighter over `list`; `setHit` says which occurrence is under the pointer. */
export function fakeHighlighter(list: readonly FakeOccurrence[]) {
  let hit: FakeOccurrence | null = null;
  return {
    occurrences: () => list,
    occurrenceAt: vi.fn((_x: number, _y: number) => hit),
    occurrenceFor: vi.fn((_node: Node) => null as FakeOccurrence | null),
    flash: vi.fn(),
    setActive: vi.fn(),
    setHit: (o: FakeOccurrence | null) => {
      hit = o;
    },
  };
}

export const fakeActions = () => ({
  hideTerm: vi.fn(),
  disableSite: vi.fn(),
  openInReference: vi.fn(),
});

/** A hover machine whose snapshot reports `open` as open, and which records every call. */
export function fakeIntent(open: FakeOccurrence | null = null) {
  return {
    pointer: vi.fn(),
    pin: vi.fn(),
    show: vi.fn(),
    escape: vi.fn(() => true),
    outside: vi.fn(),
    scrolledAway: vi.fn(),
    close: vi.fn(),
    snapshot: () => ({
      open: open && { target: open, pinned: false },
      pending: null,
      closing: false,
    }),
  } satisfies HoverIntent<FakeOccurrence, OpenDetail>;
}

/** The controller's context over `list`, with a scripted hover machine. */
export function fakeContext(
  list: readonly FakeOccurrence[],
  loadView: () => ViewFactory | Promise<ViewFactory>,
  open: FakeOccurrence | null = null,
) {
  const controller = new AbortController();
  const intent = fakeIntent(open);
  const ctx: PopoverContext<FakeOccurrence> = {
    doc: document,
    win: window,
    highlighter: fakeHighlighter(list),
    actions: fakeActions(),
    signal: controller.signal,
    loadView,
    state: initialState(),
    intent,
  };
  return { ctx, intent, controller };
}

/** A factory that always hands out `view` (a view is generic over occurrences; tests are not). */
export const factoryOf =
  (view: PopoverView<FakeOccurrence>): ViewFactory =>
  () =>
    view as PopoverView<never>;

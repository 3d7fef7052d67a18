import type { Occurrence } from './types';

/**
 * Above this many ranges, only blocks near the viewport keep theirs registered. Chromium
 * re-validates every registered range in the first frame after any DOM or highlight change, so
 * on a long feed each appended batch would pay for every range; near the viewport the count
 * stays in the hundreds whatever the page's length (measurements: tests/bench/README.md).
 */
export const WINDOW_THRESHOLD = 2000;
/** How far around the viewport ranges stay registered (one screen above and below). */
export const WINDOW_MARGIN = '100% 0px 100% 0px';

/**
 * Which occurrences the CSS painter shows: every block's until the page has more than
 * WINDOW_THRESHOLD, then those of blocks near the viewport; none while held (see Painter.hold).
 * It calls `show` and `hide`; the painter owns the highlights themselves.
 */
export interface RangeWindow {
  add(occurrences: readonly Occurrence[]): void;
  /** Forgets `o` (the caller hides it). */
  remove(o: Occurrence): void;
  hold(): void;
  release(): void;
  /** Hides then shows again what is shown now (after `show`'s filter changed). */
  reshow(): void;
  dispose(): void;
}

/** A window's state; its operations are the module's functions below. */
interface WindowState {
  readonly show: (o: Occurrence) => void;
  readonly hide: (o: Occurrence) => void;
  readonly IO: typeof IntersectionObserver | undefined;
  /** Occurrences by block; their count is `total`. */
  readonly byBlock: Map<Element, Set<Occurrence>>;
  total: number;
  /** Set once windowing starts: from then on it decides which blocks are registered. */
  observer: IntersectionObserver | null;
  /**
   * Weak: a block keeps its last known state while it has no occurrences (an edited block is
   * re-registered at once), without keeping removed blocks alive.
   */
  readonly near: WeakSet<Element>;
  /**
   * While held: the blocks whose occurrences are shown at release. By block, not by occurrence:
   * a dense page holds tens of thousands of occurrences in a few thousand blocks, and what a
   * block holds at release is in `byBlock` anyway.
   */
  heldBlocks: Set<Element> | null;
}

function reveal(s: WindowState, o: Occurrence): void {
  if (s.heldBlocks) s.heldBlocks.add(o.block);
  else s.show(o);
}

function onIntersect(s: WindowState, entries: IntersectionObserverEntry[]): void {
  for (const e of entries) {
    const set = s.byBlock.get(e.target);
    if (!set) continue;
    if (e.isIntersecting) {
      s.near.add(e.target);
      for (const o of set) reveal(s, o);
    } else {
      s.near.delete(e.target);
      for (const o of set) s.hide(o);
    }
  }
}

/** Switches to windowing: from now on the observer decides which blocks are registered. */
function startWindowing(s: WindowState): void {
  if (s.observer || !s.IO) return;
  const observer = new s.IO((entries) => onIntersect(s, entries), { rootMargin: WINDOW_MARGIN });
  s.observer = observer;
  // What is registered stays so until the first callback reports each block's state; held
  // blocks wait for it, so releasing them never registers the whole page for a frame.
  for (const block of s.byBlock.keys()) {
    if (!s.heldBlocks?.has(block)) s.near.add(block);
    observer.observe(block);
  }
}

function add(s: WindowState, occurrences: readonly Occurrence[]): void {
  for (const o of occurrences) {
    let set = s.byBlock.get(o.block);
    if (!set) {
      set = new Set();
      s.byBlock.set(o.block, set);
      s.observer?.observe(o.block); // its first callback registers it if near
    }
    set.add(o);
    s.total++;
    if (s.heldBlocks) s.heldBlocks.add(o.block);
    else if (!s.observer || s.near.has(o.block)) s.show(o);
  }
  // Not while held: nothing is shown until release, and observing thousands of blocks costs
  // the browser a long first computation.
  if (!s.observer && !s.heldBlocks && s.total > WINDOW_THRESHOLD) startWindowing(s);
}

function remove(s: WindowState, o: Occurrence): void {
  const set = s.byBlock.get(o.block);
  if (set?.delete(o)) {
    s.total--;
    if (set.size === 0) {
      s.byBlock.delete(o.block);
      s.observer?.unobserve(o.block);
    }
  }
}

function release(s: WindowState): void {
  const pending = s.heldBlocks;
  if (!pending) return;
  // Windowing starts first, so held blocks wait for their first intersection report.
  if (!s.observer && s.total > WINDOW_THRESHOLD) startWindowing(s);
  s.heldBlocks = null;
  for (const block of pending) {
    if (s.observer && !s.near.has(block)) continue;
    for (const o of s.byBlock.get(block) ?? []) s.show(o);
  }
}

function reshow(s: WindowState): void {
  for (const [block, set] of s.byBlock) {
    // Blocks off-screen (windowing) or held stay as they are; they show through `show`.
    if ((s.observer && !s.near.has(block)) || s.heldBlocks?.has(block)) continue;
    for (const o of set) {
      s.hide(o);
      s.show(o);
    }
  }
}

export function createRangeWindow(
  view: (Window & typeof globalThis) | null,
  show: (o: Occurrence) => void,
  hide: (o: Occurrence) => void,
): RangeWindow {
  const s: WindowState = {
    show,
    hide,
    IO: view?.IntersectionObserver,
    byBlock: new Map(),
    total: 0,
    observer: null,
    near: new WeakSet(),
    heldBlocks: null,
  };
  return {
    add: (occurrences) => add(s, occurrences),
    remove: (o) => remove(s, o),
    hold() {
      s.heldBlocks ??= new Set();
    },
    release: () => release(s),
    reshow: () => reshow(s),
    dispose() {
      s.observer?.disconnect();
      s.observer = null;
      s.byBlock.clear();
      s.heldBlocks = null;
    },
  };
}

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
  dispose(): void;
}

export function createRangeWindow(
  view: (Window & typeof globalThis) | null,
  show: (o: Occurrence) => void,
  hide: (o: Occurrence) => void,
): RangeWindow {
  // Occurrences by block, and the blocks whose ranges are registered (all of them until the
  // page has more than WINDOW_THRESHOLD ranges; then those near the viewport).
  const byBlock = new Map<Element, Set<Occurrence>>();
  let total = 0;
  const IO = view?.IntersectionObserver;
  let observer: IntersectionObserver | null = null;
  // Weak: a block keeps its last known state while it has no occurrences (an edited block is
  // re-registered at once), without keeping removed blocks alive.
  const near = new WeakSet<Element>();
  // While held: the blocks whose occurrences are shown at release. By block, not by occurrence:
  // a dense page holds tens of thousands of occurrences in a few thousand blocks, and what a
  // block holds at release is in `byBlock` anyway.
  let heldBlocks: Set<Element> | null = null;
  const reveal = (o: Occurrence) => {
    if (heldBlocks) heldBlocks.add(o.block);
    else show(o);
  };

  const onIntersect = (entries: IntersectionObserverEntry[]) => {
    for (const e of entries) {
      const set = byBlock.get(e.target);
      if (!set) continue;
      if (e.isIntersecting) {
        near.add(e.target);
        for (const o of set) reveal(o);
      } else {
        near.delete(e.target);
        for (const o of set) hide(o);
      }
    }
  };

  /** Switches to windowing: from now on the observer decides which blocks are registered. */
  const startWindowing = () => {
    if (observer || !IO) return;
    observer = new IO(onIntersect, { rootMargin: WINDOW_MARGIN });
    // What is registered stays so until the first callback reports each block's state; held
    // blocks wait for it, so releasing them never registers the whole page for a frame.
    for (const block of byBlock.keys()) {
      if (!heldBlocks?.has(block)) near.add(block);
      observer.observe(block);
    }
  };

  return {
    add(occurrences) {
      for (const o of occurrences) {
        let set = byBlock.get(o.block);
        if (!set) {
          set = new Set();
          byBlock.set(o.block, set);
          observer?.observe(o.block); // its first callback registers it if near
        }
        set.add(o);
        total++;
        if (heldBlocks) heldBlocks.add(o.block);
        else if (!observer || near.has(o.block)) show(o);
      }
      // Not while held: nothing is shown until release, and observing thousands of blocks costs
      // the browser a long first computation.
      if (!observer && !heldBlocks && total > WINDOW_THRESHOLD) startWindowing();
    },
    remove(o) {
      const set = byBlock.get(o.block);
      if (set?.delete(o)) {
        total--;
        if (set.size === 0) {
          byBlock.delete(o.block);
          observer?.unobserve(o.block);
        }
      }
    },
    hold() {
      heldBlocks ??= new Set();
    },
    release() {
      const pending = heldBlocks;
      if (!pending) return;
      // Windowing starts first, so held blocks wait for their first intersection report.
      if (!observer && total > WINDOW_THRESHOLD) startWindowing();
      heldBlocks = null;
      for (const block of pending) {
        if (observer && !near.has(block)) continue;
        for (const o of byBlock.get(block) ?? []) show(o);
      }
    },
    dispose() {
      observer?.disconnect();
      observer = null;
      byBlock.clear();
      heldBlocks = null;
    },
  };
}

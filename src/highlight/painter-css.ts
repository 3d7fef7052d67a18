import { CATEGORIES, type Category } from '../glossary/schema';
import { existingRange } from './occurrence';
import { ACTIVE_NAME, createPainterStyles, FLASH_NAME, highlightName } from './styles';
import type { CategoryColors, HighlightStyle, Occurrence, Painter } from './types';

export const FLASH_MS = 1200;

/**
 * Above this many ranges, only blocks near the viewport keep theirs registered. Chromium
 * re-validates every registered range in the first frame after any DOM or highlight change, so
 * on a long feed each appended batch would pay for every range; near the viewport the count
 * stays in the hundreds whatever the page's length (measurements: tests/bench/README.md).
 */
export const WINDOW_THRESHOLD = 2000;
/** How far around the viewport ranges stay registered (one screen above and below). */
export const WINDOW_MARGIN = '100% 0px 100% 0px';

type HighlightCtor = new (...ranges: AbstractRange[]) => Highlight;

function highlightApi(doc: Document): { registry: HighlightRegistry; Ctor: HighlightCtor } | null {
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  const registry = view?.CSS?.highlights;
  const Ctor = (view as unknown as { Highlight?: HighlightCtor } | null)?.Highlight;
  return registry && Ctor ? { registry, Ctor } : null;
}

export function supportsCssHighlights(doc: Document): boolean {
  return highlightApi(doc) !== null;
}

/**
 * Paints with the CSS Custom Highlight API: one Highlight per category (so styles can differ),
 * registered under prefixed names that cannot collide with the page's. The page DOM is never
 * touched: styles come from the content script's manifest CSS (see styles.ts).
 */
export function createCssPainter(
  doc: Document,
  categoryOf: (id: string) => Category,
  style: HighlightStyle = 'background',
  colors?: CategoryColors,
): Painter {
  const api = highlightApi(doc);
  if (!api) throw new Error('CSS Custom Highlight API unavailable');
  const { registry, Ctor } = api;
  const byCategory = new Map<Category, Highlight>();
  const owned: [string, Highlight][] = [];
  const register = (name: string, priority: number) => {
    const hl = new Ctor();
    hl.priority = priority;
    registry.set(name, hl);
    owned.push([name, hl]);
    return hl;
  };
  for (const c of CATEGORIES) byCategory.set(c, register(highlightName(c, style), 0));
  let currentStyle = style;
  const flashHl = register(FLASH_NAME, 2);
  const activeHl = register(ACTIVE_NAME, 1);
  // Default rules come from the content script's manifest CSS; this adds custom colours only.
  const styles = createPainterStyles(doc, colors);
  const view = doc.defaultView;
  const timers = new Set<ReturnType<typeof setTimeout>>();

  // Occurrences by block, and the blocks whose ranges are registered (all of them until the
  // page has more than WINDOW_THRESHOLD ranges; then those near the viewport).
  const byBlock = new Map<Element, Set<Occurrence>>();
  let total = 0;
  const IO = (view as (Window & typeof globalThis) | null)?.IntersectionObserver;
  let observer: IntersectionObserver | null = null;
  // Weak: a block keeps its last known state while it has no occurrences (an edited block is
  // re-registered at once), without keeping removed blocks alive.
  const near = new WeakSet<Element>();

  const show = (o: Occurrence) => byCategory.get(categoryOf(o.id))?.add(o.range);
  // A range never made was never shown: hiding must not make one.
  const hide = (o: Occurrence) => {
    const r = existingRange(o);
    if (r) byCategory.get(categoryOf(o.id))?.delete(r);
  };
  // While held (see Painter.hold): the blocks whose occurrences are shown at release. By block,
  // not by occurrence: a dense page holds tens of thousands of occurrences in a few thousand
  // blocks, and what a block holds at release is in `byBlock` anyway.
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
    mutatesDom: false,
    occurrenceForNode: () => null,
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
    remove(occurrences) {
      for (const o of occurrences) {
        hide(o);
        const r = existingRange(o);
        if (r) {
          flashHl.delete(r);
          activeHl.delete(r);
        }
        const set = byBlock.get(o.block);
        if (set?.delete(o)) {
          total--;
          if (set.size === 0) {
            byBlock.delete(o.block);
            observer?.unobserve(o.block);
          }
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
    setStyle(next, nextColors) {
      styles.setColors(nextColors);
      if (next === currentStyle) return;
      currentStyle = next;
      // Both styles' rules are already in the stylesheet: moving the highlights to the other
      // style's names restyles them without touching any stylesheet.
      for (const entry of owned) {
        const [name, hl] = entry;
        const c = CATEGORIES.find((cat) => byCategory.get(cat) === hl);
        if (!c) continue;
        if (registry.get(name) === hl) registry.delete(name);
        entry[0] = highlightName(c, next);
        registry.set(entry[0], hl);
      }
    },
    flash(o: Occurrence) {
      flashHl.add(o.range);
      const t = (view ?? globalThis).setTimeout(() => {
        timers.delete(t);
        flashHl.delete(o.range);
      }, FLASH_MS);
      timers.add(t);
    },
    setActive(o) {
      activeHl.clear();
      if (o) activeHl.add(o.range);
    },
    adoptInto(root) {
      styles.adoptInto(root);
    },
    dispose() {
      observer?.disconnect();
      observer = null;
      byBlock.clear();
      heldBlocks = null;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      for (const [name, hl] of owned) {
        hl.clear();
        // Only delete our own entry, should the page have reused the name meanwhile.
        if (registry.get(name) === hl) registry.delete(name);
      }
      owned.length = 0;
      styles.dispose();
    },
  };
}

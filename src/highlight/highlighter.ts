import type { Match } from '../matcher';
import {
  type BlockKey,
  candidateSegments,
  locate,
  occurrenceIn,
  type Segment,
  walkSegments,
} from './blocks';
import { hitTest } from './hit-test';
import { classifyRecords, createMutationTracker } from './mutations';
import { boundsOf } from './occurrence';
import { createCssPainter, supportsCssHighlights } from './painter-css';
import { createDomPainter, textNodesIn } from './painter-dom';
import { createSlicer, isAbortError, type Slicer, yieldToMain } from './scheduler';
import type { Highlighter, HighlighterOptions, Matcher, Occurrence, Painter } from './types';

export type { Highlighter, HighlighterOptions, Occurrence } from './types';

const mayHoldAnything = () => true;

export const MARK_START = 'termlight:start';
export const MARK_VIEWPORT = 'termlight:viewport';
export const MARK_IDLE = 'termlight:idle';

function mark(name: string, detail?: unknown): void {
  try {
    performance.mark(name, detail === undefined ? undefined : { detail });
  } catch {
    // Marks are diagnostics only.
  }
}

/** A node lifted out of shadow trees to the document level, for ordering across roots. */
function liftToDocument(node: Node): Node {
  let n = node;
  for (;;) {
    const root = n.getRootNode();
    if (root.nodeType !== 11) return n;
    n = (root as ShadowRoot).host;
  }
}

function compareOccurrences(a: Occurrence, b: Occurrence): number {
  const p = boundsOf(a);
  const q = boundsOf(b);
  const x = p.startContainer;
  const y = q.startContainer;
  if (x === y) return p.startOffset - q.startOffset;
  let pos = x.compareDocumentPosition(y);
  if (pos & 1 /* DISCONNECTED: different trees */) {
    const lx = liftToDocument(x);
    const ly = liftToDocument(y);
    if (lx === ly) return lx === x ? 1 : -1; // the shadow tree renders in place of light children
    pos = lx.compareDocumentPosition(ly);
  }
  return pos & 4 /* FOLLOWING */ ? -1 : 1;
}

/** Characters per matcher call in a very long block, so one block never makes a long task. */
export const PART_CHARS = 2000;
/** After this many text blocks in a row start below the viewport, the rest are below it too. */
const BELOW_RUN = 32;
/** The longest wait for a frame before reading geometry. */
const FRAME_WAIT_MS = 100;

function inViewport(r: DOMRect, vw: number, vh: number): boolean {
  return (r.width > 0 || r.height > 0) && r.bottom > 0 && r.right > 0 && r.top < vh && r.left < vw;
}

/** Resolves just after the next frame, or after `FRAME_WAIT_MS` where frames do not come (hidden tabs). */
function afterNextFrame(view: Window | null): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, FRAME_WAIT_MS);
    view?.requestAnimationFrame?.(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0),
    );
  });
}

/** A block key's text segments, in the order the walk met them. */
export interface TextGroup {
  key: BlockKey;
  block: Element;
  segs: Segment[];
}

/**
 * Indices of the groups whose block intersects the viewport. Blocks come in document order,
 * which is (nearly) layout order, so this reads a few rectangles rather than all of them: a
 * binary search finds the first block not above the viewport when the page is scrolled, then a
 * forward walk stops after a run of blocks that start below it. A block that is not rendered
 * (empty rectangle) is skipped. Only decides what is painted first, never what is painted.
 */
export function viewportGroups(
  blocks: readonly Element[],
  view: { innerWidth: number; innerHeight: number; scrollY: number } | null,
): number[] {
  const vw = view?.innerWidth ?? 0;
  const vh = view?.innerHeight ?? 0;
  const out: number[] = [];
  if (vw <= 0 || vh <= 0) return out;
  const rect = (i: number) => (blocks[i] as Element).getBoundingClientRect();
  let start = 0;
  if ((view?.scrollY ?? 0) > vh) {
    let lo = 0;
    let hi = blocks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const r = rect(mid);
      if (r.bottom <= 0) lo = mid + 1;
      else hi = mid;
    }
    // Back off a little: layout order is only nearly document order (floats, sidebars).
    start = Math.max(0, lo - BELOW_RUN);
  }
  let below = 0;
  for (let i = start; i < blocks.length; i++) {
    const r = rect(i);
    if (r.width === 0 && r.height === 0) continue;
    if (inViewport(r, vw, vh)) {
      out.push(i);
      below = 0;
    } else if (r.top >= vh && ++below >= BELOW_RUN) break;
  }
  return out;
}

interface Found {
  block: Element;
  occurrences: Occurrence[];
}

/**
 * Starts highlighting a document: an initial sliced pass (viewport first), then incremental
 * passes driven by one batched MutationObserver. Everything stops when `signal` aborts.
 */
export function startHighlighter(options: HighlighterOptions): Highlighter {
  const { root: doc, matcher, categoryOf, signal } = options;
  const useCss = options.painter ? options.painter === 'css' : supportsCssHighlights(doc);
  const style = options.style ?? 'background';
  const painter: Painter = useCss
    ? createCssPainter(doc, categoryOf, style, options.colors)
    : createDomPainter(doc, categoryOf, style, options.colors);

  const states = new Map<BlockKey, readonly Occurrence[]>();
  const shadowRoots: ShadowRoot[] = [];
  let total = 0;
  // Reading order, maintained incrementally: re-sorting every occurrence after each pass would cost
  // far too much on infinite-scroll pages (tens of thousands of occurrences, a pass per batch).
  let ordered: Occurrence[] = [];
  let removedSinceOrder = new Set<Occurrence>();
  let addedSinceOrder: Occurrence[] = [];
  let stopped = false;

  let queue: MutationRecord[] = [];
  let busy = false;
  let initialDone = false;
  let idleWaiters: (() => void)[] = [];

  const tracker = createMutationTracker(doc, (records) => {
    if (stopped) return;
    for (const r of records) queue.push(r);
    kick();
  });

  const paint = (fn: () => void) => (painter.mutatesDom ? tracker.quiet(fn) : fn());

  /**
   * The occurrences covering a Text node, looked up through its block when needed (hover,
   * focus) rather than indexed for every occurrence up front: a long page has tens of thousands.
   */
  const occurrencesAt = (t: Text): Occurrence[] => {
    const where = locate(t);
    const list = where ? states.get(where.key) : undefined;
    if (!list) return [];
    return list.filter((o) => {
      const b = boundsOf(o);
      const { startContainer: first, endContainer: last } = b;
      return first === t || last === t || (first !== last && textNodesIn(b).includes(t));
    });
  };

  /** Replaces a block's occurrences; painting is incremental per block. */
  const replace = (key: BlockKey, next: readonly Occurrence[]) => {
    const prev = states.get(key);
    if (!prev && next.length === 0) return;
    paint(() => {
      if (prev) {
        for (const o of prev) removedSinceOrder.add(o);
        painter.remove(prev);
        states.delete(key);
        total -= prev.length;
      }
      if (next.length > 0) {
        painter.add(next);
        // The DOM painter re-points ranges at its marks: keep what it painted.
        const kept = painter.mutatesDom
          ? next.filter((o) => boundsOf(o).startContainer.isConnected)
          : next;
        for (const o of kept) addedSinceOrder.push(o);
        states.set(key, kept);
        total += kept.length;
      }
    });
  };

  const onShadowRoot = (sr: ShadowRoot) => {
    if (shadowRoots.includes(sr)) return;
    shadowRoots.push(sr);
    tracker.observe(sr);
    painter.adoptInto(sr);
  };

  const pushMatches = (seg: Segment, matches: readonly Match[], into: Occurrence[]) => {
    for (const m of matches) into.push(occurrenceIn(seg, m.start, m.end, m.id));
  };

  /** A very long block's text, scanned in parts with a budget check between them. */
  const scanLong = async (seg: Segment, into: Occurrence[], slicer: Slicer) => {
    const text = seg.text;
    for (let from = 0; from < text.length; ) {
      // Each part is real work (thousands of characters): read the clock every time.
      await slicer.check();
      const part = (matcher.scanPart as NonNullable<Matcher['scanPart']>)(text, from, PART_CHARS);
      pushMatches(seg, part.matches, into);
      from = part.next;
    }
  };

  /** Scans one segment; returns a promise only for very long text (the common case stays sync). */
  const scanSegment = (
    seg: Segment,
    into: Occurrence[],
    slicer: Slicer,
  ): Promise<void> | undefined => {
    if (matcher.scanPart && seg.text.length > PART_CHARS * 2) return scanLong(seg, into, slicer);
    pushMatches(seg, matcher.scan(seg.text), into);
    return undefined;
  };

  /** Walks units (a block's own text, or a whole added subtree), scanning every segment. */
  const collect = async (
    units: readonly { node: BlockKey; mode: 'own' | 'deep' }[],
    slicer: Slicer,
  ): Promise<Map<BlockKey, Found>> => {
    const found = new Map<BlockKey, Found>();
    // A block walked without any text left must still drop its old occurrences; blocks we never
    // painted need no entry (most blocks of a page).
    const onBlock = (key: BlockKey, block: Element) => {
      if (states.has(key) && !found.has(key)) found.set(key, { block, occurrences: [] });
    };
    for (const unit of units) {
      if (painter.mutatesDom) clearWithin(unit.node, unit.mode);
      for (const seg of walkSegments(unit.node, { mode: unit.mode, onShadowRoot, onBlock })) {
        if (!seg) {
          await slicer.check(); // a checkpoint: hundreds of nodes walked since the last
          continue;
        }
        let f = found.get(seg.key);
        if (!f) {
          f = { block: seg.block, occurrences: [] };
          found.set(seg.key, f);
        }
        const long = scanSegment(seg, f.occurrences, slicer);
        if (long) await long;
        if (slicer.due()) await slicer.check();
      }
    }
    return found;
  };

  /**
   * The DOM painter must unwrap before re-collecting: unwrapping merges Text nodes, which would
   * invalidate ranges collected over the wrapped nodes.
   */
  const clearWithin = (node: BlockKey, mode: 'own' | 'deep') => {
    if (mode === 'own') {
      replace(node, []);
      return;
    }
    if (node.nodeType === 1 && !(node as Element).querySelector('mark[data-termlight]')) {
      replace(node, []);
      return;
    }
    for (const key of [...states.keys()]) {
      if (key === node || node.contains(key.nodeType === 11 ? (key as ShadowRoot).host : key)) {
        replace(key, []);
      }
    }
  };

  const apply = async (entries: Iterable<[BlockKey, Found]>, slicer: Slicer) => {
    for (const [key, f] of entries) {
      replace(key, f.occurrences);
      if (slicer.due()) await slicer.check();
    }
  };

  /** Scans and paints whole groups (a key's occurrences are replaced at once). */
  const scanGroups = async (groups: Iterable<TextGroup>, slicer: Slicer) => {
    for (const g of groups) {
      const occurrences: Occurrence[] = [];
      for (const seg of g.segs) {
        const long = scanSegment(seg, occurrences, slicer);
        if (long) await long;
        if (slicer.due()) await slicer.check();
      }
      replace(g.key, occurrences);
      if (slicer.due()) await slicer.check();
    }
  };

  /**
   * Collects the page's text (no scanning yet), scans and paints the blocks in the viewport,
   * marks 'termlight:viewport', then does the rest: below the viewport first, then above it.
   */
  const initialPass = async (slicer: Slicer) => {
    mark(MARK_START);
    const html = doc.documentElement;
    if (!html) return;
    tracker.observe(doc);
    // Geometry is read just after a frame (see below). Asked for now, the frame usually comes
    // while the page's text is being collected, and costs no wait afterwards.
    const framed = doc.readyState === 'complete' ? null : afterNextFrame(doc.defaultView);
    // Only segments that may hold a match are built, grouped, measured and scanned: on most
    // pages a small share of them, picked by the matcher's native pre-filter during the walk.
    const walk = candidateSegments(html, matcher.mayMatch ?? mayHoldAnything, onShadowRoot);
    let step = walk.next();
    while (!step.done) {
      // Checkpoints come every few hundred nodes: reading the clock at each costs nothing next to
      // the walk, where `due()` (one read in eight) would let it run 4,096 nodes past the budget.
      await slicer.check();
      step = walk.next();
    }
    const groups: TextGroup[] = [];
    const byKey = new Map<BlockKey, TextGroup>();
    for (const seg of step.value) {
      const g = byKey.get(seg.key);
      if (g) g.segs.push(seg);
      else {
        const added = { key: seg.key, block: seg.block, segs: [seg] };
        byKey.set(seg.key, added);
        groups.push(added);
      }
    }
    // Geometry is read after a frame, when style and layout are clean: reading it earlier would
    // make us pay for the page's pending style and layout (tens of ms while a page loads) inside
    // our slice. A page that has finished loading has had its frames: nothing to wait for.
    if (framed && doc.readyState !== 'complete') await framed;
    await slicer.check();
    slicer.reset();
    const seen = viewportGroups(
      groups.map((g) => g.block),
      doc.defaultView,
    );
    if (slicer.due()) await slicer.check();
    await scanGroups(
      seen.map((i) => groups[i] as TextGroup),
      slicer,
    );
    mark(MARK_VIEWPORT);
    const first = seen[0] ?? groups.length;
    const inView = new Set(seen);
    // Below the viewport first (where the reader goes next), then above it.
    const rest = function* () {
      for (let i = first + 1; i < groups.length; i++) {
        if (!inView.has(i)) yield groups[i] as TextGroup;
      }
      for (let i = 0; i < first; i++) yield groups[i] as TextGroup;
    };
    // Off screen, so shown at the end at once (an abort disposes the painter anyway).
    painter.hold?.();
    try {
      await scanGroups(rest(), slicer);
    } finally {
      painter.release?.();
    }
  };

  const mutationPass = async (records: MutationRecord[], slicer: Slicer) => {
    const work = classifyRecords(records);
    if (work.removed) {
      for (const key of [...states.keys()]) {
        const connected =
          key.nodeType === 11 ? (key as ShadowRoot).host.isConnected : key.isConnected;
        if (!connected) replace(key, []);
      }
    }
    const units: { node: BlockKey; mode: 'own' | 'deep' }[] = [];
    for (const key of work.keys) units.push({ node: key, mode: 'own' });
    for (const root of work.roots) units.push({ node: root, mode: 'deep' });
    if (units.length === 0) return;
    const found = await collect(units, slicer);
    await apply(found, slicer);
  };

  const finishPass = () => {
    mark(MARK_IDLE, { occurrences: total });
    if (options.onChange) options.onChange(occurrences());
  };

  const run = async () => {
    const slicer = createSlicer(signal);
    try {
      if (!initialDone) {
        await initialPass(slicer);
        initialDone = true;
        finishPass();
      }
      for (;;) {
        for (const r of tracker.take()) queue.push(r);
        if (queue.length === 0) break;
        const records = queue;
        queue = [];
        await mutationPass(records, slicer);
        finishPass();
      }
    } catch (e) {
      if (!isAbortError(e)) console.error('[termlight] highlighter failed', e);
    } finally {
      busy = false;
    }
    if (!stopped && queue.length > 0) kick();
    else {
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const w of waiters) w();
    }
  };

  function kick() {
    if (busy || stopped) return;
    busy = true;
    // The first pass starts at once, in the task that started us (the content script's own); a
    // mutation pass starts on a fresh task, so a burst of mutation callbacks becomes one pass and
    // our first slice never lengthens the page's own task (its append, its render).
    if (!initialDone) void run();
    else void yieldToMain().then(run);
  }

  function occurrences(): readonly Occurrence[] {
    if (removedSinceOrder.size === 0 && addedSinceOrder.length === 0) return ordered;
    const removed = removedSinceOrder;
    const base = removed.size > 0 ? ordered.filter((o) => !removed.has(o)) : ordered;
    // Added occurrences arrive in walk order, usually already sorted: check before sorting.
    // Every comparison costs Blink a walk over sibling nodes (compareDocumentPosition), up to
    // thousands on a long feed, so the merge below compares neighbours wherever it can.
    const add = addedSinceOrder.filter((o) => !removed.has(o));
    let sorted = true;
    for (let k = 1; k < add.length && sorted; k++) {
      sorted = compareOccurrences(add[k - 1] as Occurrence, add[k] as Occurrence) < 0;
    }
    if (!sorted) add.sort(compareOccurrences);
    removedSinceOrder = new Set();
    addedSinceOrder = [];
    const last = base[base.length - 1];
    const first = add[0];
    if (!first || !last || compareOccurrences(last, first) < 0) {
      // Appended after everything (infinite scroll): no search at all.
      ordered = base.concat(add);
      return ordered;
    }
    // Merge by galloping from the last insertion point, then binary search: few comparisons,
    // and between nearby nodes.
    const out: Occurrence[] = [];
    let i = 0;
    for (const o of add) {
      let lo = i;
      let hi = i;
      let step = 1;
      while (hi < base.length && compareOccurrences(base[hi] as Occurrence, o) < 0) {
        lo = hi + 1;
        hi = i + step;
        step *= 2;
      }
      if (hi > base.length) hi = base.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (compareOccurrences(base[mid] as Occurrence, o) < 0) lo = mid + 1;
        else hi = mid;
      }
      while (i < lo) out.push(base[i++] as Occurrence);
      out.push(o);
    }
    while (i < base.length) out.push(base[i++] as Occurrence);
    ordered = out;
    return ordered;
  }

  const stop = () => {
    stopped = true;
    tracker.disconnect();
    painter.dispose();
    states.clear();
    total = 0;
    ordered = [];
    removedSinceOrder = new Set();
    addedSinceOrder = [];
    queue = [];
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const w of waiters) w();
  };

  if (signal.aborted) stop();
  else {
    signal.addEventListener('abort', stop, { once: true });
    kick();
  }

  return {
    occurrences,
    occurrenceAt(x, y) {
      if (stopped) return null;
      return hitTest(doc, x, y, { at: occurrencesAt }, shadowRoots);
    },
    occurrenceFor(node) {
      if (stopped) return null;
      const own = painter.occurrenceForNode?.(node);
      if (own) return own;
      if (node.nodeType === 3) return occurrencesAt(node as Text)[0] ?? null;
      // An element: its first text with an occurrence (e.g. a focused link around a term).
      const walker = doc.createTreeWalker(node, 4 /* SHOW_TEXT */);
      for (let t = walker.nextNode(); t; t = walker.nextNode()) {
        const hit = occurrencesAt(t as Text)[0];
        if (hit) return hit;
      }
      return null;
    },
    setStyle(next, colors) {
      if (!stopped) painter.setStyle(next, colors);
    },
    flash(o) {
      if (!stopped) paint(() => painter.flash(o));
    },
    setActive(o) {
      if (!stopped) paint(() => painter.setActive(o));
    },
    idle() {
      if (stopped) return Promise.resolve();
      for (const r of tracker.take()) queue.push(r);
      if (!busy && queue.length === 0 && initialDone) return Promise.resolve();
      return new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        kick();
      });
    },
  };
}

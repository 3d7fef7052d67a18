import { type BlockKey, rangeFor, type Segment, walkSegments } from './blocks';
import { hitTest } from './hit-test';
import { classifyRecords, createMutationTracker } from './mutations';
import { createCssPainter, supportsCssHighlights } from './painter-css';
import { createDomPainter, textNodesIn } from './painter-dom';
import { createSlicer, isAbortError, type Slicer } from './scheduler';
import type { Highlighter, HighlighterOptions, Occurrence, Painter } from './types';

export type { Highlighter, HighlighterOptions, Occurrence } from './types';

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
  const x = a.range.startContainer;
  const y = b.range.startContainer;
  if (x === y) return a.range.startOffset - b.range.startOffset;
  let p = x.compareDocumentPosition(y);
  if (p & 1 /* DISCONNECTED: different trees */) {
    const lx = liftToDocument(x);
    const ly = liftToDocument(y);
    if (lx === ly) return lx === x ? 1 : -1; // the shadow tree renders in place of light children
    p = lx.compareDocumentPosition(ly);
  }
  return p & 4 /* FOLLOWING */ ? -1 : 1;
}

function isVisible(block: Element, vw: number, vh: number): boolean {
  const r = block.getBoundingClientRect();
  return (r.width > 0 || r.height > 0) && r.bottom > 0 && r.right > 0 && r.top < vh && r.left < vw;
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

  const states = new Map<BlockKey, Occurrence[]>();
  const byText = new Map<Text, Occurrence[]>();
  const byRange = new Map<AbstractRange, Occurrence>();
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

  const index = (o: Occurrence) => {
    byRange.set(o.range, o);
    for (const t of textNodesIn(o.range)) {
      const list = byText.get(t);
      if (list) list.push(o);
      else byText.set(t, [o]);
    }
  };
  const unindex = (o: Occurrence) => {
    byRange.delete(o.range);
    for (const t of textNodesIn(o.range)) {
      const list = byText.get(t);
      if (!list) continue;
      const i = list.indexOf(o);
      if (i >= 0) list.splice(i, 1);
      if (list.length === 0) byText.delete(t);
    }
  };

  /** Replaces a block's occurrences; painting is incremental per block. */
  const replace = (key: BlockKey, next: readonly Occurrence[]) => {
    const prev = states.get(key);
    if (!prev && next.length === 0) return;
    paint(() => {
      if (prev) {
        for (const o of prev) {
          unindex(o);
          removedSinceOrder.add(o);
        }
        painter.remove(prev);
        states.delete(key);
        total -= prev.length;
      }
      if (next.length > 0) {
        painter.add(next);
        // The DOM painter re-points ranges at its marks, so index after painting.
        const kept = next.filter((o) => o.range.startContainer.isConnected);
        for (const o of kept) {
          index(o);
          addedSinceOrder.push(o);
        }
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

  const scanSegment = (seg: Segment, into: Occurrence[]) => {
    for (const m of matcher.scan(seg.text)) {
      into.push({
        id: m.id,
        range: rangeFor(seg, m.start, m.end),
        block: seg.block,
        text: seg.text.slice(m.start, m.end),
      });
    }
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
          if (slicer.due()) await slicer.check();
          continue;
        }
        let f = found.get(seg.key);
        if (!f) {
          f = { block: seg.block, occurrences: [] };
          found.set(seg.key, f);
        }
        scanSegment(seg, f.occurrences);
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

  const initialPass = async (slicer: Slicer) => {
    mark(MARK_START);
    const html = doc.documentElement;
    if (!html) return;
    tracker.observe(doc);
    const found = await collect([{ node: html, mode: 'deep' }], slicer);
    const view = doc.defaultView;
    const vw = view?.innerWidth ?? 0;
    const vh = view?.innerHeight ?? 0;
    const visible: [BlockKey, Found][] = [];
    const rest: [BlockKey, Found][] = [];
    // Measuring happens before any painting, so even the DOM painter reads a clean layout.
    for (const entry of found) {
      if (entry[1].occurrences.length === 0) continue;
      (isVisible(entry[1].block, vw, vh) ? visible : rest).push(entry);
      if (slicer.due()) await slicer.check();
    }
    await apply(visible, slicer);
    mark(MARK_VIEWPORT);
    await apply(rest, slicer);
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
    // Start on a fresh task so a burst of mutation callbacks becomes one pass.
    void Promise.resolve().then(run);
  }

  function occurrences(): readonly Occurrence[] {
    if (removedSinceOrder.size === 0 && addedSinceOrder.length === 0) return ordered;
    const removed = removedSinceOrder;
    const base = removed.size > 0 ? ordered.filter((o) => !removed.has(o)) : ordered;
    // Added occurrences arrive almost sorted (walk order), so this sort is nearly linear.
    const add = addedSinceOrder.filter((o) => !removed.has(o)).sort(compareOccurrences);
    removedSinceOrder = new Set();
    addedSinceOrder = [];
    // Merge by binary search: m log n comparisons instead of sorting everything again.
    const out: Occurrence[] = [];
    let i = 0;
    for (const o of add) {
      let lo = i;
      let hi = base.length;
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
    byText.clear();
    byRange.clear();
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
      return hitTest(doc, x, y, { byRange, byText }, shadowRoots);
    },
    occurrenceFor(node) {
      if (stopped) return null;
      const own = painter.occurrenceForNode?.(node);
      if (own) return own;
      if (node.nodeType === 3) return byText.get(node as Text)?.[0] ?? null;
      // An element: its first text with an occurrence (e.g. a focused link around a term).
      const walker = doc.createTreeWalker(node, 4 /* SHOW_TEXT */);
      for (let t = walker.nextNode(); t; t = walker.nextNode()) {
        const hit = byText.get(t as Text);
        if (hit?.[0]) return hit[0];
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

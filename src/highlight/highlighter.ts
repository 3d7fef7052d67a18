import { detectLanguage, textMask } from '../matcher';
import { MARK, mark } from '../util/marks';
import { SHOW_TEXT, TEXT_NODE } from '../util/nodes';
import { type BlockStates, createBlockStates } from './block-states';
import { createContextGate } from './context-gate';
import { hitTest } from './hit-test';
import { createLanguageReader } from './language';
import { createMutationTracker, type MutationTracker } from './mutations';
import { createCssPainter, supportsCssHighlights } from './painter-css';
import { createDomPainter } from './painter-dom';
import { initialPass, mutationPass, type PassContext } from './passes';
import { createRunner, type Runner } from './runner';
import type { Highlighter, HighlighterOptions, Matcher, Occurrence, Painter } from './types';

export type { Highlighter, HighlighterOptions, Occurrence } from './types';

/** Whether the page's title names a term that needs no context (then the page is about it). */
function titleContext(doc: Document, matcher: Matcher): boolean {
  const title = doc.title ?? '';
  if (!title || !matcher.mayMatch(title)) return false;
  const lang = detectLanguage(title, doc.documentElement?.getAttribute('lang') ?? null);
  return matcher.scan(title, textMask(lang)).some((m) => !m.gated);
}

/** The occurrence a node shows: a painter's own node, a Text node's first, an element's first. */
function occurrenceForNode(
  doc: Document,
  painter: Painter,
  states: BlockStates,
  node: Node,
): Occurrence | null {
  const own = painter.occurrenceForNode(node);
  if (own) return own;
  if (node.nodeType === TEXT_NODE) return states.at(node as Text)[0] ?? null;
  // An element: its first text with an occurrence (e.g. a focused link around a term).
  const walker = doc.createTreeWalker(node, SHOW_TEXT);
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    const hit = states.at(t as Text)[0];
    if (hit) return hit;
  }
  return null;
}

/** What a highlighter's methods work on. */
interface Engine {
  readonly doc: Document;
  readonly painter: Painter;
  readonly states: BlockStates;
  /** Open shadow roots met, observed and styled once each. */
  readonly shadowRoots: ShadowRoot[];
  /** Runs painting work, unobserved when the painter changes the DOM. */
  readonly paint: (fn: () => void) => void;
  stopped: boolean;
  /** Each entry's first occurrence in reading order, when only first mentions are painted. */
  firsts: Set<Occurrence> | null;
}

function choosePainter(options: HighlighterOptions): Painter {
  const { root: doc, categoryOf } = options;
  const useCss = options.painter ? options.painter === 'css' : supportsCssHighlights(doc);
  const style = options.style ?? 'background';
  return useCss
    ? createCssPainter(doc, categoryOf, style, options.colors, options.isKnown)
    : createDomPainter(doc, categoryOf, style, options.colors, options.isKnown);
}

/** Paints only each entry's first occurrence in reading order. */
function keepFirsts(e: Engine): void {
  const seen = new Set<string>();
  const firsts = new Set<Occurrence>();
  e.firsts = firsts;
  for (const o of e.states.ordered()) {
    if (seen.has(o.id)) continue;
    seen.add(o.id);
    firsts.add(o);
  }
  e.painter.refilter?.((o) => firsts.has(o));
}

function passContext(e: Engine, matcher: Matcher, tracker: MutationTracker): PassContext {
  const { doc, painter, states, shadowRoots } = e;
  const languageOf = createLanguageReader(doc);
  const gate = createContextGate(titleContext(doc, matcher), (held) => {
    for (const [key, occurrences] of held) states.replace(key, occurrences);
  });
  return {
    doc,
    matcher,
    painter,
    states,
    languageOf,
    gate,
    onShadowRoot(sr) {
      if (shadowRoots.includes(sr)) return;
      shadowRoots.push(sr);
      tracker.observe(sr);
      painter.adoptInto(sr);
    },
  };
}

function highlighterOf(e: Engine, runner: Runner): Highlighter {
  const { doc, painter, states, shadowRoots, paint } = e;
  return {
    occurrences: () => states.ordered(),
    counts: () => states.counts(),
    occurrenceAt(x, y) {
      if (e.stopped) return null;
      const hit = hitTest(doc, x, y, states, shadowRoots);
      return hit && e.firsts && !e.firsts.has(hit) ? null : hit;
    },
    occurrenceFor(node) {
      return e.stopped ? null : occurrenceForNode(doc, painter, states, node);
    },
    setStyle(next, colors) {
      if (!e.stopped) painter.setStyle(next, colors);
    },
    flash(o) {
      if (!e.stopped) paint(() => painter.flash(o));
    },
    setActive(o) {
      if (!e.stopped) paint(() => painter.setActive(o));
    },
    idle: () => runner.idle(),
  };
}

/**
 * Starts highlighting a document: an initial sliced pass (viewport first), then incremental
 * passes driven by one batched MutationObserver. Everything stops when `signal` aborts.
 */
export function startHighlighter(options: HighlighterOptions): Highlighter {
  const { root: doc, matcher, signal } = options;
  const painter = choosePainter(options);
  const tracker = createMutationTracker(doc, (records) => runner.push(records));
  const paint = (fn: () => void) => (painter.mutatesDom ? tracker.quiet(fn) : fn());
  const states = createBlockStates(painter, paint);
  const e: Engine = { doc, painter, states, shadowRoots: [], paint, stopped: false, firsts: null };
  const ctx = passContext(e, matcher, tracker);
  const runner = createRunner({
    signal,
    initial: (slicer) => initialPass(ctx, slicer),
    mutations: (records, slicer) => mutationPass(ctx, records, slicer),
    pending: () => tracker.take(),
    afterPass() {
      if (options.firstMentionOnly && painter.refilter) keepFirsts(e);
      mark(MARK.idle, { occurrences: states.total });
      options.onChange?.();
    },
  });

  const stop = () => {
    e.stopped = true;
    tracker.disconnect();
    painter.dispose();
    states.clear();
    runner.stop();
  };

  if (signal.aborted) stop();
  else {
    signal.addEventListener('abort', stop, { once: true });
    runner.start();
  }
  return highlighterOf(e, runner);
}

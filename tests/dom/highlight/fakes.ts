import type { Category } from '../../../src/glossary/schema';
import { startHighlighter } from '../../../src/highlight/highlighter';
import type { Segment } from '../../../src/highlight/segment';
import type { Highlighter, HighlighterOptions } from '../../../src/highlight/types';
import { type WalkOptions, walkSegments } from '../../../src/highlight/walk';
import { compileMatcher } from '../../../src/matcher';

// Test-only stand-ins for APIs happy-dom lacks (StaticRange, Highlight, CSS.highlights).
// Production code never ships these.

export class FakeStaticRange {
  readonly startContainer: Node;
  readonly startOffset: number;
  readonly endContainer: Node;
  readonly endOffset: number;
  readonly collapsed: boolean;
  constructor(init: StaticRangeInit) {
    this.startContainer = init.startContainer;
    this.startOffset = init.startOffset;
    this.endContainer = init.endContainer;
    this.endOffset = init.endOffset;
    this.collapsed =
      init.startContainer === init.endContainer && init.startOffset === init.endOffset;
  }
}

export class FakeHighlight extends Set<AbstractRange> {
  priority = 0;
  type = 'highlight';
  constructor(...ranges: AbstractRange[]) {
    super(ranges);
  }
}

export class FakeHighlightRegistry extends Map<string, FakeHighlight> {}

/** Installs the fakes on the test window; returns the registry. `css: false` leaves CSS.highlights out. */
export function installFakes(options: { css?: boolean } = {}): FakeHighlightRegistry {
  const g = globalThis as unknown as Record<string, unknown>;
  g.StaticRange = FakeStaticRange;
  const registry = new FakeHighlightRegistry();
  const css = (g.CSS as Record<string, unknown> | undefined) ?? {};
  g.CSS = css;
  if (options.css === false) {
    delete css.highlights;
    delete g.Highlight;
  } else {
    css.highlights = registry;
    g.Highlight = FakeHighlight;
  }
  return registry;
}

/** Text of a range, for assertions (ranges over several Text nodes included). */
export function rangeText(r: AbstractRange): string {
  const live = document.createRange();
  live.setStart(r.startContainer, r.startOffset);
  live.setEnd(r.endContainer, r.endOffset);
  return live.toString();
}

/** The real matcher over a few terms, recording every text it scans. */
export function spyMatcher(terms: Record<string, string[]>) {
  const matcher = compileMatcher(Object.entries(terms).map(([id, forms]) => ({ id, forms })));
  const calls: string[] = [];
  return {
    calls,
    formCount: matcher.formCount,
    scan(text: string) {
      calls.push(text);
      return matcher.scan(text);
    },
    scanPart: matcher.scanPart,
    // Every run reaches scan(), so tests can count what each pass read.
    mayMatch: () => true,
  };
}

export const TERMS: Record<string, string[]> = {
  'intelligence-sharing': ['intelligence sharing', 'shared intelligence'],
  'defense-cooperation': ['defense cooperation', 'defence cooperation'],
  'defense-cooperation-agreement': ['defense cooperation agreement'],
  nato: ['NATO'],
  'bilateral-defense-agreement': ['bilateral defence agreement', 'bilateral defense agreement'],
};

export const CATEGORY: Record<string, Category> = {
  'intelligence-sharing': 'cooperation',
  'defense-cooperation': 'cooperation',
  'defense-cooperation-agreement': 'agreement',
  nato: 'organisation',
  'bilateral-defense-agreement': 'agreement',
};

export const categoryOf = (id: string): Category => CATEGORY[id] ?? 'strategy';

/**
 * A controllable IntersectionObserver (happy-dom computes no layout): `report` tells every live
 * observer which of its targets are near the viewport.
 */
export class FakeIntersectionObserver {
  static live = new Set<FakeIntersectionObserver>();
  readonly targets = new Set<Element>();
  constructor(private readonly callback: IntersectionObserverCallback) {
    FakeIntersectionObserver.live.add(this);
  }
  observe(el: Element) {
    this.targets.add(el);
  }
  unobserve(el: Element) {
    this.targets.delete(el);
  }
  disconnect() {
    this.targets.clear();
    FakeIntersectionObserver.live.delete(this);
  }
  takeRecords() {
    return [];
  }
  static report(isNear: (el: Element) => boolean) {
    for (const io of FakeIntersectionObserver.live) {
      const entries = [...io.targets].map(
        (target) => ({ target, isIntersecting: isNear(target) }) as IntersectionObserverEntry,
      );
      io.callback(entries, io as unknown as IntersectionObserver);
    }
  }
}

export function installFakeIntersectionObserver(): typeof FakeIntersectionObserver {
  FakeIntersectionObserver.live.clear();
  (globalThis as unknown as Record<string, unknown>).IntersectionObserver =
    FakeIntersectionObserver;
  return FakeIntersectionObserver;
}

/**
 * Starts a highlighter on the test document with the spy matcher over TERMS and waits until it is
 * idle. `extra` overrides any option (painter, style, matcher).
 */
export async function startTestHighlighter(
  signal: AbortSignal,
  extra: Partial<HighlighterOptions> = {},
): Promise<Highlighter> {
  const h = startHighlighter({
    root: document,
    matcher: spyMatcher(TERMS),
    categoryOf,
    signal,
    painter: 'css',
    ...extra,
  });
  await h.idle();
  return h;
}

/** Runs a walk to its end in one go and returns its segments. */
export function segmentsOf(
  start: Element | ShadowRoot | Document,
  options: WalkOptions = {},
): Segment[] {
  const walk = walkSegments(start, options);
  let step = walk.next();
  while (!step.done) step = walk.next();
  return step.value;
}

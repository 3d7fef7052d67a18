import type { Match } from '../matcher';
import { MARK, mark } from '../util/marks';
import { ELEMENT_NODE, hostOrSelf } from '../util/nodes';
import type { BlockStates } from './block-states';
import type { BlockKey } from './blocks';
import type { ContextGate } from './context-gate';
import { classifyRecords } from './mutations';
import type { Slicer } from './scheduler';
import { occurrenceIn, type Segment } from './segment';
import { MARK_ATTRIBUTE } from './styles';
import type { Matcher, Occurrence, Painter } from './types';
import { afterNextFrame, viewportGroups } from './viewport';
import { walkSegments } from './walk';

/** Characters per matcher call in a very long block, so one block never makes a long task. */
export const PART_CHARS = 2000;

/** What the passes work with; one set per highlighter. */
export interface PassContext {
  doc: Document;
  matcher: Matcher;
  painter: Painter;
  states: BlockStates;
  /** Which languages' forms may match in a segment (language.ts). */
  languageOf(seg: Segment): number;
  gate: ContextGate;
  onShadowRoot(root: ShadowRoot): void;
}

/** Where one block's scan puts what it finds: occurrences, and those that need context. */
interface Found {
  occurrences: Occurrence[];
  gated: Set<Occurrence>;
}

function push(seg: Segment, matches: readonly Match[], into: Found) {
  for (const m of matches) {
    const o = occurrenceIn(seg, m.start, m.end, m.id);
    into.occurrences.push(o);
    if (m.gated) into.gated.add(o);
  }
}

/** A block key's text segments, in the order the walk met them. */
interface TextGroup {
  key: BlockKey;
  block: Element;
  segs: Segment[];
}

/** A very long segment, scanned in parts with a budget check between them. */
async function scanLong(
  matcher: Matcher,
  seg: Segment,
  langs: number,
  into: Found,
  slicer: Slicer,
) {
  const text = seg.text;
  for (let from = 0; from < text.length; ) {
    // Each part is real work (thousands of characters): read the clock every time.
    await slicer.check();
    const part = matcher.scanPart(text, from, PART_CHARS, langs);
    push(seg, part.matches, into);
    from = part.next;
  }
}

/** Scans one segment into `into`; a promise only for very long text (the common case stays sync). */
function scanSegment(
  ctx: PassContext,
  seg: Segment,
  into: Found,
  slicer: Slicer,
): Promise<void> | undefined {
  const langs = ctx.languageOf(seg);
  if (seg.text.length > PART_CHARS * 2) return scanLong(ctx.matcher, seg, langs, into, slicer);
  push(seg, ctx.matcher.scan(seg.text, langs), into);
  return undefined;
}

/** Scans and paints whole groups: a key's occurrences are replaced at once. */
async function scanGroups(ctx: PassContext, groups: Iterable<TextGroup>, slicer: Slicer) {
  for (const g of groups) {
    const found: Found = { occurrences: [], gated: new Set() };
    for (const seg of g.segs) {
      const long = scanSegment(ctx, seg, found, slicer);
      if (long) await long;
      if (slicer.due()) await slicer.check();
    }
    ctx.states.replace(g.key, ctx.gate.admit(g.key, found.occurrences, found.gated));
    if (slicer.due()) await slicer.check();
  }
}

/** Runs a walk to its end, yielding to the page at its checkpoints. */
async function drain(walk: Generator<null, Segment[]>, slicer: Slicer): Promise<Segment[]> {
  let step = walk.next();
  while (!step.done) {
    // Checkpoints come every few hundred nodes: reading the clock at each costs nothing next to
    // the walk, where `due()` (one read in eight) would let it run thousands of nodes over.
    await slicer.check();
    step = walk.next();
  }
  return step.value;
}

function groupByKey(segs: readonly Segment[]): TextGroup[] {
  const groups: TextGroup[] = [];
  const byKey = new Map<BlockKey, TextGroup>();
  for (const seg of segs) {
    const g = byKey.get(seg.key);
    if (g) g.segs.push(seg);
    else {
      const added = { key: seg.key, block: seg.block, segs: [seg] };
      byKey.set(seg.key, added);
      groups.push(added);
    }
  }
  return groups;
}

/** Below the viewport first (where the reader goes next), then above it. */
function* restOf(groups: readonly TextGroup[], seen: readonly number[]) {
  const first = seen[0] ?? groups.length;
  const inView = new Set(seen);
  for (let i = first + 1; i < groups.length; i++) {
    if (!inView.has(i)) yield groups[i] as TextGroup;
  }
  for (let i = 0; i < first; i++) yield groups[i] as TextGroup;
}

/**
 * The first pass: collects the page's text (only the runs the matcher's pre-filter lets
 * through), scans and paints the blocks in the viewport, marks it, then does the rest.
 */
export async function initialPass(ctx: PassContext, slicer: Slicer): Promise<void> {
  mark(MARK.start);
  const { doc } = ctx;
  if (!doc.documentElement) return;
  // Geometry is read just after a frame. Asked for now, the frame usually comes while the
  // page's text is being collected, and costs no wait afterwards.
  const framed = doc.readyState === 'complete' ? null : afterNextFrame(doc.defaultView);
  const walk = walkSegments(doc, {
    mayHold: ctx.matcher.mayMatch,
    onShadowRoot: ctx.onShadowRoot,
  });
  const groups = groupByKey(await drain(walk, slicer));
  // Reading geometry earlier would make us pay for the page's pending style and layout (tens
  // of ms while a page loads) inside our slice. A loaded page has had its frames.
  if (framed && doc.readyState !== 'complete') await framed;
  await slicer.check();
  slicer.reset();
  const seen = viewportGroups(
    groups.map((g) => g.block),
    doc.defaultView,
  );
  if (slicer.due()) await slicer.check();
  await scanGroups(
    ctx,
    seen.map((i) => groups[i] as TextGroup),
    slicer,
  );
  mark(MARK.viewport);
  // Off screen, so shown at the end at once (an abort disposes the painter anyway).
  ctx.painter.hold();
  try {
    await scanGroups(ctx, restOf(groups, seen), slicer);
  } finally {
    ctx.painter.release();
  }
}

/**
 * The DOM painter must unwrap before re-collecting: unwrapping merges Text nodes, which would
 * invalidate ranges collected over the wrapped nodes.
 */
function clearWithin(states: BlockStates, node: BlockKey, mode: 'own' | 'deep') {
  if (mode === 'own') {
    states.replace(node, []);
    return;
  }
  if (
    node.nodeType === ELEMENT_NODE &&
    !(node as Element).querySelector(`mark[${MARK_ATTRIBUTE}]`)
  ) {
    states.replace(node, []);
    return;
  }
  for (const key of states.keys()) {
    if (key === node || node.contains(hostOrSelf(key))) states.replace(key, []);
  }
}

/** Re-scans what a batch of mutation records changed: edited blocks, added subtrees. */
export async function mutationPass(
  ctx: PassContext,
  records: readonly MutationRecord[],
  slicer: Slicer,
): Promise<void> {
  const { states } = ctx;
  const work = classifyRecords(records);
  if (work.removed) states.dropDisconnected();
  const units: { node: BlockKey; mode: 'own' | 'deep' }[] = [];
  for (const key of work.keys) units.push({ node: key, mode: 'own' });
  for (const root of work.roots) units.push({ node: root, mode: 'deep' });
  const found = new Map<BlockKey, TextGroup>();
  // A block walked without any text left must still drop its old occurrences; blocks we never
  // painted need no entry (most blocks of a page).
  const onBlock = (key: BlockKey, block: Element) => {
    if (states.has(key) && !found.has(key)) found.set(key, { key, block, segs: [] });
  };
  for (const unit of units) {
    if (ctx.painter.mutatesDom) clearWithin(states, unit.node, unit.mode);
    const walk = walkSegments(unit.node, {
      mode: unit.mode,
      mayHold: ctx.matcher.mayMatch,
      onShadowRoot: ctx.onShadowRoot,
      onBlock,
    });
    for (const seg of await drain(walk, slicer)) {
      const g = found.get(seg.key);
      if (g) g.segs.push(seg);
      else found.set(seg.key, { key: seg.key, block: seg.block, segs: [seg] });
    }
  }
  await scanGroups(ctx, found.values(), slicer);
}

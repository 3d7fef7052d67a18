import { existingRange } from './occurrence';
import type { Occurrence } from './types';

const TEXT_NODE = 3;
/** Pointer coordinates are fractional and glyph boxes tight; a pixel of slack avoids flicker. */
const SLOP = 1;

export interface HitIndex {
  /** The occurrences whose range covers Text node `t` (usually none or one). */
  at(t: Text): readonly Occurrence[];
}

interface HighlightHit {
  highlight?: Highlight;
  ranges?: AbstractRange[];
}

type FromPoint = (x: number, y: number, options?: { shadowRoots?: ShadowRoot[] }) => unknown[];

function fromHighlightRegistry(doc: Document, x: number, y: number, index: HitIndex) {
  const registry = (doc.defaultView as (Window & typeof globalThis) | null)?.CSS?.highlights as
    | (HighlightRegistry & { highlightsFromPoint?: FromPoint })
    | undefined;
  if (!registry || typeof registry.highlightsFromPoint !== 'function') return undefined;
  const hits = registry.highlightsFromPoint(x, y) as HighlightHit[];
  let sawRanges = false;
  for (const hit of hits) {
    // Early implementations returned bare Highlight objects, without ranges: fall back then.
    if (!hit || !Array.isArray(hit.ranges)) continue;
    sawRanges = true;
    for (const r of hit.ranges) {
      if (r.startContainer.nodeType !== TEXT_NODE) continue;
      const o = index.at(r.startContainer as Text).find((c) => existingRange(c) === r);
      if (o) return o;
    }
  }
  return sawRanges ? null : undefined;
}

/** The Text node and offset under the point, via whichever caret API the browser has. */
export function caretAt(
  doc: Document,
  x: number,
  y: number,
  shadowRoots: ShadowRoot[] = [],
): { node: Node; offset: number } | null {
  const d = doc as Document & {
    caretPositionFromPoint?: (
      x: number,
      y: number,
      o?: { shadowRoots?: ShadowRoot[] },
    ) => CaretPosition | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (typeof d.caretPositionFromPoint === 'function') {
    const p = d.caretPositionFromPoint(x, y, { shadowRoots });
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const r = d.caretRangeFromPoint(x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : null;
  }
  return null;
}

/** True when one of the range's line boxes contains the point. */
export function rangeContainsPoint(doc: Document, range: AbstractRange, x: number, y: number) {
  const live = doc.createRange();
  try {
    live.setStart(range.startContainer, range.startOffset);
    live.setEnd(range.endContainer, range.endOffset);
  } catch {
    return false; // stale offsets after a page edit
  }
  for (const r of live.getClientRects()) {
    if (x >= r.left - SLOP && x <= r.right + SLOP && y >= r.top - SLOP && y <= r.bottom + SLOP) {
      return true;
    }
  }
  return false;
}

/**
 * The occurrence under client point (x, y). `highlightsFromPoint` answers directly where it
 * exists; otherwise the caret position names a Text node, the index gives its few occurrences,
 * and their rectangles decide (a caret snaps to the nearest character even beside the text).
 */
export function hitTest(
  doc: Document,
  x: number,
  y: number,
  index: HitIndex,
  shadowRoots: ShadowRoot[] = [],
): Occurrence | null {
  const direct = fromHighlightRegistry(doc, x, y, index);
  if (direct !== undefined) return direct;
  const caret = caretAt(doc, x, y, shadowRoots);
  if (!caret || caret.node.nodeType !== TEXT_NODE) return null;
  for (const o of index.at(caret.node as Text)) {
    if (rangeContainsPoint(doc, o.range, x, y)) return o;
  }
  return null;
}

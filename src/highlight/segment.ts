import type { BlockKey } from './blocks';
import { FoundOccurrence } from './occurrence';

/** A run of text the reader sees as one, inside one block: what the matcher scans. */
export interface Segment {
  key: BlockKey;
  /** The element reported as the occurrence's block (the host for a shadow root key). */
  block: Element;
  nodes: Text[];
  /** Offset of each node's first character in `text`. */
  starts: number[];
  /** Each node's text when the segment was built; `text` is their concatenation. */
  parts: readonly string[];
  text: string;
}

/** Index of the node containing offset `pos` (for a start: pos < end of node). */
function nodeIndexAt(starts: readonly number[], pos: number, preferEarlier: boolean): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const s = starts[mid] as number;
    if (s < pos || (!preferEarlier && s === pos)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The occurrence of entry `id` at [start, end) of a segment's text, over its Text nodes: an end
 * at a node boundary stays in the earlier node, so it never starts or ends in a node it does not
 * cover. Its text is cut from the node texts: an occurrence keeps its text for as long as it
 * lives, and a slice of `seg.text` could keep the whole page's text alive with it.
 */
export function occurrenceIn(
  seg: Segment,
  start: number,
  end: number,
  id: string,
): FoundOccurrence {
  const si = nodeIndexAt(seg.starts, start, false);
  const ei = nodeIndexAt(seg.starts, end, true);
  const so = start - (seg.starts[si] as number);
  const eo = end - (seg.starts[ei] as number);
  const first = seg.parts[si] as string;
  let text: string;
  if (si === ei) text = first.slice(so, eo);
  else {
    text = first.slice(so);
    for (let k = si + 1; k < ei; k++) text += seg.parts[k] as string;
    text += (seg.parts[ei] as string).slice(0, eo);
  }
  return new FoundOccurrence(
    id,
    seg.block,
    text,
    seg.nodes[si] as Text,
    so,
    seg.nodes[ei] as Text,
    eo,
  );
}

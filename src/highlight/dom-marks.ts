import { TEXT_NODE } from '../util/nodes';
import { textNodesIn } from './blocks';

/** One wrapped piece of an occurrence: the mark and the Text node inside it. */
export interface Piece {
  mark: HTMLElement;
  mid: Text;
}

/** Text nodes created by our splitText calls: each must merge into its previous sibling. */
export type SplitTexts = WeakSet<Text>;

function split(t: Text, offset: number, ours: SplitTexts): Text {
  const rest = t.splitText(offset);
  ours.add(rest);
  return rest;
}

/**
 * Wraps each Text-node piece of `range` in a mark from `makeMark`; returns the pieces in document
 * order, none for a stale range (the page changed meanwhile: the next mutation pass rescans).
 */
export function wrapRange(range: StaticRange, makeMark: () => HTMLElement, ours: SplitTexts) {
  const { startContainer, startOffset, endContainer, endOffset } = range;
  const made: Piece[] = [];
  const nodes = textNodesIn(range);
  if (nodes.length === 0) return made;
  if (!startContainer.isConnected || endOffset > (endContainer as Text).length) return made;
  // Last piece first, so splitting never shifts the offsets of pieces still to wrap.
  for (let i = nodes.length - 1; i >= 0; i--) {
    const t = nodes[i] as Text;
    const s = t === startContainer ? startOffset : 0;
    const e = t === endContainer ? endOffset : t.length;
    if (e <= s) continue;
    if (e < t.length) split(t, e, ours);
    const mid = s > 0 ? split(t, s, ours) : t;
    const mark = makeMark();
    mid.parentNode?.insertBefore(mark, mid);
    mark.appendChild(mid);
    made.unshift({ mark, mid });
  }
  return made;
}

/** Removes a piece's mark and merges the Text nodes our splits made, so the page is as before. */
export function unwrapPiece({ mark, mid }: Piece, ours: SplitTexts): void {
  const parent = mark.parentNode;
  if (!parent) return;
  while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
  parent.removeChild(mark);
  if (mid.parentNode !== parent) return;
  const next = mid.nextSibling;
  if (next && next.nodeType === TEXT_NODE && ours.has(next as Text)) {
    mid.appendData((next as Text).data);
    ours.delete(next as Text);
    parent.removeChild(next);
  }
  const prev = mid.previousSibling;
  if (ours.has(mid) && prev && prev.nodeType === TEXT_NODE) {
    (prev as Text).appendData(mid.data);
    ours.delete(mid);
    parent.removeChild(mid);
  }
}

import { ELEMENT_NODE, TEXT_NODE } from '../util/nodes';
import { textNodesIn } from './blocks';
import { FLASH_MS } from './painter-css';
import {
  ACTIVE_NAME,
  createPainterStyles,
  FLASH_NAME,
  HIGHLIGHT_PREFIX,
  MARK_ATTRIBUTE,
  MARK_CLASS,
  UNDERLINE_CLASS,
} from './styles';
import type { CreatePainter, Occurrence } from './types';

interface Piece {
  mark: HTMLElement;
  mid: Text;
}

/**
 * Fallback painter for browsers without CSS.highlights: wraps each matched piece of a Text node
 * in `<mark data-termlight class="termlight termlight-<category>">`. Removal restores the page
 * exactly: the Text nodes it split are merged back, so the serialization is identical.
 */
export const createDomPainter: CreatePainter = (doc, categoryOf, style = 'background', colors) => {
  const pieces = new Map<Occurrence, Piece[]>();
  const markOwner = new WeakMap<Element, Occurrence>();
  // Text nodes created by our splitText calls: each must merge into its previous sibling.
  const ours = new WeakSet<Text>();
  // Default mark rules come from the content script's manifest CSS; this adds custom colours only.
  const styles = createPainterStyles(doc, colors);
  let currentStyle = style;
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let active: Occurrence | null = null;

  const split = (t: Text, offset: number): Text => {
    const rest = t.splitText(offset);
    ours.add(rest);
    return rest;
  };

  const wrap = (o: Occurrence): void => {
    const { startContainer, startOffset, endContainer, endOffset } = o.range;
    const nodes = textNodesIn(o.range);
    if (nodes.length === 0) return;
    // Stale ranges (the page changed meanwhile) are skipped; the next mutation pass rescans.
    if (!startContainer.isConnected || endOffset > (endContainer as Text).length) return;
    const category = categoryOf(o.id);
    const made: Piece[] = [];
    // Last piece first, so splitting never shifts the offsets of pieces still to wrap.
    for (let i = nodes.length - 1; i >= 0; i--) {
      const t = nodes[i] as Text;
      const s = t === startContainer ? startOffset : 0;
      const e = t === endContainer ? endOffset : t.length;
      if (e <= s) continue;
      if (e < t.length) split(t, e);
      const mid = s > 0 ? split(t, s) : t;
      const mark = doc.createElement('mark');
      mark.setAttribute(MARK_ATTRIBUTE, o.id);
      mark.className = `${MARK_CLASS} ${HIGHLIGHT_PREFIX}${category}`;
      if (currentStyle === 'underline') mark.classList.add(UNDERLINE_CLASS);
      mid.parentNode?.insertBefore(mark, mid);
      mark.appendChild(mid);
      markOwner.set(mark, o);
      made.unshift({ mark, mid });
    }
    if (made.length === 0) return;
    pieces.set(o, made);
    const a = made[0] as Piece;
    const b = made[made.length - 1] as Piece;
    // The occurrence now covers exactly the wrapped Text nodes.
    o.range = new StaticRange({
      startContainer: a.mid,
      startOffset: 0,
      endContainer: b.mid,
      endOffset: b.mid.length,
    });
  };

  const unwrapPiece = ({ mark, mid }: Piece): void => {
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
  };

  const unwrap = (o: Occurrence): void => {
    const made = pieces.get(o);
    if (!made) return;
    pieces.delete(o);
    if (active === o) active = null;
    for (let i = made.length - 1; i >= 0; i--) unwrapPiece(made[i] as Piece);
  };

  const setClass = (o: Occurrence, cls: string, on: boolean) => {
    for (const p of pieces.get(o) ?? []) p.mark.classList.toggle(cls, on);
  };

  return {
    mutatesDom: true,
    // Marks show as they are made; the browser has no registry of ranges to re-validate.
    hold() {},
    release() {},
    add(occurrences) {
      for (let i = occurrences.length - 1; i >= 0; i--) wrap(occurrences[i] as Occurrence);
    },
    remove(occurrences) {
      // Newest first mirrors wrapping order; merging also works in any order.
      for (let i = occurrences.length - 1; i >= 0; i--) unwrap(occurrences[i] as Occurrence);
    },
    setStyle(next, nextColors) {
      styles.setColors(nextColors);
      if (next === currentStyle) return;
      currentStyle = next;
      for (const list of pieces.values()) {
        for (const p of list) p.mark.classList.toggle(UNDERLINE_CLASS, next === 'underline');
      }
    },
    flash(o) {
      setClass(o, FLASH_NAME, true);
      const t = setTimeout(() => {
        timers.delete(t);
        setClass(o, FLASH_NAME, false);
      }, FLASH_MS);
      timers.add(t);
    },
    setActive(o) {
      if (active) setClass(active, ACTIVE_NAME, false);
      active = o;
      if (o) setClass(o, ACTIVE_NAME, true);
    },
    adoptInto(root) {
      styles.adoptInto(root);
    },
    occurrenceForNode(node) {
      let n: Node | null = node;
      while (n) {
        if (n.nodeType === ELEMENT_NODE) {
          const owner = markOwner.get(n as Element);
          if (owner && pieces.has(owner)) return owner;
        }
        n = n.parentNode;
      }
      return null;
    },
    dispose() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      // The flash/active classes live on our marks, so unwrapping removes them too.
      const all = [...pieces.keys()];
      for (let i = all.length - 1; i >= 0; i--) unwrap(all[i] as Occurrence);
      styles.dispose();
    },
  };
};

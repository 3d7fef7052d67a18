import { ELEMENT_NODE } from '../util/nodes';
import { type Piece, type SplitTexts, unwrapPiece, wrapRange } from './dom-marks';
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

/** The occurrence whose mark holds `node` (or is it), while that occurrence is painted. */
function markedOccurrence(
  node: Node,
  markOwner: WeakMap<Element, Occurrence>,
  pieces: Map<Occurrence, Piece[]>,
): Occurrence | null {
  let n: Node | null = node;
  while (n) {
    if (n.nodeType === ELEMENT_NODE) {
      const owner = markOwner.get(n as Element);
      if (owner && pieces.has(owner)) return owner;
    }
    n = n.parentNode;
  }
  return null;
}

/**
 * Fallback painter for browsers without CSS.highlights: wraps each matched piece of a Text node
 * in `<mark data-termlight class="termlight termlight-<category>">`. Removal restores the page
 * exactly: the Text nodes it split are merged back, so the serialization is identical.
 */
export const createDomPainter: CreatePainter = (doc, categoryOf, style = 'background', colors) => {
  const pieces = new Map<Occurrence, Piece[]>();
  const markOwner = new WeakMap<Element, Occurrence>();
  const ours: SplitTexts = new WeakSet();
  // Default mark rules come from the content script's manifest CSS; this adds custom colours only.
  const styles = createPainterStyles(doc, colors);
  let currentStyle = style;
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let active: Occurrence | null = null;

  const wrap = (o: Occurrence): void => {
    const makeMark = () => {
      const mark = doc.createElement('mark');
      mark.setAttribute(MARK_ATTRIBUTE, o.id);
      mark.className = `${MARK_CLASS} ${HIGHLIGHT_PREFIX}${categoryOf(o.id)}`;
      if (currentStyle === 'underline') mark.classList.add(UNDERLINE_CLASS);
      return mark;
    };
    const made = wrapRange(o.range, makeMark, ours);
    if (made.length === 0) return;
    for (const piece of made) markOwner.set(piece.mark, o);
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

  const unwrap = (o: Occurrence): void => {
    const made = pieces.get(o);
    if (!made) return;
    pieces.delete(o);
    if (active === o) active = null;
    for (let i = made.length - 1; i >= 0; i--) unwrapPiece(made[i] as Piece, ours);
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
    occurrenceForNode: (node) => markedOccurrence(node, markOwner, pieces),
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

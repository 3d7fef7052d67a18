import { ELEMENT_NODE } from '../util/nodes';
import { type Piece, type SplitTexts, unwrapPiece, wrapRange } from './dom-marks';
import { createPainterBase, definePainter, nothing, type PainterArgs } from './painter-base';
import {
  ACTIVE_NAME,
  FLASH_NAME,
  HIGHLIGHT_PREFIX,
  KNOWN_NAME,
  MARK_ATTRIBUTE,
  MARK_CLASS,
  UNDERLINE_CLASS,
} from './styles';
import type { HighlightStyle, Occurrence } from './types';

/** The DOM painter's state; its operations are the module's functions below. */
interface DomState {
  readonly args: PainterArgs;
  /** Each painted occurrence's marks, in document order. */
  readonly pieces: Map<Occurrence, Piece[]>;
  readonly markOwner: WeakMap<Element, Occurrence>;
  /** The Text nodes wrapping split, so unwrapping merges back only those. */
  readonly ours: SplitTexts;
  style: HighlightStyle;
  active: Occurrence | null;
}

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

function makeMark(s: DomState, o: Occurrence): HTMLElement {
  const { doc, categoryOf, isKnown } = s.args;
  const mark = doc.createElement('mark');
  mark.setAttribute(MARK_ATTRIBUTE, o.id);
  mark.className = `${MARK_CLASS} ${HIGHLIGHT_PREFIX}${categoryOf(o.id)}`;
  if (s.style === 'underline') mark.classList.add(UNDERLINE_CLASS);
  if (isKnown?.(o.id)) mark.classList.add(KNOWN_NAME);
  return mark;
}

function wrap(s: DomState, o: Occurrence): void {
  const made = wrapRange(o.range, () => makeMark(s, o), s.ours);
  if (made.length === 0) return;
  for (const piece of made) s.markOwner.set(piece.mark, o);
  s.pieces.set(o, made);
  const a = made[0] as Piece;
  const b = made[made.length - 1] as Piece;
  // The occurrence now covers exactly the wrapped Text nodes.
  o.range = new StaticRange({
    startContainer: a.mid,
    startOffset: 0,
    endContainer: b.mid,
    endOffset: b.mid.length,
  });
}

function unwrap(s: DomState, o: Occurrence): void {
  const made = s.pieces.get(o);
  if (!made) return;
  s.pieces.delete(o);
  if (s.active === o) s.active = null;
  for (let i = made.length - 1; i >= 0; i--) unwrapPiece(made[i] as Piece, s.ours);
}

/** Newest first mirrors wrapping order; merging also works in any order. */
function unwrapAll(s: DomState, occurrences: readonly Occurrence[]): void {
  for (let i = occurrences.length - 1; i >= 0; i--) unwrap(s, occurrences[i] as Occurrence);
}

function setClass(s: DomState, o: Occurrence, cls: string, on: boolean): void {
  for (const p of s.pieces.get(o) ?? []) p.mark.classList.toggle(cls, on);
}

function setMarkStyle(s: DomState, next: HighlightStyle): void {
  if (next === s.style) return;
  s.style = next;
  for (const list of s.pieces.values()) {
    for (const p of list) p.mark.classList.toggle(UNDERLINE_CLASS, next === 'underline');
  }
}

function setActive(s: DomState, o: Occurrence | null): void {
  if (s.active) setClass(s, s.active, ACTIVE_NAME, false);
  s.active = o;
  if (o) setClass(s, o, ACTIVE_NAME, true);
}

/**
 * Fallback painter for browsers without CSS.highlights: wraps each matched piece of a Text node
 * in `<mark data-termlight class="termlight termlight-<category>">`. Removal restores the page
 * exactly: the Text nodes it split are merged back, so the serialization is identical.
 */
export const createDomPainter = definePainter((args) => {
  const s: DomState = {
    args,
    pieces: new Map(),
    markOwner: new WeakMap(),
    ours: new WeakSet(),
    style: args.style,
    active: null,
  };
  const base = createPainterBase(args.doc, args.colors, globalThis);
  return {
    mutatesDom: true,
    // Marks show as they are made; the browser has no registry of ranges to re-validate.
    hold: nothing,
    release: nothing,
    add(occurrences) {
      for (let i = occurrences.length - 1; i >= 0; i--) wrap(s, occurrences[i] as Occurrence);
    },
    remove: (occurrences) => unwrapAll(s, occurrences),
    setStyle(next, nextColors) {
      base.styles.setColors(nextColors);
      setMarkStyle(s, next);
    },
    flash(o) {
      base.flash(
        () => setClass(s, o, FLASH_NAME, true),
        () => setClass(s, o, FLASH_NAME, false),
      );
    },
    setActive: (o) => setActive(s, o),
    adoptInto: (root) => base.styles.adoptInto(root),
    occurrenceForNode: (node) => markedOccurrence(node, s.markOwner, s.pieces),
    dispose() {
      // The flash/active classes live on our marks, so unwrapping removes them too.
      unwrapAll(s, [...s.pieces.keys()]);
      base.dispose();
    },
  };
});

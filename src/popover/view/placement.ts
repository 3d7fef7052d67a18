import {
  autoUpdate,
  type ClientRectObject,
  computePosition,
  flip,
  hide,
  inline,
  offset,
  type Placement,
  shift,
  size,
  type VirtualElement,
} from '@floating-ui/dom';
import type { Point } from '../types';

// Positioning is always relative to the viewport of the document the occurrence lives in: every
// frame runs its own content script and its own popover, so iframes need no coordinate mapping.

const GAP = 6;
const EDGE = 8;

/**
 * The line box a wrapped term should be anchored to: the one under the pointer, else the nearest
 * one vertically, else the first. Empty rects (collapsed boundaries) are ignored.
 */
export function pickLineRect(
  rects: ArrayLike<ClientRectObject>,
  pointer: Point | null | undefined,
): ClientRectObject | null {
  const boxes = Array.from(rects).filter((r) => r.width > 0 && r.height > 0);
  if (boxes.length === 0) return null;
  if (!pointer) return boxes[0] ?? null;
  let best = boxes[0] as ClientRectObject;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const box of boxes) {
    const dy = pointer.y < box.top ? box.top - pointer.y : Math.max(0, pointer.y - box.bottom);
    const dx = pointer.x < box.left ? box.left - pointer.x : Math.max(0, pointer.x - box.right);
    const distance = dy * 1000 + dx;
    if (distance < bestDistance) {
      best = box;
      bestDistance = distance;
    }
  }
  return best;
}

export interface RangeReference extends VirtualElement {
  /** Centre of the anchored line box, for floating-ui's `inline()`; null if the term has no box. */
  anchorPoint(): Point | null;
}

const boxesOf = (rects: ArrayLike<ClientRectObject>) =>
  Array.from(rects).filter((r) => r.width > 0 && r.height > 0);

/**
 * A floating-ui reference backed by a Range. The line box is chosen once, under the pointer, and
 * kept by index, so scrolling (which moves the term away from a still pointer) never makes the
 * popover jump to the term's other line.
 */
export function rangeReference(range: Range, pointer?: Point | null): RangeReference {
  const initial = boxesOf(range.getClientRects());
  const chosen = pickLineRect(initial, pointer);
  const index = chosen ? initial.indexOf(chosen) : 0;
  const line = (): ClientRectObject | null => {
    const boxes = boxesOf(range.getClientRects());
    return boxes[Math.min(index, boxes.length - 1)] ?? null;
  };
  const node = range.startContainer;
  return {
    getBoundingClientRect: () => line() ?? range.getBoundingClientRect(),
    getClientRects: () => range.getClientRects(),
    // Lets floating-ui find scrolled containers between the term and the viewport.
    contextElement: node instanceof Element ? node : (node.parentElement ?? undefined),
    anchorPoint() {
      const box = line();
      return box ? { x: box.left + box.width / 2, y: box.top + box.height / 2 } : null;
    },
  };
}

export interface PlacementResult {
  x: number;
  y: number;
  placement: Placement;
  /** The term is scrolled out of view (viewport or a clipping container). */
  referenceHidden: boolean;
}

/**
 * Positions `floating` (position: fixed) next to the term: below it, flipping above when there is
 * less room, shifted to stay inside the viewport. The `size` step caps the height at the room on
 * the chosen side so a tall popover scrolls inside itself instead of covering the term.
 */
export async function computePlacement(
  reference: RangeReference,
  floating: HTMLElement,
): Promise<PlacementResult> {
  const result = await computePosition(reference, floating, {
    strategy: 'fixed',
    placement: 'bottom-start',
    middleware: [
      inline(() => reference.anchorPoint() ?? {}),
      offset(GAP),
      flip({ padding: EDGE, fallbackStrategy: 'bestFit', crossAxis: false }),
      shift({ padding: EDGE }),
      size({
        padding: EDGE,
        apply({ availableHeight, availableWidth, elements }) {
          // Custom properties, so the stylesheet keeps its own preferred maximum width.
          const style = elements.floating.style;
          style.setProperty('--tl-available-height', `${Math.max(80, availableHeight)}px`);
          style.setProperty('--tl-available-width', `${Math.max(160, availableWidth)}px`);
        },
      }),
      hide({ strategy: 'referenceHidden' }),
    ],
  });
  return {
    x: result.x,
    y: result.y,
    placement: result.placement,
    referenceHidden: result.middlewareData.hide?.referenceHidden ?? false,
  };
}

/**
 * Keeps `floating` placed while scrolling, resizing and layout shifts happen; stops on abort.
 * `onPlaced` runs after every placement (the glue closes the popover when the term scrolls away).
 */
export function trackPlacement(
  reference: RangeReference,
  floating: HTMLElement,
  onPlaced: (result: PlacementResult) => void,
  signal: AbortSignal,
): void {
  const update = () => {
    void computePlacement(reference, floating).then((result) => {
      if (signal.aborted) return;
      floating.style.setProperty('left', `${Math.round(result.x)}px`);
      floating.style.setProperty('top', `${Math.round(result.y)}px`);
      floating.dataset.placement = result.placement;
      onPlaced(result);
    });
  };
  const stop = autoUpdate(reference, floating, update);
  signal.addEventListener('abort', stop, { once: true });
}

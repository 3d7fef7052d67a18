// Scrolling a term into view. A Range cannot `scrollIntoView()`, and scrolling its parent element
// can leave the term off-screen when that element is taller than the viewport, so the deltas are
// computed from the range's own rect, innermost scroll container first, then the window.

const MARGIN = 48;

/** How far to scroll so [top, bottom] sits comfortably inside [min, max]; 0 if it already does. */
export function centringDelta(top: number, bottom: number, min: number, max: number): number {
  if (top >= min + MARGIN && bottom <= max - MARGIN) return 0;
  if (top >= min && bottom <= max && max - min < 3 * MARGIN) return 0;
  return Math.round((top + bottom) / 2 - (min + max) / 2);
}

const SCROLLS = /(auto|scroll|overlay)/;

/** Scrolls containers and the window so `range` is in view. Returns whether anything scrolled. */
export function scrollRangeIntoView(range: Range, behavior: ScrollBehavior): boolean {
  const doc = range.startContainer.ownerDocument;
  const win = doc?.defaultView;
  if (!doc || !win) return false;
  const rect = range.getBoundingClientRect();
  let top = rect.top;
  let bottom = rect.bottom;
  let scrolled = false;
  const start = range.commonAncestorContainer;
  for (
    let el = start instanceof Element ? start : start.parentElement;
    el && el !== doc.body && el !== doc.documentElement;
    el = el.parentElement
  ) {
    if (el.scrollHeight <= el.clientHeight) continue;
    if (!SCROLLS.test(win.getComputedStyle(el).overflowY)) continue;
    const box = el.getBoundingClientRect();
    const min = box.top + el.clientTop;
    const dy = centringDelta(top, bottom, min, min + el.clientHeight);
    if (dy === 0) continue;
    el.scrollBy({ top: dy, behavior });
    top -= dy;
    bottom -= dy;
    scrolled = true;
  }
  const dy = centringDelta(top, bottom, 0, win.innerHeight);
  if (dy !== 0) {
    win.scrollBy({ top: dy, behavior });
    scrolled = true;
  }
  return scrolled;
}

/** Resolves when scrolling has settled (`scrollend`, or a timeout where it is unsupported). */
export function scrollSettled(doc: Document, signal: AbortSignal, timeoutMs = 800): Promise<void> {
  return new Promise((resolve) => {
    const done = new AbortController();
    const finish = () => {
      done.abort();
      resolve();
    };
    const any = AbortSignal.any([signal, done.signal]);
    doc.addEventListener('scrollend', finish, { capture: true, signal: any });
    signal.addEventListener('abort', finish, { signal: done.signal });
    const timer = setTimeout(finish, timeoutMs);
    done.signal.addEventListener('abort', () => clearTimeout(timer));
  });
}

/** After this many text blocks in a row start below the viewport, the rest are below it too. */
const BELOW_RUN = 32;
/** The longest wait for a frame before reading geometry. */
const FRAME_WAIT_MS = 100;

function inViewport(r: DOMRect, vw: number, vh: number): boolean {
  return (r.width > 0 || r.height > 0) && r.bottom > 0 && r.right > 0 && r.top < vh && r.left < vw;
}

/** Resolves just after the next frame, or after `FRAME_WAIT_MS` where frames do not come (hidden tabs). */
export function afterNextFrame(view: Window | null): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, FRAME_WAIT_MS);
    view?.requestAnimationFrame?.(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0),
    );
  });
}

/** Index of the first block not above the viewport, backed off a little (see below). */
function firstNotAbove(blocks: readonly Element[]): number {
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((blocks[mid] as Element).getBoundingClientRect().bottom <= 0) lo = mid + 1;
    else hi = mid;
  }
  // Layout order is only nearly document order (floats, sidebars).
  return Math.max(0, lo - BELOW_RUN);
}

/**
 * Indices of the blocks that intersect the viewport. Blocks come in document order, which is
 * (nearly) layout order, so this reads a few rectangles rather than all of them: a binary search
 * finds the first block not above the viewport when the page is scrolled, then a forward walk
 * stops after a run of blocks that start below it. A block that is not rendered (empty
 * rectangle) is skipped. Only decides what is painted first, never what is painted.
 */
export function viewportGroups(
  blocks: readonly Element[],
  view: { innerWidth: number; innerHeight: number; scrollY: number } | null,
): number[] {
  const vw = view?.innerWidth ?? 0;
  const vh = view?.innerHeight ?? 0;
  const out: number[] = [];
  if (vw <= 0 || vh <= 0) return out;
  const start = (view?.scrollY ?? 0) > vh ? firstNotAbove(blocks) : 0;
  let below = 0;
  for (let i = start; i < blocks.length; i++) {
    const r = (blocks[i] as Element).getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (inViewport(r, vw, vh)) {
      out.push(i);
      below = 0;
    } else if (r.top >= vh && ++below >= BELOW_RUN) break;
  }
  return out;
}

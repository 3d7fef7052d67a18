// Which occurrence next()/previous() go to. From a known position it steps through the
// highlighter's reading order, wrapping at either end; with none yet, it starts from what is on
// screen, so the first Alt+Shift+J lands near where the reader is, not at the top of the page.

export interface ViewportRect {
  top: number;
  bottom: number;
}

export function stepIndex(
  count: number,
  currentIndex: number,
  direction: 1 | -1,
  rectAt: (index: number) => ViewportRect | null | undefined,
  viewportHeight: number,
): number {
  if (count === 0) return -1;
  if (currentIndex >= 0 && currentIndex < count) {
    return (currentIndex + direction + count) % count;
  }
  if (direction === 1) {
    for (let i = 0; i < count; i++) {
      const rect = rectAt(i);
      if (rect && rect.bottom > 0) return i;
    }
    return 0;
  }
  for (let i = count - 1; i >= 0; i--) {
    const rect = rectAt(i);
    if (rect && rect.top < viewportHeight) return i;
  }
  return count - 1;
}

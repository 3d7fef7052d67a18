/** The search box's listbox of results, as pure logic: option ids and keyboard moves. */

/** PageUp and PageDown move this many options, about one screenful of the popup. */
const PAGE_STEP = 8;

export const optionId = (id: string) => `tl-option-${id}`;

export type NavigationKey = 'ArrowDown' | 'ArrowUp' | 'PageDown' | 'PageUp';

export function isNavigationKey(key: string): key is NavigationKey {
  return key === 'ArrowDown' || key === 'ArrowUp' || key === 'PageDown' || key === 'PageUp';
}

/** The option `key` makes active among `count` (> 0) options: arrows wrap, page keys stop at the ends. */
export function moveActive(key: NavigationKey, index: number, count: number): number {
  const last = count - 1;
  switch (key) {
    case 'ArrowDown':
      return index >= last ? 0 : index + 1;
    case 'ArrowUp':
      return index <= 0 ? last : index - 1;
    case 'PageDown':
      return Math.min(last, index + PAGE_STEP);
    case 'PageUp':
      return Math.max(0, index - PAGE_STEP);
  }
}

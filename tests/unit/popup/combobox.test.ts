import { describe, expect, it } from 'vitest';
import {
  isNavigationKey,
  moveActive,
  type NavigationKey,
  optionId,
} from '../../../entrypoints/popup/combobox';

const KEYS: NavigationKey[] = ['ArrowDown', 'ArrowUp', 'PageDown', 'PageUp'];
// Start indexes per option count: both ends, and enough of the middle to see a page move.
const FROM: Record<number, number[]> = { 5: [0, 1, 2, 3, 4], 20: [0, 1, 9, 15, 19] };

describe('moveActive', () => {
  // Arrows wrap round; page keys move eight and stop at either end.
  it.each<[NavigationKey, number, number[]]>([
    ['ArrowDown', 5, [1, 2, 3, 4, 0]],
    ['ArrowUp', 5, [4, 0, 1, 2, 3]],
    ['PageDown', 20, [8, 9, 17, 19, 19]],
    ['PageUp', 20, [0, 0, 1, 7, 11]],
  ])('%s among %i options', (key, count, expected) => {
    expect(FROM[count]?.map((from) => moveActive(key, from, count))).toEqual(expected);
  });
  it.each(KEYS)('%s with one option stays on it', (key) => {
    expect(moveActive(key, 0, 1)).toBe(0);
  });
});

describe('isNavigationKey', () => {
  it.each(KEYS)('%s moves', (key) => expect(isNavigationKey(key)).toBe(true));
  it.each(['Enter', 'Escape', 'Home', 'End', 'a', ''])('%j does not', (key) =>
    expect(isNavigationKey(key)).toBe(false),
  );
});

describe('optionId', () => {
  it('prefixes the entry id', () => {
    expect(optionId('sofa')).toBe('tl-option-sofa');
  });
});

import { describe, expect, it } from 'vitest';
import {
  isNavigationKey,
  moveActive,
  type NavigationKey,
  optionId,
} from '../../../entrypoints/popup/combobox';

describe('moveActive', () => {
  it.each<[NavigationKey, number, number, number]>([
    ['ArrowDown', 0, 5, 1],
    ['ArrowDown', 4, 5, 0],
    ['ArrowDown', 0, 1, 0],
    ['ArrowUp', 3, 5, 2],
    ['ArrowUp', 0, 5, 4],
    ['ArrowUp', 0, 1, 0],
    ['PageDown', 0, 20, 8],
    ['PageDown', 15, 20, 19],
    ['PageDown', 19, 20, 19],
    ['PageUp', 12, 20, 4],
    ['PageUp', 5, 20, 0],
    ['PageUp', 0, 20, 0],
  ])('%s from %i of %i -> %i', (key, index, count, expected) => {
    expect(moveActive(key, index, count)).toBe(expected);
  });
});

describe('isNavigationKey', () => {
  it.each<[string, boolean]>([
    ['ArrowDown', true],
    ['ArrowUp', true],
    ['PageDown', true],
    ['PageUp', true],
    ['Enter', false],
    ['Escape', false],
    ['Home', false],
    ['a', false],
  ])('%s -> %s', (key, expected) => {
    expect(isNavigationKey(key)).toBe(expected);
  });
});

describe('optionId', () => {
  it('prefixes the entry id', () => {
    expect(optionId('sofa')).toBe('tl-option-sofa');
  });
});

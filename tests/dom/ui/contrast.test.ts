import { describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORY_COLORS } from '../../../src/glossary/categories';
import { CATEGORIES } from '../../../src/glossary/schema';
import {
  contrastRatio,
  DARK_TEXT,
  formatRatio,
  MIN_TEXT_CONTRAST,
  parseColor,
  textContrast,
} from '../../../src/ui/contrast';

describe('parseColor', () => {
  it.each([
    ['#fff', [255, 255, 255]],
    ['#000000', [0, 0, 0]],
    ['#1D5bBf', [29, 91, 191]],
    [' rgb(10, 20, 30) ', [10, 20, 30]],
    ['rgb(10 20 30 / 50%)', [10, 20, 30]],
    ['#ffff', null],
    ['red', null],
    ['rgb(300, 0, 0)', null],
    ['', null],
  ])('%j -> %j', (input, expected) => {
    expect(parseColor(input)).toEqual(expected);
  });
});

describe('contrastRatio', () => {
  it.each([
    // Reference values from the WCAG definition.
    ['#000000', '#ffffff', 21],
    ['#ffffff', '#ffffff', 1],
    ['#777777', '#ffffff', 4.48],
    ['#767676', '#ffffff', 4.54],
    ['#1d5bbf', '#ffffff', 6.33],
  ])('%s on %s is %d:1', (a, b, expected) => {
    expect(contrastRatio(a, b)).toBeCloseTo(expected, 1);
    expect(contrastRatio(b, a)).toBeCloseTo(expected, 1);
  });

  it('is null for an unreadable colour', () => {
    expect(contrastRatio('nope', '#fff')).toBeNull();
  });
});

describe('textContrast', () => {
  it('flags a mid grey as unreadable for both dark and light text', () => {
    const report = textContrast('#808080');
    expect(report?.readable).toBe(false);
    expect(report?.darkText).toBeLessThan(MIN_TEXT_CONTRAST);
    expect(report?.lightText).toBeLessThan(MIN_TEXT_CONTRAST);
  });

  it('accepts a light tint for dark text and a dark colour for light text', () => {
    expect(textContrast('#ffe08a')?.readable).toBe(true);
    expect(textContrast('#123456')?.readable).toBe(true);
  });

  it.each(CATEGORIES)('default %s colour keeps dark page text above 4.5:1', (category) => {
    expect(contrastRatio(DEFAULT_CATEGORY_COLORS[category], DARK_TEXT)).toBeGreaterThanOrEqual(
      MIN_TEXT_CONTRAST,
    );
  });
});

describe('formatRatio', () => {
  it('rounds down so a failing ratio never displays as passing', () => {
    expect(formatRatio(4.499)).toBe('4.4:1');
    expect(formatRatio(21)).toBe('21:1');
  });
});

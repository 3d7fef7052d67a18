import { describe, expect, it } from 'vitest';
import { stepIndex } from '../../../src/popover/reading-order';

// Five occurrences 300 px apart; the viewport (700 px tall) is scrolled to show #2 and #3.
const tops = [-500, -200, 100, 400, 900];
const rectAt = (i: number) => {
  const top = tops[i];
  return top === undefined ? null : { top, bottom: top + 20 };
};

describe('stepIndex', () => {
  it.each([
    ['next from a known position', 1, 1, 2],
    ['previous from a known position', 3, -1, 2],
    ['next wraps from the last to the first', 4, 1, 0],
    ['previous wraps from the first to the last', 0, -1, 4],
    ['next with no position: first occurrence on or below the viewport top', -1, 1, 2],
    ['previous with no position: last occurrence above the viewport bottom', -1, -1, 3],
  ] as const)('%s', (_name, current, direction, expected) => {
    expect(stepIndex(5, current, direction, rectAt, 700)).toBe(expected);
  });

  it('falls back to the ends when nothing is measurable on that side', () => {
    expect(stepIndex(3, -1, 1, () => ({ top: -900, bottom: -880 }), 700)).toBe(0);
    expect(stepIndex(3, -1, -1, () => ({ top: 2000, bottom: 2020 }), 700)).toBe(2);
    expect(stepIndex(3, -1, 1, () => null, 700)).toBe(0);
  });

  it('returns -1 for an empty list', () => {
    expect(stepIndex(0, -1, 1, rectAt, 700)).toBe(-1);
  });
});

import { describe, expect, it } from 'vitest';
import {
  canGoBack,
  currentId,
  popNav,
  pushNav,
  startNav,
} from '../../../../src/popover/view/navigation';

describe('related-term navigation', () => {
  it('starts at the hovered entry with no way back', () => {
    const nav = startNav('mou');
    expect(currentId(nav)).toBe('mou');
    expect(canGoBack(nav)).toBe(false);
  });
  it('pushes related entries and pops back to the hovered one', () => {
    const nav = pushNav(pushNav(startNav('mou'), 'sofa'), 'nato');
    expect(nav.stack).toEqual(['mou', 'sofa', 'nato']);
    expect(currentId(popNav(nav))).toBe('sofa');
    expect(currentId(popNav(popNav(nav)))).toBe('mou');
    expect(popNav(startNav('mou')).stack).toEqual(['mou']);
  });
  it('does not push the entry already shown', () => {
    expect(pushNav(startNav('mou'), 'mou').stack).toEqual(['mou']);
  });
});

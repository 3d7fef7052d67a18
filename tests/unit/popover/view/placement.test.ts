import { describe, expect, it } from 'vitest';
import { centringDelta } from '../../../../src/popover/scroll';
import { pickLineRect, rangeReference } from '../../../../src/popover/view/placement';

const rect = (left: number, top: number, width: number, height: number) => ({
  left,
  top,
  width,
  height,
  right: left + width,
  bottom: top + height,
  x: left,
  y: top,
});

describe('pickLineRect', () => {
  // A term wrapped over two lines: the end of line 1 and the start of line 2.
  const line1 = rect(400, 100, 120, 20);
  const line2 = rect(10, 122, 80, 20);
  it.each([
    ['pointer on the first line', { x: 450, y: 110 }, line1],
    ['pointer on the second line', { x: 50, y: 130 }, line2],
    ['pointer between lines, nearer the second', { x: 50, y: 121.5 }, line2],
    ['no pointer (keyboard): the first line', null, line1],
  ])('%s', (_name, pointer, expected) => {
    expect(pickLineRect([line1, line2], pointer)).toBe(expected);
  });
  it('ignores empty rects and returns null when none remain', () => {
    const empty = rect(0, 0, 0, 0);
    expect(pickLineRect([empty, line2], { x: 0, y: 0 })).toBe(line2);
    expect(pickLineRect([empty], null)).toBeNull();
  });
});

describe('centringDelta', () => {
  it.each([
    ['comfortably in view', 300, 320, 0, 800, 0],
    ['below the viewport', 1000, 1020, 0, 800, 610],
    ['above the viewport', -200, -180, 0, 800, -590],
    ['too close to the bottom edge', 780, 798, 0, 800, 389],
    ['inside a scrolled container', 50, 70, 100, 300, -140],
  ])('%s', (_name, top, bottom, min, max, expected) => {
    expect(centringDelta(top, bottom, min, max)).toBe(expected);
  });
});

describe('rangeReference', () => {
  it('keeps the line chosen under the pointer when the page scrolls', () => {
    let dy = 0;
    const lines = () => [rect(400, 100 - dy, 120, 20), rect(10, 122 - dy, 80, 20)];
    const text = document.createTextNode('x');
    document.body.append(text);
    const range = {
      startContainer: text,
      getClientRects: () => lines(),
      getBoundingClientRect: () => rect(10, 100 - dy, 510, 42),
    } as unknown as Range;
    const reference = rangeReference(range, { x: 50, y: 130 });
    expect(reference.getBoundingClientRect().top).toBe(122);
    dy = 300; // scrolled: the pointer no longer lies over either line
    expect(reference.getBoundingClientRect().top).toBe(-178);
    expect(reference.anchorPoint()).toEqual({ x: 50, y: -168 });
    expect(reference.contextElement).toBe(document.body);
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { boundsOf, existingRange, FoundOccurrence } from '../../../src/highlight/occurrence';
import type { Occurrence } from '../../../src/highlight/types';
import { installFakes } from './fakes';

describe('FoundOccurrence', () => {
  let p: HTMLParagraphElement;
  let first: Text;
  let second: Text;
  beforeEach(() => {
    installFakes();
    document.body.innerHTML = '<p>intelligence <em>sharing</em></p>';
    p = document.querySelector('p') as HTMLParagraphElement;
    first = p.firstChild as Text;
    second = (p.querySelector('em') as HTMLElement).firstChild as Text;
  });

  it('makes its range when first read, once, over the bounds it was given', () => {
    const o = new FoundOccurrence('is', p, 'intelligence sharing', first, 0, second, 7);
    expect(o.madeRange).toBeNull();
    expect(existingRange(o)).toBeNull();
    expect(boundsOf(o).startContainer).toBe(first);
    const r = o.range;
    expect(r).toBeInstanceOf(StaticRange);
    expect([r.startContainer, r.startOffset, r.endContainer, r.endOffset]).toEqual([
      first,
      0,
      second,
      7,
    ]);
    expect(o.range).toBe(r);
    expect(existingRange(o)).toBe(r);
  });

  it('takes a new range (the DOM painter re-points it) with its bounds', () => {
    const o = new FoundOccurrence('is', p, 'intelligence sharing', first, 0, second, 7);
    const next = new StaticRange({
      startContainer: second,
      startOffset: 0,
      endContainer: second,
      endOffset: 7,
    });
    o.range = next;
    expect(o.range).toBe(next);
    expect(boundsOf(o).startContainer).toBe(second);
    expect(boundsOf(o).endOffset).toBe(7);
  });

  it('leaves plain occurrences (with a range of their own) as they are', () => {
    const range = new StaticRange({
      startContainer: first,
      startOffset: 0,
      endContainer: first,
      endOffset: 12,
    });
    const o: Occurrence = { id: 'i', range, block: p, text: 'intelligence' };
    expect(existingRange(o)).toBe(range);
    expect(boundsOf(o)).toBe(range);
  });
});

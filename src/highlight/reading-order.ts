import { DOCUMENT_FRAGMENT_NODE } from '../util/nodes';
import { boundsOf } from './occurrence';
import type { Occurrence } from './types';

/** A node lifted out of shadow trees to the document level, for ordering across roots. */
function liftToDocument(node: Node): Node {
  let n = node;
  for (;;) {
    const root = n.getRootNode();
    if (root.nodeType !== DOCUMENT_FRAGMENT_NODE) return n;
    n = (root as ShadowRoot).host;
  }
}

export function compareOccurrences(a: Occurrence, b: Occurrence): number {
  const p = boundsOf(a);
  const q = boundsOf(b);
  const x = p.startContainer;
  const y = q.startContainer;
  if (x === y) return p.startOffset - q.startOffset;
  let pos = x.compareDocumentPosition(y);
  if (pos & 1 /* DISCONNECTED: different trees */) {
    const lx = liftToDocument(x);
    const ly = liftToDocument(y);
    if (lx === ly) return lx === x ? 1 : -1; // the shadow tree renders in place of light children
    pos = lx.compareDocumentPosition(ly);
  }
  return pos & 4 /* FOLLOWING */ ? -1 : 1;
}

/** Index in sorted `base` of the first item not before `o`, galloping from `from`. */
function insertionPoint(base: readonly Occurrence[], o: Occurrence, from: number): number {
  let lo = from;
  let hi = from;
  let step = 1;
  while (hi < base.length && compareOccurrences(base[hi] as Occurrence, o) < 0) {
    lo = hi + 1;
    hi = from + step;
    step *= 2;
  }
  if (hi > base.length) hi = base.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareOccurrences(base[mid] as Occurrence, o) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The page's occurrences in reading order, kept incrementally: re-sorting every occurrence after
 * each pass would cost far too much on infinite-scroll pages (tens of thousands of occurrences,
 * a pass per batch). Every comparison costs Blink a walk over sibling nodes
 * (compareDocumentPosition), so merging compares neighbours wherever it can.
 */
export class ReadingOrder {
  private ordered: Occurrence[] = [];
  private removed = new Set<Occurrence>();
  private added: Occurrence[] = [];

  add(list: readonly Occurrence[]): void {
    for (const o of list) this.added.push(o);
  }

  remove(list: readonly Occurrence[]): void {
    for (const o of list) this.removed.add(o);
  }

  clear(): void {
    this.ordered = [];
    this.removed = new Set();
    this.added = [];
  }

  /** Every occurrence in reading order (the same array until something changes). */
  list(): readonly Occurrence[] {
    if (this.removed.size === 0 && this.added.length === 0) return this.ordered;
    const removed = this.removed;
    const base = removed.size > 0 ? this.ordered.filter((o) => !removed.has(o)) : this.ordered;
    // Added occurrences arrive in walk order, usually already sorted: check before sorting.
    const add = this.added.filter((o) => !removed.has(o));
    let sorted = true;
    for (let k = 1; k < add.length && sorted; k++) {
      sorted = compareOccurrences(add[k - 1] as Occurrence, add[k] as Occurrence) < 0;
    }
    if (!sorted) add.sort(compareOccurrences);
    this.removed = new Set();
    this.added = [];
    const last = base[base.length - 1];
    const first = add[0];
    if (!first || !last || compareOccurrences(last, first) < 0) {
      // Appended after everything (infinite scroll): no search at all.
      this.ordered = base.concat(add);
      return this.ordered;
    }
    const out: Occurrence[] = [];
    let i = 0;
    for (const o of add) {
      const at = insertionPoint(base, o, i);
      while (i < at) out.push(base[i++] as Occurrence);
      out.push(o);
    }
    while (i < base.length) out.push(base[i++] as Occurrence);
    this.ordered = out;
    return out;
  }
}

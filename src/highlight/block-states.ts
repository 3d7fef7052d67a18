import { isConnectedKey } from '../util/nodes';
import type { BlockKey } from './blocks';
import { locate, textNodesIn } from './blocks';
import { boundsOf } from './occurrence';
import { ReadingOrder } from './reading-order';
import type { Occurrence, Painter } from './types';

/**
 * What is painted, by block key: painting is incremental per block, so a pass replaces a block's
 * occurrences at once and the reading order follows.
 */
export interface BlockStates {
  readonly total: number;
  has(key: BlockKey): boolean;
  keys(): BlockKey[];
  /** Replaces a block's occurrences (painted through `paint`, which may silence our mutations). */
  replace(key: BlockKey, next: readonly Occurrence[]): void;
  /** Drops the blocks the page removed. */
  dropDisconnected(): void;
  /**
   * The occurrences covering a Text node, looked up through its block when needed (hover,
   * focus) rather than indexed for every occurrence up front: a long page has tens of thousands.
   */
  at(t: Text): Occurrence[];
  ordered(): readonly Occurrence[];
  /** How often each entry occurs, in no order: no reading-order sort (see Highlighter.counts). */
  counts(): Map<string, number>;
  clear(): void;
}

export function createBlockStates(painter: Painter, paint: (fn: () => void) => void): BlockStates {
  const states = new Map<BlockKey, readonly Occurrence[]>();
  const order = new ReadingOrder();
  let total = 0;

  const replace = (key: BlockKey, next: readonly Occurrence[]) => {
    const prev = states.get(key);
    if (!prev && next.length === 0) return;
    paint(() => {
      if (prev) {
        order.remove(prev);
        painter.remove(prev);
        states.delete(key);
        total -= prev.length;
      }
      if (next.length > 0) {
        painter.add(next);
        // The DOM painter re-points ranges at its marks: keep what it painted.
        const kept = painter.mutatesDom
          ? next.filter((o) => boundsOf(o).startContainer.isConnected)
          : next;
        order.add(kept);
        states.set(key, kept);
        total += kept.length;
      }
    });
  };

  return {
    get total() {
      return total;
    },
    has: (key) => states.has(key),
    keys: () => [...states.keys()],
    replace,
    dropDisconnected() {
      for (const key of [...states.keys()]) if (!isConnectedKey(key)) replace(key, []);
    },
    at(t) {
      const where = locate(t);
      const list = where ? states.get(where.key) : undefined;
      if (!list) return [];
      return list.filter((o) => {
        const b = boundsOf(o);
        const { startContainer: first, endContainer: last } = b;
        return first === t || last === t || (first !== last && textNodesIn(b).includes(t));
      });
    },
    ordered: () => order.list(),
    counts() {
      const counts = new Map<string, number>();
      for (const list of states.values()) {
        for (const o of list) counts.set(o.id, (counts.get(o.id) ?? 0) + 1);
      }
      return counts;
    },
    clear() {
      states.clear();
      order.clear();
      total = 0;
    },
  };
}

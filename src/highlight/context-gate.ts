import type { BlockKey } from './blocks';
import type { Occurrence } from './types';

/**
 * The context rule for ambiguous forms ("drills", "GCC", "arms race"; data/README.md, "Context-
 * gated entries"): a gated occurrence is shown only where its block also holds an ungated one,
 * or once the page carries defence context: its title holds an ungated term, or ungated terms
 * of at least two entries stand in at least two blocks. Context, once there, stays: blocks that
 * were waiting for it are shown then.
 */
export interface ContextGate {
  /** What a block shows now, of the occurrences its scan found (`gated`: those that need context). */
  admit(key: BlockKey, found: readonly Occurrence[], gated: ReadonlySet<Occurrence>): Occurrence[];
  /** Whether the page carries defence context. */
  readonly context: boolean;
}

/** Distinct ungated entries, in distinct blocks, that give a page defence context. */
export const CONTEXT_ENTRIES = 2;

export function createContextGate(
  titleContext: boolean,
  /** Blocks held back for want of context, with everything they hold, once context comes. */
  onContext: (blocks: Map<BlockKey, readonly Occurrence[]>) => void,
): ContextGate {
  let context = titleContext;
  const entries = new Set<string>();
  const blocks = new Set<BlockKey>();
  let waiting = new Map<BlockKey, readonly Occurrence[]>();

  const gain = () => {
    context = true;
    const held = waiting;
    waiting = new Map();
    if (held.size > 0) onContext(held);
  };

  return {
    get context() {
      return context;
    },
    admit(key, found, gated) {
      waiting.delete(key);
      if (gated.size === 0) {
        if (!context) count(key, found);
        return found as Occurrence[];
      }
      const open = found.filter((o) => !gated.has(o));
      if (open.length > 0) {
        if (!context) count(key, open);
        return found as Occurrence[];
      }
      if (context) return found as Occurrence[];
      waiting.set(key, found);
      return open;
    },
  };

  function count(key: BlockKey, open: readonly Occurrence[]) {
    if (open.length === 0) return;
    blocks.add(key);
    for (const o of open) entries.add(o.id);
    if (entries.size >= CONTEXT_ENTRIES && blocks.size >= CONTEXT_ENTRIES) gain();
  }
}

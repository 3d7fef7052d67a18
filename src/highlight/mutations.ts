import {
  DOCUMENT_FRAGMENT_NODE,
  DOCUMENT_NODE,
  ELEMENT_NODE,
  isConnectedKey,
  TEXT_NODE,
} from '../util/nodes';
import { type BlockKey, isBlockElement, isSkippedElement, locate } from './blocks';

/** What one batch of mutation records asks the engine to do. */
export interface DirtyWork {
  /** Blocks whose own text changed: re-scan just their own segments. */
  keys: Set<BlockKey>;
  /** Added subtrees: scanned in full (their nested blocks and shadow roots). */
  roots: Element[];
  /** Something was removed: occurrences in disconnected blocks must be dropped. */
  removed: boolean;
}

/** Text or inline content that would join a run of text with its neighbour. */
function isInlineContent(n: Node | null): boolean {
  if (!n) return false;
  if (n.nodeType === TEXT_NODE) return /\S/.test((n as Text).data);
  if (n.nodeType !== ELEMENT_NODE) return false;
  const el = n as Element;
  return !isBlockElement(el) && !isSkippedElement(el);
}

/**
 * A block inserted or removed between two runs of inline text splits or joins its parent's runs;
 * anywhere else (e.g. appended after other paragraphs) the parent's own text is unchanged.
 */
function changesParentRuns(node: Node, prev: Node | null, next: Node | null): boolean {
  if (node.nodeType === TEXT_NODE) return true;
  if (node.nodeType !== ELEMENT_NODE) return false;
  const el = node as Element;
  if (isSkippedElement(el)) return false;
  if (!isBlockElement(el)) return true;
  return isInlineContent(prev) && isInlineContent(next);
}

/** True when `node` or one of its ancestors (across shadow hosts) is in `set`. */
function withinAny(node: Node, set: ReadonlySet<Node>): boolean {
  let n: Node | null = node;
  while (n) {
    if (set.has(n)) return true;
    n = n.nodeType === DOCUMENT_FRAGMENT_NODE ? (n as ShadowRoot).host : n.parentNode;
  }
  return false;
}

/**
 * Turns a batch of records into the minimal work: edited text re-scans only its block, added
 * subtrees are scanned once (never a full rescan), removals drop their blocks. Mutations inside
 * skipped contexts and the extension's own UI are ignored.
 */
export function classifyRecords(records: readonly MutationRecord[]): DirtyWork {
  const keys = new Set<BlockKey>();
  const added = new Set<Element>();
  let removed = false;
  for (const r of records) {
    const target = r.target;
    if (r.type === 'characterData') {
      const loc = locate(target);
      if (loc) keys.add(loc.key);
      continue;
    }
    if (r.type !== 'childList') continue;
    if (target.nodeType === DOCUMENT_NODE) {
      // The document element itself was replaced.
      for (const n of r.addedNodes) if (n.nodeType === ELEMENT_NODE) added.add(n as Element);
      if (r.removedNodes.length > 0) removed = true;
      continue;
    }
    const loc = locate(target);
    if (!loc) continue; // inside a skipped context, our UI, or detached
    for (const n of r.addedNodes) {
      if (n.nodeType === ELEMENT_NODE && !isSkippedElement(n as Element)) added.add(n as Element);
      if (changesParentRuns(n, n.previousSibling, n.nextSibling)) keys.add(loc.key);
    }
    for (const n of r.removedNodes) {
      if (n.nodeType === ELEMENT_NODE && isSkippedElement(n as Element)) continue;
      removed = true;
      if (changesParentRuns(n, r.previousSibling, r.nextSibling)) keys.add(loc.key);
    }
  }
  // Keep only outermost connected roots: an added subtree is walked once, whatever it contains.
  const live = new Set([...added].filter((el) => el.isConnected));
  const roots: Element[] = [];
  for (const el of live) {
    const parent = el.parentNode;
    if (!parent || !withinAny(parent, live)) roots.push(el);
  }
  const rootSet = new Set<Node>(roots);
  for (const k of keys) {
    if (!isConnectedKey(k) || withinAny(k, rootSet)) keys.delete(k);
  }
  return { keys, roots, removed };
}

export const OBSERVE_OPTIONS: MutationObserverInit = {
  childList: true,
  characterData: true,
  subtree: true,
};

export interface MutationTracker {
  /** Observes another root (an open shadow root): subtree observation does not cross into them. */
  observe(root: Node): void;
  /** Pending records not yet delivered to the callback. */
  take(): MutationRecord[];
  /**
   * Runs `fn` (which mutates the DOM) so its own records are dropped: pending page records are
   * handed to `onRecords` first, then whatever `fn` caused is discarded.
   */
  quiet(fn: () => void): void;
  disconnect(): void;
}

/** One batched MutationObserver for the document and every open shadow root. */
export function createMutationTracker(
  doc: Document,
  onRecords: (records: MutationRecord[]) => void,
): MutationTracker {
  const View = (doc.defaultView as (Window & typeof globalThis) | null)?.MutationObserver;
  const Observer = View ?? MutationObserver;
  const observer = new Observer((records) => onRecords(records));
  const observed = new WeakSet<Node>();
  const tracker: MutationTracker = {
    observe(root) {
      if (observed.has(root)) return;
      observed.add(root);
      observer.observe(root, OBSERVE_OPTIONS);
    },
    take: () => observer.takeRecords(),
    quiet(fn) {
      const pending = observer.takeRecords();
      if (pending.length > 0) onRecords(pending);
      try {
        fn();
      } finally {
        observer.takeRecords();
      }
    },
    disconnect: () => observer.disconnect(),
  };
  tracker.observe(doc);
  return tracker;
}

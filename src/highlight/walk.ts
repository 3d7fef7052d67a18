import {
  DOCUMENT_FRAGMENT_NODE,
  DOCUMENT_NODE,
  SHOW_ELEMENT_AND_TEXT,
  TEXT_NODE,
} from '../util/nodes';
import {
  attributeSkips,
  type BlockKey,
  isBlockElement,
  isSkippedElement,
  KIND_BLOCK,
  KIND_BR,
  KIND_INVISIBLE,
  KIND_SKIP,
  KINDS,
} from './blocks';
import type { Segment } from './segment';

export interface WalkOptions {
  /**
   * 'deep' (default): every segment of the subtree, entering nested blocks and open shadow roots;
   * text not inside a block of the subtree (when `start` is inline) is left to its container.
   * 'own': only the segments owned by `start` (a block key); nested blocks and shadow roots are
   * keys of their own and are not entered.
   */
  mode?: 'deep' | 'own';
  /** Only runs whose text passes are built (the matcher's pre-filter); default: every run. */
  mayHold?: (text: string) => boolean;
  /** Every open shadow root met (deep mode), so callers can observe and style it. */
  onShadowRoot?: (root: ShadowRoot) => void;
  /** Every block key entered (including `start` when it is one), even one without text. */
  onBlock?: (key: BlockKey, block: Element) => void;
}

const NON_SPACE = /\S/;
const always = () => true;
/** Nodes between checkpoints: often enough to slice, rarely enough to cost nothing. */
const CHECKPOINT_NODES = 512;

/**
 * What one walk carries across its roots. The open run's key and text are locals of
 * `walkRoot` (a run never outlives its root); its Text nodes live here, one scratch array.
 */
interface WalkState {
  readonly own: boolean;
  readonly mayHold: (text: string) => boolean;
  readonly onBlock: WalkOptions['onBlock'];
  readonly out: Segment[];
  /** Hosts whose open shadow roots are walked after the tree that holds them. */
  readonly pending: Element[];
  readonly nodes: Text[];
}

/** Ends the open run: a segment, if its text may hold a term. */
function endRun(s: WalkState, key: BlockKey, run: string): void {
  if (!s.mayHold(run) || !NON_SPACE.test(run)) return;
  const nodes = s.nodes;
  const parts: string[] = [];
  const starts: number[] = [];
  for (let i = 0, at = 0; i < nodes.length; i++) {
    const data = (nodes[i] as Text).data;
    parts.push(data);
    starts.push(at);
    at += data.length;
  }
  const block =
    key.nodeType === DOCUMENT_FRAGMENT_NODE ? (key as ShadowRoot).host : (key as Element);
  s.out.push({ key, block, nodes: nodes.slice(), starts, parts, text: run });
}

/** The node after the walker's current one's subtree: its text is never read. */
function pastSubtree(w: TreeWalker): Node | null {
  let next = w.nextSibling();
  while (next === null && w.parentNode() !== null) next = w.nextSibling();
  return next;
}

/** The segments of one root (an element or a shadow root), into `s.out`. */
function* walkRoot(
  s: WalkState,
  root: Element | ShadowRoot,
  rootKey: BlockKey | null,
): Generator<null, void, undefined> {
  const { own, onBlock, pending, nodes } = s;
  const doc = root.ownerDocument as Document;
  const skippedAttr = attributeSkips(root);
  const w = doc.createTreeWalker(root, SHOW_ELEMENT_AND_TEXT);
  // The open elements from the root down, and the block key in force inside each.
  const els: Node[] = [root];
  const keys: (BlockKey | null)[] = [rootKey];
  let depth = 0;
  let top: Node = root;
  let key = rootKey;
  // The open run: its key (null: none open) and its text.
  let runKey: BlockKey | null = null;
  let run = '';
  let visited = 0;
  let node = w.nextNode();
  while (node !== null) {
    if (++visited === CHECKPOINT_NODES) {
      visited = 0;
      yield null;
    }
    const parent = node.parentNode;
    if (parent !== top) {
      // Climbed out of elements: their keys no longer apply (a new key also ends the run).
      while (depth > 0 && els[depth] !== parent) depth--;
      top = els[depth] as Node;
      key = keys[depth] as BlockKey | null;
    }
    if (node.nodeType === TEXT_NODE) {
      const data = (node as Text).data;
      if (key !== null && data.length > 0) {
        if (runKey !== key) {
          if (runKey !== null) endRun(s, runKey, run);
          runKey = key;
          run = data;
          nodes.length = 0;
        } else run += data;
        nodes.push(node as Text);
      }
      node = w.nextNode();
      continue;
    }
    const el = node as Element;
    const kind = KINDS.get(el.localName);
    const skipped = kind === KIND_SKIP || kind === KIND_INVISIBLE || skippedAttr?.has(el) === true;
    const nested = !skipped && own && kind === KIND_BLOCK;
    if (skipped || nested) {
      // Skipped content that shows text of its own (code, an input) ends the run around it;
      // in 'own' mode a nested block is its own key, and a block boundary all the same.
      const splits = nested || (kind !== KIND_INVISIBLE && !el.hasAttribute('hidden'));
      if (splits && runKey !== null) {
        endRun(s, runKey, run);
        runKey = null;
      }
      node = pastSubtree(w);
      continue;
    }
    if (kind === KIND_BR || kind === KIND_BLOCK) {
      if (runKey !== null) {
        endRun(s, runKey, run);
        runKey = null;
      }
      if (kind === KIND_BLOCK) {
        key = el;
        onBlock?.(el, el);
      }
    }
    if (!own && el.shadowRoot !== null) pending.push(el);
    depth++;
    els[depth] = el;
    keys[depth] = key;
    top = el;
    node = w.nextNode();
  }
  if (runKey !== null) endRun(s, runKey, run);
}

/** Walks `start` itself: a document's root element, a shadow root, or an element not skipped. */
function* walkStart(
  s: WalkState,
  start: Element | ShadowRoot | Document,
): Generator<null, void, undefined> {
  let root: Element | ShadowRoot;
  if (start.nodeType === DOCUMENT_NODE) {
    const html = (start as Document).documentElement;
    if (!html) return;
    root = html;
  } else root = start as Element | ShadowRoot;
  if (root.nodeType === DOCUMENT_FRAGMENT_NODE) {
    s.onBlock?.(root as ShadowRoot, (root as ShadowRoot).host);
    yield* walkRoot(s, root, root as ShadowRoot);
  } else if (!isSkippedElement(root as Element)) {
    const el = root as Element;
    const rootKey = isBlockElement(el) ? el : null;
    if (rootKey) s.onBlock?.(el, el);
    if (!s.own && el.shadowRoot !== null) s.pending.push(el);
    yield* walkRoot(s, el, rootKey);
  }
}

/**
 * The text segments of a subtree, returned when the walk is done; the generator yields `null`
 * every few hundred nodes so callers can spread a long page over time slices. One walk serves
 * the first pass (with the matcher's native pre-filter, so only the few runs that may hold a
 * term are built) and the mutation passes ('own' for an edited block, 'deep' for an added
 * subtree). Open shadow roots are walked after the tree that hosts them: callers order
 * occurrences themselves (reading-order.ts), so no caller depends on where a root stands.
 *
 * It visits every node of a page that just loaded, in code the engine has not optimised yet, so
 * the work per node is small: TreeWalker.nextNode (one native call per node), the open elements
 * on a stack found by comparing parents, skip attributes looked up by one querySelectorAll per
 * root, and one scratch array for the open run's nodes, copied only for a run that passes.
 */
export function* walkSegments(
  start: Element | ShadowRoot | Document,
  options: WalkOptions = {},
): Generator<null, Segment[], undefined> {
  const { onShadowRoot } = options;
  const s: WalkState = {
    own: options.mode === 'own',
    mayHold: options.mayHold ?? always,
    onBlock: options.onBlock,
    out: [],
    pending: [],
    nodes: [],
  };
  yield* walkStart(s, start);
  const { pending } = s;
  for (let i = 0; i < pending.length; i++) {
    const host = pending[i] as Element;
    const sr = host.shadowRoot as ShadowRoot;
    onShadowRoot?.(sr);
    s.onBlock?.(sr, host);
    yield* walkRoot(s, sr, sr);
  }
  s.nodes.length = 0;
  return s.out;
}

/**
 * The block walk as it was before it was rewritten for speed (commit a01a344), kept as the
 * reference the new walk must agree with on random documents (see walk-differential.test.ts).
 */
import {
  BLOCK_TAGS,
  type BlockKey,
  isBlockElement,
  isSkippedElement,
} from '../../../src/highlight/blocks';
import type { Segment } from '../../../src/highlight/segment';

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
const DOCUMENT_FRAGMENT_NODE = 11;

const INVISIBLE_TAGS: ReadonlySet<string> = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'title',
  'datalist',
  'rt',
  'rp',
]);

function splitsText(el: Element): boolean {
  return !INVISIBLE_TAGS.has(el.localName) && !el.hasAttribute('hidden');
}

interface Frame {
  key: BlockKey | null; // null: text here belongs to a container outside the walked subtree
  block: Element | null;
  nodes: Text[];
  starts: number[];
  parts: string[];
  length: number;
}

function newFrame(key: BlockKey | null, block: Element | null): Frame {
  return { key, block, nodes: [], starts: [], parts: [], length: 0 };
}

const NON_SPACE = /\S/;

function flush(frame: Frame): Segment | null {
  if (frame.nodes.length === 0) return null;
  const text = frame.parts.length === 1 ? (frame.parts[0] as string) : frame.parts.join('');
  const seg =
    frame.key && frame.block && NON_SPACE.test(text)
      ? {
          key: frame.key,
          block: frame.block,
          nodes: frame.nodes,
          starts: frame.starts,
          parts: frame.parts,
          text,
        }
      : null;
  frame.nodes = [];
  frame.starts = [];
  frame.parts = [];
  frame.length = 0;
  return seg;
}

interface WalkOptions {
  /**
   * 'deep': every segment in the subtree, entering nested blocks and open shadow roots; text not
   * inside a block of the subtree (when `start` is inline) is left to its container's own scan.
   * 'own': only the segments owned by `start` (a block key): nested blocks and shadow roots are
   * their own keys and are not entered.
   */
  mode: 'deep' | 'own';
  /** Called for every open shadow root met (deep mode), so callers can observe and style it. */
  onShadowRoot?: (root: ShadowRoot) => void;
  /** Called for every block key entered (including `start` when it is one), even without text. */
  onBlock?: (key: BlockKey, block: Element) => void;
}

const SHOW_ELEMENT_AND_TEXT = 0x1 | 0x4;
const CHECKPOINT_NODES = 512;

/**
 * Walks a subtree and yields its text segments in document order, plus `null` checkpoints every
 * few hundred nodes. A generator so long pages can be collected across several time slices. A TreeWalker does the traversal (native, monomorphic:
 * several times faster than chasing firstChild/nextSibling from script); shadow roots, which it
 * cannot enter, get a walker of their own.
 */
export function* referenceWalk(
  start: Element | ShadowRoot | Document,
  options: WalkOptions,
): Generator<Segment | null, void, undefined> {
  let root: Element | ShadowRoot;
  if (start.nodeType === 9) {
    const html = (start as Document).documentElement;
    if (!html) return;
    root = html;
  } else {
    root = start as Element | ShadowRoot;
  }
  let frame: Frame;
  if (root.nodeType === DOCUMENT_FRAGMENT_NODE) {
    frame = newFrame(root as ShadowRoot, (root as ShadowRoot).host);
  } else {
    const el = root as Element;
    if (isSkippedElement(el)) return;
    frame = isBlockElement(el) ? newFrame(el, el) : newFrame(null, null);
  }
  if (frame.key && frame.block) options.onBlock?.(frame.key, frame.block);
  const deep = options.mode === 'deep';
  if (deep && root.nodeType === ELEMENT_NODE && (root as Element).shadowRoot) {
    yield* refShadow(root as Element, options);
  }
  yield* refTree(root, frame, options);
}

function* refShadow(
  host: Element,
  options: WalkOptions,
): Generator<Segment | null, void, undefined> {
  const sr = host.shadowRoot as ShadowRoot;
  options.onShadowRoot?.(sr);
  options.onBlock?.(sr, host);
  yield* refTree(sr, newFrame(sr, host), options);
}

function* refTree(
  root: Node,
  rootFrame: Frame,
  options: WalkOptions,
): Generator<Segment | null, void, undefined> {
  const deep = options.mode === 'deep';
  const doc = root.ownerDocument ?? (root as Document);
  const w = doc.createTreeWalker(root, SHOW_ELEMENT_AND_TEXT);
  // Open block frames; `owners[i]` is the element whose subtree frames[i] covers.
  const frames: Frame[] = [rootFrame];
  const owners: (Node | null)[] = [null];
  let frame = rootFrame;
  let node: Node | null = w.firstChild();
  let visited = 0;
  while (node) {
    // A checkpoint now and then, so callers can yield to the page even inside long stretches
    // without text (whitespace-only layouts, big navigation trees).
    if (++visited % CHECKPOINT_NODES === 0) yield null;
    let descend = false;
    if (node.nodeType === TEXT_NODE) {
      const data = (node as Text).data;
      if (data.length > 0) {
        frame.nodes.push(node as Text);
        frame.starts.push(frame.length);
        frame.parts.push(data);
        frame.length += data.length;
      }
    } else {
      const el = node as Element;
      const tag = el.localName;
      if (isSkippedElement(el)) {
        if (splitsText(el)) {
          const seg = flush(frame);
          if (seg) yield seg;
        }
      } else if (tag === 'br') {
        const seg = flush(frame);
        if (seg) yield seg;
      } else {
        descend = true;
        if (BLOCK_TAGS.has(tag)) {
          const seg = flush(frame);
          if (seg) yield seg;
          if (deep) {
            frame = newFrame(el, el);
            frames.push(frame);
            owners.push(el);
            options.onBlock?.(el, el);
          } else {
            descend = false; // a nested block is its own key
          }
        }
        if (deep && el.shadowRoot) yield* refShadow(el, options);
      }
    }
    if (descend) {
      const child = w.firstChild();
      if (child) {
        node = child;
        continue;
      }
    }
    // Advance to the next sibling, closing the frames of the elements we climb out of.
    for (;;) {
      const cur: Node = w.currentNode;
      if (owners[owners.length - 1] === cur) {
        const seg = flush(frame);
        if (seg) yield seg;
        frames.pop();
        owners.pop();
        frame = frames[frames.length - 1] as Frame;
      }
      const sib = w.nextSibling();
      if (sib) {
        node = sib;
        break;
      }
      const parent = w.parentNode();
      if (!parent) {
        node = null;
        break;
      }
    }
  }
  const seg = flush(frame);
  if (seg) yield seg;
}

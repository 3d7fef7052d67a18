/**
 * Text blocks: the text a reader sees as one run, so a term split over inline elements
 * ("intelligence <em>sharing</em>") is found while block boundaries are never crossed.
 * Decided by tag name, not getComputedStyle, because computing style per element is far too slow.
 */

/** A block key: the block element owning the text, or an open shadow root (its top-level text). */
export type BlockKey = Element | ShadowRoot;

export interface Segment {
  key: BlockKey;
  /** The element reported as the occurrence's block (the host for a shadow root key). */
  block: Element;
  nodes: Text[];
  /** Offset of each node's first character in `text`. */
  starts: number[];
  text: string;
}

// biome-ignore format: one long list reads better than fifty lines
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'button', 'caption', 'center', 'dd',
  'details', 'dialog', 'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer',
  'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'label', 'legend',
  'li', 'main', 'menu', 'nav', 'ol', 'p', 'search', 'section', 'summary', 'table', 'tbody', 'td',
  'tfoot', 'th', 'thead', 'tr', 'ul',
]);

/** Never scanned, nor anything inside: not prose, not rendered, or the user is typing there. */
// biome-ignore format: as above
export const SKIP_TAGS: ReadonlySet<string> = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'optgroup',
  'datalist', 'code', 'pre', 'kbd', 'samp', 'svg', 'math', 'head', 'title', 'iframe', 'frame',
  'object', 'embed', 'video', 'audio', 'canvas', 'img', 'picture', 'rt', 'rp',
]);

/** Skipped tags that render nothing; all other skipped elements split the text around them. */
// biome-ignore format: list
const INVISIBLE_TAGS: ReadonlySet<string> = new Set([
  'script', 'style', 'noscript', 'template', 'head', 'title', 'datalist', 'rt', 'rp',
]);

/**
 * A skipped element that shows text of its own (code, an input, our UI) ends the run around it, so
 * "intelligence <code>x</code> sharing" never matches across the code.
 */
export function splitsText(el: Element): boolean {
  return !INVISIBLE_TAGS.has(el.localName) && !el.hasAttribute('hidden');
}

/** The extension's own UI marks its host element with this attribute. */
export const UI_ATTRIBUTE = 'data-termlight-ui';

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
const DOCUMENT_FRAGMENT_NODE = 11;

/**
 * True when the element and its subtree are never scanned. `hidden` content is skipped (except
 * `until-found`, which find-in-page reveals); aria-hidden is NOT skipped because sighted readers
 * still see that text.
 */
export function isSkippedElement(el: Element): boolean {
  if (SKIP_TAGS.has(el.localName)) return true;
  if (!el.hasAttributes()) return false; // most elements: no attribute lookups at all
  if (el.hasAttribute(UI_ATTRIBUTE)) return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  const hidden = el.getAttribute('hidden');
  return hidden !== null && hidden.toLowerCase() !== 'until-found';
}

export function isBlockElement(el: Element): boolean {
  return BLOCK_TAGS.has(el.localName);
}

/**
 * The block key owning `node`'s text, or null when the node is inside a skipped context
 * (or detached). For a shadow root the key is the root itself and the block is its host.
 */
export function locate(node: Node): { key: BlockKey; block: Element } | null {
  let key: BlockKey | null = null;
  let block: Element | null = null;
  let cur: Node | null = node;
  while (cur) {
    if (cur.nodeType === ELEMENT_NODE) {
      const el = cur as Element;
      if (isSkippedElement(el)) return null;
      // The nearest block owns the text; `node` itself may be that block.
      if (!key && isBlockElement(el)) {
        key = el;
        block = el;
      }
    } else if (cur.nodeType === DOCUMENT_FRAGMENT_NODE) {
      const host: Element | null = (cur as ShadowRoot).host;
      if (!host) return null; // a detached fragment
      if (!key) {
        key = cur as ShadowRoot;
        block = host;
      }
      cur = host;
      continue;
    } else if (cur.nodeType === 9) {
      // Reached the document: connected.
      return key && block ? { key, block } : null;
    }
    cur = cur.parentNode;
  }
  return null; // detached
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
      ? { key: frame.key, block: frame.block, nodes: frame.nodes, starts: frame.starts, text }
      : null;
  frame.nodes = [];
  frame.starts = [];
  frame.parts = [];
  frame.length = 0;
  return seg;
}

export interface WalkOptions {
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
export function* walkSegments(
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
    yield* walkShadow(root as Element, options);
  }
  yield* walkTree(root, frame, options);
}

function* walkShadow(
  host: Element,
  options: WalkOptions,
): Generator<Segment | null, void, undefined> {
  const sr = host.shadowRoot as ShadowRoot;
  options.onShadowRoot?.(sr);
  options.onBlock?.(sr, host);
  yield* walkTree(sr, newFrame(sr, host), options);
}

function* walkTree(
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
        if (deep && el.shadowRoot) yield* walkShadow(el, options);
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

export function collectSegments(
  start: Element | ShadowRoot | Document,
  options: WalkOptions = { mode: 'deep' },
): Segment[] {
  const out: Segment[] = [];
  for (const seg of walkSegments(start, options)) if (seg) out.push(seg);
  return out;
}

/** Index of the node containing offset `pos` (for a start: pos < end of node). */
function nodeIndexAt(starts: readonly number[], pos: number, preferEarlier: boolean): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const s = starts[mid] as number;
    if (s < pos || (!preferEarlier && s === pos)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Maps [start, end) offsets in a segment's text back to a range over its Text nodes. An end at a
 * node boundary stays in the earlier node, so a range never starts or ends in a node it does not
 * cover.
 */
export function rangeFor(seg: Segment, start: number, end: number): StaticRange {
  const si = nodeIndexAt(seg.starts, start, false);
  const ei = nodeIndexAt(seg.starts, end, true);
  const startContainer = seg.nodes[si] as Text;
  const endContainer = seg.nodes[ei] as Text;
  return new StaticRange({
    startContainer,
    startOffset: start - (seg.starts[si] as number),
    endContainer,
    endOffset: end - (seg.starts[ei] as number),
  });
}

import { FoundOccurrence } from './occurrence';

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
  /** Each node's text when the segment was built; `text` is their concatenation. */
  parts: readonly string[];
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
  // Most elements: no attribute lookups at all.
  return el.hasAttributes() && skippedByAttribute(el);
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

const NON_SPACE = /\S/;

/** How the walk treats an element, by tag: one lookup instead of three set tests. */
const KIND_BLOCK = 1;
// Skipped, and ends the text run around it unless hidden: it shows text of its own (code, an
// input), so "intelligence <code>x</code> sharing" never matches across it.
const KIND_SKIP = 2;
const KIND_INVISIBLE = 3; // skipped; renders nothing, so the text around it runs on
const KIND_BR = 4;
const KINDS = new Map<string, number>();
for (const tag of BLOCK_TAGS) KINDS.set(tag, KIND_BLOCK);
for (const tag of SKIP_TAGS) KINDS.set(tag, INVISIBLE_TAGS.has(tag) ? KIND_INVISIBLE : KIND_SKIP);
KINDS.set('br', KIND_BR);

/** Attribute part of `isSkippedElement`, for an element that has attributes. */
function skippedByAttribute(el: Element): boolean {
  if (el.hasAttribute(UI_ATTRIBUTE)) return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  const hidden = el.getAttribute('hidden');
  return hidden !== null && hidden.toLowerCase() !== 'until-found';
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
  let key: BlockKey | null = null;
  let block: Element | null = null;
  if (root.nodeType === DOCUMENT_FRAGMENT_NODE) {
    key = root as ShadowRoot;
    block = (root as ShadowRoot).host;
  } else {
    const el = root as Element;
    if (isSkippedElement(el)) return;
    if (isBlockElement(el)) {
      key = el;
      block = el;
    }
  }
  if (key && block) options.onBlock?.(key, block);
  const deep = options.mode === 'deep';
  if (deep && root.nodeType === ELEMENT_NODE && (root as Element).shadowRoot) {
    yield* walkShadow(root as Element, options);
  }
  yield* walkTree(root, key, block, options);
}

function* walkShadow(
  host: Element,
  options: WalkOptions,
): Generator<Segment | null, void, undefined> {
  const sr = host.shadowRoot as ShadowRoot;
  options.onShadowRoot?.(sr);
  options.onBlock?.(sr, host);
  yield* walkTree(sr, sr, host, options);
}

/**
 * The walk itself. Runs once over every node of a page that just loaded, in code the engine has
 * not optimised yet, so it keeps the work per node small: one tag lookup, attribute checks only
 * for elements that have attributes, and no arrays for a block until it holds text.
 */
function* walkTree(
  root: Node,
  rootKey: BlockKey | null,
  rootBlock: Element | null,
  options: WalkOptions,
): Generator<Segment | null, void, undefined> {
  const deep = options.mode === 'deep';
  const onBlock = options.onBlock;
  const doc = root.ownerDocument ?? (root as Document);
  const w = doc.createTreeWalker(root, SHOW_ELEMENT_AND_TEXT);
  // Open blocks; `owners[i]` is the element whose subtree keys[i] covers (null: the root).
  const keys: (BlockKey | null)[] = [rootKey];
  const blocks: (Element | null)[] = [rootBlock];
  const owners: (Node | null)[] = [null];
  let key = rootKey;
  let block = rootBlock;
  let owner: Node | null = null;
  // The run of text being collected; `nodes` is null while there is none.
  let nodes: Text[] | null = null;
  let starts: number[] = [];
  let parts: string[] = [];
  let length = 0;

  /** Ends the current run: its segment when it is in a block and not blank. */
  const take = (): Segment | null => {
    if (nodes === null) return null;
    const text = parts.length === 1 ? (parts[0] as string) : parts.join('');
    const seg =
      key && block && NON_SPACE.test(text) ? { key, block, nodes, starts, parts, text } : null;
    nodes = null;
    return seg;
  };

  let node: Node | null = w.firstChild();
  let visited = 0;
  while (node !== null) {
    // A checkpoint now and then, so callers can yield to the page even inside long stretches
    // without text (whitespace-only layouts, big navigation trees).
    if (++visited === CHECKPOINT_NODES) {
      visited = 0;
      yield null;
    }
    let descend = false;
    if (node.nodeType === TEXT_NODE) {
      const data = (node as Text).data;
      if (data.length > 0) {
        if (nodes === null) {
          nodes = [node as Text];
          starts = [0];
          parts = [data];
          length = data.length;
        } else {
          nodes.push(node as Text);
          starts.push(length);
          parts.push(data);
          length += data.length;
        }
      }
    } else {
      const el = node as Element;
      const kind = KINDS.get(el.localName);
      const skipped =
        kind === KIND_SKIP ||
        kind === KIND_INVISIBLE ||
        (el.hasAttributes() && skippedByAttribute(el));
      if (skipped) {
        if (kind !== KIND_INVISIBLE && !el.hasAttribute('hidden')) {
          const seg = take();
          if (seg) yield seg;
        }
      } else if (kind === KIND_BR) {
        const seg = take();
        if (seg) yield seg;
      } else {
        descend = true;
        if (kind === KIND_BLOCK) {
          const seg = take();
          if (seg) yield seg;
          if (deep) {
            keys.push(el);
            blocks.push(el);
            owners.push(el);
            key = el;
            block = el;
            owner = el;
            onBlock?.(el, el);
          } else {
            descend = false; // a nested block is its own key
          }
        }
        if (deep && el.shadowRoot) yield* walkShadow(el, options);
      }
    }
    if (descend) {
      const child = w.firstChild();
      if (child !== null) {
        node = child;
        continue;
      }
    }
    // Advance to the next sibling, closing the blocks of the elements we climb out of.
    for (;;) {
      if (owner !== null && w.currentNode === owner) {
        const seg = take();
        if (seg) yield seg;
        keys.pop();
        blocks.pop();
        owners.pop();
        key = keys[keys.length - 1] as BlockKey | null;
        block = blocks[blocks.length - 1] as Element | null;
        owner = owners[owners.length - 1] as Node | null;
      }
      const sib = w.nextSibling();
      if (sib !== null) {
        node = sib;
        break;
      }
      if (w.parentNode() === null) {
        node = null;
        break;
      }
    }
  }
  const seg = take();
  if (seg) yield seg;
}

/**
 * The segments of a subtree (deep mode, as `walkSegments` finds them) whose text passes `mayHold`,
 * yielding `null` every few hundred nodes so callers can slice the work. Made for the first pass
 * over a page that just loaded, where a native pre-filter rules out most text: a page's thousands
 * of segments come down to a few dozen, and only those are built. Open shadow roots are walked
 * after their tree rather than where their host stands.
 *
 * It visits every node of the page in code the engine has not optimised yet, so the work per node
 * is small: TreeWalker.nextNode (one native call per node), the open elements on a stack found by
 * comparing parents, skip attributes looked up in one querySelectorAll per root, and one scratch
 * array for the open run's nodes. On the benchmark's Wikipedia page (about 33 ms in all), keeping
 * every node and text for later cost 7 ms more, and walking the candidates' blocks again 4 ms.
 */
export function* candidateSegments(
  start: Element | ShadowRoot | Document,
  mayHold: (text: string) => boolean,
  onShadowRoot?: (root: ShadowRoot) => void,
): Generator<null, Segment[], undefined> {
  const out: Segment[] = [];
  const pending: Element[] = [];
  // The open run: its key (null: none open), its text and its Text nodes. The array is reused
  // from run to run and copied only for a run that passes.
  let runKey: BlockKey | null = null;
  let run = '';
  const nodes: Text[] = [];

  const end = () => {
    const key = runKey as BlockKey;
    runKey = null;
    if (!mayHold(run) || !NON_SPACE.test(run)) return;
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
    out.push({ key, block, nodes: nodes.slice(), starts, parts, text: run });
  };

  function* walk(root: Element | ShadowRoot, rootKey: BlockKey | null) {
    const doc = root.ownerDocument as Document;
    const skippedAttr = attributeSkips(root);
    const w = doc.createTreeWalker(root, SHOW_ELEMENT_AND_TEXT);
    // The open elements from the root down, and the block key in force inside each.
    const els: Node[] = [root];
    const keys: (BlockKey | null)[] = [rootKey];
    let depth = 0;
    let top: Node = root;
    let key = rootKey;
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
            if (runKey !== null) end();
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
      if (kind === KIND_SKIP || kind === KIND_INVISIBLE || skippedAttr?.has(el) === true) {
        if (kind !== KIND_INVISIBLE && runKey !== null && !el.hasAttribute('hidden')) end();
        // Past the subtree: its text is never read.
        let next = w.nextSibling();
        while (next === null && w.parentNode() !== null) next = w.nextSibling();
        node = next;
        continue;
      }
      if (kind === KIND_BR || kind === KIND_BLOCK) {
        if (runKey !== null) end();
        if (kind === KIND_BLOCK) key = el;
      }
      if (el.shadowRoot !== null) pending.push(el);
      depth++;
      els[depth] = el;
      keys[depth] = key;
      top = el;
      node = w.nextNode();
    }
    if (runKey !== null) end();
  }

  let root: Element | ShadowRoot;
  if (start.nodeType === 9) {
    const html = (start as Document).documentElement;
    if (!html) return out;
    root = html;
  } else root = start as Element | ShadowRoot;
  if (root.nodeType === DOCUMENT_FRAGMENT_NODE) {
    yield* walk(root, root as ShadowRoot);
  } else if (!isSkippedElement(root as Element)) {
    const el = root as Element;
    if (el.shadowRoot !== null) pending.push(el);
    yield* walk(el, isBlockElement(el) ? el : null);
  }
  for (let i = 0; i < pending.length; i++) {
    const sr = (pending[i] as Element).shadowRoot as ShadowRoot;
    onShadowRoot?.(sr);
    yield* walk(sr, sr);
  }
  nodes.length = 0;
  run = '';
  return out;
}

/** Elements under `root` skipped for an attribute (see `skippedByAttribute`), or null if none. */
function attributeSkips(root: Element | ShadowRoot): Set<Element> | null {
  const out = new Set<Element>();
  for (const el of root.querySelectorAll('[contenteditable],[hidden],[data-termlight-ui]')) {
    if (skippedByAttribute(el)) out.add(el);
  }
  return out.size > 0 ? out : null;
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
 * The occurrence of entry `id` at [start, end) of a segment's text, over its Text nodes: an end
 * at a node boundary stays in the earlier node, so it never starts or ends in a node it does not
 * cover. Its text is cut from the node texts: an occurrence keeps its text for as long as it
 * lives, and a slice of `seg.text` could keep the whole page's text alive with it.
 */
export function occurrenceIn(
  seg: Segment,
  start: number,
  end: number,
  id: string,
): FoundOccurrence {
  const si = nodeIndexAt(seg.starts, start, false);
  const ei = nodeIndexAt(seg.starts, end, true);
  const so = start - (seg.starts[si] as number);
  const eo = end - (seg.starts[ei] as number);
  const first = seg.parts[si] as string;
  let text: string;
  if (si === ei) text = first.slice(so, eo);
  else {
    text = first.slice(so);
    for (let k = si + 1; k < ei; k++) text += seg.parts[k] as string;
    text += (seg.parts[ei] as string).slice(0, eo);
  }
  return new FoundOccurrence(
    id,
    seg.block,
    text,
    seg.nodes[si] as Text,
    so,
    seg.nodes[ei] as Text,
    eo,
  );
}

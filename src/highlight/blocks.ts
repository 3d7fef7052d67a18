import { DOCUMENT_FRAGMENT_NODE, DOCUMENT_NODE, ELEMENT_NODE, TEXT_NODE } from '../util/nodes';
import type { Bounds } from './occurrence';

/**
 * Text blocks: the text a reader sees as one run, so a term split over inline elements
 * ("intelligence <em>sharing</em>") is found while block boundaries are never crossed.
 * Decided by tag name, not getComputedStyle, because computing style per element is far too slow.
 */

/** A block key: the block element owning the text, or an open shadow root (its top-level text). */
export type BlockKey = Element | ShadowRoot;

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
    } else if (cur.nodeType === DOCUMENT_NODE) {
      // Reached the document: connected.
      return key && block ? { key, block } : null;
    }
    cur = cur.parentNode;
  }
  return null; // detached
}

/** How the walk treats an element, by tag: one lookup instead of three set tests. */
export const KIND_BLOCK = 1;
// Skipped, and ends the text run around it unless hidden: it shows text of its own (code, an
// input), so "intelligence <code>x</code> sharing" never matches across it.
export const KIND_SKIP = 2;
export const KIND_INVISIBLE = 3; // skipped; renders nothing, so the text around it runs on
export const KIND_BR = 4;
export const KINDS = new Map<string, number>();
for (const tag of BLOCK_TAGS) KINDS.set(tag, KIND_BLOCK);
for (const tag of SKIP_TAGS) KINDS.set(tag, INVISIBLE_TAGS.has(tag) ? KIND_INVISIBLE : KIND_SKIP);
KINDS.set('br', KIND_BR);

/** Attribute part of `isSkippedElement`, for an element that has attributes. */
export function skippedByAttribute(el: Element): boolean {
  if (el.hasAttribute(UI_ATTRIBUTE)) return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  const hidden = el.getAttribute('hidden');
  return hidden !== null && hidden.toLowerCase() !== 'until-found';
}

/** Elements under `root` skipped for an attribute (see `skippedByAttribute`), or null if none. */
export function attributeSkips(root: Element | ShadowRoot): Set<Element> | null {
  const out = new Set<Element>();
  for (const el of root.querySelectorAll(`[contenteditable],[hidden],[${UI_ATTRIBUTE}]`)) {
    if (skippedByAttribute(el)) out.add(el);
  }
  return out.size > 0 ? out : null;
}

/** Text nodes from the range's start container to its end container, in tree order. */
export function textNodesIn(range: Bounds): Text[] {
  const first = range.startContainer;
  const last = range.endContainer;
  if (first.nodeType !== TEXT_NODE || last.nodeType !== TEXT_NODE) return [];
  if (first === last) return [first as Text];
  const out: Text[] = [first as Text];
  let n: Node | null = first;
  while (n && n !== last) {
    // Next node in tree order, skipping subtrees the scanner skipped.
    let next: Node | null = null;
    if (
      n !== first &&
      n.firstChild &&
      !(n.nodeType === ELEMENT_NODE && isSkippedElement(n as Element))
    ) {
      next = n.firstChild;
    } else {
      let cur: Node | null = n;
      while (cur && !cur.nextSibling) cur = cur.parentNode;
      next = cur ? cur.nextSibling : null;
    }
    n = next;
    if (n && n.nodeType === TEXT_NODE) {
      const t = n as Text;
      if (t.data.length > 0 || t === last) out.push(t);
    }
  }
  return n === last ? out : [];
}

/** Node types by name (Node.ELEMENT_NODE and friends are not on every realm's global in tests). */
export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
export const DOCUMENT_NODE = 9;
export const DOCUMENT_FRAGMENT_NODE = 11;

/** TreeWalker `whatToShow` for elements and text. */
export const SHOW_ELEMENT_AND_TEXT = 0x1 | 0x4;
export const SHOW_TEXT = 0x4;

/** A shadow root's host, else the node itself: where a node stands in its host's tree. */
export function hostOrSelf(node: Node): Node {
  return node.nodeType === DOCUMENT_FRAGMENT_NODE ? ((node as ShadowRoot).host ?? node) : node;
}

/** Whether a node is in the document, counting a shadow root by its host. */
export function isConnectedKey(node: Node): boolean {
  return hostOrSelf(node).isConnected;
}

// The popover's isolated host: a custom element with an open shadow root, present in the page
// only while a popover is shown. Page CSS cannot restyle it (see HOST_STYLE) or reach inside.

import { UI_ATTRIBUTE } from '../../highlight/blocks';

export const HOST_TAG = 'termlight-popover';

/**
 * Inline `!important` declarations written through CSSOM: inline important beats the page's
 * `* { all: unset !important }` and z-index wars, and CSSOM writes are not blocked by a page CSP
 * that forbids inline style attributes. `all` does not cover `direction`, which the shadow
 * content sets itself.
 */
export const HOST_STYLE: ReadonlyArray<readonly [string, string]> = [
  ['all', 'initial'],
  ['display', 'block'],
  ['position', 'fixed'],
  ['top', '0'],
  ['left', '0'],
  ['width', '0'],
  ['height', '0'],
  ['margin', '0'],
  ['padding', '0'],
  ['border', '0'],
  ['overflow', 'visible'],
  ['z-index', '2147483647'],
  ['visibility', 'visible'],
  ['opacity', '1'],
  ['pointer-events', 'none'],
  ['background', 'transparent'],
];

/**
 * The host's `zoom`: the inverse of the effective CSS zoom of <html>, our host's parent. CSS zoom
 * multiplies down the tree; `all: initial` resets the host's own `zoom` to 1 but cannot undo an
 * ancestor's, so under `html { zoom: 1.5 }` every `left`/`top` floating-ui wrote was scaled by
 * 1.5 too, while it measures the term in viewport pixels (client rects come back zoomed): the
 * popover landed half as far again right and down, off the term and partly off-screen. Cancelled,
 * the popover's CSS pixels are viewport pixels and its text keeps its designed size, as with the
 * pinned `rem`. `1` when the root is not zoomed (or its zoom is unreadable).
 */
export function counterZoom(rootZoom: number): string {
  if (!Number.isFinite(rootZoom) || rootZoom <= 0) return '1';
  return String(1 / rootZoom);
}

/** Effective CSS zoom of <html> (`currentCSSZoom`; computed `zoom` where that is missing). */
function rootZoom(doc: Document): number {
  const root = doc.documentElement;
  if (typeof root.currentCSSZoom === 'number') return root.currentCSSZoom;
  return Number.parseFloat(doc.defaultView?.getComputedStyle(root).zoom ?? '1');
}

export interface PopoverHost {
  host: HTMLElement;
  /** Where the popover content renders. */
  mount: HTMLElement;
  /** A polite live region for "Definition of X" announcements. */
  live: HTMLElement;
}

/**
 * Builds the host, its shadow root and styles, outside the page: the controller renders into it
 * while the hover delay runs and attaches it (`attachPopoverHost`) when the popover opens.
 */
export function createPopoverHost(doc: Document, css: string): PopoverHost {
  const host = doc.createElement(HOST_TAG);
  // The highlighter skips elements with this attribute, so it never scans the popover.
  host.setAttribute(UI_ATTRIBUTE, '');
  for (const [name, value] of HOST_STYLE) host.style.setProperty(name, value, 'important');
  // Read once per popover, before our host is in the tree: a page changing its root zoom while
  // a popover is open is not worth a style read on every placement.
  host.style.setProperty('zoom', counterZoom(rootZoom(doc)), 'important');
  const shadow = host.attachShadow({ mode: 'open' });
  // A <style> element rather than adoptedStyleSheets: constructed sheets from a Firefox content
  // script's world cannot be adopted into page nodes (Xray wrappers).
  const style = doc.createElement('style');
  style.textContent = css;
  const live = doc.createElement('div');
  live.className = 'tl-visually-hidden';
  live.setAttribute('role', 'status');
  live.setAttribute('aria-live', 'polite');
  const mount = doc.createElement('div');
  shadow.append(style, live, mount);
  return { host, mount, live };
}

/** Puts a host made by `createPopoverHost` in the page, where it stays while it is shown. */
export function attachPopoverHost(doc: Document, ui: PopoverHost): void {
  // On <html>, not <body>: a transform or filter on body would make `position: fixed`
  // relative to body instead of the viewport.
  if (!ui.host.isConnected) doc.documentElement.append(ui.host);
}

// The popover's isolated host: a custom element with an open shadow root, present in the page
// only while a popover is shown. Page CSS cannot restyle it (see HOST_STYLE) or reach inside.

import { UI_ATTRIBUTE } from '../highlight/blocks';

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

export interface PopoverHost {
  host: HTMLElement;
  /** Where the popover content renders. */
  mount: HTMLElement;
  /** A polite live region for "Definition of X" announcements. */
  live: HTMLElement;
}

export function createPopoverHost(doc: Document, css: string): PopoverHost {
  const host = doc.createElement(HOST_TAG);
  // The highlighter skips elements with this attribute, so it never scans the popover.
  host.setAttribute(UI_ATTRIBUTE, '');
  for (const [name, value] of HOST_STYLE) host.style.setProperty(name, value, 'important');
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
  // On <html>, not <body>: a transform or filter on body would make `position: fixed`
  // relative to body instead of the viewport.
  doc.documentElement.append(host);
  return { host, mount, live };
}

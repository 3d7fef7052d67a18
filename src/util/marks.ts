import { sameOriginAsTop } from './frame';

/**
 * Performance marks the content script leaves in the page's timeline (shared with the main world
 * in both browsers), read by the benchmark and the end-to-end tests. Names in one place.
 */
export const MARK = {
  /** The content script's main() started. */
  script: 'termlight:script',
  /** Settings read. */
  settings: 'termlight:settings',
  /** Matcher tables loaded. */
  tables: 'termlight:tables',
  /** The frame exits without highlighting; detail: { reason }. */
  skip: 'termlight:skip',
  /** The first pass starts. */
  start: 'termlight:start',
  /** Blocks in the viewport are painted. */
  viewport: 'termlight:viewport',
  /** A pass finished; detail: { occurrences }. */
  idle: 'termlight:idle',
  /** The popover's code finished loading; detail: { ms }. */
  popoverLoad: 'termlight:popover-load',
  /** A popover opened; detail: { id, pinned, renderMs }. */
  popover: 'termlight:popover',
} as const;

/** Firefox's function that copies a content script's object into the page's compartment. */
declare const cloneInto: ((value: unknown, target: object) => unknown) | undefined;

/**
 * Firefox (140) clones a mark's detail into the compartment of the script that calls `mark`: a
 * content script's detail is then unreadable to the page, whose own scripts (analytics reading
 * the timeline) get a permission error. There the page's own `mark` is called, with options
 * copied into the page, in the top frame and in frames of the same origin. A cross-origin
 * sub-frame (an ad that may be navigating away) gets no detail at all: calling into a page that
 * is being replaced leaves permission errors in its console. Elsewhere the timeline is shared as
 * it is.
 */
function firefoxMark(name: string, detail: unknown): boolean {
  if (typeof window === 'undefined' || typeof cloneInto !== 'function') return false;
  const page = (window as { wrappedJSObject?: { performance?: Performance } }).wrappedJSObject;
  try {
    if (page?.performance && sameOriginAsTop(window)) {
      page.performance.mark(name, cloneInto({ detail }, window) as PerformanceMarkOptions);
    } else {
      performance.mark(name);
    }
  } catch {
    // Diagnostics only.
  }
  return true;
}

/** Leaves a mark; marks are diagnostics only, so failures are ignored. */
export function mark(name: string, detail?: unknown): void {
  if (detail !== undefined && firefoxMark(name, detail)) return;
  try {
    performance.mark(name, detail === undefined ? undefined : { detail });
  } catch {
    // Not available (or a detail that cannot be cloned): nothing to report.
  }
}

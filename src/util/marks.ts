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

/** Leaves a mark; marks are diagnostics only, so failures are ignored. */
export function mark(name: string, detail?: unknown): void {
  try {
    performance.mark(name, detail === undefined ? undefined : { detail });
  } catch {
    // Not available (or a detail that cannot be cloned): nothing to report.
  }
}

/**
 * The content script's parts that ship as chunks of their own, loaded into the content script's
 * world when needed (web-accessible resources; on Chrome reachable only through the session's
 * dynamic URL). Each leaves what it offers in a slot of that world's global, where the page's own
 * scripts, in another world, never see it.
 *
 * - The engine (entrypoints/engine.ts): settings, matcher, highlighter, messaging. Every frame
 *   loads the small content script; only frames worth it load this.
 * - The popover's view (entrypoints/popover-view.ts), on the first sign of intent.
 */
export const ENGINE_CHUNK = '/engine.js';
export const ENGINE_SLOT = '__termlightEngine';
export const POPOVER_CHUNK = '/popover-view.js';
export const POPOVER_SLOT = '__termlightPopoverView';

/** What the engine chunk offers the content script. */
export type EngineStarter = (options: {
  isTopFrame: boolean;
  signal: AbortSignal;
}) => Promise<void>;

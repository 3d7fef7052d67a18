/**
 * The popover's view ships as a chunk of its own (entrypoints/popover-view.ts), loaded into the
 * content script's world on the first sign of intent; it leaves its factory in this slot of
 * that world's global (the page's own scripts live in another world and never see it).
 */
export const POPOVER_CHUNK = '/popover-view.js';
export const POPOVER_SLOT = '__termlightPopoverView';

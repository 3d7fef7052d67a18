import { MARK, mark } from '../util/marks';

/**
 * Frames that hold nothing cost nothing. Every frame runs the content script (ads, embeds,
 * trackers), so before a sub-frame reads settings or loads the glossary it must look worth it:
 * visible, not a pixel, and holding text the pre-filter does not rule out. A frame that fails
 * waits for the one thing that could change that (a resize, or new text) and is looked at again.
 */

/** Smaller than this (CSS px) in either direction, a frame is a tracking pixel or a spacer. */
export const MIN_FRAME_PX = 24;
/** New text in a quiet frame is looked at no more often than this. */
const TEXT_CHECK_MS = 500;

export type SkipReason = 'hidden' | 'tiny' | 'no-terms';

/** Why a sub-frame should not run now, or null when it should. */
export function skipReason(
  win: Pick<Window, 'innerWidth' | 'innerHeight'>,
  doc: Document,
  mayMatch: (text: string) => boolean,
): SkipReason | null {
  if (win.innerWidth === 0 || win.innerHeight === 0) return 'hidden';
  if (win.innerWidth < MIN_FRAME_PX || win.innerHeight < MIN_FRAME_PX) return 'tiny';
  const text = (doc.body ?? doc.documentElement)?.textContent ?? '';
  return mayMatch(text) ? null : 'no-terms';
}

/** Resolves true on the next resize, false on abort. */
function nextResize(win: Window, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    const done = new AbortController();
    const finish = (value: boolean) => {
      done.abort();
      resolve(value);
    };
    win.addEventListener('resize', () => finish(true), { signal: done.signal });
    signal.addEventListener('abort', () => finish(false), { signal: done.signal });
  });
}

/** Resolves true once added text may hold a term, false on abort. */
function nextText(doc: Document, mayMatch: (text: string) => boolean, signal: AbortSignal) {
  return new Promise<boolean>((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let added: Node[] = [];
    const check = () => {
      timer = undefined;
      const nodes = added;
      added = [];
      if (nodes.some((n) => mayMatch(n.textContent ?? ''))) finish(true);
    };
    const observer = new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'characterData') added.push(r.target);
        else for (const n of r.addedNodes) added.push(n);
      }
      timer ??= setTimeout(check, TEXT_CHECK_MS);
    });
    const finish = (value: boolean) => {
      observer.disconnect();
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve(value);
    };
    const onAbort = () => finish(false);
    signal.addEventListener('abort', onAbort);
    observer.observe(doc, { childList: true, subtree: true, characterData: true });
  });
}

/**
 * Resolves true when the frame is worth highlighting (at once, in the usual case), false when
 * `signal` aborts first. The top frame is always worth it: its text may come later (SPAs).
 */
export async function frameReady(
  win: Window,
  doc: Document,
  isTopFrame: boolean,
  mayMatch: (text: string) => boolean,
  signal: AbortSignal,
): Promise<boolean> {
  if (isTopFrame) return !signal.aborted;
  for (;;) {
    if (signal.aborted) return false;
    const reason = skipReason(win, doc, mayMatch);
    if (reason === null) return true;
    mark(MARK.skip, { reason });
    const again =
      reason === 'no-terms' ? await nextText(doc, mayMatch, signal) : await nextResize(win, signal);
    if (!again) return false;
  }
}

import { MARK, mark } from '../util/marks';

/**
 * Frames that hold nothing cost nothing. Every frame runs the content script (ads, embeds,
 * trackers), so before a sub-frame reads settings or loads the glossary it must look worth it:
 * visible, not a pixel, and holding text the pre-filter does not rule out. A frame that fails
 * waits for the one thing that could change that (a resize, or new text) and is looked at again.
 * The build's gate knows only the glossary; the reader's own and pack terms have a gate of their
 * own in storage, read only by a frame the build's gate turns away for its text.
 */

/** Smaller than this (CSS px) in either direction, a frame is a tracking pixel or a spacer. */
export const MIN_FRAME_PX = 24;
/** New text in a quiet frame is looked at no more often than this. */
const TEXT_CHECK_MS = 500;

export type SkipReason = 'hidden' | 'tiny' | 'no-terms';

/** A frame gate: false when `text` certainly holds no term. */
export type Gate = (text: string) => boolean;

/** Why a sub-frame should not run now, or null when it should. */
export function skipReason(
  win: Pick<Window, 'innerWidth' | 'innerHeight'>,
  doc: Document,
  mayMatch: Gate,
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

/** Resolves true once added text may hold a term, or `early` says yes; false on abort. */
function nextText(doc: Document, mayMatch: Gate, signal: AbortSignal, early?: Promise<boolean>) {
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
    void early?.then((yes) => yes && finish(true));
  });
}

/**
 * Resolves true when the frame is worth highlighting (at once, in the usual case), false when
 * `signal` aborts first. The top frame is always worth it: its text may come later (SPAs).
 * `userGate` reads the gate of the reader's terms (null without any): at most once, and only
 * when `mayMatch`, the build's gate, finds no term in a sub-frame's text.
 */
export async function frameReady(
  win: Window,
  doc: Document,
  isTopFrame: boolean,
  mayMatch: Gate,
  signal: AbortSignal,
  userGate?: () => Promise<Gate | null>,
): Promise<boolean> {
  if (isTopFrame) return !signal.aborted;
  let gate = mayMatch;
  let readUser = userGate;
  for (;;) {
    if (signal.aborted) return false;
    let text = '';
    const reason = skipReason(win, doc, (t) => {
      text = t;
      return gate(t);
    });
    if (reason === null) return true;
    mark(MARK.skip, { reason });
    if (reason !== 'no-terms') {
      if (!(await nextResize(win, signal))) return false;
      continue;
    }
    // The reader's gate is read while text is watched for, so none added meanwhile is missed,
    // and asked about the text already read rather than reading it again.
    const early = readUser?.().then(
      (user) => {
        if (!user) return false;
        gate = (t) => mayMatch(t) || user(t);
        return user(text);
      },
      () => false,
    );
    readUser = undefined;
    if (!(await nextText(doc, (t) => gate(t), signal, early))) return false;
  }
}

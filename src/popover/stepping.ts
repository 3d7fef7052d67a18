import { liveRange } from './live-range';
import type { PopoverContext } from './open-state';
import { ensureView } from './open-state';
import { stepIndex } from './reading-order';
import { scrollRangeIntoView, scrollSettled } from './scroll';
import type { PopoverOccurrence } from './types';

// next()/previous(): scroll to the neighbouring occurrence in reading order and open it pinned,
// with focus inside, once the scroll has settled.

const reducedMotion = (win: Window) =>
  win.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

/** Where focus goes back to: the page's focus before the first popover of a walk took it. */
function returnFocusFor<O extends PopoverOccurrence>({ doc, win, state }: PopoverContext<O>) {
  const active = doc.activeElement;
  const pageFocus = active instanceof win.HTMLElement && active !== doc.body ? active : null;
  return (state.shown ? state.view?.returnFocus() : null) ?? pageFocus;
}

export function step<O extends PopoverOccurrence>(ctx: PopoverContext<O>, direction: 1 | -1): void {
  const { doc, win, highlighter, state, intent, signal } = ctx;
  const list = highlighter.occurrences();
  const from = state.shown ?? state.cursor;
  const index = stepIndex(
    list.length,
    from ? list.indexOf(from) : -1,
    direction,
    (i) => {
      const o = list[i];
      return o ? liveRange(o.range, doc)?.getBoundingClientRect() : null;
    },
    win.innerHeight,
  );
  const target = list[index];
  const range = target ? liveRange(target.range, doc) : null;
  if (!target || !range) return;
  void ensureView(ctx);
  const returnFocus = returnFocusFor(ctx);
  const smooth = !reducedMotion(win);
  const scrolled = scrollRangeIntoView(range, smooth ? 'smooth' : 'auto');
  // One popover at a time: the old one goes now rather than trailing its term off-screen.
  if (state.shown) intent.close();
  state.cursor = target;
  highlighter.setActive(target);
  const token = ++state.navToken;
  const go = () => {
    if (token !== state.navToken || signal.aborted) return;
    intent.pin(target, { focus: true, returnFocus, pointer: null });
  };
  if (scrolled && smooth) void scrollSettled(doc, signal).then(go);
  else go();
}

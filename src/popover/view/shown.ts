import { liveRange } from '../live-range';
import { scrollRangeIntoView } from '../scroll';
import type { PopoverOccurrence, ViewHost } from '../types';
import type { PopoverHost } from './host';
import type { PopoverMemory } from './memory';
import type { NavState } from './navigation';
import { type RangeReference, rangeReference, trackPlacement } from './placement';
import { type Rendered, renderPopover } from './render';

// The view's state, one object, and what happens to a shown popover after it opened: it is
// painted, announced, kept next to its term, follows related terms and moves to another
// occurrence. Opening and closing are in view.tsx.

export interface Shown<O> extends Rendered<O> {
  /** Where focus was on the page before it moved into the popover. */
  returnFocus: HTMLElement | null;
  /** The term has been seen in view since opening; only then does leaving the view close it. */
  seen: boolean;
  placement: AbortController;
  reference: RangeReference;
}

export interface ViewState<O extends PopoverOccurrence> {
  host: ViewHost<O>;
  doc: Document;
  win: Window & typeof globalThis;
  memory: PopoverMemory | undefined;
  /** The shadow host, built on the first prepare or show and dropped on hide. */
  ui: PopoverHost | null;
  shown: Shown<O> | null;
  /** What `prepare` painted during the hover delay, and the term it announced. */
  prepared: { occurrence: O; dir: 'ltr' | 'rtl'; term: string | null } | null;
  /** `navigate` and `reveal` bound to this state once, for the popover's buttons. */
  onNavigate(nav: NavState): void;
  onReveal(target: O): void;
}

export const reducedMotion = (win: Window): boolean =>
  win.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

/** Page direction at the term, read before our host is inserted (no extra style pass). */
export const directionAt = <O extends PopoverOccurrence>(v: ViewState<O>, o: O): 'ltr' | 'rtl' =>
  v.win.getComputedStyle(o.block).direction === 'rtl' ? 'rtl' : 'ltr';

export const dialog = <O extends PopoverOccurrence>(v: ViewState<O>): HTMLElement | null =>
  v.ui?.mount.querySelector<HTMLElement>('.tl-popover') ?? null;

export function announce<O extends PopoverOccurrence>(v: ViewState<O>, text: string): void {
  const live = v.ui?.live;
  if (!live) return;
  live.textContent = '';
  // A live region announces changes, not its initial content, so fill it after insertion.
  v.win.setTimeout(() => {
    if (v.ui?.live === live) live.textContent = text;
  }, 50);
}

export function paint<O extends PopoverOccurrence>(
  v: ViewState<O>,
  target: PopoverHost,
  current: Rendered<O>,
): string | null {
  const { host } = v;
  return renderPopover(target.mount, current, {
    highlighter: host.highlighter,
    local: host.local,
    actions: host.actions,
    close: host.close,
    navigate: v.onNavigate,
    reveal: v.onReveal,
    memory: v.memory,
    userEntry: host.userEntry,
  });
}

/** Following a related term is an interaction: the popover stays open from now on. */
export function navigate<O extends PopoverOccurrence>(v: ViewState<O>, nav: NavState) {
  const { shown, ui } = v;
  if (!shown || !ui) return;
  v.host.pin(shown.occurrence);
  shown.pinned = true;
  shown.nav = nav;
  const term = paint(v, ui, shown);
  dialog(v)?.focus({ preventScroll: true });
  if (term) announce(v, term);
}

/** Keeps the popover placed at its term; closes it once the term scrolls away or is removed. */
export function anchor<O extends PopoverOccurrence>(v: ViewState<O>, current: Shown<O>): void {
  const floating = dialog(v);
  if (!floating) return;
  trackPlacement(
    current.reference,
    floating,
    (result) => {
      if (v.shown !== current) return;
      if (!current.occurrence.range.startContainer.isConnected) {
        // The page removed the term (e.g. a live-updating article): nothing left to explain.
        v.host.close('api');
        return;
      }
      if (!result.referenceHidden) current.seen = true;
      else if (current.seen) v.host.close('scrolled-away');
    },
    current.placement.signal,
  );
}

/** Scrolls to another occurrence (smoothly unless reduced motion) and re-anchors there. */
export function reveal<O extends PopoverOccurrence>(v: ViewState<O>, target: O) {
  const range = liveRange(target.range, v.doc);
  const { shown: current, ui } = v;
  if (!range || !current || !ui) return;
  scrollRangeIntoView(range, reducedMotion(v.win) ? 'auto' : 'smooth');
  v.host.highlighter.flash(target);
  current.placement.abort();
  Object.assign(current, {
    occurrence: target,
    seen: false,
    pinned: true,
    placement: new AbortController(),
    reference: rangeReference(range, null),
    dir: directionAt(v, target),
  });
  v.host.moved(target);
  paint(v, ui, current);
  anchor(v, current);
}

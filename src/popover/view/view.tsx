import { render } from 'preact';
import { MARK, mark } from '../../util/marks';
import { liveRange } from '../live-range';
import { scrollRangeIntoView } from '../scroll';
import type { PopoverOccurrence, PopoverView, ShowOptions, ViewHost } from '../types';
import { attachPopoverHost, createPopoverHost, type PopoverHost } from './host';
import type { PopoverMemory } from './memory';
import { type NavState, startNav } from './navigation';
import { type RangeReference, rangeReference, trackPlacement } from './placement';
import { type Rendered, renderPopover, SHADOW_CSS } from './render';

// Rendering and placement: the popover in a shadow root, attached to the page only while shown,
// kept next to its term while the page scrolls and moves.

interface Shown<O> extends Rendered<O> {
  /** Where focus was on the page before it moved into the popover. */
  returnFocus: HTMLElement | null;
  /** The term has been seen in view since opening; only then does leaving the view close it. */
  seen: boolean;
  placement: AbortController;
  reference: RangeReference;
}

export function createPopoverView<O extends PopoverOccurrence>(
  host: ViewHost<O>,
  memory?: PopoverMemory,
): PopoverView<O> {
  const { doc, highlighter } = host;
  const win = doc.defaultView ?? window;
  let ui: PopoverHost | null = null;
  let shown: Shown<O> | null = null;

  const reducedMotion = () => win.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  /** Page direction at the term, read before our host is inserted (no extra style pass). */
  const directionAt = (o: O): 'ltr' | 'rtl' =>
    win.getComputedStyle(o.block).direction === 'rtl' ? 'rtl' : 'ltr';
  const dialog = () => ui?.mount.querySelector<HTMLElement>('.tl-popover') ?? null;

  /** The focused element on the page (a shadow host if focus is inside one), never our host. */
  const pageFocus = (): HTMLElement | null => {
    const active = doc.activeElement;
    if (!active || active === doc.body || (ui && active === ui.host)) return null;
    return active instanceof win.HTMLElement ? active : null;
  };

  const announce = (text: string) => {
    const live = ui?.live;
    if (!live) return;
    live.textContent = '';
    // A live region announces changes, not its initial content, so fill it after insertion.
    win.setTimeout(() => {
      if (ui?.live === live) live.textContent = text;
    }, 50);
  };

  const paint = (target: PopoverHost, current: Rendered<O>) =>
    renderPopover(target.mount, current, {
      highlighter,
      local: host.local,
      actions: host.actions,
      close: host.close,
      navigate,
      reveal,
      memory,
      userEntry: host.userEntry,
    });

  /** Following a related term is an interaction: the popover stays open from now on. */
  function navigate(nav: NavState) {
    if (!shown || !ui) return;
    host.pin(shown.occurrence);
    shown.pinned = true;
    shown.nav = nav;
    const term = paint(ui, shown);
    dialog()?.focus({ preventScroll: true });
    if (term) announce(term);
  }

  const anchor = (current: Shown<O>) => {
    const floating = dialog();
    if (!floating) return;
    trackPlacement(
      current.reference,
      floating,
      (result) => {
        if (shown !== current) return;
        if (!current.occurrence.range.startContainer.isConnected) {
          // The page removed the term (e.g. a live-updating article): nothing left to explain.
          host.close('api');
          return;
        }
        if (!result.referenceHidden) current.seen = true;
        else if (current.seen) host.close('scrolled-away');
      },
      current.placement.signal,
    );
  };

  /** Scrolls to another occurrence (smoothly unless reduced motion) and re-anchors there. */
  function reveal(target: O) {
    const range = liveRange(target.range, doc);
    if (!range || !shown || !ui) return;
    scrollRangeIntoView(range, reducedMotion() ? 'auto' : 'smooth');
    highlighter.flash(target);
    const current = shown;
    current.placement.abort();
    Object.assign(current, {
      occurrence: target,
      seen: false,
      pinned: true,
      placement: new AbortController(),
      reference: rangeReference(range, null),
      dir: directionAt(target),
    });
    host.moved(target);
    paint(ui, current);
    anchor(current);
  }

  const show = (occurrence: O, options: ShowOptions) => {
    const range = liveRange(occurrence.range, doc);
    if (!range) {
      host.close('api');
      return;
    }
    const returnFocus = () =>
      options.returnFocus !== undefined ? options.returnFocus : options.focus ? pageFocus() : null;
    if (shown && ui && shown.occurrence === occurrence) {
      // Same term: only the pinned state (and so the dialog role) changes.
      shown.pinned ||= options.pinned;
      paint(ui, shown);
      if (options.focus) {
        shown.returnFocus ??= returnFocus();
        dialog()?.focus({ preventScroll: true });
      }
      return;
    }
    const previous = shown;
    previous?.placement.abort();
    const dir = directionAt(occurrence);
    ui ??= createPopoverHost(doc, SHADOW_CSS);
    attachPopoverHost(doc, ui);
    shown = {
      occurrence,
      pinned: options.pinned,
      nav: startNav(occurrence.id),
      dir,
      // Keep the original page focus when one popover replaces another (next/previous).
      returnFocus: previous?.returnFocus ?? returnFocus(),
      seen: false,
      placement: new AbortController(),
      reference: rangeReference(range, options.pointer),
    };
    if (options.record) memory?.opened(occurrence, doc);
    const term = paint(ui, shown);
    anchor(shown);
    if (options.focus) dialog()?.focus({ preventScroll: true });
    if (term) announce(term);
    // For the benchmark and e2e: time from the open decision to content in the DOM.
    mark(MARK.popover, {
      id: occurrence.id,
      pinned: options.pinned,
      renderMs: performance.now() - options.since,
    });
  };

  const hide = (restoreFocus: boolean) => {
    const current = shown;
    shown = null;
    current?.placement.abort();
    if (!ui) return;
    const focusWasInside = doc.activeElement === ui.host;
    render(null, ui.mount);
    ui.host.remove();
    ui = null;
    if ((restoreFocus || focusWasInside) && current?.returnFocus?.isConnected) {
      // preventScroll: the reader stays where they navigated to; only keyboard focus returns.
      current.returnFocus.focus({ preventScroll: true });
    }
  };

  host.signal.addEventListener('abort', () => hide(false), { once: true });

  return {
    // The first render on a page (code not yet compiled) would otherwise land after the delay.
    prepare(occurrence) {
      if (shown || host.signal.aborted || !liveRange(occurrence.range, doc)) return;
      ui ??= createPopoverHost(doc, SHADOW_CSS);
      paint(ui, {
        occurrence,
        nav: startNav(occurrence.id),
        pinned: false,
        dir: directionAt(occurrence),
      });
    },
    show,
    hide,
    contains: (event) => !!ui && event.composedPath().includes(ui.host),
    returnFocus: () => shown?.returnFocus ?? null,
  };
}

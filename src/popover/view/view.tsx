import { render } from 'preact';
import { MARK, mark } from '../../util/marks';
import { liveRange } from '../live-range';
import type { PopoverOccurrence, PopoverView, ShowOptions, ViewHost } from '../types';
import { attachPopoverHost, createPopoverHost } from './host';
import type { PopoverMemory } from './memory';
import { startNav } from './navigation';
import { rangeReference } from './placement';
import { SHADOW_CSS } from './render';
import {
  anchor,
  announce,
  dialog,
  directionAt,
  navigate,
  paint,
  reveal,
  type ViewState,
} from './shown';

// Rendering and placement: the popover in a shadow root, attached to the page only while shown,
// kept next to its term while the page scrolls and moves (shown.ts).

/** The focused element on the page (a shadow host if focus is inside one), never our host. */
function pageFocus<O extends PopoverOccurrence>({ doc, win, ui }: ViewState<O>) {
  const active = doc.activeElement;
  if (!active || active === doc.body || (ui && active === ui.host)) return null;
  return active instanceof win.HTMLElement ? active : null;
}

/** Where focus returns on close, as asked, else the page's focus when focus moves in. */
const returnFocusFor = <O extends PopoverOccurrence>(v: ViewState<O>, options: ShowOptions) =>
  options.returnFocus !== undefined ? options.returnFocus : options.focus ? pageFocus(v) : null;

function show<O extends PopoverOccurrence>(v: ViewState<O>, occurrence: O, options: ShowOptions) {
  const range = liveRange(occurrence.range, v.doc);
  if (!range) {
    v.host.close('api');
    return;
  }
  const previous = v.shown;
  if (previous && v.ui && previous.occurrence === occurrence) {
    // Same term: only the pinned state (and so the dialog role) changes.
    previous.pinned ||= options.pinned;
    paint(v, v.ui, previous);
    if (options.focus) {
      previous.returnFocus ??= returnFocusFor(v, options);
      dialog(v)?.focus({ preventScroll: true });
    }
    return;
  }
  previous?.placement.abort();
  // A hover opens what `prepare` painted during the delay: the same content, so no repaint.
  const ready =
    !options.pinned && v.ui && v.prepared?.occurrence === occurrence ? v.prepared : null;
  v.prepared = null;
  const dir = ready?.dir ?? directionAt(v, occurrence);
  v.ui ??= createPopoverHost(v.doc, SHADOW_CSS);
  const ui = v.ui;
  attachPopoverHost(v.doc, ui);
  const shown = {
    occurrence,
    pinned: options.pinned,
    nav: startNav(occurrence.id),
    dir,
    // Keep the original page focus when one popover replaces another (next/previous).
    returnFocus: previous?.returnFocus ?? returnFocusFor(v, options),
    seen: false,
    placement: new AbortController(),
    reference: rangeReference(range, options.pointer),
  };
  v.shown = shown;
  if (options.record) v.memory?.opened(occurrence, v.doc);
  const term = ready ? ready.term : paint(v, ui, shown);
  anchor(v, shown);
  if (options.focus) dialog(v)?.focus({ preventScroll: true });
  if (term) announce(v, term);
  // For the benchmark and e2e: time from the open decision to content in the DOM.
  mark(MARK.popover, {
    id: occurrence.id,
    pinned: options.pinned,
    renderMs: performance.now() - options.since,
  });
}

function hide<O extends PopoverOccurrence>(v: ViewState<O>, restoreFocus: boolean) {
  const { shown: current, ui, doc } = v;
  v.shown = null;
  v.prepared = null;
  current?.placement.abort();
  if (!ui) return;
  const focusWasInside = doc.activeElement === ui.host;
  render(null, ui.mount);
  ui.host.remove();
  v.ui = null;
  if ((restoreFocus || focusWasInside) && current?.returnFocus?.isConnected) {
    // preventScroll: the reader stays where they navigated to; only keyboard focus returns.
    current.returnFocus.focus({ preventScroll: true });
  }
}

/** The first render on a page (code not yet compiled) would otherwise land after the delay. */
function prepare<O extends PopoverOccurrence>(v: ViewState<O>, occurrence: O) {
  if (v.shown || v.host.signal.aborted || !liveRange(occurrence.range, v.doc)) return;
  v.ui ??= createPopoverHost(v.doc, SHADOW_CSS);
  const dir = directionAt(v, occurrence);
  const term = paint(v, v.ui, { occurrence, nav: startNav(occurrence.id), pinned: false, dir });
  v.prepared = { occurrence, dir, term };
}

export function createPopoverView<O extends PopoverOccurrence>(
  host: ViewHost<O>,
  memory?: PopoverMemory,
): PopoverView<O> {
  const v: ViewState<O> = {
    host,
    doc: host.doc,
    win: host.doc.defaultView ?? window,
    memory,
    ui: null,
    shown: null,
    prepared: null,
    onNavigate: (nav) => navigate(v, nav),
    onReveal: (target) => reveal(v, target),
  };
  host.signal.addEventListener('abort', () => hide(v, false), { once: true });
  return {
    prepare: (occurrence) => prepare(v, occurrence),
    show: (occurrence, options) => show(v, occurrence, options),
    hide: (restoreFocus) => hide(v, restoreFocus),
    contains: (event) => !!v.ui && event.composedPath().includes(v.ui.host),
    returnFocus: () => v.shown?.returnFocus ?? null,
  };
}

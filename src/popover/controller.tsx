import { render } from 'preact';
import { CATEGORY_LABELS } from '../glossary/categories';
import { entryById, glossary, relatedEntries } from '../glossary/glossary';
import type { Settings } from '../settings/settings';
import { Popover } from '../ui/Popover';
import popoverCss from '../ui/popover.css?inline';
import themeCss from '../ui/theme.css?inline';
import { attachPopoverHost, createPopoverHost, HOST_TAG, type PopoverHost } from './host';
import { createHoverIntent } from './hover-intent';
import { canGoBack, currentId, type NavState, popNav, pushNav, startNav } from './navigation';
import { pageSentences, sentenceAround } from './page-sentences';
import {
  liveRange,
  type Point,
  type RangeReference,
  rangeReference,
  trackPlacement,
} from './placement';
import { stepIndex } from './reading-order';
import { scrollRangeIntoView, scrollSettled } from './scroll';
import { pinRootUnits } from './shadow-css';
import type { PopoverActions, PopoverHighlighter, PopoverOccurrence } from './types';

// Glue only: wires page events to the hover-intent machine and renders <Popover> into a shadow
// root. Everything is registered with the caller's signal, so one abort leaves nothing behind.

export { HOST_TAG };

/** The shadow root's styles, with `rem` pinned so the page's root font size cannot resize us. */
export const SHADOW_CSS = pinRootUnits(`${themeCss}\n${popoverCss}`);

export interface StartPopoverOptions<O extends PopoverOccurrence> {
  doc: Document;
  highlighter: PopoverHighlighter<O> & { setActive?(occurrence: O | null): void };
  settings: () => Pick<Settings, 'hoverDelayMs'>;
  signal: AbortSignal;
  actions: PopoverActions;
}

export interface PopoverController<O> {
  openFor(occurrence: O, opts?: { pin?: boolean; focus?: boolean }): void;
  close(): void;
  next(): void;
  previous(): void;
}

const TAP_SLOP = 10;
const noop = () => {};

interface Shown<O> {
  occurrence: O;
  pinned: boolean;
  nav: NavState;
  /** Where focus was on the page before it moved into the popover. */
  returnFocus: HTMLElement | null;
  /** The term has been seen in view since opening; only then does leaving the view close it. */
  seen: boolean;
  placement: AbortController;
  reference: RangeReference;
  /** Page direction at the term, read once before our host is inserted (no extra style pass). */
  dir: 'ltr' | 'rtl';
}

type Ui = PopoverHost;

/** What the popover's content depends on. */
type Rendered<O extends PopoverOccurrence> = Pick<
  Shown<O>,
  'occurrence' | 'nav' | 'pinned' | 'dir'
>;

const isEditable = (el: Element | null): boolean =>
  !!el &&
  (el instanceof HTMLInputElement ||
    el instanceof HTMLTextAreaElement ||
    el instanceof HTMLSelectElement ||
    (el as HTMLElement).isContentEditable);

export function startPopover<O extends PopoverOccurrence>(
  options: StartPopoverOptions<O>,
): PopoverController<O> {
  const { doc, highlighter, signal, actions } = options;
  const win = doc.defaultView ?? window;

  let ui: Ui | null = null;
  let shown: Shown<O> | null = null;
  /** Options for the next open, set just before asking the intent machine to open. */
  let request: { focus: boolean; returnFocus?: HTMLElement | null } = { focus: false };
  /** Last occurrence reached by next()/previous() or opened, for reading-order navigation. */
  let cursor: O | null = null;
  let navToken = 0;
  let lastPointer: Point | null = null;

  const reducedMotion = () => win.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  const inHost = (event: Event) => !!ui && event.composedPath().includes(ui.host);

  /** The focused element on the page (a shadow host if focus is inside one), never our host. */
  const pageFocus = (): HTMLElement | null => {
    const active = doc.activeElement;
    if (!active || active === doc.body || (ui && active === ui.host)) return null;
    return active instanceof win.HTMLElement ? active : null;
  };

  const setActive = (occurrence: O | null) => {
    if (highlighter.setActive) {
      highlighter.setActive(occurrence);
      return;
    }
    // Fallback for highlighters without setActive: the name is part of the contract.
    const registry = (win as Window & typeof globalThis).CSS?.highlights;
    if (!registry) return;
    if (occurrence) registry.set('termlight-active', new win.Highlight(occurrence.range));
    else registry.delete('termlight-active');
  };

  const createUi = (): Ui => createPopoverHost(doc, SHADOW_CSS);

  const announce = (text: string) => {
    const live = ui?.live;
    if (!live) return;
    live.textContent = '';
    // A live region announces changes, not its initial content, so fill it after insertion.
    win.setTimeout(() => {
      if (ui?.live === live) live.textContent = text;
    }, 50);
  };

  const hide = (restoreFocus: boolean) => {
    navToken++;
    const current = shown;
    shown = null;
    if (current) current.placement.abort();
    setActive(null);
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

  const paint = () => {
    if (shown && ui) renderInto(ui, shown);
  };

  /** Renders the popover for `current` into `target` (attached to the page or not yet). */
  const renderInto = (target: Ui, current: Rendered<O>) => {
    const entry = entryById(currentId(current.nav));
    if (!entry) {
      intent.close();
      return;
    }
    const onPage = highlighter.occurrences().filter((o) => o.id === entry.id);
    const sentences = pageSentences(onPage, 3);
    render(
      <Popover
        entry={entry}
        categoryLabel={CATEGORY_LABELS[entry.category]}
        articleTitle={glossary.article.title}
        related={relatedEntries(entry)}
        pageCount={onPage.length}
        pageSentences={sentences.map((s) => ({
          sentence: s.sentence,
          current: s.occurrence === current.occurrence,
        }))}
        pinned={current.pinned}
        canGoBack={canGoBack(current.nav)}
        dir={current.dir}
        onBack={() => navigate(popNav(current.nav))}
        onRelated={(id) => navigate(pushNav(current.nav, id))}
        onReveal={(index) => {
          const target = sentences[index]?.occurrence;
          if (target) reveal(target);
        }}
        onOpenInReference={() => actions.openInReference(entry.id)}
        onHideTerm={() => {
          actions.hideTerm(entry.id);
          intent.close();
        }}
        onDisableSite={() => {
          actions.disableSite();
          intent.close();
        }}
        // The close button dismisses exactly like Esc, including returning focus.
        onClose={() => intent.escape()}
      />,
      target.mount,
    );
  };

  /**
   * While the hover delay runs, builds the popover for the term under the pointer outside the
   * page, so opening only attaches and places it: the delay is idle time for us, and the first
   * render on a page (code not yet compiled) would otherwise land after it.
   */
  const prepare = (occurrence: O) => {
    if (shown || signal.aborted || !liveRange(occurrence.range, doc)) return;
    ui ??= createUi();
    renderInto(ui, {
      occurrence,
      nav: startNav(occurrence.id),
      pinned: false,
      dir: directionAt(occurrence),
    });
  };

  const dialog = () => ui?.mount.querySelector<HTMLElement>('.tl-popover') ?? null;

  const navigate = (nav: NavState) => {
    if (!shown) return;
    // Following a related term is an interaction: keep the popover open from now on.
    shown.pinned = true;
    shown.nav = nav;
    paint();
    dialog()?.focus({ preventScroll: true });
    const entry = entryById(currentId(nav));
    if (entry) announce(`Definition of ${entry.term}`);
  };

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
          intent.close();
          return;
        }
        if (!result.referenceHidden) current.seen = true;
        else if (current.seen) intent.scrolledAway();
      },
      current.placement.signal,
    );
  };

  const directionAt = (occurrence: O): 'ltr' | 'rtl' =>
    win.getComputedStyle(occurrence.block).direction === 'rtl' ? 'rtl' : 'ltr';

  const show = (occurrence: O, pinned: boolean) => {
    const startedAt = performance.now();
    const { focus, returnFocus } = request;
    request = { focus: false };
    const range = liveRange(occurrence.range, doc);
    if (!range) {
      intent.close();
      return;
    }
    if (shown && shown.occurrence === occurrence) {
      // Same term: only the pinned state (and so the dialog role) changes.
      shown.pinned = shown.pinned || pinned;
      paint();
      if (focus) {
        shown.returnFocus ??= returnFocus ?? pageFocus();
        dialog()?.focus({ preventScroll: true });
      }
      return;
    }
    const previous = shown;
    if (previous) previous.placement.abort();
    const dir = directionAt(occurrence);
    ui ??= createUi();
    attachPopoverHost(doc, ui);
    const pointer = lastPointer;
    shown = {
      occurrence,
      pinned,
      nav: startNav(occurrence.id),
      // Keep the original page focus when one popover replaces another (next/previous).
      returnFocus: previous?.returnFocus ?? returnFocus ?? (focus ? pageFocus() : null),
      seen: false,
      placement: new AbortController(),
      reference: rangeReference(range, pointer),
      dir,
    };
    cursor = occurrence;
    setActive(occurrence);
    paint();
    anchor(shown);
    if (focus) dialog()?.focus({ preventScroll: true });
    const entry = entryById(occurrence.id);
    if (entry) announce(`Definition of ${entry.term}`);
    // For the benchmark and e2e: time from the open decision to content in the DOM.
    performance.mark('termlight:popover', {
      detail: { id: occurrence.id, pinned, renderMs: performance.now() - startedAt },
    });
  };

  const intent = createHoverIntent<O>({
    openDelayMs: () => options.settings().hoverDelayMs,
    onOpen: (target, state) => show(target, state.pinned),
    onClose: (reason) => hide(reason === 'escape'),
    // Its own task: the pointer's frame callback, where the intent starts, stays short.
    onPending: (target) =>
      win.setTimeout(() => {
        if (intent.snapshot().pending === target) prepare(target);
      }, 0),
    signal,
  });

  const pin = (occurrence: O, focus: boolean, returnFocus?: HTMLElement | null) => {
    request = returnFocus === undefined ? { focus } : { focus, returnFocus };
    intent.pin(occurrence);
    request = { focus: false };
  };

  /** Scrolls to an occurrence (smoothly unless reduced motion) and re-anchors the popover there. */
  const reveal = (target: O) => {
    const range = liveRange(target.range, doc);
    if (!range || !shown) return;
    scrollRangeIntoView(range, reducedMotion() ? 'auto' : 'smooth');
    highlighter.flash(target);
    const current = shown;
    current.placement.abort();
    current.occurrence = target;
    current.seen = false;
    current.pinned = true;
    current.placement = new AbortController();
    current.reference = rangeReference(range, null);
    current.dir = directionAt(target);
    cursor = target;
    setActive(target);
    paint();
    anchor(current);
  };

  const step = (direction: 1 | -1) => {
    const list = highlighter.occurrences();
    if (list.length === 0) return;
    const from = shown?.occurrence ?? cursor;
    const index = stepIndex(
      list.length,
      from ? list.indexOf(from) : -1,
      direction,
      (i) => {
        const occurrence = list[i];
        return occurrence ? liveRange(occurrence.range, doc)?.getBoundingClientRect() : null;
      },
      win.innerHeight,
    );
    const target = list[index];
    if (!target) return;
    const range = liveRange(target.range, doc);
    if (!range) return;
    const returnFocus = shown?.returnFocus ?? pageFocus();
    const smooth = !reducedMotion();
    const scrolled = scrollRangeIntoView(range, smooth ? 'smooth' : 'auto');
    // One popover at a time: the old one goes now rather than trailing its term off-screen.
    if (shown) intent.close();
    cursor = target;
    setActive(target);
    const token = ++navToken;
    const open = () => {
      if (token !== navToken || signal.aborted) return;
      lastPointer = null;
      pin(target, true, returnFocus);
    };
    if (scrolled && smooth) void scrollSettled(doc, signal).then(open);
    else open();
  };

  // --- Pointer: hover intent (mouse and pen), throttled to one hit-test per frame. ---
  let frame = 0;
  let latest: { x: number; y: number; inPopover: boolean } | null = null;
  doc.addEventListener(
    'pointermove',
    (event) => {
      if (event.pointerType === 'touch') {
        if (tap && Math.hypot(event.clientX - tap.x, event.clientY - tap.y) > TAP_SLOP) tap = null;
        return;
      }
      // composedPath() is only available while the event is dispatched, so read it now.
      latest = { x: event.clientX, y: event.clientY, inPopover: inHost(event) };
      if (frame) return;
      frame = win.requestAnimationFrame(() => {
        frame = 0;
        const sample = latest;
        latest = null;
        if (!sample || signal.aborted) return;
        if (sample.inPopover) {
          intent.pointer(null, true);
          return;
        }
        lastPointer = { x: sample.x, y: sample.y };
        intent.pointer(highlighter.occurrenceAt(sample.x, sample.y), false);
      });
    },
    { passive: true, signal },
  );
  signal.addEventListener('abort', () => {
    if (frame) win.cancelAnimationFrame(frame);
  });

  doc.addEventListener(
    'pointerout',
    (event) => {
      // The pointer left the window: it is over neither the term nor the popover.
      if (event.relatedTarget === null && event.pointerType !== 'touch')
        intent.pointer(null, false);
    },
    { passive: true, signal },
  );

  // --- Touch: a tap opens, a scroll or drag does not. ---
  let tap: { x: number; y: number; id: number } | null = null;
  let lastTapAt = -Infinity;
  doc.addEventListener(
    'pointerdown',
    (event) => {
      if (inHost(event)) {
        // Interacting with a hover popover makes it persistent.
        if (shown && !shown.pinned) pin(shown.occurrence, false);
        return;
      }
      if (event.pointerType === 'touch') {
        tap = { x: event.clientX, y: event.clientY, id: event.pointerId };
        return;
      }
      if (shown && !highlighter.occurrenceAt(event.clientX, event.clientY)) intent.outside();
    },
    { passive: true, capture: true, signal },
  );
  doc.addEventListener('pointercancel', () => (tap = null), { passive: true, signal });
  doc.addEventListener(
    'pointerup',
    (event) => {
      if (event.pointerType !== 'touch' || !tap || tap.id !== event.pointerId) return;
      const moved = Math.hypot(event.clientX - tap.x, event.clientY - tap.y) > TAP_SLOP;
      tap = null;
      if (moved || inHost(event)) return;
      lastTapAt = event.timeStamp;
      const hit = highlighter.occurrenceAt(event.clientX, event.clientY);
      if (hit) {
        lastPointer = { x: event.clientX, y: event.clientY };
        // Focus goes into the dialog as for a click: a screen reader's double-tap arrives here too.
        pin(hit, true);
      } else if (shown) {
        intent.outside();
      }
    },
    { passive: true, signal },
  );
  doc.addEventListener('scroll', () => (tap = null), { passive: true, capture: true, signal });

  // --- Click (mouse) and Enter (keyboard) pin a term. ---
  doc.addEventListener(
    'click',
    (event) => {
      if (event.button !== 0 || inHost(event)) return;
      // Modified clicks belong to links (new tab, download); keyboard-made clicks (detail 0)
      // carry no pointer position to hit-test.
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey || event.detail === 0) {
        return;
      }
      // The tap was handled on pointerup; this is its compatibility click.
      if (event.timeStamp - lastTapAt < 1000) return;
      // Selecting text that starts on a term is not a request to open it.
      if (win.getSelection()?.isCollapsed === false) return;
      const hit = highlighter.occurrenceAt(event.clientX, event.clientY);
      if (!hit) return;
      lastPointer = { x: event.clientX, y: event.clientY };
      pin(hit, true);
    },
    { signal },
  );

  doc.addEventListener(
    'keydown',
    (event) => {
      if (event.key === 'Escape') {
        if (shown && intent.escape()) event.preventDefault();
        return;
      }
      if (event.key !== 'Enter' || event.defaultPrevented || inHost(event)) return;
      const target = event.target instanceof win.Element ? event.target : null;
      if (!target || isEditable(target)) return;
      const hit = highlighter.occurrenceFor(target);
      if (!hit) return;
      event.preventDefault();
      lastPointer = null;
      pin(hit, true);
    },
    { capture: true, signal },
  );

  signal.addEventListener('abort', () => hide(false), { once: true });

  // The first popover otherwise pays for cold code (Preact, the entry view) and ICU's sentence
  // rules inside the hover frame; doing both once off-document while the page is idle makes the
  // first open close to later ones. Nothing is inserted into the page.
  const warm = () => {
    const entry = glossary.entries[0];
    if (signal.aborted || !entry || shown) return;
    const scratch = doc.createElement('div');
    render(
      <Popover
        entry={entry}
        categoryLabel={CATEGORY_LABELS[entry.category]}
        articleTitle={glossary.article.title}
        related={relatedEntries(entry)}
        pageCount={0}
        pageSentences={[]}
        pinned={false}
        canGoBack={false}
        onBack={noop}
        onRelated={noop}
        onReveal={noop}
        onOpenInReference={noop}
        onHideTerm={noop}
        onDisableSite={noop}
        onClose={noop}
      />,
      scratch,
    );
    render(null, scratch);
    sentenceAround('Warm up. Done.', 0, 4);
  };
  if (typeof win.requestIdleCallback === 'function')
    win.requestIdleCallback(warm, { timeout: 3000 });

  return {
    openFor(occurrence, opts = {}) {
      if (signal.aborted) return;
      lastPointer = null;
      if (opts.pin ?? true) pin(occurrence, opts.focus ?? true);
      else {
        request = { focus: opts.focus ?? false };
        intent.show(occurrence);
        request = { focus: false };
      }
    },
    close() {
      intent.close();
    },
    next: () => step(1),
    previous: () => step(-1),
  };
}

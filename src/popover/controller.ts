import { createHoverIntent } from './hover-intent';
import { listenForIntents } from './input';
import { liveRange } from './live-range';
import { stepIndex } from './reading-order';
import { scrollRangeIntoView, scrollSettled } from './scroll';
import type {
  Point,
  PopoverActions,
  PopoverController,
  PopoverHighlighter,
  PopoverOccurrence,
  PopoverView,
  ViewFactory,
  ViewHost,
} from './types';

// The popover's open/close state, always loaded: input becomes intents (input.ts), the hover
// machine decides (hover-intent.ts), and the view renders (view/, loaded on the first sign of
// intent: a pointer resting on a term, a keyboard command, focus on a term). Everything is
// registered with the caller's signal, so one abort leaves nothing behind.

export interface StartPopoverOptions<O extends PopoverOccurrence> {
  doc: Document;
  highlighter: PopoverHighlighter<O>;
  settings: () => { hoverDelayMs: number };
  signal: AbortSignal;
  actions: PopoverActions;
  /** The view's code: a promise while its chunk loads, or at hand (tests). */
  loadView: () => ViewFactory | Promise<ViewFactory>;
}

/** How an open was asked for (a click, a key, the API); undefined for an open by hover. */
interface OpenDetail {
  focus: boolean;
  returnFocus?: HTMLElement | null;
  pointer: Point | null;
  /** The reader asked for it (click, tap, Enter on a term): a lookup for the reading history. */
  record?: boolean;
}

interface PopoverState<O extends PopoverOccurrence> {
  view: PopoverView<O> | null;
  loading: Promise<PopoverView<O> | null> | null;
  /** The occurrence the popover shows; null while closed. */
  shown: O | null;
  /** The last occurrence opened or stepped to, for next()/previous(). */
  cursor: O | null;
  /** The pointer over a term, to anchor a wrapped term's line under it. */
  pointer: Point | null;
  /** Bumped on every close, so a scroll that settles later opens nothing stale. */
  navToken: number;
}

export function startPopover<O extends PopoverOccurrence>(
  options: StartPopoverOptions<O>,
): PopoverController<O> {
  const { doc, highlighter, signal } = options;
  const win = doc.defaultView ?? window;
  const state: PopoverState<O> = {
    view: null,
    loading: null,
    shown: null,
    cursor: null,
    pointer: null,
    navToken: 0,
  };

  const host: ViewHost<O> = {
    doc,
    highlighter,
    actions: options.actions,
    signal,
    close(reason) {
      if (reason === 'escape') intent.escape();
      else if (reason === 'scrolled-away') intent.scrolledAway();
      else intent.close();
    },
    pin: (o) => intent.pin(o, { focus: false, pointer: null }),
    moved(o) {
      state.shown = o;
      state.cursor = o;
      highlighter.setActive(o);
    },
  };

  const ensureView = (): PopoverView<O> | Promise<PopoverView<O> | null> | null => {
    if (state.view) return state.view;
    if (state.loading) return state.loading;
    const made = (factory: ViewFactory) => {
      if (signal.aborted) return null;
      state.view = factory(host);
      return state.view;
    };
    try {
      const loaded = options.loadView();
      if (typeof loaded === 'function') return made(loaded);
      state.loading = loaded.then(made, (error: unknown) => {
        console.error('[termlight] the popover could not load', error);
        state.loading = null;
        return null;
      });
      return state.loading;
    } catch (error) {
      console.error('[termlight] the popover could not load', error);
      return null;
    }
  };

  /** Runs `fn` with the view: now when it is loaded, else once it is. */
  const withView = (fn: (view: PopoverView<O>) => void) => {
    const view = ensureView();
    if (view === null) return;
    if ('then' in view) void view.then((v) => v && !signal.aborted && fn(v));
    else fn(view);
  };

  const open = (
    view: PopoverView<O>,
    target: O,
    pinned: boolean,
    detail: OpenDetail | undefined,
    since: number,
  ) => {
    // The view may have loaded after the intent changed its mind.
    if (intent.snapshot().open?.target !== target) return;
    state.shown = target;
    state.cursor = target;
    highlighter.setActive(target);
    view.show(target, {
      pinned,
      focus: detail?.focus ?? false,
      returnFocus: detail?.returnFocus,
      pointer: detail ? detail.pointer : state.pointer,
      since,
      // A hover (no detail) or the reader's own pin; keyboard stepping and the API are not lookups.
      record: detail ? detail.record === true : true,
    });
  };

  const close = (restoreFocus: boolean) => {
    state.navToken++;
    state.shown = null;
    highlighter.setActive(null);
    state.view?.hide(restoreFocus);
  };

  const intent = createHoverIntent<O, OpenDetail>({
    openDelayMs: () => options.settings().hoverDelayMs,
    onOpen: (target, { pinned }, detail) => {
      const decided = performance.now();
      withView((view) => open(view, target, pinned, detail, decided));
    },
    onClose: (reason) => close(reason === 'escape'),
    // Its own task: the pointer's frame callback, where the intent starts, stays short. The
    // delay is idle time for us: the view loads and builds the popover outside the page.
    onPending: (target) =>
      win.setTimeout(() => {
        if (intent.snapshot().pending === target) withView((view) => view.prepare(target));
      }, 0),
    signal,
  });

  const reducedMotion = () => win.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

  const step = (direction: 1 | -1) => {
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
    void ensureView();
    const active = doc.activeElement;
    const pageFocus = active instanceof win.HTMLElement && active !== doc.body ? active : null;
    const returnFocus = (state.shown ? state.view?.returnFocus() : null) ?? pageFocus;
    const smooth = !reducedMotion();
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
  };

  listenForIntents(
    doc,
    {
      hitAt: (x, y) => highlighter.occurrenceAt(x, y),
      hitFor: (target) => highlighter.occurrenceFor(target),
      inPopover: (event) => state.view?.contains(event) ?? false,
      isOpen: () => state.shown !== null,
      pointer(hit, inPopover, at) {
        if (at) state.pointer = at;
        intent.pointer(hit, inPopover);
      },
      pressInPopover() {
        if (state.shown && !intent.snapshot().open?.pinned) host.pin(state.shown);
      },
      pin: (hit, at) => intent.pin(hit, { focus: true, pointer: at, record: true }),
      outside: () => intent.outside(),
      escape: () => intent.escape(),
      warm: () => void ensureView(),
      loaded: () => state.view !== null || state.loading !== null,
    },
    signal,
  );

  signal.addEventListener('abort', () => close(false), { once: true });

  return {
    openFor(occurrence, opts = {}) {
      if (signal.aborted) return;
      const pin = opts.pin ?? true;
      const detail = { focus: opts.focus ?? pin, pointer: null };
      if (pin) intent.pin(occurrence, detail);
      else intent.show(occurrence, detail);
    },
    close: () => intent.close(),
    next: () => step(1),
    previous: () => step(-1),
  };
}

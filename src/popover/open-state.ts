import type { HoverIntent } from './hover-intent';
import type {
  Point,
  PopoverActions,
  PopoverHighlighter,
  PopoverOccurrence,
  PopoverView,
  ViewFactory,
  ViewHost,
} from './types';

// The popover's open/close state, one object, and what happens to it when the hover machine
// (hover-intent.ts) decides: the view is loaded on demand, shown with the options the open was
// asked with, hidden on close. The controller (controller.ts) only wires these together.

/** How an open was asked for (a click, a key, the API); undefined for an open by hover. */
export interface OpenDetail {
  focus: boolean;
  returnFocus?: HTMLElement | null;
  pointer: Point | null;
  /** The reader asked for it (click, tap, Enter on a term): a lookup for the reading history. */
  record?: boolean;
}

export interface PopoverState<O extends PopoverOccurrence> {
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

export const initialState = <O extends PopoverOccurrence>(): PopoverState<O> => ({
  view: null,
  loading: null,
  shown: null,
  cursor: null,
  pointer: null,
  navToken: 0,
});

/** Everything the transitions below work with. */
export interface PopoverContext<O extends PopoverOccurrence> {
  doc: Document;
  win: Window & typeof globalThis;
  highlighter: PopoverHighlighter<O>;
  actions: PopoverActions;
  signal: AbortSignal;
  /** The view's code: a promise while its chunk loads, or at hand (tests). */
  loadView: () => ViewFactory | Promise<ViewFactory>;
  state: PopoverState<O>;
  intent: HoverIntent<O, OpenDetail>;
}

/** The reader interacted with the popover: keep it open, focus where it is. */
export const keepOpen = <O extends PopoverOccurrence>(ctx: PopoverContext<O>, o: O): void =>
  ctx.intent.pin(o, { focus: false, pointer: null });

/** Marks `o` as the occurrence shown and stepped from. */
function current<O extends PopoverOccurrence>(ctx: PopoverContext<O>, o: O) {
  ctx.state.shown = o;
  ctx.state.cursor = o;
  ctx.highlighter.setActive(o);
}

function viewHost<O extends PopoverOccurrence>(ctx: PopoverContext<O>): ViewHost<O> {
  const { doc, highlighter, actions, signal, intent } = ctx;
  return {
    doc,
    highlighter,
    actions,
    signal,
    close(reason) {
      if (reason === 'escape') intent.escape();
      else if (reason === 'scrolled-away') intent.scrolledAway();
      else intent.close();
    },
    pin: (o) => keepOpen(ctx, o),
    moved: (o) => current(ctx, o),
  };
}

const loadFailed = (error: unknown) =>
  console.error('[termlight] the popover could not load', error);

/** The view: at hand once made, a promise while its code loads, null if it cannot load. */
export function ensureView<O extends PopoverOccurrence>(
  ctx: PopoverContext<O>,
): PopoverView<O> | Promise<PopoverView<O> | null> | null {
  const { state, signal } = ctx;
  if (state.view) return state.view;
  if (state.loading) return state.loading;
  const made = (factory: ViewFactory) => {
    if (signal.aborted) return null;
    state.view = factory(viewHost(ctx));
    return state.view;
  };
  try {
    const loaded = ctx.loadView();
    if (typeof loaded === 'function') return made(loaded);
    state.loading = loaded.then(made, (error: unknown) => {
      loadFailed(error);
      state.loading = null;
      return null;
    });
    return state.loading;
  } catch (error) {
    loadFailed(error);
    return null;
  }
}

/** Runs `fn` with the view: now when it is loaded, else once it is. */
export function withView<O extends PopoverOccurrence>(
  ctx: PopoverContext<O>,
  fn: (view: PopoverView<O>) => void,
): void {
  const view = ensureView(ctx);
  if (view === null) return;
  if ('then' in view) void view.then((v) => v && !ctx.signal.aborted && fn(v));
  else fn(view);
}

/** The hover machine opened `target`: show it once the view is there. */
export function opened<O extends PopoverOccurrence>(
  ctx: PopoverContext<O>,
  target: O,
  pinned: boolean,
  detail: OpenDetail | undefined,
): void {
  const since = performance.now();
  withView(ctx, (view) => {
    // The view may have loaded after the intent changed its mind.
    if (ctx.intent.snapshot().open?.target !== target) return;
    current(ctx, target);
    view.show(target, {
      pinned,
      focus: detail?.focus ?? false,
      returnFocus: detail?.returnFocus,
      pointer: detail ? detail.pointer : ctx.state.pointer,
      since,
      // A hover (no detail) or the reader's own pin; keyboard stepping and the API are not lookups.
      record: detail ? detail.record === true : true,
    });
  });
}

/** The hover machine closed the popover (or the signal aborted). */
export function closed<O extends PopoverOccurrence>(
  ctx: PopoverContext<O>,
  restoreFocus: boolean,
): void {
  ctx.state.navToken++;
  ctx.state.shown = null;
  ctx.highlighter.setActive(null);
  ctx.state.view?.hide(restoreFocus);
}

/** The pointer came to rest on `target`: build its popover while the delay runs. */
export function pending<O extends PopoverOccurrence>(ctx: PopoverContext<O>, target: O): void {
  // Its own task: the pointer's frame callback, where the intent starts, stays short. The
  // delay is idle time for us: the view loads and builds the popover outside the page.
  ctx.win.setTimeout(() => {
    if (ctx.intent.snapshot().pending === target) withView(ctx, (view) => view.prepare(target));
  }, 0);
}

/** The API's open: pinned with focus unless asked otherwise. */
export function openFor<O extends PopoverOccurrence>(
  ctx: PopoverContext<O>,
  occurrence: O,
  opts: { pin?: boolean; focus?: boolean },
): void {
  if (ctx.signal.aborted) return;
  const pin = opts.pin ?? true;
  const detail = { focus: opts.focus ?? pin, pointer: null };
  if (pin) ctx.intent.pin(occurrence, detail);
  else ctx.intent.show(occurrence, detail);
}

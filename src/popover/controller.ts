import { createHoverIntent } from './hover-intent';
import { type IntentSink, listenForIntents } from './input';
import {
  closed,
  ensureView,
  initialState,
  keepOpen,
  type OpenDetail,
  opened,
  openFor,
  type PopoverContext,
  pending,
} from './open-state';
import { step } from './stepping';
import type {
  PopoverActions,
  PopoverController,
  PopoverHighlighter,
  PopoverOccurrence,
  ViewFactory,
} from './types';

// The popover, always loaded: input becomes intents (input.ts), the hover machine decides
// (hover-intent.ts), the open/close state follows (open-state.ts, stepping.ts) and the view
// renders (view/, loaded on the first sign of intent: a pointer resting on a term, a keyboard
// command, focus on a term). This file only wires them; everything is registered with the
// caller's signal, so one abort leaves nothing behind.

export interface StartPopoverOptions<O extends PopoverOccurrence> {
  doc: Document;
  highlighter: PopoverHighlighter<O>;
  settings: () => { hoverDelayMs: number };
  signal: AbortSignal;
  actions: PopoverActions;
  /** The view's code: a promise while its chunk loads, or at hand (tests). */
  loadView: () => ViewFactory | Promise<ViewFactory>;
}

/** Page input (input.ts) as intents for the hover machine and the state. */
function intentSink<O extends PopoverOccurrence>(ctx: PopoverContext<O>): IntentSink<O> {
  const { highlighter, state, intent } = ctx;
  return {
    hitAt: (x, y) => highlighter.occurrenceAt(x, y),
    hitFor: (target) => highlighter.occurrenceFor(target),
    inPopover: (event) => state.view?.contains(event) ?? false,
    isOpen: () => state.shown !== null,
    pointer(hit, inPopover, at) {
      if (at) state.pointer = at;
      intent.pointer(hit, inPopover);
    },
    pressInPopover() {
      if (state.shown && !intent.snapshot().open?.pinned) keepOpen(ctx, state.shown);
    },
    pin: (hit, at) => intent.pin(hit, { focus: true, pointer: at, record: true }),
    outside: () => intent.outside(),
    escape: () => intent.escape(),
    warm: () => void ensureView(ctx),
    loaded: () => state.view !== null || state.loading !== null,
  };
}

export function startPopover<O extends PopoverOccurrence>(
  options: StartPopoverOptions<O>,
): PopoverController<O> {
  const { doc, signal } = options;
  const ctx: PopoverContext<O> = {
    doc,
    win: doc.defaultView ?? window,
    highlighter: options.highlighter,
    actions: options.actions,
    signal,
    loadView: options.loadView,
    state: initialState(),
    // The callbacks run only after `ctx` is made: the machine never calls back synchronously.
    intent: createHoverIntent<O, OpenDetail>({
      openDelayMs: () => options.settings().hoverDelayMs,
      onOpen: (target, { pinned }, detail) => opened(ctx, target, pinned, detail),
      onClose: (reason) => closed(ctx, reason === 'escape'),
      onPending: (target) => pending(ctx, target),
      signal,
    }),
  };
  listenForIntents(doc, intentSink(ctx), signal);
  signal.addEventListener('abort', () => closed(ctx, false), { once: true });
  return {
    openFor: (occurrence, opts = {}) => openFor(ctx, occurrence, opts),
    close: () => ctx.intent.close(),
    next: () => step(ctx, 1),
    previous: () => step(ctx, -1),
  };
}

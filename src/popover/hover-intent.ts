// Hover intent for the popover, as a pure state machine: the glue feeds it what the pointer is
// over and user intents (pin, Esc, click outside, scrolled away); it decides when to open and close.
// Timers are injected so tests drive it with fake timers and no DOM. WCAG 2.2 SC 1.4.13: content
// on hover is dismissible (Esc), hoverable (moving into it keeps it) and persistent (only closes on
// leave, dismissal or pinning elsewhere).

export type CloseReason = 'leave' | 'escape' | 'outside' | 'scrolled-away' | 'api';

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface HoverIntentOptions<T, D = undefined> {
  /** Read on every new hover so a settings change applies without restarting. */
  openDelayMs: () => number;
  /** Grace period after the pointer leaves both the term and the popover. */
  closeDelayMs?: number;
  /**
   * Called when a target opens, or when an open target becomes pinned; `detail` is what the
   * caller passed to `pin` or `show` (how to open), undefined for an open by hover.
   */
  onOpen(target: T, state: { pinned: boolean }, detail: D | undefined): void;
  /** Called when the pointer comes to rest on a target and its open delay starts. */
  onPending?(target: T): void;
  onClose(reason: CloseReason): void;
  timers?: Timers;
  signal?: AbortSignal;
  same?: (a: T, b: T) => boolean;
}

export interface IntentSnapshot<T> {
  open: { target: T; pinned: boolean } | null;
  pending: T | null;
  closing: boolean;
}

export interface HoverIntent<T, D = undefined> {
  /** Where the pointer is now: over a term (`hit`), over the popover, or over neither. */
  pointer(hit: T | null, inPopover: boolean): void;
  /** Click, tap or Enter on a term (or interacting inside the popover): open and keep open. */
  pin(target: T, detail?: D): void;
  /** Opens now, unpinned, as if the pointer had rested on it (API use). */
  show(target: T, detail?: D): void;
  /** Returns true when something was closed, so the caller only swallows Esc when it acted. */
  escape(): boolean;
  outside(): void;
  scrolledAway(): void;
  close(reason?: CloseReason): void;
  snapshot(): IntentSnapshot<T>;
}

const defaultTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export function createHoverIntent<T, D = undefined>(
  options: HoverIntentOptions<T, D>,
): HoverIntent<T, D> {
  const timers = options.timers ?? defaultTimers;
  const closeDelay = options.closeDelayMs ?? 300;
  const same = options.same ?? ((a: T, b: T) => a === b);

  let open: { target: T; pinned: boolean } | null = null;
  let pending: T | null = null;
  let openTimer: unknown = null;
  let closeTimer: unknown = null;

  const cancelOpen = () => {
    if (openTimer !== null) timers.clear(openTimer);
    openTimer = null;
    pending = null;
  };
  const cancelClose = () => {
    if (closeTimer !== null) timers.clear(closeTimer);
    closeTimer = null;
  };

  const doClose = (reason: CloseReason) => {
    cancelOpen();
    cancelClose();
    if (!open) return false;
    open = null;
    options.onClose(reason);
    return true;
  };

  const doOpen = (target: T, pinned: boolean, detail?: D) => {
    cancelOpen();
    cancelClose();
    open = { target, pinned };
    options.onOpen(target, { pinned }, detail);
  };

  const scheduleClose = () => {
    if (!open || open.pinned || closeTimer !== null) return;
    closeTimer = timers.set(() => {
      closeTimer = null;
      // The pointer rests on another term that is about to open: let it replace this one
      // instead of flashing closed first.
      if (pending !== null) return;
      if (open && !open.pinned) doClose('leave');
    }, closeDelay);
  };

  options.signal?.addEventListener('abort', () => {
    cancelOpen();
    cancelClose();
    open = null;
  });

  return {
    pointer(hit, inPopover) {
      if (options.signal?.aborted) return;
      if (inPopover) {
        // Hoverable: the pointer may travel from the term onto the popover without it closing.
        cancelOpen();
        if (open) cancelClose();
        return;
      }
      if (hit === null) {
        cancelOpen();
        scheduleClose();
        return;
      }
      if (open && same(open.target, hit)) {
        cancelOpen();
        cancelClose();
        return;
      }
      // A pinned popover persists until dismissed; hovering other terms must not replace it.
      if (open?.pinned) return;
      if (open) scheduleClose();
      if (pending !== null && same(pending, hit)) return;
      cancelOpen();
      const delay = Math.max(0, options.openDelayMs());
      pending = hit;
      // Only a pointer that stays on the same term for the whole delay opens it; passing over
      // another term or off every term cancels this timer (see above).
      openTimer = timers.set(() => {
        openTimer = null;
        const target = pending;
        pending = null;
        if (target !== null) doOpen(target, false);
      }, delay);
      options.onPending?.(hit);
    },
    pin(target, detail) {
      if (options.signal?.aborted) return;
      if (open?.pinned && same(open.target, target)) {
        cancelOpen();
        return;
      }
      doOpen(target, true, detail);
    },
    show(target, detail) {
      if (options.signal?.aborted) return;
      if (open && same(open.target, target)) return;
      doOpen(target, false, detail);
    },
    escape: () => doClose('escape'),
    outside() {
      doClose('outside');
    },
    scrolledAway() {
      doClose('scrolled-away');
    },
    close(reason = 'api') {
      doClose(reason);
    },
    snapshot: () => ({
      open: open ? { ...open } : null,
      pending,
      closing: closeTimer !== null,
    }),
  };
}

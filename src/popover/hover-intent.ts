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

/** The machine's whole state, with its options resolved; every transition below takes it. */
interface Machine<T, D> {
  options: HoverIntentOptions<T, D>;
  timers: Timers;
  closeDelay: number;
  same: (a: T, b: T) => boolean;
  open: { target: T; pinned: boolean } | null;
  /** The target whose open delay runs. */
  pending: T | null;
  openTimer: unknown;
  closeTimer: unknown;
}

function cancelOpen<T, D>(m: Machine<T, D>) {
  if (m.openTimer !== null) m.timers.clear(m.openTimer);
  m.openTimer = null;
  m.pending = null;
}

function cancelClose<T, D>(m: Machine<T, D>) {
  if (m.closeTimer !== null) m.timers.clear(m.closeTimer);
  m.closeTimer = null;
}

function doClose<T, D>(m: Machine<T, D>, reason: CloseReason): boolean {
  cancelOpen(m);
  cancelClose(m);
  if (!m.open) return false;
  m.open = null;
  m.options.onClose(reason);
  return true;
}

function doOpen<T, D>(m: Machine<T, D>, target: T, pinned: boolean, detail?: D) {
  cancelOpen(m);
  cancelClose(m);
  m.open = { target, pinned };
  m.options.onOpen(target, { pinned }, detail);
}

function scheduleClose<T, D>(m: Machine<T, D>) {
  if (!m.open || m.open.pinned || m.closeTimer !== null) return;
  m.closeTimer = m.timers.set(() => {
    m.closeTimer = null;
    // The pointer rests on another term that is about to open: let it replace this one
    // instead of flashing closed first.
    if (m.pending !== null) return;
    if (m.open && !m.open.pinned) doClose(m, 'leave');
  }, m.closeDelay);
}

/** Starts `hit`'s open delay, unless it is already running. */
function schedulePending<T, D>(m: Machine<T, D>, hit: T) {
  if (m.pending !== null && m.same(m.pending, hit)) return;
  cancelOpen(m);
  const delay = Math.max(0, m.options.openDelayMs());
  m.pending = hit;
  // Only a pointer that stays on the same term for the whole delay opens it; passing over
  // another term or off every term cancels this timer (see `pointerAt`).
  m.openTimer = m.timers.set(() => {
    m.openTimer = null;
    const target = m.pending;
    m.pending = null;
    if (target !== null) doOpen(m, target, false);
  }, delay);
  m.options.onPending?.(hit);
}

function pointerAt<T, D>(m: Machine<T, D>, hit: T | null, inPopover: boolean) {
  if (m.options.signal?.aborted) return;
  if (inPopover) {
    // Hoverable: the pointer may travel from the term onto the popover without it closing.
    cancelOpen(m);
    if (m.open) cancelClose(m);
    return;
  }
  if (hit === null) {
    cancelOpen(m);
    scheduleClose(m);
    return;
  }
  if (m.open && m.same(m.open.target, hit)) {
    cancelOpen(m);
    cancelClose(m);
    return;
  }
  // A pinned popover persists until dismissed; hovering other terms must not replace it.
  if (m.open?.pinned) return;
  if (m.open) scheduleClose(m);
  schedulePending(m, hit);
}

export function createHoverIntent<T, D = undefined>(
  options: HoverIntentOptions<T, D>,
): HoverIntent<T, D> {
  const m: Machine<T, D> = {
    options,
    timers: options.timers ?? defaultTimers,
    closeDelay: options.closeDelayMs ?? 300,
    same: options.same ?? ((a: T, b: T) => a === b),
    open: null,
    pending: null,
    openTimer: null,
    closeTimer: null,
  };
  options.signal?.addEventListener('abort', () => {
    cancelOpen(m);
    cancelClose(m);
    m.open = null;
  });
  return {
    pointer: (hit, inPopover) => pointerAt(m, hit, inPopover),
    pin(target, detail) {
      if (options.signal?.aborted) return;
      if (m.open?.pinned && m.same(m.open.target, target)) {
        cancelOpen(m);
        return;
      }
      doOpen(m, target, true, detail);
    },
    show(target, detail) {
      if (options.signal?.aborted) return;
      if (m.open && m.same(m.open.target, target)) return;
      doOpen(m, target, false, detail);
    },
    escape: () => doClose(m, 'escape'),
    outside() {
      doClose(m, 'outside');
    },
    scrolledAway() {
      doClose(m, 'scrolled-away');
    },
    close(reason = 'api') {
      doClose(m, reason);
    },
    snapshot: () => ({
      open: m.open ? { ...m.open } : null,
      pending: m.pending,
      closing: m.closeTimer !== null,
    }),
  };
}

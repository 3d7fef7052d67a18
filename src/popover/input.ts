// Page input turned into popover intents: mouse and pen hover (one hit-test per frame), touch
// taps (a scroll or drag never opens), clicks and Enter that pin a term, Esc, and presses
// outside. Everything is registered with the caller's signal.

import type { Point } from './types';

/** Movement (px) after which a touch is a scroll or drag, not a tap. */
export const TAP_SLOP = 10;
/** A compatibility click this soon after a handled tap belongs to that tap. */
const TAP_CLICK_MS = 1000;

export interface IntentSink<O> {
  /** The occurrence under a client point. */
  hitAt(x: number, y: number): O | null;
  /** The occurrence a focused element holds (Enter on a link around a term). */
  hitFor(target: Element): O | null;
  /** Whether the event happened inside the popover. */
  inPopover(event: Event): boolean;
  isOpen(): boolean;
  /** Where the pointer is: over a term, over the popover, or neither (`at`: over a term). */
  pointer(hit: O | null, inPopover: boolean, at: Point | null): void;
  /** A press inside the popover: interacting with it keeps it open. */
  pressInPopover(): void;
  /** Click, tap or Enter on a term: open it pinned, with focus inside. */
  pin(hit: O, at: Point | null): void;
  outside(): void;
  /** Esc; true when it closed something (only then is the key taken from the page). */
  escape(): boolean;
  /** Focus reached a term: a sign of intent, so the popover's code may load. */
  warm(): void;
  /** Whether that code is loaded or loading (then focus needs no more checks). */
  loaded(): boolean;
}

const isEditable = (el: Element): boolean =>
  el instanceof HTMLInputElement ||
  el instanceof HTMLTextAreaElement ||
  el instanceof HTMLSelectElement ||
  (el as HTMLElement).isContentEditable;

const moved = (a: Point, x: number, y: number) => Math.hypot(x - a.x, y - a.y) > TAP_SLOP;

/** Mouse and pen hover, throttled to one hit-test per frame. */
function listenForHover<O>(doc: Document, sink: IntentSink<O>, signal: AbortSignal, tap: TapState) {
  const win = doc.defaultView ?? window;
  let frame = 0;
  let latest: { x: number; y: number; inPopover: boolean } | null = null;
  const sample = () => {
    frame = 0;
    const at = latest;
    latest = null;
    if (!at || signal.aborted) return;
    if (at.inPopover) sink.pointer(null, true, null);
    else sink.pointer(sink.hitAt(at.x, at.y), false, { x: at.x, y: at.y });
  };
  const options = { passive: true, signal };
  doc.addEventListener(
    'pointermove',
    (event) => {
      if (event.pointerType === 'touch') {
        if (tap.current && moved(tap.current, event.clientX, event.clientY)) tap.current = null;
        return;
      }
      // composedPath() is only available while the event is dispatched, so read it now.
      latest = { x: event.clientX, y: event.clientY, inPopover: sink.inPopover(event) };
      frame ||= win.requestAnimationFrame(sample);
    },
    options,
  );
  signal.addEventListener('abort', () => frame && win.cancelAnimationFrame(frame));
  doc.addEventListener(
    'pointerout',
    (event) => {
      // The pointer left the window: it is over neither the term nor the popover.
      if (event.relatedTarget === null && event.pointerType !== 'touch') {
        sink.pointer(null, false, null);
      }
    },
    options,
  );
}

interface TapState {
  current: (Point & { id: number }) | null;
  lastAt: number;
}

/** Presses: a touch tap opens, a drag does not; a mouse press elsewhere closes. */
function listenForPresses<O>(
  doc: Document,
  sink: IntentSink<O>,
  signal: AbortSignal,
  tap: TapState,
) {
  const options = { passive: true, signal };
  doc.addEventListener(
    'pointerdown',
    (event) => {
      if (sink.inPopover(event)) sink.pressInPopover();
      else if (event.pointerType === 'touch') {
        tap.current = { x: event.clientX, y: event.clientY, id: event.pointerId };
      } else if (sink.isOpen() && !sink.hitAt(event.clientX, event.clientY)) sink.outside();
    },
    { ...options, capture: true },
  );
  doc.addEventListener('pointercancel', () => (tap.current = null), options);
  doc.addEventListener('scroll', () => (tap.current = null), { ...options, capture: true });
  doc.addEventListener(
    'pointerup',
    (event) => {
      const start = tap.current;
      if (event.pointerType !== 'touch' || !start || start.id !== event.pointerId) return;
      tap.current = null;
      if (moved(start, event.clientX, event.clientY) || sink.inPopover(event)) return;
      tap.lastAt = event.timeStamp;
      const hit = sink.hitAt(event.clientX, event.clientY);
      // Focus goes into the dialog as for a click: a screen reader's double-tap arrives here too.
      if (hit) sink.pin(hit, { x: event.clientX, y: event.clientY });
      else if (sink.isOpen()) sink.outside();
    },
    options,
  );
  doc.addEventListener(
    'click',
    (event) => {
      if (event.button !== 0 || sink.inPopover(event)) return;
      // Modified clicks belong to links (new tab, download); keyboard-made clicks (detail 0)
      // carry no pointer position to hit-test.
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey || event.detail === 0) {
        return;
      }
      if (event.timeStamp - tap.lastAt < TAP_CLICK_MS) return;
      // Selecting text that starts on a term is not a request to open it.
      if (doc.defaultView?.getSelection()?.isCollapsed === false) return;
      const hit = sink.hitAt(event.clientX, event.clientY);
      if (hit) sink.pin(hit, { x: event.clientX, y: event.clientY });
    },
    { signal },
  );
}

/** Esc closes; Enter on a focused term pins it. */
function listenForKeys<O>(doc: Document, sink: IntentSink<O>, signal: AbortSignal) {
  const win = doc.defaultView ?? window;
  doc.addEventListener(
    'keydown',
    (event) => {
      if (event.key === 'Escape') {
        if (sink.isOpen() && sink.escape()) event.preventDefault();
        return;
      }
      if (event.key !== 'Enter' || event.defaultPrevented || sink.inPopover(event)) return;
      const target = event.target instanceof win.Element ? event.target : null;
      if (!target || isEditable(target)) return;
      const hit = sink.hitFor(target);
      if (!hit) return;
      event.preventDefault();
      sink.pin(hit, null);
    },
    { capture: true, signal },
  );
  doc.addEventListener(
    'focusin',
    (event) => {
      if (sink.loaded() || !(event.target instanceof win.Element)) return;
      if (sink.hitFor(event.target)) sink.warm();
    },
    { passive: true, signal },
  );
}

export function listenForIntents<O>(doc: Document, sink: IntentSink<O>, signal: AbortSignal): void {
  if (signal.aborted) return;
  const tap: TapState = { current: null, lastAt: Number.NEGATIVE_INFINITY };
  listenForHover(doc, sink, signal, tap);
  listenForPresses(doc, sink, signal, tap);
  listenForKeys(doc, sink, signal);
}

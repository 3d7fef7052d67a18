import type { LocalTable } from '../glossary/localised';
import type { UserDisplayEntry } from '../packs/display';

// The popover's contracts. The controller (always loaded in the content script) turns input into
// open and close decisions; the view (view/, a chunk of its own loaded on the first sign of
// intent) renders and places the popover. They meet only through these shapes.
//
// Structural views of the engine's types: the popover needs only these members, so it depends on
// shapes rather than on src/highlight; tests pass a small fake, and the real `Highlighter` and
// `Occurrence` (src/highlight/types.ts) satisfy them.

export interface PopoverOccurrence {
  id: string;
  range: AbstractRange;
  block: Element;
  text: string;
}

export interface PopoverHighlighter<O extends PopoverOccurrence = PopoverOccurrence> {
  occurrences(): readonly O[];
  occurrenceAt(x: number, y: number): O | null;
  occurrenceFor(node: Node): O | null;
  flash(occurrence: O): void;
  /** Marks the occurrence whose popover is open; null clears. */
  setActive(occurrence: O | null): void;
}

export interface PopoverActions {
  hideTerm(id: string): void;
  disableSite(): void;
  openInReference(id: string): void;
  /** "Not a term here": hides this phrase on this site. */
  notATerm?(text: string): void;
}

export interface Point {
  x: number;
  y: number;
}

/** How one popover opens. */
export interface ShowOptions {
  /** Pinned popovers are dialogs that stay until dismissed. */
  pinned: boolean;
  /** Move keyboard focus into the popover. */
  focus: boolean;
  /**
   * Where focus goes back when the popover closes; undefined: the page's focus before it opened,
   * when `focus` moves it.
   */
  returnFocus?: HTMLElement | null | undefined;
  /** Where the pointer was, to anchor a wrapped term's line under it. */
  pointer: Point | null;
  /** `performance.now()` of the decision to open, for the render-time mark. */
  since: number;
  /** The reader opened it (hover, tap, click), not keyboard stepping: reading history counts it. */
  record?: boolean;
}

/** What the view renders; made by a `ViewFactory` once its chunk is loaded. */
export interface PopoverView<O extends PopoverOccurrence> {
  /** Builds the popover for `occurrence` outside the page while the hover delay runs. */
  prepare(occurrence: O): void;
  show(occurrence: O, options: ShowOptions): void;
  hide(restoreFocus: boolean): void;
  /** Whether an event happened inside the popover. */
  contains(event: Event): boolean;
  /** The page's focus before the shown popover took it (kept when one replaces another). */
  returnFocus(): HTMLElement | null;
}

/** What the view may ask of the controller. */
export interface ViewHost<O extends PopoverOccurrence> {
  doc: Document;
  /** The interface language's terms and definitions, when it is not English. */
  local?: { lang: string; table: LocalTable } | undefined;
  highlighter: PopoverHighlighter<O>;
  actions: PopoverActions;
  signal: AbortSignal;
  /** The close button (like Esc), or the term scrolled away or left the page. */
  close(reason: 'escape' | 'scrolled-away' | 'api'): void;
  /** The reader interacted with the popover: keep it open. */
  pin(occurrence: O): void;
  /** The popover moved to another occurrence (a page sentence was chosen). */
  moved(occurrence: O): void;
  /** The reader's own or a pack's entry behind a matched id, when it is one. */
  userEntry?(id: string): UserDisplayEntry | undefined;
}

export type ViewFactory = <O extends PopoverOccurrence>(host: ViewHost<O>) => PopoverView<O>;

/** What a popover controller offers the content session. */
export interface PopoverController<O> {
  openFor(occurrence: O, opts?: { pin?: boolean; focus?: boolean }): void;
  close(): void;
  next(): void;
  previous(): void;
}

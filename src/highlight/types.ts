import type { Category } from '../glossary/schema';
import type { Matcher } from '../matcher';
import type { HighlightStyle, Settings } from '../settings/settings';

export type { Category, HighlightStyle, Matcher };

export interface Occurrence {
  /** Entry id. */
  id: string;
  /** In the document; may span several Text nodes of one block. */
  range: StaticRange;
  /** Nearest block container (the shadow host for text at the top of a shadow root). */
  block: Element;
  /** The matched text as it appears on the page. */
  text: string;
}

export type CategoryColors = Settings['colors'];

export interface HighlighterOptions {
  /** Frames run their own content script, so one document per highlighter. */
  root: Document;
  matcher: Matcher;
  categoryOf: (id: string) => Category;
  /** Abort = remove all highlights, observers, listeners, timers and the adopted stylesheet. */
  signal: AbortSignal;
  /** Default: 'css' when CSS.highlights exists, else 'dom'. */
  painter?: 'css' | 'dom';
  style?: HighlightStyle;
  colors?: CategoryColors;
  /** Batched: after each scan or mutation pass (ask `counts()` or `occurrences()` as needed). */
  onChange?: () => void;
}

export interface Highlighter {
  /** Reading order (sorted when first asked after a change: thousands of DOM comparisons). */
  occurrences(): readonly Occurrence[];
  /** How often each entry occurs, in no order: what the badge and popup need, without a sort. */
  counts(): ReadonlyMap<string, number>;
  /** Hit-test in client coordinates. */
  occurrenceAt(x: number, y: number): Occurrence | null;
  /** E.g. the DOM painter's mark element, a Text node, or a focus target. */
  occurrenceFor(node: Node): Occurrence | null;
  setStyle(style: HighlightStyle, colors?: CategoryColors): void;
  /** Brief emphasis after scroll-to (own highlight name: termlight-flash). */
  flash(occurrence: Occurrence): void;
  /** Marks the occurrence whose popover is open (termlight-active); null clears. */
  setActive(occurrence: Occurrence | null): void;
  /** Resolves when the initial scan and pending mutations are painted. */
  idle(): Promise<void>;
}

/** How the highlighter makes either painter. */
export type CreatePainter = (
  doc: Document,
  categoryOf: (id: string) => Category,
  style?: HighlightStyle,
  colors?: CategoryColors,
) => Painter;

/** What a painter needs from the engine; both painters implement it. */
export interface Painter {
  /** True when painting changes the page DOM (the DOM painter); its own mutations are then ignored. */
  readonly mutatesDom: boolean;
  /** Paints occurrences of one block, given in document order. */
  add(occurrences: readonly Occurrence[]): void;
  remove(occurrences: readonly Occurrence[]): void;
  setStyle(style: HighlightStyle, colors?: CategoryColors): void;
  flash(occurrence: Occurrence): void;
  setActive(occurrence: Occurrence | null): void;
  /** Styles must reach ranges inside shadow trees too: document rules do not cross the boundary. */
  adoptInto(root: ShadowRoot): void;
  /** Maps a painter-owned node (e.g. a mark element) back to its occurrence; null otherwise. */
  occurrenceForNode(node: Node): Occurrence | null;
  /**
   * Until `release`, occurrences added are kept but not yet shown: the initial pass adds the
   * page below the viewport in many slices, and a browser re-validating every registered range
   * after each of them would pay for the whole page once per frame.
   */
  hold(): void;
  release(): void;
  dispose(): void;
}

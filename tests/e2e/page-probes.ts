/**
 * Reading Termlight's effects from the page's main world, the way a page (or a test) can see them.
 * Every function passed to `evaluate` is serialised into the page, so each is self-contained.
 */
import { type E2EPage, poll } from './browsers';

/** Highlight name -> text of each range, in registration order. */
export type HighlightTexts = Record<string, string[]>;

/** Names the engine uses for emphasis rather than for categories; excluded from term counts. */
export const NON_CATEGORY_HIGHLIGHTS = ['termlight-flash', 'termlight-active'];

/**
 * Reads every `termlight-*` highlight in `CSS.highlights` of the page, or of a same-origin iframe
 * picked by a selector. StaticRange has no toString(), so each range is rebuilt as a live Range
 * from the main world; this works in both browsers because the registry, Highlight and range
 * objects are DOM objects shared by all worlds (Firefox hands the page the underlying DOM object,
 * not the content script's Xray wrapper). Returns null when the API is missing.
 */
export function readHighlights(page: E2EPage, frame?: string): Promise<HighlightTexts | null> {
  return page.evaluate((frameSelector: string | null) => {
    let win: Window = window;
    if (frameSelector) {
      const iframe = document.querySelector<HTMLIFrameElement>(frameSelector);
      if (!iframe?.contentWindow) throw new Error(`No iframe ${frameSelector}`);
      win = iframe.contentWindow;
    }
    const css = (win as Window & { CSS?: typeof CSS }).CSS;
    if (!css || !('highlights' in css)) return null;
    const out: Record<string, string[]> = {};
    for (const [name, highlight] of css.highlights) {
      if (!name.startsWith('termlight-')) continue;
      const texts: string[] = [];
      for (const r of highlight as Iterable<AbstractRange>) {
        try {
          const range = win.document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          texts.push(range.toString());
        } catch {
          // A StaticRange left pointing at removed or shortened text: report, do not hide it.
          texts.push('\u0000invalid-range');
        }
      }
      out[name] = texts;
    }
    return out;
  }, frame ?? null);
}

/** All highlighted texts of category highlights, normalised for comparison. */
export function categoryTexts(highlights: HighlightTexts | null): string[] {
  if (!highlights) return [];
  return Object.entries(highlights)
    .filter(([name]) => !NON_CATEGORY_HIGHLIGHTS.includes(name))
    .flatMap(([, texts]) => texts.map(normalizeText));
}

/** Lower case, one space for any run of whitespace, hyphen-like or soft-hyphen characters. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u00ad]/g, '')
    .replace(/[\s\u00a0\u2010-\u2015\u2212-]+/g, ' ')
    .trim();
}

/** Number of `termlight:idle` marks so far (the engine marks after every pass). */
export function idleMarkCount(page: E2EPage, frame?: string): Promise<number> {
  return page.evaluate((frameSelector: string | null) => {
    const win = frameSelector
      ? document.querySelector<HTMLIFrameElement>(frameSelector)?.contentWindow
      : window;
    return win ? win.performance.getEntriesByName('termlight:idle').length : 0;
  }, frame ?? null);
}

export interface WaitForIdleOptions {
  /** Wait for more than this many idle marks (pass the count seen before a mutation). */
  after?: number;
  timeout?: number;
  frame?: string;
}

/**
 * Waits until the content script says it is done: a new `termlight:idle` performance mark
 * (the contract's signal; marks are shared with the main world in both browsers). Fallback for
 * builds that do not mark: `termlight-*` highlights present and unchanged for 500 ms.
 * Returns how it decided, so a test can insist on the mark where that matters.
 */
export async function waitForIdle(
  page: E2EPage,
  { after = 0, timeout = 15_000, frame }: WaitForIdleOptions = {},
): Promise<'mark' | 'stable'> {
  let lastSignature = '';
  let stableSince = 0;
  return poll(
    async () => {
      if ((await idleMarkCount(page, frame)) > after) return 'mark' as const;
      const highlights = await readHighlights(page, frame);
      const signature = JSON.stringify(highlights ?? {});
      if (signature === '{}' || after > 0) return undefined;
      if (signature !== lastSignature) {
        lastSignature = signature;
        stableSince = Date.now();
        return undefined;
      }
      return Date.now() - stableSince >= 500 ? ('stable' as const) : undefined;
    },
    { timeout, interval: 100, what: 'Termlight to report termlight:idle' },
  );
}

/**
 * The page as serialised markup: every top-level node (doctype, comments, <html>), every open
 * shadow root (an engine that attached one would otherwise be invisible to outerHTML) and every
 * same-origin iframe document, recursively. Nothing is stripped.
 */
export function serializeDom(page: E2EPage): Promise<string> {
  return page.evaluate(() => {
    const serializer = new XMLSerializer();
    const parts: string[] = [];
    const visit = (doc: Document, label: string) => {
      for (const node of Array.from(doc.childNodes)) {
        parts.push(node instanceof Element ? node.outerHTML : serializer.serializeToString(node));
      }
      const roots: [string, ShadowRoot][] = [];
      const walkShadows = (root: Node, path: string) => {
        const w = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
        let i = 0;
        for (let n = w.nextNode(); n; n = w.nextNode(), i++) {
          const el = n as Element;
          if (el.shadowRoot) {
            roots.push([`${path}/${i}<${el.localName}>`, el.shadowRoot]);
            walkShadows(el.shadowRoot, `${path}/${i}#shadow`);
          }
          if (el instanceof HTMLIFrameElement) {
            try {
              const inner = el.contentDocument;
              if (inner) visit(inner, `${path}/${i}<iframe>`);
            } catch {
              // Cross-origin frames are not ours to read.
            }
          }
        }
      };
      walkShadows(doc, label);
      for (const [where, root] of roots) parts.push(`\n<!-- shadow ${where} -->${root.innerHTML}`);
    };
    visit(document, 'doc');
    return parts.join('\n');
  });
}

/** Describes the first difference between two serialisations, for a readable failure. */
export function firstDifference(a: string, b: string, context = 120): string | null {
  if (a === b) return null;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const from = Math.max(0, i - context);
  return [
    `differs at offset ${i} (lengths ${a.length} vs ${b.length})`,
    `without: …${a.slice(from, i + context)}…`,
    `with:    …${b.slice(from, i + context)}…`,
  ].join('\n');
}

export interface LocatedHighlight {
  name: string;
  text: string;
  /** `data-ctx` of the nearest ancestor that has one (fixtures label their blocks), or null. */
  ctx: string | null;
}

/** Every `termlight-*` range with the labelled fixture block it sits in. */
export function locateHighlights(page: E2EPage): Promise<LocatedHighlight[]> {
  return page.evaluate(() => {
    const out: { name: string; text: string; ctx: string | null }[] = [];
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('termlight-')) continue;
      for (const r of highlight as Iterable<AbstractRange>) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        const start =
          r.startContainer instanceof Element ? r.startContainer : r.startContainer.parentElement;
        const ctx = start?.closest('[data-ctx]')?.getAttribute('data-ctx') ?? null;
        out.push({ name, text: range.toString(), ctx });
      }
    }
    return out;
  });
}

// ---------------------------------------------------------------- popover probes

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface TermBox {
  text: string;
  /** Line boxes of the range, viewport coordinates (of the frame's viewport, in a frame). */
  rects: Box[];
}

/**
 * The highlighted occurrences whose text matches `text` (normalised), in document order, after
 * scrolling the first one (or the `index`-th) to the middle of the viewport. Line boxes come from
 * the highlight ranges rebuilt as live Ranges, as the reader's pointer would find them.
 * With `frame` (a selector for a same-origin iframe), the term is looked up and scrolled inside
 * that frame, and its boxes are in the frame's viewport; add `frameOrigin` to point at it.
 */
export function findTerm(
  page: E2EPage,
  text: string,
  index = 0,
  /** Where to scroll the term to, as a fraction of the viewport height from the top. */
  at = 0.5,
  frame?: string,
): Promise<TermBox | null> {
  return page.evaluate(
    ({ text, index, at, frame }) => {
      let win: Window & typeof globalThis = window;
      if (frame) {
        const iframe = document.querySelector<HTMLIFrameElement>(frame);
        if (!iframe?.contentWindow) throw new Error(`No iframe ${frame}`);
        win = iframe.contentWindow as Window & typeof globalThis;
      }
      const norm = (s: string) =>
        s
          .normalize('NFKC')
          .toLowerCase()
          .replace(/[\u00ad]/g, '')
          .replace(/[\s\u00a0\u2010-\u2015\u2212-]+/g, ' ')
          .trim();
      const ranges: Range[] = [];
      for (const [name, highlight] of win.CSS.highlights) {
        if (!name.startsWith('termlight-') || name === 'termlight-flash') continue;
        if (name === 'termlight-active') continue;
        for (const r of highlight as Iterable<AbstractRange>) {
          const range = win.document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          if (norm(range.toString()) === norm(text)) ranges.push(range);
        }
      }
      ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
      const range = ranges[index];
      if (!range) return null;
      const rect = range.getBoundingClientRect();
      // Instant, whatever the page's scroll-behavior: the pointer must land on the term.
      win.scrollBy({ top: rect.top - win.innerHeight * at, behavior: 'instant' });
      const rects = Array.from(range.getClientRects())
        .filter((r) => r.width > 0 && r.height > 0)
        .map((r) => ({ x: r.x, y: r.y, width: r.width, height: r.height }));
      return { text: range.toString(), rects };
    },
    { text, index, at, frame: frame ?? null },
  );
}

/**
 * Where a same-origin iframe's viewport starts in the top page's viewport (its content box, past
 * border and padding): frame coordinates plus this are what the mouse needs.
 */
export function frameOrigin(page: E2EPage, frame: string): Promise<{ x: number; y: number }> {
  return page.evaluate((selector: string) => {
    const iframe = document.querySelector<HTMLIFrameElement>(selector);
    if (!iframe) throw new Error(`No iframe ${selector}`);
    const box = iframe.getBoundingClientRect();
    const style = getComputedStyle(iframe);
    return {
      x: box.x + iframe.clientLeft + Number.parseFloat(style.paddingLeft),
      y: box.y + iframe.clientTop + Number.parseFloat(style.paddingTop),
    };
  }, frame);
}

export const centre = (box: Box) => ({ x: box.x + box.width / 2, y: box.y + box.height / 2 });

export interface PopoverState {
  /** Number of `termlight-popover` hosts in the document. */
  hosts: number;
  role: string | null;
  /** Text of the element named by aria-labelledby, inside the shadow root. */
  label: string | null;
  title: string | null;
  definition: string | null;
  /** The dialog's box, viewport coordinates. */
  box: Box | null;
  /** Computed font size of the definition, px. */
  fontSize: number | null;
  /** Smallest and largest computed font size of any element with text in the popover, px. */
  textSizes: { min: number; max: number } | null;
  /** Whether document.elementFromPoint at the dialog's centre is the host (it is on top). */
  onTop: boolean;
  /** The close button's box, if rendered and visible. */
  closeButton: Box | null;
  /** Focus is inside the popover (the document's active element is the host). */
  focused: boolean;
  /** `id` attribute of the page's focused element, or its tag name. */
  pageFocus: string | null;
  viewport: { width: number; height: number };
  /** The `termlight-active` range: the occurrence the popover explains. */
  active: TermBox | null;
  /** `termlight:popover` marks so far, with their render times. */
  renders: number[];
}

/**
 * Everything a test asks of the popover, read from the page's main world in one round trip.
 * With `frame` (a selector for a same-origin iframe), the popover of that frame's document:
 * every frame runs its own content script and shows its own popover, so boxes and viewport are
 * the frame's.
 */
export function readPopover(page: E2EPage, frame?: string): Promise<PopoverState> {
  return page.evaluate((frameSelector: string | null) => {
    let win: Window & typeof globalThis = window;
    if (frameSelector) {
      const iframe = document.querySelector<HTMLIFrameElement>(frameSelector);
      if (!iframe?.contentWindow) throw new Error(`No iframe ${frameSelector}`);
      win = iframe.contentWindow as Window & typeof globalThis;
    }
    const doc = win.document;
    const hosts = doc.querySelectorAll('termlight-popover');
    const host = hosts[0] as HTMLElement | undefined;
    const root = host?.shadowRoot ?? null;
    const dialog = root?.querySelector<HTMLElement>('.tl-popover') ?? null;
    const toBox = (r: DOMRect) => ({ x: r.x, y: r.y, width: r.width, height: r.height });
    const labelId = dialog?.getAttribute('aria-labelledby') ?? null;
    const label = labelId ? (root?.getElementById(labelId)?.textContent ?? null) : null;
    const definition = root?.querySelector('.tl-entry__definition') ?? null;
    let box: ReturnType<typeof toBox> | null = null;
    let onTop = false;
    if (dialog) {
      const r = dialog.getBoundingClientRect();
      box = toBox(r);
      onTop = doc.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) === host;
    }
    const close = root?.querySelector<HTMLElement>('.tl-popover__close') ?? null;
    let closeButton: ReturnType<typeof toBox> | null = null;
    if (close) {
      const r = close.getBoundingClientRect();
      const style = win.getComputedStyle(close);
      const visible =
        r.width >= 16 &&
        r.height >= 16 &&
        style.visibility === 'visible' &&
        style.display !== 'none' &&
        Number(style.opacity) > 0.5;
      if (visible) closeButton = toBox(r);
    }
    let min = Number.POSITIVE_INFINITY;
    let max = 0;
    for (const el of dialog ? Array.from(dialog.querySelectorAll('*')) : []) {
      const ownText = Array.from(el.childNodes).some(
        (n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '',
      );
      if (!ownText) continue;
      const size = Number.parseFloat(win.getComputedStyle(el).fontSize);
      min = Math.min(min, size);
      max = Math.max(max, size);
    }
    const textSizes = max > 0 ? { min, max } : null;
    const focus = doc.activeElement;
    let active: { text: string; rects: ReturnType<typeof toBox>[] } | null = null;
    const activeHighlight = win.CSS.highlights.get('termlight-active');
    for (const r of (activeHighlight ?? []) as Iterable<AbstractRange>) {
      const range = doc.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      active = {
        text: range.toString(),
        rects: Array.from(range.getClientRects())
          .filter((x) => x.width > 0 && x.height > 0)
          .map(toBox),
      };
    }
    return {
      hosts: hosts.length,
      role: dialog?.getAttribute('role') ?? null,
      label,
      title: root?.querySelector('.tl-entry__term')?.textContent ?? null,
      definition: definition?.textContent ?? null,
      box,
      fontSize: definition ? Number.parseFloat(win.getComputedStyle(definition).fontSize) : null,
      textSizes,
      onTop,
      closeButton,
      focused: !!host && focus === host,
      pageFocus: focus && focus !== doc.body ? focus.id || focus.localName : null,
      viewport: { width: win.innerWidth, height: win.innerHeight },
      active,
      renders: (win.performance.getEntriesByName('termlight:popover') as PerformanceMark[]).map(
        (m) => (m.detail as { renderMs?: number } | null)?.renderMs ?? Number.NaN,
      ),
    };
  }, frame ?? null);
}

export interface PopoverWaitOptions {
  timeout?: number;
  /** A same-origin iframe whose own popover to wait for (see `readPopover`). */
  frame?: string;
}

/** Polls until the popover is shown with content (a definition), and returns its state. */
export function waitForPopover(
  page: E2EPage,
  { timeout = 10_000, frame }: PopoverWaitOptions = {},
): Promise<PopoverState> {
  return poll(
    async () => {
      const state = await readPopover(page, frame);
      return state.hosts === 1 && state.definition && state.box ? state : undefined;
    },
    { timeout, what: 'the popover to open' },
  );
}

/** Polls until no popover host is left in the document. */
export async function waitForNoPopover(
  page: E2EPage,
  { timeout = 10_000, frame }: PopoverWaitOptions = {},
): Promise<void> {
  await poll(async () => ((await readPopover(page, frame)).hosts === 0 ? true : undefined), {
    timeout,
    what: 'the popover to close',
  });
}

/** Whether two boxes overlap by more than a pixel (sub-pixel rounding is not covering). */
export function overlaps(a: Box, b: Box): boolean {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 1 && h > 1;
}

/**
 * Whether `box` sits next to the term's line box, as bottom/top placement puts it: directly below
 * or above (a gap of at most `gap` px: the popover's offset plus rounding) and sharing some
 * horizontal extent with it. A popover placed in the wrong coordinate space (a frame's offset
 * added, CSS zoom applied twice) is inside the viewport and off the term, but not next to it.
 */
export function anchored(box: Box, line: Box, gap = 16): boolean {
  const below = box.y - (line.y + line.height);
  const above = line.y - (box.y + box.height);
  const beside = (below >= -1 && below <= gap) || (above >= -1 && above <= gap);
  const shared = Math.min(box.x + box.width, line.x + line.width) - Math.max(box.x, line.x);
  return beside && shared > 0;
}

/** Whether `box` lies inside the viewport (1px tolerance for sub-pixel layout). */
export function insideViewport(box: Box, viewport: { width: number; height: number }): boolean {
  return (
    box.x >= -1 &&
    box.y >= -1 &&
    box.x + box.width <= viewport.width + 1 &&
    box.y + box.height <= viewport.height + 1
  );
}

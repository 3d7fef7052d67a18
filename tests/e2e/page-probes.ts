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

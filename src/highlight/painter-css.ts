import { CATEGORIES, type Category } from '../glossary/schema';
import { existingRange } from './occurrence';
import { createPainterBase, definePainter } from './painter-base';
import { createRangeWindow, type RangeWindow } from './range-window';
import { ACTIVE_NAME, FLASH_NAME, highlightName, KNOWN_NAME } from './styles';
import type { HighlightStyle, Occurrence } from './types';

type HighlightCtor = new (...ranges: AbstractRange[]) => Highlight;

function highlightApi(doc: Document): { registry: HighlightRegistry; Ctor: HighlightCtor } | null {
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  const registry = view?.CSS?.highlights;
  const Ctor = (view as unknown as { Highlight?: HighlightCtor } | null)?.Highlight;
  return registry && Ctor ? { registry, Ctor } : null;
}

export function supportsCssHighlights(doc: Document): boolean {
  return highlightApi(doc) !== null;
}

/**
 * The painter's highlights in the page's registry: one per category under the style's names,
 * the known terms' one beside them, the flash and the active one above them.
 */
function registerHighlights(
  { registry, Ctor }: { registry: HighlightRegistry; Ctor: HighlightCtor },
  style: HighlightStyle,
) {
  const byCategory = new Map<Category, Highlight>();
  const owned: [string, Highlight][] = [];
  const register = (name: string, priority: number) => {
    const hl = new Ctor();
    hl.priority = priority;
    registry.set(name, hl);
    owned.push([name, hl]);
    return hl;
  };
  for (const c of CATEGORIES) byCategory.set(c, register(highlightName(c, style), 0));
  let currentStyle = style;
  return {
    byCategory,
    knownHl: register(KNOWN_NAME, 0),
    flashHl: register(FLASH_NAME, 2),
    activeHl: register(ACTIVE_NAME, 1),
    setStyle(next: HighlightStyle) {
      if (next === currentStyle) return;
      currentStyle = next;
      // Both styles' rules are already in the stylesheet: moving the highlights to the other
      // style's names restyles them without touching any stylesheet.
      for (const entry of owned) {
        const [name, hl] = entry;
        const c = CATEGORIES.find((cat) => byCategory.get(cat) === hl);
        if (!c) continue;
        if (registry.get(name) === hl) registry.delete(name);
        entry[0] = highlightName(c, next);
        registry.set(entry[0], hl);
      }
    },
    dispose() {
      for (const [name, hl] of owned) {
        hl.clear();
        // Only delete our own entry, should the page have reused the name meanwhile.
        if (registry.get(name) === hl) registry.delete(name);
      }
      owned.length = 0;
    },
  };
}

type Highlights = ReturnType<typeof registerHighlights>;

/** Forgets occurrences: out of their bucket, the flash and the active highlight, and the window. */
function removeAll(
  occurrences: readonly Occurrence[],
  highlights: Highlights,
  hide: (o: Occurrence) => void,
  shown: RangeWindow,
): void {
  for (const o of occurrences) {
    hide(o);
    const r = existingRange(o);
    if (r) {
      highlights.flashHl.delete(r);
      highlights.activeHl.delete(r);
    }
    shown.remove(o);
  }
}

/**
 * Paints with the CSS Custom Highlight API: one Highlight per category (so styles can differ),
 * registered under prefixed names that cannot collide with the page's. The page DOM is never
 * touched: styles come from the content script's manifest CSS (see styles.ts).
 */
export const createCssPainter = definePainter(({ doc, categoryOf, style, colors, isKnown }) => {
  const api = highlightApi(doc);
  if (!api) throw new Error('CSS Custom Highlight API unavailable');
  const highlights = registerHighlights(api, style);
  const { byCategory, knownHl, flashHl, activeHl } = highlights;
  const bucket = (o: Occurrence) => (isKnown?.(o.id) ? knownHl : byCategory.get(categoryOf(o.id)));
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  const base = createPainterBase(doc, colors, view ?? globalThis);

  let keep: ((o: Occurrence) => boolean) | null = null;
  const show = (o: Occurrence) => {
    if (!keep || keep(o)) bucket(o)?.add(o.range);
  };
  // A range never made was never shown: hiding must not make one.
  const hide = (o: Occurrence) => {
    const r = existingRange(o);
    if (r) bucket(o)?.delete(r);
  };
  const shown = createRangeWindow(view, show, hide);

  return {
    mutatesDom: false,
    occurrenceForNode: () => null,
    add: (occurrences) => shown.add(occurrences),
    remove: (occurrences) => removeAll(occurrences, highlights, hide, shown),
    hold: () => shown.hold(),
    release: () => shown.release(),
    refilter(next) {
      keep = next;
      shown.reshow();
    },
    setStyle(next, nextColors) {
      base.styles.setColors(nextColors);
      highlights.setStyle(next);
    },
    flash(o) {
      base.flash(
        () => flashHl.add(o.range),
        () => flashHl.delete(o.range),
      );
    },
    setActive(o) {
      activeHl.clear();
      if (o) activeHl.add(o.range);
    },
    adoptInto: (root) => base.styles.adoptInto(root),
    dispose() {
      shown.dispose();
      highlights.dispose();
      base.dispose();
    },
  };
});

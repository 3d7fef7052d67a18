import { CATEGORIES, type Category } from '../glossary/schema';
import {
  ACTIVE_NAME,
  type AdoptedSheet,
  buildStylesheet,
  createAdoptedSheet,
  FLASH_NAME,
  highlightName,
} from './styles';
import type { CategoryColors, HighlightStyle, Occurrence, Painter } from './types';

export const FLASH_MS = 1200;

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
 * Paints with the CSS Custom Highlight API: one Highlight per category (so styles can differ),
 * registered under prefixed names that cannot collide with the page's. The page DOM is never
 * touched: styles come from an adopted constructed stylesheet.
 */
export function createCssPainter(
  doc: Document,
  categoryOf: (id: string) => Category,
  style: HighlightStyle = 'background',
  colors?: CategoryColors,
): Painter {
  const api = highlightApi(doc);
  if (!api) throw new Error('CSS Custom Highlight API unavailable');
  const { registry, Ctor } = api;
  const byCategory = new Map<Category, Highlight>();
  const owned: [string, Highlight][] = [];
  const register = (name: string, priority: number) => {
    const hl = new Ctor();
    hl.priority = priority;
    registry.set(name, hl);
    owned.push([name, hl]);
    return hl;
  };
  for (const c of CATEGORIES) byCategory.set(c, register(highlightName(c), 0));
  const flashHl = register(FLASH_NAME, 2);
  const activeHl = register(ACTIVE_NAME, 1);
  const sheet: AdoptedSheet | null = createAdoptedSheet(doc, buildStylesheet(style, colors));
  const view = doc.defaultView;
  const timers = new Set<ReturnType<typeof setTimeout>>();

  return {
    mutatesDom: false,
    add(occurrences) {
      for (const o of occurrences) byCategory.get(categoryOf(o.id))?.add(o.range);
    },
    remove(occurrences) {
      for (const o of occurrences) {
        byCategory.get(categoryOf(o.id))?.delete(o.range);
        flashHl.delete(o.range);
        activeHl.delete(o.range);
      }
    },
    setStyle(next, nextColors) {
      sheet?.update(buildStylesheet(next, nextColors));
    },
    flash(o: Occurrence) {
      flashHl.add(o.range);
      const t = (view ?? globalThis).setTimeout(() => {
        timers.delete(t);
        flashHl.delete(o.range);
      }, FLASH_MS);
      timers.add(t);
    },
    setActive(o) {
      activeHl.clear();
      if (o) activeHl.add(o.range);
    },
    adoptInto(root) {
      sheet?.adoptInto(root);
    },
    dispose() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      for (const [name, hl] of owned) {
        hl.clear();
        // Only delete our own entry, should the page have reused the name meanwhile.
        if (registry.get(name) === hl) registry.delete(name);
      }
      owned.length = 0;
      sheet?.dispose();
    },
  };
}

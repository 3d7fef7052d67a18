import { detectLanguage, type Language, textMask } from '../matcher';
import type { Segment } from './segment';

/** The element's parent, or the host of the shadow root it is the top of. */
function parentOf(el: Element): Element | null {
  const parent = el.parentElement;
  if (parent) return parent;
  const root = el.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/**
 * The nearest `lang` (or `xml:lang`) attribute of an element, crossing shadow boundaries. Every
 * element passed on the way is remembered: blocks share their ancestors, so a page's blocks
 * read each element once rather than once per block below it.
 */
function declaredLang(el: Element, known: WeakMap<Element, string | null>): string | null {
  const path: Element[] = [];
  let lang: string | null = null;
  for (let cur: Element | null = el; cur; cur = parentOf(cur)) {
    const seen = known.get(cur);
    if (seen !== undefined) {
      lang = seen;
      break;
    }
    path.push(cur);
    const own = cur.getAttribute('lang') ?? cur.getAttribute('xml:lang');
    if (own !== null) {
      lang = own;
      break;
    }
  }
  for (const p of path) known.set(p, lang);
  return lang;
}

/**
 * Which languages' forms may match in each segment: the segment's text read with its block's
 * declared language, and the page's as the fallback for texts too short to tell. Asked only for
 * the few segments the pre-filter lets through.
 */
export function createLanguageReader(doc: Document): (seg: Segment) => number {
  const html = doc.documentElement;
  const page: Language | null = detectLanguage(doc.title ?? '', html?.getAttribute('lang') ?? null);
  let known: WeakMap<Element, string | null> | null = null;
  return (seg) => {
    if (known === null) {
      known = new WeakMap();
      // A page may change its attributes between tasks (an app switching language).
      queueMicrotask(() => {
        known = null;
      });
    }
    return textMask(detectLanguage(seg.text, declaredLang(seg.block, known), page));
  };
}

import { detectLanguage, type Language, textMask } from '../matcher';
import type { Segment } from './segment';

/** The nearest `lang` (or `xml:lang`) attribute of an element, crossing shadow boundaries. */
function declaredLang(el: Element): string | null {
  for (let cur: Element | null = el; cur; ) {
    const lang = cur.getAttribute('lang') ?? cur.getAttribute('xml:lang');
    if (lang !== null) return lang;
    const parent: Element | null = cur.parentElement;
    if (parent) cur = parent;
    else {
      const root = cur.getRootNode();
      cur = root instanceof ShadowRoot ? root.host : null;
    }
  }
  return null;
}

/**
 * Which languages' forms may match in each segment: the segment's text read with its block's
 * declared language, and the page's as the fallback for texts too short to tell. Asked only for
 * the few segments the pre-filter lets through.
 */
export function createLanguageReader(doc: Document): (seg: Segment) => number {
  const html = doc.documentElement;
  const page: Language | null = detectLanguage(doc.title ?? '', html?.getAttribute('lang') ?? null);
  const declared = new WeakMap<Element, string | null>();
  return (seg) => {
    let lang = declared.get(seg.block);
    if (lang === undefined) {
      lang = declaredLang(seg.block);
      declared.set(seg.block, lang);
    }
    return textMask(detectLanguage(seg.text, lang, page));
  };
}

import type { Occurrence } from '../highlight/types';
import { PAGE_TERMS_CONTEXT, PAGE_TERMS_MAX, type PageTermsResponse } from '../messaging/protocol';
import { blockOffsets } from '../popover/view/page-sentences';

/**
 * The page's occurrences with a window of their block's text, for the page briefing's export.
 * Only string slicing here: the page briefing (an extension page) cuts the sentences, so the
 * engine every page loads carries none of that code. Runs only when the reader exports.
 */
export function pageTerms(occurrences: readonly Occurrence[], doc: Document): PageTermsResponse {
  const out: PageTermsResponse['occurrences'] = [];
  const texts = new Map<Element, string>();
  for (const o of occurrences) {
    if (out.length >= PAGE_TERMS_MAX) break;
    const at = blockOffsets(o.block, o.range);
    if (!at) continue;
    let text = texts.get(o.block);
    if (text === undefined) {
      text = o.block.textContent ?? '';
      texts.set(o.block, text);
    }
    const from = Math.max(0, at.start - PAGE_TERMS_CONTEXT);
    const to = Math.min(text.length, at.end + PAGE_TERMS_CONTEXT);
    out.push({ id: o.id, text: text.slice(from, to), start: at.start - from, end: at.end - from });
  }
  return {
    title: (doc.title ?? '').slice(0, 2000),
    url: (doc.location?.href ?? '').slice(0, 16_000),
    occurrences: out,
  };
}

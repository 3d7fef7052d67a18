// "On this page": the sentence around each occurrence, cut from its block's text.
// `blockOffsets` only reads the DOM (a Range within the block, never mutated).

import { type Sentence, sentenceAround } from '../../text/sentence';

export interface PageSentence<O> {
  occurrence: O;
  sentence: Sentence;
}

/** Offsets of `range` within `block`'s text content, or null if the range is not inside it. */
export function blockOffsets(
  block: Element,
  range: AbstractRange,
): { start: number; end: number } | null {
  const doc = block.ownerDocument;
  if (!block.contains(range.startContainer) || !block.contains(range.endContainer)) return null;
  try {
    const probe = doc.createRange();
    probe.setStart(block, 0);
    probe.setEnd(range.startContainer, range.startOffset);
    const start = probe.toString().length;
    probe.setEnd(range.endContainer, range.endOffset);
    return { start, end: probe.toString().length };
  } catch {
    // Offsets can be stale after a mutation the highlighter has not processed yet.
    return null;
  }
}

/**
 * Up to `max` distinct sentences for the given occurrences (already in reading order). Two
 * occurrences in the same sentence yield one entry, pointing at the first.
 */
export function pageSentences<O extends { block: Element; range: AbstractRange }>(
  occurrences: readonly O[],
  max = 3,
): PageSentence<O>[] {
  const out: PageSentence<O>[] = [];
  const seen = new Map<Element, Set<string>>();
  for (const occurrence of occurrences) {
    if (out.length >= max) break;
    const offsets = blockOffsets(occurrence.block, occurrence.range);
    if (!offsets) continue;
    const sentence = sentenceAround(occurrence.block.textContent ?? '', offsets.start, offsets.end);
    let texts = seen.get(occurrence.block);
    if (!texts) {
      texts = new Set();
      seen.set(occurrence.block, texts);
    }
    if (texts.has(sentence.text)) continue;
    texts.add(sentence.text);
    out.push({ occurrence, sentence });
  }
  return out;
}

import { lookupSentence } from '../../history/sentence';
import type { PopoverOccurrence } from '../types';
import { blockOffsets } from './page-sentences';

/*
 * The popover's reading memory: what it reports when the reader opens it, and what it asks
 * ("seen before", "I know this term"). Lives in the popover chunk, so a page where nothing is
 * looked up runs none of it. The browser side (messages, settings) is injected by
 * entrypoints/popover-view.ts.
 */

/** What the content script can tell about a lookup (the background's CaptureSchema). */
export interface LookupReport {
  entryId: string;
  form: string;
  sentence: string;
  formAt: number;
  title: string;
  url: string;
  lang?: string;
}

export interface SeenBefore {
  count: number;
  last: { site: string; time: number };
}

export interface MemoryDeps {
  report(capture: LookupReport): Promise<void> | void;
  summary(entryId: string): Promise<SeenBefore | null>;
  isKnown(entryId: string): Promise<boolean>;
  setKnown(entryId: string, known: boolean): Promise<unknown>;
  openHistory(entryId: string): void;
}

export interface PopoverMemory extends Omit<MemoryDeps, 'report'> {
  /** The reader opened the popover on `occurrence` (not keyboard stepping): record it. */
  opened(occurrence: PopoverOccurrence, doc: Document): void;
}

/** The lookup as the page shows it: the form, its sentence, the page's title, address, language. */
export function captureFor(occurrence: PopoverOccurrence, doc: Document): LookupReport | null {
  const offsets = blockOffsets(occurrence.block, occurrence.range);
  if (!offsets) return null;
  const sentence = lookupSentence(occurrence.block.textContent ?? '', offsets.start, offsets.end);
  const form = sentence.text.slice(sentence.markStart, sentence.markEnd);
  if (!form.trim()) return null;
  const lang = doc.documentElement?.getAttribute('lang')?.trim();
  return {
    entryId: occurrence.id,
    form,
    sentence: sentence.text,
    formAt: sentence.markStart,
    title: doc.title ?? '',
    url: doc.location?.href ?? '',
    ...(lang ? { lang } : {}),
  };
}

export function createPopoverMemory(deps: MemoryDeps): PopoverMemory {
  // The summary asked for when a popover opened, so "seen before" counts the lookups before this
  // one: the new lookup is reported only once that answer is in.
  let asked: { entryId: string; answer: Promise<SeenBefore | null> } | null = null;
  return {
    opened(occurrence, doc) {
      const capture = captureFor(occurrence, doc);
      const answer = deps.summary(occurrence.id).catch(() => null);
      asked = { entryId: occurrence.id, answer };
      if (capture) void answer.then(() => deps.report(capture));
    },
    summary(entryId) {
      if (asked?.entryId === entryId) return asked.answer;
      return deps.summary(entryId).catch(() => null);
    },
    isKnown: (entryId) => deps.isKnown(entryId).catch(() => false),
    setKnown: (entryId, known) => deps.setKnown(entryId, known),
    openHistory: (entryId) => deps.openHistory(entryId),
  };
}

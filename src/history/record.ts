import * as v from 'valibot';
import { type Category, EntrySchema } from '../glossary/schema';
import { normalizeHost } from '../settings/hosts';
import { sanitizeUrl, URL_MAX_LENGTH } from './privacy';
import { fitSentence, STORED_SENTENCE_MAX_LENGTH } from './sentence';

/*
 * One lookup: a reader opened the explanation of a term on a page. The record keeps what the
 * "seen before" line, the history view and the exports need, and nothing of the page beyond the
 * sentence around the term, its title and its (sanitised) address.
 *
 * Records are validated when read, not only when written: IndexedDB data outlives versions and
 * can be damaged, and one bad record must cost that record, not the reader's history.
 */

export const FORM_MAX_LENGTH = 200;
export const TITLE_MAX_LENGTH = 300;
const LANG = /^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/;

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const nonEmpty = (max: number) => v.pipe(v.string(), v.minLength(1), v.maxLength(max));

/** What a content script can know about a lookup; the background adds the rest. */
export const CaptureSchema = v.object({
  entryId: EntrySchema.entries.id,
  /** The text as found on the page ("alliances", "NATO's"). */
  form: nonEmpty(FORM_MAX_LENGTH),
  /** The sentence around it (lookupSentence); trimmed again on receipt. */
  sentence: nonEmpty(4 * STORED_SENTENCE_MAX_LENGTH),
  /** Offset of `form` inside `sentence`, when known (a form can occur twice in a sentence). */
  formAt: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  title: text(4 * TITLE_MAX_LENGTH),
  url: text(8 * URL_MAX_LENGTH),
  /** The page's language (`<html lang>`), when it declares a sensible one. */
  lang: v.optional(v.string()),
});
export type Capture = v.InferOutput<typeof CaptureSchema>;

const LookupFields = v.object({
  /** Store key, assigned when the lookup is added. */
  id: v.optional(v.pipe(v.number(), v.safeInteger(), v.minValue(1))),
  entryId: EntrySchema.entries.id,
  /** The entry's display term when it was looked up (a pack may rename it later). */
  term: v.pipe(EntrySchema.entries.term, v.maxLength(FORM_MAX_LENGTH)),
  form: nonEmpty(FORM_MAX_LENGTH),
  sentence: nonEmpty(STORED_SENTENCE_MAX_LENGTH),
  formAt: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  title: text(TITLE_MAX_LENGTH),
  url: v.pipe(
    text(URL_MAX_LENGTH),
    v.check((url) => sanitizeUrl(url, { keepQuery: true }) === url, 'not a clean http(s) URL'),
  ),
  /** The page's host, normalised as site rules normalise it. */
  site: v.pipe(
    v.string(),
    v.check((site) => normalizeHost(site) === site, 'not a normalised host'),
  ),
  /** When, in ms since the epoch. */
  time: v.pipe(v.number(), v.safeInteger(), v.minValue(0)),
  category: EntrySchema.entries.category,
  lang: v.optional(v.pipe(v.string(), v.maxLength(35), v.regex(LANG))),
});

export const LookupSchema = v.pipe(
  LookupFields,
  v.check(
    (l) => l.formAt === undefined || l.sentence.startsWith(l.form, l.formAt),
    'formAt does not point at form',
  ),
);
export type Lookup = v.InferOutput<typeof LookupSchema>;

/** The record if `raw` is a well-formed lookup (unknown fields dropped), else null. */
export function parseLookup(raw: unknown): Lookup | null {
  const result = v.safeParse(LookupSchema, raw);
  return result.success ? result.output : null;
}

export interface LookupContext {
  entry: { term: string; category: Category };
  time: number;
  keepQuery: boolean;
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1).trimEnd()}…`;
}

/**
 * Builds the record to store from what the content script sent and what the background knows.
 * Null when the page is not recordable (not http(s)), the form is not in the sentence, or the
 * data cannot make a valid record.
 */
export function createLookup(capture: Capture, context: LookupContext): Lookup | null {
  const url = sanitizeUrl(capture.url, { keepQuery: context.keepQuery });
  const site = url === null ? null : normalizeHost(url);
  if (url === null || site === null) return null;
  const form = collapse(capture.form);
  const fitted = fitSentence(capture.sentence, form, capture.formAt);
  if (fitted === null) return null;
  const lang = capture.lang !== undefined && LANG.test(capture.lang) ? capture.lang : undefined;
  return parseLookup({
    entryId: capture.entryId,
    term: context.entry.term,
    form,
    ...fitted,
    title: clip(collapse(capture.title), TITLE_MAX_LENGTH),
    url,
    site,
    time: context.time,
    category: context.entry.category,
    ...(lang && lang.length <= 35 ? { lang } : {}),
  });
}

/** Default window within which looking up the same term in the same sentence counts once. */
export const REPEAT_WINDOW_MS = 10 * 60 * 1000;

/**
 * True when `next` only repeats `previous`: same entry, page and sentence, soon after. Hovering a
 * term twice while reading one paragraph is one lookup, not two.
 */
export function isRepeat(previous: Lookup, next: Lookup, windowMs = REPEAT_WINDOW_MS): boolean {
  return (
    previous.entryId === next.entryId &&
    previous.url === next.url &&
    previous.sentence === next.sentence &&
    Math.abs(next.time - previous.time) < windowMs
  );
}

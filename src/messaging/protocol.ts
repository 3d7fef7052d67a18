import * as v from 'valibot';
import { CONTENT_COMMANDS } from './commands';

/*
 * One schema per direction. A message's `type` starts with where it comes from, so a listener can
 * tell "not for me" (another direction's prefix, ignored quietly) from "broken" (logged).
 * Every message is validated on receipt: content scripts run next to untrusted pages, and the
 * background must not act on anything it cannot parse.
 */

const Count = v.pipe(v.number(), v.integer(), v.minValue(0));
const Host = v.pipe(v.string(), v.maxLength(253));
const EntryId = v.pipe(v.string(), v.minLength(1), v.maxLength(200));

// content -> background
export const PageStateMessageSchema = v.object({
  type: v.literal('content/page-state'),
  /** Distinct entries found on the page. */
  count: Count,
  enabled: v.boolean(),
  host: Host,
});
/** "Open in reference" from the popover: the background opens the full reference on the entry. */
export const OpenReferenceMessageSchema = v.object({
  type: v.literal('content/open-reference'),
  id: EntryId,
});
/**
 * The reader opened a popover (hover, tap or click): record it in the reading history. The
 * envelope only: the background checks `capture` against the history's CaptureSchema
 * (src/history/record.ts), so the engine every page loads carries none of the history code.
 */
export const LookupMessageSchema = v.object({
  type: v.literal('content/lookup'),
  capture: v.record(v.string(), v.unknown()),
});
/** The popover asks how often its entry was looked up before (answer: HistorySummaryResponse). */
export const HistorySummaryMessageSchema = v.object({
  type: v.literal('content/history-summary'),
  id: EntryId,
});
/** "Seen before" link: the background opens the history view filtered to the entry. */
export const OpenHistoryMessageSchema = v.object({
  type: v.literal('content/open-history'),
  id: EntryId,
});
export const ContentToBackgroundSchema = v.variant('type', [
  PageStateMessageSchema,
  OpenReferenceMessageSchema,
  LookupMessageSchema,
  HistorySummaryMessageSchema,
  OpenHistoryMessageSchema,
]);

// popup -> content (tabs.sendMessage to the active tab, frameId 0)
export const GetPageStateMessageSchema = v.object({ type: v.literal('popup/get-page-state') });
/** Scrolls to the entry's next occurrence, or to occurrence `index` (the side panel's jumps). */
export const RevealMessageSchema = v.object({
  type: v.literal('popup/reveal'),
  id: EntryId,
  index: v.optional(Count),
});
/** The page briefing's export: every occurrence with the text around it (PageTermsResponse). */
export const GetPageTermsMessageSchema = v.object({ type: v.literal('popup/get-page-terms') });
export const PopupToContentSchema = v.variant('type', [
  GetPageStateMessageSchema,
  RevealMessageSchema,
  GetPageTermsMessageSchema,
]);

// background -> content
export const BackgroundCommandMessageSchema = v.object({
  type: v.literal('background/command'),
  command: v.picklist(CONTENT_COMMANDS),
});
export const BackgroundToContentSchema = v.variant('type', [BackgroundCommandMessageSchema]);

// Responses travel back on the same channel and are validated by the sender.
export const PageStateResponseSchema = v.object({
  host: Host,
  enabled: v.boolean(),
  /** In order of first mention. */
  entries: v.array(v.object({ id: EntryId, count: Count })),
});
/** Most occurrences one export carries, and the text kept on either side of each. */
export const PAGE_TERMS_MAX = 5000;
export const PAGE_TERMS_CONTEXT = 700;
export const PageTermsResponseSchema = v.object({
  title: v.pipe(v.string(), v.maxLength(2000)),
  url: v.pipe(v.string(), v.maxLength(16_000)),
  occurrences: v.pipe(
    v.array(
      v.object({
        id: EntryId,
        /** Text around the occurrence; [start, end) is the occurrence in it. */
        text: v.pipe(v.string(), v.maxLength(4 * PAGE_TERMS_CONTEXT)),
        start: Count,
        end: Count,
      }),
    ),
    v.maxLength(PAGE_TERMS_MAX),
  ),
});

/** Null when the entry was never looked up or history cannot be read. */
export const HistorySummaryResponseSchema = v.nullable(
  v.object({
    count: Count,
    last: v.object({ site: Host, time: Count }),
  }),
);

export const DIRECTIONS = {
  'content-to-background': { prefix: 'content/', schema: ContentToBackgroundSchema },
  'popup-to-content': { prefix: 'popup/', schema: PopupToContentSchema },
  'background-to-content': { prefix: 'background/', schema: BackgroundToContentSchema },
} as const;

export type Direction = keyof typeof DIRECTIONS;
export type MessageOf<D extends Direction> = v.InferOutput<(typeof DIRECTIONS)[D]['schema']>;
export type PageStateMessage = v.InferOutput<typeof PageStateMessageSchema>;
export type PageStateResponse = v.InferOutput<typeof PageStateResponseSchema>;
export type HistorySummaryResponse = v.InferOutput<typeof HistorySummaryResponseSchema>;
export type PageTermsResponse = v.InferOutput<typeof PageTermsResponseSchema>;
export type AnyMessage = MessageOf<Direction>;

/** What the receiver answers to each message type (undefined = no answer). */
export interface ResponseMap {
  'content/page-state': undefined;
  'content/open-reference': undefined;
  'content/lookup': undefined;
  'content/history-summary': HistorySummaryResponse;
  'content/open-history': undefined;
  'popup/get-page-state': PageStateResponse;
  'popup/reveal': undefined;
  'popup/get-page-terms': PageTermsResponse;
  'background/command': undefined;
}
export type ResponseOf<M extends AnyMessage> = ResponseMap[M['type']];

const RESPONSE_SCHEMAS: { [K in keyof ResponseMap]?: v.GenericSchema<unknown, ResponseMap[K]> } = {
  'popup/get-page-state': PageStateResponseSchema,
  'content/history-summary': HistorySummaryResponseSchema,
  'popup/get-page-terms': PageTermsResponseSchema,
};

/** The typed message, or null when `raw` is not a valid message of this direction. */
export function parseMessage<D extends Direction>(direction: D, raw: unknown): MessageOf<D> | null {
  const result = v.safeParse(DIRECTIONS[direction].schema, raw);
  return result.success ? (result.output as MessageOf<D>) : null;
}

/** True when `raw` claims to belong to another direction (so this listener should stay silent). */
export function isForOtherDirection(direction: Direction, raw: unknown): boolean {
  const type = (raw as { type?: unknown } | null)?.type;
  if (typeof type !== 'string') return false;
  return Object.entries(DIRECTIONS).some(
    ([name, { prefix }]) => name !== direction && type.startsWith(prefix),
  );
}

/** Validates an answer; null when it is missing or malformed. */
export function parseResponse<M extends AnyMessage>(
  message: M,
  raw: unknown,
): ResponseOf<M> | null {
  const schema = RESPONSE_SCHEMAS[message.type];
  if (!schema) return undefined as ResponseOf<M>;
  const result = v.safeParse(schema, raw);
  return result.success ? (result.output as ResponseOf<M>) : null;
}

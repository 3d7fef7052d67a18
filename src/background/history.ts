import * as v from 'valibot';
import type { Category } from '../glossary/schema';
import { notRecordedReason } from '../history/privacy';
import { CaptureSchema, createLookup } from '../history/record';
import type { FailureReason, HistoryStore } from '../history/store';
import type { HistorySummaryResponse } from '../messaging/protocol';
import type { Settings } from '../settings/settings';

/*
 * The background's half of the reading history: it decides whether a lookup may be recorded
 * (private windows, the setting, paused sites), builds the record and stores it. The content
 * script only reports what the reader opened; everything that decides lives here, where a page
 * cannot reach it.
 */

/** What history could not do, kept for the history view to explain. */
export interface HistoryProblem {
  reason: FailureReason;
  time: number;
}

export interface HistoryDeps {
  store: HistoryStore;
  getSettings(): Promise<Settings>;
  entry(id: string): { term: string; category: Category } | undefined;
  /** Remembers the last failure (null: recording works again). */
  setProblem(problem: HistoryProblem | null): Promise<void>;
  now?: () => number;
}

/** Where the lookup came from, as the browser (not the page) reports it. */
export interface LookupSender {
  incognito?: boolean;
  /** The sending frame's address; preferred to what the page claims. */
  url?: string;
}

export type RecordOutcome =
  | 'recorded'
  | 'repeat'
  | 'invalid'
  | 'failed'
  | NonNullable<ReturnType<typeof notRecordedReason>>;

export function createHistoryRecorder(deps: HistoryDeps) {
  const now = deps.now ?? Date.now;
  let problem = false;

  async function record(raw: unknown, sender: LookupSender): Promise<RecordOutcome> {
    const parsed = v.safeParse(CaptureSchema, raw);
    if (!parsed.success) return 'invalid';
    // The frame's real address: a page could claim any URL in its message.
    const capture = { ...parsed.output, url: sender.url ?? parsed.output.url };
    const settings = await deps.getSettings();
    const reason = notRecordedReason({
      enabled: settings.history,
      incognito: sender.incognito === true,
      host: capture.url,
      pausedSites: settings.historyPaused,
    });
    if (reason !== null) return reason;
    const entry = deps.entry(capture.entryId);
    if (!entry) return 'invalid';
    const lookup = createLookup(capture, {
      entry,
      time: now(),
      keepQuery: settings.historyKeepQuery,
    });
    if (!lookup) return 'invalid';
    const result = await deps.store.add(lookup, { cap: settings.historyCap });
    if (!result.ok) {
      // A full disk must not break the page: the lookup is lost, the view says why.
      problem = true;
      await deps.setProblem({ reason: result.reason, time: now() });
      return 'failed';
    }
    if (problem) {
      problem = false;
      await deps.setProblem(null);
    }
    return result.added ? 'recorded' : 'repeat';
  }

  async function summary(entryId: string): Promise<HistorySummaryResponse> {
    const result = await deps.store.summary(entryId);
    return result.ok ? result.summary : null;
  }

  return { record, summary };
}

export type HistoryRecorder = ReturnType<typeof createHistoryRecorder>;

import { startHighlighter } from '../highlight/highlighter';
import type { Category, Highlighter, Matcher, Occurrence } from '../highlight/types';
import type { ContentCommand } from '../messaging/commands';
import type { PageTermsResponse } from '../messaging/protocol';
import type { Settings } from '../settings/settings';
import { MARK, mark } from '../util/marks';
import { pageTerms } from './page-terms';

/** What the session asks of a popover: keyboard stepping (the rest it runs on its own). */
export interface PopoverCommands {
  next(): void;
  previous(): void;
}

export type PopoverStarter = (options: {
  doc: Document;
  highlighter: Highlighter;
  settings: () => Settings;
  signal: AbortSignal;
  actions: {
    hideTerm(id: string): void;
    disableSite(): void;
    openInReference(id: string): void;
    notATerm(text: string): void;
  };
}) => PopoverCommands;

export interface PageState {
  host: string;
  enabled: boolean;
  entries: { id: string; count: number }[];
}

/** Everything the session needs, injected so the logic runs (and is tested) without `browser`. */
export interface ContentSessionDeps {
  doc: Document;
  host: string;
  /** Only the top frame reports the badge count: frames would overwrite each other's. */
  isTopFrame: boolean;
  /** The glossary's matcher without the hidden entries, and each entry's category. */
  matcher(hidden: readonly string[]): Matcher;
  categoryOf(id: string): Category;
  /** Settings as already read (the frame gate reads them before anything is built). */
  settings: Settings;
  watchSettings(cb: (s: Settings) => void, signal: AbortSignal): void;
  updateSettings(fn: (s: Settings) => Settings): Promise<unknown>;
  isSiteEnabled(host: string, s: Settings): boolean;
  setSiteEnabled(s: Settings, host: string, on: boolean): Settings;
  sendPageState(state: { count: number; enabled: boolean; host: string }): void;
  startPopover?: PopoverStarter;
  openInReference?(id: string): void;
  /** Calls `cb` when `matcher` or `categoryOf` would now give something else (the reader's terms). */
  watchGlossary?(cb: () => void, signal: AbortSignal): void;
  /** Remembers that `text` is not a term on this site (the caller's matcher then skips it). */
  notATerm?(text: string): void;
  signal: AbortSignal;
}

export interface ContentSession {
  pageState(): PageState;
  /**
   * Scrolls to the entry's next occurrence (cycling), or to its occurrence `index` in reading
   * order, and flashes it; false when none.
   */
  reveal(id: string, index?: number): boolean;
  command(command: ContentCommand): void;
  /** Every occurrence with the text around it, for the page briefing's export. */
  pageTerms(): PageTermsResponse;
  /** Resolves once the current run (if any) has painted; for tests and e2e. */
  ready(): Promise<void>;
}

/** Report at most this often: infinite scroll fires a pass per batch. */
const PAGE_STATE_DEBOUNCE_MS = 250;

export function countById(occurrences: readonly Occurrence[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const o of occurrences) counts.set(o.id, (counts.get(o.id) ?? 0) + 1);
  return counts;
}

/** One key per set of hidden entries, whatever their order: a change restarts the run. */
const hiddenKeyOf = (ids: readonly string[]) => [...ids].sort().join(',');

/** Hidden and known entries decide what a run paints; known terms are rare, a restart is fine. */
const paintKeyOf = (s: Settings) =>
  `${hiddenKeyOf(s.hiddenTerms)}|${s.knownStyle}:${hiddenKeyOf(s.knownTerms)}|${s.firstMentionOnly}`;

/** Entries the matcher leaves out: the hidden ones, and the known ones when they are hidden. */
const unmatched = (s: Settings) =>
  s.knownStyle === 'hidden' ? [...new Set([...s.hiddenTerms, ...s.knownTerms])] : s.hiddenTerms;

interface Run {
  controller: AbortController;
  highlighter: Highlighter;
  popover: PopoverCommands | null;
  hiddenKey: string;
}

/**
 * Page-state reports to the background, debounced, from the top frame only. `count` gives the
 * number of entries on the page, or null when the site is off.
 */
function createReporter(deps: ContentSessionDeps, count: () => number | null) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const sendNow = () => {
    clearTimeout(timer);
    if (deps.signal.aborted || !deps.isTopFrame) return;
    const n = count();
    deps.sendPageState({ count: n ?? 0, enabled: n !== null, host: deps.host });
  };
  const report = () => {
    if (!deps.isTopFrame) return;
    clearTimeout(timer);
    timer = setTimeout(sendNow, PAGE_STATE_DEBOUNCE_MS);
  };
  deps.signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
  return { report, sendNow };
}

/** One run: a highlighter and its popover under their own controller, ended by the session's. */
function startRun(deps: ContentSessionDeps, settings: () => Settings, onChange: () => void): Run {
  const { doc, host, signal } = deps;
  const controller = new AbortController();
  const onAbort = () => controller.abort();
  signal.addEventListener('abort', onAbort, { once: true });
  controller.signal.addEventListener('abort', () => signal.removeEventListener('abort', onAbort));
  const current = settings();
  const { style, colors } = current;
  const matcher = deps.matcher(unmatched(current));
  const known = current.knownStyle === 'quiet' ? new Set(current.knownTerms) : null;
  mark(MARK.tables);
  const highlighter = startHighlighter({
    root: doc,
    matcher,
    categoryOf: deps.categoryOf,
    signal: controller.signal,
    style,
    colors,
    ...(known && known.size > 0 ? { isKnown: (id: string) => known.has(id) } : {}),
    ...(current.firstMentionOnly ? { firstMentionOnly: true } : {}),
    onChange,
  });
  const popover =
    deps.startPopover?.({
      doc,
      highlighter,
      settings,
      signal: controller.signal,
      actions: {
        hideTerm: (id) =>
          void deps.updateSettings((s) =>
            s.hiddenTerms.includes(id) ? s : { ...s, hiddenTerms: [...s.hiddenTerms, id] },
          ),
        disableSite: () => void deps.updateSettings((s) => deps.setSiteEnabled(s, host, false)),
        openInReference: (id) => deps.openInReference?.(id),
        notATerm: (text) => deps.notATerm?.(text),
      },
    }) ?? null;
  return { controller, highlighter, popover, hiddenKey: paintKeyOf(current) };
}

/** What a session's methods work on. */
interface SessionState {
  readonly deps: ContentSessionDeps;
  readonly report: () => void;
  settings: Settings;
  run: Run | null;
  /** Each entry's last revealed occurrence, so revealing again steps to the next. */
  readonly revealCursor: Map<string, number>;
}

function stopRun(s: SessionState): void {
  if (!s.run) return;
  s.run.controller.abort();
  s.run = null;
  s.report();
}

function apply(s: SessionState, next: Settings): void {
  const prev = s.settings;
  s.settings = next;
  if (!s.deps.isSiteEnabled(s.deps.host, next)) {
    stopRun(s);
    return;
  }
  if (s.run && s.run.hiddenKey !== paintKeyOf(next)) stopRun(s);
  if (!s.run) {
    s.run = startRun(s.deps, () => s.settings, s.report);
    return;
  }
  if (prev.style !== next.style || JSON.stringify(prev.colors) !== JSON.stringify(next.colors)) {
    s.run.highlighter.setStyle(next.style, next.colors);
  }
}

/** Runs now and follows settings, the reader's terms and the back/forward cache. */
function follow(s: SessionState, sendNow: () => void): void {
  const { doc, signal } = s.deps;
  apply(s, s.settings);
  if (!s.run) s.report(); // tell the badge the site is off
  s.deps.watchSettings((next) => apply(s, next), signal);
  // New tables for the reader's terms: run again with them, as when a term is hidden.
  s.deps.watchGlossary?.(() => {
    stopRun(s);
    apply(s, s.settings);
  }, signal);
  // Back/forward cache: the page comes back as it was, but the background cleared the badge
  // when the tab started loading, so tell it again.
  doc.defaultView?.addEventListener(
    'pageshow',
    (event) => {
      if ((event as PageTransitionEvent).persisted) sendNow();
    },
    { signal },
  );
}

function pageStateOf(s: SessionState): PageState {
  // Reading order: the popup lists entries by first mention (asked for, so the sort is due).
  const counts = s.run ? countById(s.run.highlighter.occurrences()) : new Map<string, number>();
  return {
    host: s.deps.host,
    enabled: s.run !== null,
    entries: [...counts].map(([id, count]) => ({ id, count })),
  };
}

function reveal(s: SessionState, id: string, index: number | undefined): boolean {
  if (!s.run) return false;
  const list = s.run.highlighter.occurrences().filter((o) => o.id === id);
  if (list.length === 0) return false;
  const i =
    index !== undefined
      ? Math.min(index, list.length - 1)
      : ((s.revealCursor.get(id) ?? -1) + 1) % list.length;
  s.revealCursor.set(id, i);
  const o = list[i] as Occurrence;
  o.range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
  s.run.highlighter.flash(o);
  return true;
}

/**
 * The content script's logic: settings decide whether the site is on; each run (highlighter +
 * popover) lives under its own AbortController tied to the session signal, so turning the site
 * off, hiding a term or an extension update removes everything at once.
 */
export function startContentSession(deps: ContentSessionDeps): ContentSession {
  const count = () => (s.run ? s.run.highlighter.counts().size : null);
  const { report, sendNow } = createReporter(deps, count);
  const s: SessionState = {
    deps,
    report,
    settings: deps.settings,
    run: null,
    revealCursor: new Map(),
  };
  if (!deps.signal.aborted) follow(s, sendNow);
  return {
    pageState: () => pageStateOf(s),
    reveal: (id, index) => reveal(s, id, index),
    command(command) {
      if (!s.run?.popover) return;
      if (command === 'next-occurrence') s.run.popover.next();
      else s.run.popover.previous();
    },
    pageTerms: () => pageTerms(s.run ? s.run.highlighter.occurrences() : [], deps.doc),
    ready: () => s.run?.highlighter.idle() ?? Promise.resolve(),
  };
}

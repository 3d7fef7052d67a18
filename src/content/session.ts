import type { Category, Entry } from '../glossary/schema';
import { startHighlighter } from '../highlight/highlighter';
import { yieldToMain } from '../highlight/scheduler';
import type { Highlighter, Occurrence } from '../highlight/types';
import type { Matcher, MatcherTerm } from '../matcher';
import type { Settings } from '../settings/settings';

/** What a popover controller offers the session (see src/popover/controller.tsx). */
export interface PopoverHandle {
  openFor(occurrence: Occurrence, opts?: { pin?: boolean; focus?: boolean }): void;
  close(): void;
  next(): void;
  previous(): void;
}

export type PopoverStarter = (options: {
  doc: Document;
  highlighter: Highlighter;
  settings: () => Settings;
  signal: AbortSignal;
  actions: { hideTerm(id: string): void; disableSite(): void; openInReference(id: string): void };
}) => PopoverHandle;

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
  entries: readonly Entry[];
  surfaceForms(entry: Entry): string[];
  categoryOf(id: string): Category;
  compileMatcher(terms: readonly MatcherTerm[]): Matcher;
  getSettings(): Promise<Settings>;
  watchSettings(cb: (s: Settings) => void, signal: AbortSignal): void;
  updateSettings(fn: (s: Settings) => Settings): Promise<unknown>;
  isSiteEnabled(host: string, s: Settings): boolean;
  setSiteEnabled(s: Settings, host: string, on: boolean): Settings;
  sendPageState(state: { count: number; enabled: boolean; host: string }): void;
  startPopover?: PopoverStarter;
  openInReference?(id: string): void;
  signal: AbortSignal;
}

export interface ContentSession {
  pageState(): PageState;
  /** Scrolls to the entry's next occurrence (cycling) and flashes it; false when none. */
  reveal(id: string): boolean;
  command(command: 'next-occurrence' | 'previous-occurrence'): void;
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

/**
 * The content script's logic: settings decide whether the site is on; each run (highlighter +
 * popover) lives under its own AbortController tied to the session signal, so turning the site
 * off, hiding a term or an extension update removes everything at once.
 */
export async function startContentSession(deps: ContentSessionDeps): Promise<ContentSession> {
  const { doc, host, signal } = deps;
  let settings = await deps.getSettings();
  let run: {
    controller: AbortController;
    highlighter: Highlighter;
    popover: PopoverHandle | null;
    hiddenKey: string;
  } | null = null;
  const matchers = new Map<string, Matcher>();
  const revealCursor = new Map<string, number>();
  let reportTimer: ReturnType<typeof setTimeout> | undefined;

  const sendNow = () => {
    clearTimeout(reportTimer);
    if (signal.aborted || !deps.isTopFrame) return;
    const count = run ? countById(run.highlighter.occurrences()).size : 0;
    deps.sendPageState({ count, enabled: run !== null, host });
  };

  const report = () => {
    if (!deps.isTopFrame) return;
    clearTimeout(reportTimer);
    reportTimer = setTimeout(sendNow, PAGE_STATE_DEBOUNCE_MS);
  };

  const matcherFor = (hidden: readonly string[]): Matcher => {
    const key = [...hidden].sort().join(',');
    let m = matchers.get(key);
    if (!m) {
      const skip = new Set(hidden);
      m = deps.compileMatcher(
        deps.entries
          .filter((e) => !skip.has(e.id))
          .map((e) => ({ id: e.id, forms: deps.surfaceForms(e) })),
      );
      matchers.clear(); // only the current set is worth keeping
      matchers.set(key, m);
    }
    return m;
  };

  const stopRun = () => {
    if (!run) return;
    run.controller.abort();
    run = null;
    report();
  };

  const startRun = () => {
    const controller = new AbortController();
    const onAbort = () => controller.abort();
    signal.addEventListener('abort', onAbort, { once: true });
    controller.signal.addEventListener('abort', () => signal.removeEventListener('abort', onAbort));
    const hiddenKey = [...settings.hiddenTerms].sort().join(',');
    const highlighter = startHighlighter({
      root: doc,
      matcher: matcherFor(settings.hiddenTerms),
      categoryOf: deps.categoryOf,
      signal: controller.signal,
      style: settings.style,
      colors: settings.colors,
      onChange: report,
    });
    const popover =
      deps.startPopover?.({
        doc,
        highlighter,
        settings: () => settings,
        signal: controller.signal,
        actions: {
          hideTerm: (id) =>
            void deps.updateSettings((s) =>
              s.hiddenTerms.includes(id) ? s : { ...s, hiddenTerms: [...s.hiddenTerms, id] },
            ),
          disableSite: () => void deps.updateSettings((s) => deps.setSiteEnabled(s, host, false)),
          openInReference: (id) => deps.openInReference?.(id),
        },
      }) ?? null;
    run = { controller, highlighter, popover, hiddenKey };
  };

  const apply = (next: Settings) => {
    const prev = settings;
    settings = next;
    const enabled = deps.isSiteEnabled(host, next);
    if (!enabled) {
      stopRun();
      return;
    }
    const hiddenKey = [...next.hiddenTerms].sort().join(',');
    if (run && run.hiddenKey !== hiddenKey) stopRun();
    if (!run) {
      startRun();
      return;
    }
    if (prev.style !== next.style || JSON.stringify(prev.colors) !== JSON.stringify(next.colors)) {
      run.highlighter.setStyle(next.style, next.colors);
    }
  };

  if (!signal.aborted && deps.isSiteEnabled(host, settings)) {
    // Compile in a task of its own (a few ms), apart from the script's start-up and the first
    // scan slice, so no two of them add up to a long task.
    await yieldToMain();
    matcherFor(settings.hiddenTerms);
    await yieldToMain();
  }
  if (!signal.aborted) {
    apply(settings);
    if (!run) report(); // tell the badge the site is off
    deps.watchSettings(apply, signal);
    signal.addEventListener('abort', () => clearTimeout(reportTimer), { once: true });
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

  return {
    pageState() {
      const counts = run ? countById(run.highlighter.occurrences()) : new Map<string, number>();
      return {
        host,
        enabled: run !== null,
        entries: [...counts].map(([id, count]) => ({ id, count })),
      };
    },
    reveal(id) {
      if (!run) return false;
      const list = run.highlighter.occurrences().filter((o) => o.id === id);
      if (list.length === 0) return false;
      const i = (revealCursor.get(id) ?? -1) + 1;
      const o = list[i % list.length] as Occurrence;
      revealCursor.set(id, i % list.length);
      const el = o.range.startContainer.parentElement;
      el?.scrollIntoView({ block: 'center' });
      run.highlighter.flash(o);
      return true;
    },
    command(command) {
      if (!run?.popover) return;
      if (command === 'next-occurrence') run.popover.next();
      else run.popover.previous();
    },
    ready: () => run?.highlighter.idle() ?? Promise.resolve(),
  };
}

import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { entryById } from '../../src/glossary/glossary';
import { EXPORT_FILES, historyAnki, historyCsv } from '../../src/history/export';
import type { Lookup } from '../../src/history/record';
import type { HistoryStore } from '../../src/history/store';
import { plural, t } from '../../src/i18n';
import { normalizeHost } from '../../src/settings/hosts';
import { setHistoryPaused, setKnown } from '../../src/settings/known';
import type { Settings } from '../../src/settings/settings';
import { type SettingsSource, useSettings } from '../../src/settings/use-settings';
import { downloadText } from '../../src/ui/download';
import { glossaryEntryInfo } from '../../src/ui/entry-info';
import { type FilterState, Filters } from './Filters';
import { LookupList } from './LookupList';
import { entryTermOf, shownLookups, siteList } from './lookup-filter';
import { Privacy } from './Privacy';

export interface HistoryAppProps {
  store: HistoryStore;
  settings: SettingsSource;
  updateSettings(update: (s: Settings) => Settings): Promise<Settings>;
  getStatus(): Promise<{ reason: string; time: number } | null>;
  initialEntry: string | null;
  now?: () => number;
}

interface Loaded {
  lookups: Lookup[];
  skipped: number;
  failure: string | null;
}

/** Reads the whole history (at most the cap) and the last failure the background noted. */
function useHistory(store: HistoryStore, getStatus: HistoryAppProps['getStatus']) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const reload = useCallback(async () => {
    const read = await store.query({});
    setLoaded(
      read.ok
        ? { lookups: read.records, skipped: read.skipped, failure: null }
        : { lookups: [], skipped: 0, failure: read.reason },
    );
    const status = await getStatus();
    setProblem(status?.reason ?? null);
  }, [store, getStatus]);
  useEffect(() => {
    void reload();
  }, [reload]);
  const failure = problem ?? loaded?.failure ?? null;
  return { loaded, failure, reload };
}

/** The notes above the list: a storage failure, damaged records, the last action. */
function Notices(props: { failure: string | null; skipped: number; notice: string | null }) {
  return (
    <div role="status" aria-live="polite" class="tl-notice-region">
      {props.failure && (
        <p class="tl-notice tl-notice--error" data-testid="history-problem">
          {t(props.failure === 'quota' ? 'history_error_quota' : 'history_error_failed')}
        </p>
      )}
      {props.skipped > 0 && (
        <p class="tl-notice tl-notice--error" data-testid="history-skipped">
          {plural('history_skipped', props.skipped)}
        </p>
      )}
      {props.notice && <p class="tl-notice tl-notice--success">{props.notice}</p>}
    </div>
  );
}

/** The filters' state and what they let through; the entry the popover linked to, if any. */
function useLookupFilter(initialEntry: string | null, all: Lookup[], now: () => number) {
  const [filter, setFilter] = useState<FilterState>({
    grouping: 'entry',
    site: '',
    category: '',
    period: 'all',
    entry: initialEntry,
  });
  const sites = useMemo(() => siteList(all), [all]);
  const shown = useMemo(() => shownLookups(all, filter, now()), [all, filter, now]);
  return { filter, setFilter, sites, shown, entryTerm: entryTermOf(filter.entry) };
}

interface LookupsCardProps {
  view: ReturnType<typeof useLookupFilter>;
  /** False until the history has been read. */
  loaded: boolean;
  timeZone: string;
  onExport(kind: 'csv' | 'anki'): void;
}

/** The lookups, their filters and the exports of what is shown. */
function LookupsCard({ view, loaded, timeZone, onExport }: LookupsCardProps) {
  return (
    <section class="tl-card" aria-labelledby="tl-history-lookups">
      <h2 id="tl-history-lookups">{plural('history_lookups_heading', view.shown.length)}</h2>
      <Filters
        state={view.filter}
        sites={view.sites}
        entryTerm={view.entryTerm}
        onChange={view.setFilter}
      />
      <div class="tl-button-row">
        <button type="button" class="tl-button" onClick={() => onExport('csv')}>
          {t('history_export_csv')}
        </button>
        <button type="button" class="tl-button" onClick={() => onExport('anki')}>
          {t('history_export_anki')}
        </button>
      </div>
      {loaded ? (
        <LookupList lookups={view.shown} grouping={view.filter.grouping} timeZone={timeZone} />
      ) : (
        <p class="tl-hint" aria-busy="true">
          {t('history_loading')}
        </p>
      )}
    </section>
  );
}

interface HistoryPrivacyProps {
  settings: Settings | null;
  update(fn: (s: Settings) => Settings): Promise<void>;
  onClear(): void;
}

/** The privacy card, fed from the settings (its defaults until they are read). */
function HistoryPrivacy({ settings, update, onClear }: HistoryPrivacyProps) {
  const pausedSites = Object.entries(settings?.historyPaused ?? {})
    .filter(([, paused]) => paused)
    .map(([host]) => host);
  const known = (settings?.knownTerms ?? []).map((id) => ({
    id,
    term: entryById(id)?.term ?? id,
  }));
  return (
    <Privacy
      pausedSites={pausedSites}
      known={known}
      knownStyle={settings?.knownStyle ?? 'quiet'}
      onPause={(input) => {
        const host = normalizeHost(input);
        if (host) void update((s) => setHistoryPaused(s, host, true));
        return host !== null;
      }}
      onResume={(host) => void update((s) => setHistoryPaused(s, host, false))}
      onForgetKnown={(id) => void update((s) => setKnown(s, id, false))}
      onKnownStyle={(knownStyle) => void update((s) => ({ ...s, knownStyle }))}
      onClear={onClear}
      recording={{
        history: settings?.history ?? true,
        historyKeepQuery: settings?.historyKeepQuery ?? false,
        historyCap: settings?.historyCap ?? 5000,
      }}
      onRecording={(patch) => void update((s) => ({ ...s, ...patch }))}
    />
  );
}

/** The history view: reads the history store directly (an extension page shares its origin). */
export function App(props: HistoryAppProps) {
  const { store } = props;
  const now = props.now ?? Date.now;
  const [settings, setSettings] = useSettings(props.settings);
  const { loaded, failure, reload } = useHistory(store, props.getStatus);
  const view = useLookupFilter(props.initialEntry, loaded?.lookups ?? [], now);
  const [notice, setNotice] = useState<string | null>(null);
  const timeZone = useMemo(() => Intl.DateTimeFormat().resolvedOptions().timeZone, []);

  const update = (fn: (s: Settings) => Settings) => props.updateSettings(fn).then(setSettings);

  const exportAs = (kind: 'csv' | 'anki') => {
    const { shown } = view;
    const text =
      kind === 'csv' ? historyCsv(shown, glossaryEntryInfo) : historyAnki(shown, glossaryEntryInfo);
    const file = EXPORT_FILES[kind];
    const name = `termlight-history.${file.extension}`;
    downloadText(text, name, file.mime);
    setNotice(plural('history_exported', shown.length, name));
  };

  const clear = async () => {
    const result = await store.clear();
    setNotice(result.ok ? t('history_cleared') : t('history_error_failed'));
    await reload();
  };

  return (
    <main class="tl-options tl-history">
      <header class="tl-options__header">
        <span class="tl-logo" aria-hidden="true" />
        <h1>{t('history_title')}</h1>
      </header>
      <Notices failure={failure} skipped={loaded?.skipped ?? 0} notice={notice} />
      <LookupsCard view={view} loaded={loaded !== null} timeZone={timeZone} onExport={exportAs} />
      <HistoryPrivacy settings={settings} update={update} onClear={() => void clear()} />
    </main>
  );
}

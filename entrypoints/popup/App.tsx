import { useCallback, useEffect, useMemo, useRef } from 'preact/hooks';
import { CATEGORY_LABELS } from '../../src/glossary/categories';
import { entryById } from '../../src/glossary/glossary';
import { warmSearchIndex } from '../../src/glossary/search';
import { t } from '../../src/i18n';
import { openReference } from '../../src/platform/tabs';
import { setSiteEnabled } from '../../src/settings/site-rules';
import { getSettings, updateSettings, watchSettings } from '../../src/settings/store';
import { useSettings } from '../../src/settings/use-settings';
import { HistoryLinks } from '../../src/ui/HistoryLinks';
import { EntryView } from './EntryView';
import { GlossarySection } from './GlossarySection';
import { PageSection } from './PageSection';
import { pageCountsOf, siteView } from './page-view';
import { SiteHeader } from './SiteHeader';
import { useEntryStack } from './use-entry-stack';
import { useGlossarySearch } from './use-glossary-search';
import { usePageTerms } from './use-page-terms';
import { useUserEntries } from './user-entries';

const SETTINGS = { getSettings, watchSettings };

export interface AppProps {
  /** `?view=full`: the same app as a full-page reference (opened from the context menu). */
  full: boolean;
  initialQuery: string;
  /** `?entry=<id>`: open on that entry (the popover's "Open in reference"). */
  initialEntry?: string;
}

function scheduleIdle(task: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(task, { timeout: 500 });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(task, 50);
  return () => clearTimeout(handle);
}

// Hooks in the order of the work they start on open (the open time is benchmarked).
export function App({ full, initialQuery, initialEntry }: AppProps) {
  const [settings, setSettings] = useSettings(SETTINGS);
  const user = useUserEntries();
  const lookup = useCallback((id: string) => entryById(id) ?? user.byId.get(id), [user]);
  const { tab, page, reveal } = usePageTerms(full, lookup);
  const search = useGlossarySearch(initialQuery, user);
  const inputRef = useRef<HTMLInputElement>(null);
  // The search box is what most people open the popup for.
  useEffect(() => inputRef.current?.focus(), []);
  // The index is built off the critical path: after first paint, or on the first keystroke.
  useEffect(() => scheduleIdle(warmSearchIndex), []);
  const pageCounts = useMemo(() => pageCountsOf(page), [page]);
  const entries = useEntryStack(initialEntry, lookup, inputRef);
  const { current } = entries;
  const site = siteView(page, settings, tab.host);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && current) {
      event.preventDefault();
      entries.back();
    }
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: catches Esc bubbling from any control in the entry view
    <div class={`tl-app ${full ? 'tl-app--full' : ''}`} onKeyDown={onKeyDown}>
      <SiteHeader
        full={full}
        host={tab.host}
        siteOn={site.siteOn}
        paused={settings?.paused ?? false}
        onSiteChange={(on) => {
          const host = tab.host;
          if (!host) return;
          // The tab applies the change itself (it watches settings) and reports when it has.
          updateSettings((s) => setSiteEnabled(s, host, on)).then(setSettings);
        }}
        onPausedChange={(paused) => updateSettings({ paused }).then(setSettings)}
      />
      <main class="tl-main">
        {current ? (
          <EntryView
            entry={current}
            previousId={entries.previousId}
            lookup={lookup}
            owner={user.owners.get(current.id)}
            pageCounts={pageCounts}
            backRef={entries.backRef}
            onBack={entries.back}
            onOpen={entries.openEntry}
            onReveal={reveal}
          />
        ) : (
          <>
            {!full && <PageSection page={site.page} onReveal={reveal} onOpen={entries.openEntry} />}
            <GlossarySection
              {...search}
              categoryLabels={CATEGORY_LABELS}
              onOpen={entries.openEntry}
              pageCounts={pageCounts}
              owners={user.owners}
              inputRef={inputRef}
            />
          </>
        )}
      </main>
      <Footer full={full} query={search.query} />
    </div>
  );
}

function Footer({ full, query }: { full: boolean; query: string }) {
  return (
    <footer class="tl-footer">
      {!full && (
        <button
          type="button"
          class="tl-link-button"
          onClick={() => openReference(query).then(() => window.close())}
        >
          {t('popup_open_in_tab')}
        </button>
      )}
      <a href="/options.html" target="_blank" rel="noopener" class="tl-link">
        {t('popup_settings_link')}
      </a>
      <HistoryLinks />
    </footer>
  );
}

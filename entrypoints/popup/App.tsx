import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { CATEGORY_LABELS } from '../../src/glossary/categories';
import { entryById, glossary } from '../../src/glossary/glossary';
import { localEntry } from '../../src/glossary/localised-all';
import type { Category, Entry } from '../../src/glossary/schema';
import { searchGlossary, warmSearchIndex } from '../../src/glossary/search';
import { t } from '../../src/i18n';
import type { PageStateResponse } from '../../src/messaging/protocol';
import { observeMessages, sendToTab } from '../../src/platform/messaging';
import { activeTab, openReference } from '../../src/platform/tabs';
import { normalizeHost } from '../../src/settings/hosts';
import { isSiteEnabled, setSiteEnabled } from '../../src/settings/site-rules';
import { getSettings, updateSettings, watchSettings } from '../../src/settings/store';
import { useSettings } from '../../src/settings/use-settings';
import { EntryDetails } from '../../src/ui/EntryDetails';
import { HistoryLinks } from '../../src/ui/HistoryLinks';
import { GlossarySection } from './GlossarySection';
import { PageSection, type PageView } from './PageSection';
import { pageAccess } from './page-access';
import { SiteHeader } from './SiteHeader';
import { useUserEntries } from './user-entries';

const SETTINGS = { getSettings, watchSettings };

export interface AppProps {
  /** `?view=full`: the same app as a full-page reference (opened from the context menu). */
  full: boolean;
  initialQuery: string;
  /** `?entry=<id>`: open on that entry (the popover's "Open in reference"). */
  initialEntry?: string;
}

interface TabInfo {
  id: number | undefined;
  host: string | null;
}

function scheduleIdle(task: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(task, { timeout: 500 });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(task, 50);
  return () => clearTimeout(handle);
}

export function App({ full, initialQuery, initialEntry }: AppProps) {
  const [settings, setSettings] = useSettings(SETTINGS);
  const user = useUserEntries();
  const lookup = useCallback((id: string) => entryById(id) ?? user.byId.get(id), [user]);
  // Read by the tab query below without asking the tab again when the reader's entries load;
  // the last answer is resolved again instead.
  const lookupRef = useRef(lookup);
  lookupRef.current = lookup;
  const lastReply = useRef<PageStateResponse | null>(null);
  useEffect(() => {
    if (lastReply.current) setPage(toPageView(lastReply.current, lookup));
  }, [lookup]);
  const [tab, setTab] = useState<TabInfo>({ id: undefined, host: null });
  const [page, setPage] = useState<PageView>(
    full ? { status: 'unavailable', reason: 'no-page' } : { status: 'loading' },
  );
  const [query, setQuery] = useState(initialQuery);
  const [category, setCategory] = useState<Category | null>(null);
  const [activeIndex, setActiveIndex] = useState(0);
  // Entry ids opened, newest last: related entries push, Back pops.
  const [stack, setStack] = useState<string[]>(() =>
    initialEntry && entryById(initialEntry) ? [initialEntry] : [],
  );
  // Bumped to ask the tab again whenever it reports a change (e.g. it rescanned after the site
  // was switched back on, or an infinite page grew).
  const [pageNonce, setPageNonce] = useState(0);
  useEffect(() => {
    if (full || tab.id === undefined) return;
    const controller = new AbortController();
    observeMessages(
      'content-to-background',
      (message, sender) => {
        if (message.type === 'content/page-state' && sender.tabId === tab.id && !sender.frameId) {
          setPageNonce((n) => n + 1);
        }
      },
      controller.signal,
    );
    return () => controller.abort();
  }, [full, tab.id]);
  const inputRef = useRef<HTMLInputElement>(null);
  const backRef = useRef<HTMLButtonElement>(null);

  // Ask the active tab what it found; every failure means "the content script is not there".
  useEffect(() => {
    if (full) return;
    let cancelled = false;
    (async () => {
      const current = await activeTab();
      if (cancelled) return;
      const url = current?.url;
      const access = pageAccess(url);
      const host = url && access.ok ? normalizeHost(url) : null;
      setTab({ id: current?.id, host });
      // Without the "tabs" permission the browser hides the URL of most tabs (tab.url is
      // undefined): then only the content script can say which site this is, so ask it.
      const hidden = url === undefined;
      if ((!access.ok && !hidden) || current?.id === undefined) {
        setPage({ status: 'unavailable', reason: access.ok ? 'no-page' : access.reason });
        return;
      }
      // null: no content script answered (or the answer did not validate).
      const reply = await sendToTab(current.id, { type: 'popup/get-page-state' });
      if (cancelled) return;
      if (hidden) {
        const reported = reply ? normalizeHost(reply.host) : null;
        setTab({ id: current.id, host: reported });
        // No answer from a tab we cannot see: a browser page as likely as a page to reload.
        if (!reply || reported === null) {
          setPage({ status: 'unavailable', reason: 'no-page' });
          return;
        }
      }
      lastReply.current = reply;
      setPage(
        reply
          ? toPageView(reply, lookupRef.current)
          : { status: 'unavailable', reason: 'no-answer' },
      );
    })();
    return () => {
      cancelled = true;
    };
  }, [full, pageNonce]);

  // The search box is what most people open the popup for.
  useEffect(() => inputRef.current?.focus(), []);

  // The index is built off the critical path: after first paint, or on the first keystroke.
  useEffect(() => scheduleIdle(warmSearchIndex), []);

  const results = useMemo(
    () => (user.search?.search ?? searchGlossary)(query, { category: category ?? undefined }),
    [query, category, user],
  );

  const pageCounts = useMemo(() => {
    if (page.status !== 'ready') return undefined;
    return new Map(page.entries.map(({ entry, count }) => [entry.id, count]));
  }, [page]);

  const openEntry = useCallback((id: string) => setStack((s) => [...s, id]), []);
  const back = useCallback(() => setStack((s) => s.slice(0, -1)), []);

  const current = stack.length ? lookup(stack[stack.length - 1] ?? '') : undefined;

  // Keep focus where a keyboard user expects it when the view switches.
  const wasEntryView = useRef(false);
  useEffect(() => {
    if (current) backRef.current?.focus();
    else if (wasEntryView.current) inputRef.current?.focus();
    wasEntryView.current = Boolean(current);
  }, [current]);

  const reveal = useCallback(
    (id: string) => {
      if (tab.id !== undefined) {
        sendToTab(tab.id, { type: 'popup/reveal', id }).then((reply) => {
          // The tab was closed or navigated away to a page without Termlight.
          if (reply === null) setPage({ status: 'unavailable', reason: 'no-answer' });
        });
      }
    },
    [tab.id],
  );

  const onQuery = (q: string) => {
    setQuery(q);
    setActiveIndex(0);
  };
  const onCategory = (c: Category | null) => {
    setCategory(c);
    setActiveIndex(0);
  };

  const siteOn =
    settings && tab.host ? isSiteEnabled(tab.host, { ...settings, paused: false }) : true;
  const highlighting = settings && tab.host ? isSiteEnabled(tab.host, settings) : true;
  const pageView: PageView =
    page.status === 'ready' && !highlighting
      ? { status: 'off', paused: settings?.paused ?? false }
      : page;

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && current) {
      event.preventDefault();
      back();
    }
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: catches Esc bubbling from any control in the entry view
    <div class={`tl-app ${full ? 'tl-app--full' : ''}`} onKeyDown={onKeyDown}>
      <SiteHeader
        full={full}
        host={tab.host}
        siteOn={siteOn}
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
          <div class="tl-entry-view">
            <button ref={backRef} type="button" class="tl-back" onClick={back}>
              <span class="tl-back__arrow" aria-hidden="true">
                ←
              </span>{' '}
              {stack.length > 1
                ? t('popup_back_to', termOf(stack[stack.length - 2] ?? '', lookup))
                : t('popup_back')}
            </button>
            {user.owners.has(current.id) && (
              <p class="tl-entry-owner" data-testid="owner">
                {user.owners.get(current.id)}
              </p>
            )}
            <EntryDetails
              entry={current}
              examples={current.examples}
              related={current.related.flatMap((id) => entryById(id) ?? [])}
              onRelated={openEntry}
              pageCount={pageCounts ? (pageCounts.get(current.id) ?? 0) : undefined}
              articleTitle={glossary.article.title}
              categoryLabel={CATEGORY_LABELS[current.category]}
              local={localEntry(current.id)}
              localOf={localEntry}
              onShowOnPage={pageCounts ? () => reveal(current.id) : undefined}
            />
          </div>
        ) : (
          <>
            {!full && <PageSection page={pageView} onReveal={reveal} onOpen={openEntry} />}
            <GlossarySection
              query={query}
              onQuery={onQuery}
              category={category}
              onCategory={onCategory}
              categoryLabels={CATEGORY_LABELS}
              results={results}
              activeIndex={Math.min(activeIndex, Math.max(0, results.length - 1))}
              onActiveIndex={setActiveIndex}
              onOpen={openEntry}
              pageCounts={pageCounts}
              owners={user.owners}
              inputRef={inputRef}
            />
          </>
        )}
      </main>
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
    </div>
  );
}

/** The entry's term in the interface language, else as written (English, or the reader's own). */
function termOf(id: string, lookup: (id: string) => Entry | undefined): string {
  return localEntry(id)?.term ?? lookup(id)?.term ?? id;
}

function toPageView(reply: PageStateResponse, lookup: (id: string) => Entry | undefined): PageView {
  const entries = reply.entries
    .flatMap(({ id, count }) => {
      const entry: Entry | undefined = lookup(id);
      return entry && count > 0 ? [{ entry, count }] : [];
    })
    // Most frequent first: what the reader meets most is what they most likely want.
    .sort((a, b) => b.count - a.count || a.entry.term.localeCompare(b.entry.term));
  return { status: 'ready', entries };
}

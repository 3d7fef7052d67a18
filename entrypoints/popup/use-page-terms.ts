import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Entry } from '../../src/glossary/schema';
import type { PageStateResponse } from '../../src/messaging/protocol';
import { observeMessages, sendToTab } from '../../src/platform/messaging';
import { activeTab } from '../../src/platform/tabs';
import { normalizeHost } from '../../src/settings/hosts';
import type { PageView } from './PageSection';
import { pageAccess } from './page-access';
import { toPageView } from './page-view';

export interface TabInfo {
  id: number | undefined;
  host: string | null;
}

export interface PageTerms {
  tab: TabInfo;
  page: PageView;
  /** Scrolls the tab to the entry's next occurrence. */
  reveal: (id: string) => void;
}

/** The active tab, its site and the glossary entries its content script found (none when full). */
export function usePageTerms(full: boolean, lookup: (id: string) => Entry | undefined): PageTerms {
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
  const pageNonce = usePageChanges(full, tab.id);

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
  return { tab, page, reveal };
}

/**
 * Bumped to ask the tab again whenever it reports a change (e.g. it rescanned after the site
 * was switched back on, or an infinite page grew). Only the tab's top frame counts.
 */
function usePageChanges(full: boolean, tabId: number | undefined): number {
  const [pageNonce, setPageNonce] = useState(0);
  useEffect(() => {
    if (full || tabId === undefined) return;
    const controller = new AbortController();
    observeMessages(
      'content-to-background',
      (message, sender) => {
        if (message.type === 'content/page-state' && sender.tabId === tabId && !sender.frameId) {
          setPageNonce((n) => n + 1);
        }
      },
      controller.signal,
    );
    return () => controller.abort();
  }, [full, tabId]);
  return pageNonce;
}

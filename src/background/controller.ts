import { t } from '../i18n';
import { type ContentCommand, isContentCommand, type KeyboardCommand } from '../messaging/commands';
import type { HistorySummaryResponse, MessageOf, PageStateMessage } from '../messaging/protocol';
import type { MenuClick, MenuItem, TabRef } from '../platform/menus';
import type { Badge } from '../platform/tabs';
import { normalizeHost } from '../settings/hosts';
import type { Settings } from '../settings/settings';
import { isSiteEnabled, setSiteEnabled, toggleSite } from '../settings/site-rules';
import { badgeFor, EMPTY_BADGE } from './badge';
import type { HistoryRecorder, LookupSender } from './history';

/*
 * Background logic with the browser injected, so it is tested without browser.* (the entry point
 * only passes platform functions in and forwards events).
 */

export const MENU_LOOKUP = 'termlight-lookup';
export const MENU_DISABLE_SITE = 'termlight-disable-site';

/** Content scripts only run on http(s); the menu items would do nothing elsewhere. */
const WEB_PAGES = ['http://*/*', 'https://*/*'];

export const MENU_ITEMS: readonly MenuItem[] = [
  {
    id: MENU_LOOKUP,
    // %s is replaced by the selected text by the browser. Titles are read when the menu is made.
    get title() {
      return t('menu_look_up');
    },
    contexts: ['selection'],
    documentUrlPatterns: WEB_PAGES,
  },
  {
    id: MENU_DISABLE_SITE,
    get title() {
      return t('menu_turn_off_site');
    },
    contexts: ['page'],
    documentUrlPatterns: WEB_PAGES,
  },
];

export interface BackgroundDeps {
  getSettings(): Promise<Settings>;
  updateSettings(update: (current: Settings) => Settings): Promise<Settings>;
  setBadge(tabId: number, badge: Badge): Promise<void>;
  openReference(query?: string, entry?: string): Promise<void>;
  sendCommand(tabId: number, command: ContentCommand): Promise<unknown>;
  activeTab(): Promise<TabRef | null>;
  /** The reading history; absent where it is not wired (older tests). */
  history?: HistoryRecorder;
  openHistory?(entry?: string): Promise<void>;
}

/** Longest query we pass on; a whole selected paragraph is not a search. */
export const MAX_QUERY_LENGTH = 100;

export function lookupQuery(selection: string | undefined): string {
  const text = (selection ?? '').replace(/\s+/g, ' ').trim();
  return text.length > MAX_QUERY_LENGTH ? text.slice(0, MAX_QUERY_LENGTH).trimEnd() : text;
}

/** Pages the background knows, and what it was given. */
interface BackgroundState {
  readonly deps: BackgroundDeps;
  /**
   * What each tab's content script last reported. We have no "tabs" permission, so tab.url may
   * be missing; the report is the reliable source. Lost when an MV3 worker restarts, hence the
   * fallbacks in hostOf.
   */
  readonly tabs: Map<number, { host: string; count: number }>;
}

type Sender = { tabId?: number; frameId?: number };

function hostOf(
  b: BackgroundState,
  tab: TabRef | undefined | null,
  pageUrl?: string,
): string | null {
  const reported = tab?.id !== undefined ? b.tabs.get(tab.id)?.host : undefined;
  return reported ?? normalizeHost(pageUrl ?? '') ?? normalizeHost(tab?.url ?? '');
}

async function onPageState(
  b: BackgroundState,
  message: PageStateMessage,
  sender: Sender,
): Promise<void> {
  // Frames run their own content script; the badge describes the top-level page only.
  if (sender.tabId === undefined || (sender.frameId ?? 0) !== 0) return;
  const host = normalizeHost(message.host);
  if (host !== null) b.tabs.set(sender.tabId, { host, count: message.count });
  const { paused } = await b.deps.getSettings();
  const badge = badgeFor({ ...message, host: host ?? message.host, paused });
  await b.deps.setBadge(sender.tabId, badge);
}

/** Every content -> background message; the tab's sender is already validated by the platform. */
async function onContentMessage(
  b: BackgroundState,
  message: MessageOf<'content-to-background'>,
  sender: Sender & LookupSender,
): Promise<HistorySummaryResponse | undefined> {
  const { deps } = b;
  switch (message.type) {
    case 'content/page-state':
      await onPageState(b, message, sender);
      return undefined;
    case 'content/open-reference':
      await deps.openReference(undefined, message.id);
      return undefined;
    case 'content/lookup':
      await deps.history?.record(message.capture, sender);
      return undefined;
    case 'content/history-summary':
      // A private window shows no memory either: the reader expects it to leave no trace.
      if (sender.incognito) return null;
      return (await deps.history?.summary(message.id)) ?? null;
    case 'content/open-history':
      await deps.openHistory?.(message.id);
      return undefined;
  }
}

/**
 * Settings changed (popup, options, command, another window): show "off" at once in every tab
 * we know, rather than waiting for each content script to report again. The content script's
 * next report (with a fresh count) replaces this.
 */
async function onSettingsChanged(b: BackgroundState, settings: Settings): Promise<void> {
  await Promise.all(
    [...b.tabs].map(([tabId, { host, count }]) =>
      b.deps.setBadge(
        tabId,
        badgeFor({
          host,
          count,
          enabled: isSiteEnabled(host, settings),
          paused: settings.paused,
        }),
      ),
    ),
  );
}

async function onMenuClick(b: BackgroundState, info: MenuClick, tab?: TabRef): Promise<void> {
  if (info.menuItemId === MENU_LOOKUP) {
    await b.deps.openReference(lookupQuery(info.selectionText));
  } else if (info.menuItemId === MENU_DISABLE_SITE) {
    const host = hostOf(b, tab, info.pageUrl);
    if (host !== null) await b.deps.updateSettings((s) => setSiteEnabled(s, host, false));
  }
}

async function onCommand(b: BackgroundState, command: string, tab?: TabRef): Promise<void> {
  const target = tab?.id !== undefined ? tab : await b.deps.activeTab();
  if (target?.id === undefined) return;
  if (command === ('toggle-site' satisfies KeyboardCommand)) {
    const host = hostOf(b, target);
    // No host means no content script on this page (browser pages, the store): nothing to flip.
    if (host !== null) await b.deps.updateSettings((s) => toggleSite(s, host));
  } else if (isContentCommand(command)) {
    await b.deps.sendCommand(target.id, command);
  }
}

/**
 * A tab starts loading a new page. Chrome keeps a tab's badge across navigations (Firefox
 * resets it), so clear it here; the new page's content script reports again if it runs.
 */
async function onTabLoading(b: BackgroundState, tabId: number): Promise<void> {
  if (!b.tabs.delete(tabId)) return;
  await b.deps.setBadge(tabId, EMPTY_BADGE);
}

export function createBackground(deps: BackgroundDeps) {
  const b: BackgroundState = { deps, tabs: new Map() };
  return {
    onPageState: (message: PageStateMessage, sender: Sender) => onPageState(b, message, sender),
    onContentMessage: (
      message: MessageOf<'content-to-background'>,
      sender: Sender & LookupSender,
    ) => onContentMessage(b, message, sender),
    onSettingsChanged: (settings: Settings) => onSettingsChanged(b, settings),
    onMenuClick: (info: MenuClick, tab?: TabRef) => onMenuClick(b, info, tab),
    onCommand: (command: string, tab?: TabRef) => onCommand(b, command, tab),
    onTabLoading: (tabId: number) => onTabLoading(b, tabId),
    onTabRemoved(tabId: number): void {
      b.tabs.delete(tabId);
    },
  };
}

export type BackgroundController = ReturnType<typeof createBackground>;

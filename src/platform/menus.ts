import { browser } from 'wxt/browser';

export type MenuContext = 'selection' | 'page';
export interface MenuItem {
  id: string;
  title: string;
  contexts: [MenuContext, ...MenuContext[]];
  documentUrlPatterns: string[];
}

export interface TabRef {
  id?: number;
  url?: string;
}

export interface MenuClick {
  menuItemId: string | number;
  selectionText?: string;
  pageUrl?: string;
}

/**
 * (Re)creates our context menu items. Called from runtime.onInstalled: Chrome keeps menus across
 * MV3 service-worker restarts but drops them on update, and creating an existing id is an error,
 * so start from a clean slate.
 */
export async function createContextMenus(items: readonly MenuItem[]): Promise<void> {
  const menus = browser.contextMenus;
  if (!menus) return;
  await menus.removeAll();
  for (const item of items) {
    menus.create({
      id: item.id,
      title: item.title,
      contexts: item.contexts,
      documentUrlPatterns: item.documentUrlPatterns,
    });
  }
}

export function onContextMenuClick(handler: (info: MenuClick, tab?: TabRef) => void): void {
  browser.contextMenus?.onClicked.addListener((info, tab) => handler(info, tab));
}

export function onKeyboardCommand(handler: (command: string, tab?: TabRef) => void): void {
  browser.commands?.onCommand.addListener((command, tab) => handler(command, tab));
}

export function onTabRemoved(handler: (tabId: number) => void): void {
  browser.tabs.onRemoved.addListener((tabId) => handler(tabId));
}

/**
 * Install/update, and browser start-up. Chrome keeps menus across restarts, but Firefox does not
 * for a persistent (MV2) background page, so menus are also rebuilt on runtime.onStartup.
 */
export function onInstalledOrStartup(handler: () => void): void {
  browser.runtime.onInstalled.addListener(() => handler());
  browser.runtime.onStartup.addListener(() => handler());
}

/** A tab started loading a new document (tabs.onUpdated reports status without "tabs"). */
export function onTabLoading(handler: (tabId: number) => void): void {
  browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
    if (changeInfo.status === 'loading') handler(tabId);
  });
}

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../../entrypoints/background';
import { MENU_DISABLE_SITE, MENU_LOOKUP } from '../../../src/background/controller';
import { getSettings, updateSettings } from '../../../src/settings/store';

/*
 * The entry point run against the fake browser. contextMenus and commands are not implemented by
 * the fake, so they get a minimal event stand-in here.
 */

type Listener = (...args: never[]) => unknown;
function fakeEvent() {
  const listeners: Listener[] = [];
  return {
    addListener: (l: Listener) => listeners.push(l),
    removeListener: (l: Listener) => listeners.splice(listeners.indexOf(l), 1),
    hasListener: (l: Listener) => listeners.includes(l),
    trigger: async (...args: unknown[]) =>
      Promise.all(listeners.map((l) => (l as (...a: unknown[]) => unknown)(...args))),
  };
}

const browserAny = fakeBrowser as unknown as {
  contextMenus: Record<string, unknown>;
  commands: Record<string, unknown>;
};
const original = {
  contextMenus: browserAny.contextMenus,
  commands: browserAny.commands,
};

let menus: { created: unknown[]; removeAll: ReturnType<typeof vi.fn> };
let menuClicked: ReturnType<typeof fakeEvent>;
let command: ReturnType<typeof fakeEvent>;

beforeEach(async () => {
  fakeBrowser.reset();
  menuClicked = fakeEvent();
  command = fakeEvent();
  menus = { created: [], removeAll: vi.fn(async () => {}) };
  browserAny.contextMenus = {
    create: (item: unknown) => menus.created.push(item),
    removeAll: menus.removeAll,
    onClicked: menuClicked,
  };
  browserAny.commands = { onCommand: command };
  await background.main();
});

afterEach(() => {
  browserAny.contextMenus = original.contextMenus;
  browserAny.commands = original.commands;
});

const contentSender = (tabId: number) => ({
  id: fakeBrowser.runtime.id,
  tab: { id: tabId },
  frameId: 0,
  url: 'https://news.example.com/a',
});

async function flush() {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

describe('background entry point', () => {
  it('creates the context menus on install (from a clean slate)', async () => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update' } as never);
    await flush();
    expect(menus.removeAll).toHaveBeenCalled();
    expect(menus.created).toEqual([
      expect.objectContaining({ id: MENU_LOOKUP, contexts: ['selection'] }),
      expect.objectContaining({ id: MENU_DISABLE_SITE, contexts: ['page'] }),
    ]);
  });

  it('creates them again on browser start-up (Firefox drops them)', async () => {
    await fakeBrowser.runtime.onStartup.trigger();
    await flush();
    expect(menus.created).toHaveLength(2);
  });

  it('turning the site off elsewhere (e.g. the popup) shows off in the badge', async () => {
    const message = {
      type: 'content/page-state',
      count: 4,
      enabled: true,
      host: 'news.example.com',
    };
    await fakeBrowser.runtime.onMessage.trigger(message, contentSender(7) as never, () => {});
    await flush();
    await updateSettings({ siteRules: { 'example.com': false } });
    await flush();
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('off');
  });

  it('sets the badge from a content script report', async () => {
    const message = {
      type: 'content/page-state',
      count: 4,
      enabled: true,
      host: 'news.example.com',
    };
    await fakeBrowser.runtime.onMessage.trigger(message, contentSender(7) as never, () => {});
    await flush();
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('4');
  });

  it('ignores a report from another extension', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const message = { type: 'content/page-state', count: 4, enabled: true, host: 'a.com' };
    await fakeBrowser.runtime.onMessage.trigger(
      message,
      { ...contentSender(7), id: 'x' } as never,
      () => {},
    );
    await flush();
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('');
  });

  it('the toggle-site command turns the reported site off and on in storage', async () => {
    const message = {
      type: 'content/page-state',
      count: 1,
      enabled: true,
      host: 'news.example.com',
    };
    await fakeBrowser.runtime.onMessage.trigger(message, contentSender(7) as never, () => {});
    await command.trigger('toggle-site', { id: 7 });
    await flush();
    expect((await getSettings()).siteRules).toEqual({ 'news.example.com': false });
    await command.trigger('toggle-site', { id: 7 });
    await flush();
    expect((await getSettings()).siteRules).toEqual({});
  });

  it('"Turn off on this site" writes a rule', async () => {
    await updateSettings({ style: 'underline' });
    await menuClicked.trigger(
      { menuItemId: MENU_DISABLE_SITE, pageUrl: 'https://www.example.org/x' },
      { id: 3 },
    );
    await flush();
    expect(await getSettings()).toMatchObject({
      style: 'underline',
      siteRules: { 'example.org': false },
    });
  });

  it('"Look up" opens the reference page with the selection', async () => {
    await menuClicked.trigger({ menuItemId: MENU_LOOKUP, selectionText: 'SOFA' }, { id: 3 });
    await flush();
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.map((tab) => tab.url)).toContain(
      'chrome-extension://test-extension-id/popup.html?view=full&q=SOFA',
    );
  });

  it('next/previous commands go to the tab as background/command', async () => {
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    await command.trigger('previous-occurrence', { id: 7 });
    await flush();
    expect(send).toHaveBeenCalledWith(
      7,
      { type: 'background/command', command: 'previous-occurrence' },
      { frameId: 0 },
    );
  });
});

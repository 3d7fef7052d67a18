import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  type BackgroundDeps,
  createBackground,
  lookupQuery,
  MENU_DISABLE_SITE,
  MENU_ITEMS,
  MENU_LOOKUP,
} from '../../../src/background/controller';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/settings/settings';

/** In-memory deps: settings in a variable, every browser call recorded. */
function setup(initial: Partial<Settings> = {}) {
  let settings: Settings = { ...structuredClone(DEFAULT_SETTINGS), ...initial };
  const deps = {
    getSettings: vi.fn(async () => settings),
    updateSettings: vi.fn(async (update: (s: Settings) => Settings) => {
      settings = update(settings);
      return settings;
    }),
    setBadge: vi.fn(async () => {}),
    openReference: vi.fn(async () => {}),
    sendCommand: vi.fn(async () => undefined),
    activeTab: vi.fn(async () => ({ id: 9, url: undefined as string | undefined })),
  } satisfies BackgroundDeps;
  const background = createBackground(deps);
  return { deps, background, settings: () => settings };
}

const pageState = (count: number, enabled: boolean, host = 'news.example.com') =>
  ({ type: 'content/page-state', count, enabled, host }) as const;

let t: ReturnType<typeof setup>;
beforeEach(() => {
  t = setup();
});

describe('page state -> badge', () => {
  it('shows the distinct entry count for the sending tab', async () => {
    await t.background.onPageState(pageState(6, true), { tabId: 3, frameId: 0 });
    expect(t.deps.setBadge).toHaveBeenCalledWith(3, expect.objectContaining({ text: '6' }));
  });

  it('shows off when the site is off', async () => {
    await t.background.onPageState(pageState(0, false), { tabId: 3, frameId: 0 });
    expect(t.deps.setBadge).toHaveBeenCalledWith(
      3,
      expect.objectContaining({ text: 'off', title: 'Termlight is off on news.example.com' }),
    );
  });

  it('shows paused when globally paused', async () => {
    t = setup({ paused: true });
    await t.background.onPageState(pageState(0, false), { tabId: 3, frameId: 0 });
    expect(t.deps.setBadge).toHaveBeenCalledWith(
      3,
      expect.objectContaining({ text: 'off', title: 'Termlight is paused everywhere' }),
    );
  });

  it('ignores reports from sub-frames and from no tab', async () => {
    await t.background.onPageState(pageState(2, true), { tabId: 3, frameId: 7 });
    await t.background.onPageState(pageState(2, true), {});
    expect(t.deps.setBadge).not.toHaveBeenCalled();
  });
});

describe('content messages', () => {
  it('routes page state to the badge and "open in reference" to the reference tab', async () => {
    await t.background.onContentMessage(pageState(4, true), { tabId: 3, frameId: 0 });
    expect(t.deps.setBadge).toHaveBeenCalledWith(3, expect.objectContaining({ text: '4' }));
    await t.background.onContentMessage(
      { type: 'content/open-reference', id: 'intelligence-sharing' },
      { tabId: 3, frameId: 0 },
    );
    expect(t.deps.openReference).toHaveBeenCalledWith(undefined, 'intelligence-sharing');
  });
});

describe('settings changes and navigation', () => {
  it('a site turned off shows off at once in its tabs; others keep their count', async () => {
    await t.background.onPageState(pageState(3, true, 'a.com'), { tabId: 1, frameId: 0 });
    await t.background.onPageState(pageState(5, true, 'b.com'), { tabId: 2, frameId: 0 });
    t.deps.setBadge.mockClear();
    await t.background.onSettingsChanged({ ...DEFAULT_SETTINGS, siteRules: { 'a.com': false } });
    expect(t.deps.setBadge).toHaveBeenCalledWith(1, expect.objectContaining({ text: 'off' }));
    expect(t.deps.setBadge).toHaveBeenCalledWith(2, expect.objectContaining({ text: '5' }));
  });

  it('pausing shows off everywhere', async () => {
    await t.background.onPageState(pageState(3, true, 'a.com'), { tabId: 1, frameId: 0 });
    t.deps.setBadge.mockClear();
    await t.background.onSettingsChanged({ ...DEFAULT_SETTINGS, paused: true });
    expect(t.deps.setBadge).toHaveBeenCalledWith(
      1,
      expect.objectContaining({ text: 'off', title: 'Termlight is paused everywhere' }),
    );
  });

  it('a tab loading a new page is cleared and forgotten', async () => {
    await t.background.onPageState(pageState(3, true, 'a.com'), { tabId: 1, frameId: 0 });
    t.deps.setBadge.mockClear();
    await t.background.onTabLoading(1);
    expect(t.deps.setBadge).toHaveBeenCalledWith(1, expect.objectContaining({ text: '' }));
    // Forgotten: the menu's "turn off" has no host for the tab any more.
    await t.background.onMenuClick({ menuItemId: MENU_DISABLE_SITE }, { id: 1 });
    expect(t.deps.updateSettings).not.toHaveBeenCalled();
  });

  it('a tab we never heard from is left alone when it loads', async () => {
    await t.background.onTabLoading(8);
    expect(t.deps.setBadge).not.toHaveBeenCalled();
  });
});

describe('context menu', () => {
  it('defines the two items with selection and page contexts', () => {
    expect(MENU_ITEMS.map((m) => [m.id, m.title, m.contexts])).toEqual([
      [MENU_LOOKUP, 'Look up “%s” in Termlight', ['selection']],
      [MENU_DISABLE_SITE, 'Turn off Termlight on this site', ['page']],
    ]);
  });

  it('look up opens the reference with the selection', async () => {
    await t.background.onMenuClick({
      menuItemId: MENU_LOOKUP,
      selectionText: '  status of\nforces ',
    });
    expect(t.deps.openReference).toHaveBeenCalledWith('status of forces');
  });

  it('turn off uses the host the tab reported', async () => {
    await t.background.onPageState(pageState(1, true, 'blog.example.com'), {
      tabId: 4,
      frameId: 0,
    });
    await t.background.onMenuClick(
      { menuItemId: MENU_DISABLE_SITE, pageUrl: 'https://x.org/' },
      { id: 4 },
    );
    expect(t.settings().siteRules).toEqual({ 'blog.example.com': false });
  });

  it('turn off falls back to the page URL (worker restarted, no report yet)', async () => {
    await t.background.onMenuClick(
      { menuItemId: MENU_DISABLE_SITE, pageUrl: 'https://www.example.com/a' },
      { id: 4 },
    );
    expect(t.settings().siteRules).toEqual({ 'example.com': false });
  });

  it('turn off with no known host does nothing', async () => {
    await t.background.onMenuClick({ menuItemId: MENU_DISABLE_SITE }, { id: 4 });
    expect(t.deps.updateSettings).not.toHaveBeenCalled();
  });

  it('a closed tab forgets its host', async () => {
    await t.background.onPageState(pageState(1, true, 'a.com'), { tabId: 4, frameId: 0 });
    t.background.onTabRemoved(4);
    await t.background.onMenuClick({ menuItemId: MENU_DISABLE_SITE }, { id: 4 });
    expect(t.deps.updateSettings).not.toHaveBeenCalled();
  });

  it('ignores unknown menu ids', async () => {
    await t.background.onMenuClick({ menuItemId: 'other' }, { id: 4 });
    expect(t.deps.openReference).not.toHaveBeenCalled();
    expect(t.deps.updateSettings).not.toHaveBeenCalled();
  });
});

describe('keyboard commands', () => {
  it('toggle-site flips the reported host of the given tab, twice back to no rules', async () => {
    await t.background.onPageState(pageState(1, true, 'a.com'), { tabId: 2, frameId: 0 });
    await t.background.onCommand('toggle-site', { id: 2 });
    expect(t.settings().siteRules).toEqual({ 'a.com': false });
    await t.background.onCommand('toggle-site', { id: 2 });
    expect(t.settings().siteRules).toEqual({});
  });

  it('toggle-site without a tab uses the active tab', async () => {
    await t.background.onPageState(pageState(1, true, 'b.com'), { tabId: 9, frameId: 0 });
    await t.background.onCommand('toggle-site');
    expect(t.deps.activeTab).toHaveBeenCalled();
    expect(t.settings().siteRules).toEqual({ 'b.com': false });
  });

  it('toggle-site on a page without a content script does nothing', async () => {
    await t.background.onCommand('toggle-site', { id: 2, url: 'chrome://settings' });
    expect(t.deps.updateSettings).not.toHaveBeenCalled();
  });

  it.each(['next-occurrence', 'previous-occurrence'] as const)(
    '%s is forwarded to the tab',
    async (command) => {
      await t.background.onCommand(command, { id: 2 });
      expect(t.deps.sendCommand).toHaveBeenCalledWith(2, command);
    },
  );

  it('does nothing without any tab', async () => {
    t.deps.activeTab.mockResolvedValue(null as never);
    await t.background.onCommand('next-occurrence');
    expect(t.deps.sendCommand).not.toHaveBeenCalled();
  });

  it('ignores unknown commands', async () => {
    await t.background.onCommand('_execute_action', { id: 2 });
    expect(t.deps.sendCommand).not.toHaveBeenCalled();
    expect(t.deps.updateSettings).not.toHaveBeenCalled();
  });
});

describe('lookupQuery', () => {
  it.each([
    [undefined, ''],
    ['  NATO ', 'NATO'],
    ['joint\n\texercises', 'joint exercises'],
    ['x'.repeat(150), 'x'.repeat(100)],
  ])('%j -> %j', (selection, query) => {
    expect(lookupQuery(selection)).toBe(query);
  });
});

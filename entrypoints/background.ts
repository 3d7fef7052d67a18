import { defineBackground } from 'wxt/utils/define-background';
import { createBackground, MENU_ITEMS } from '../src/background/controller';
import { createHistoryRecorder } from '../src/background/history';
import { createUserTablesCompiler, shippedBuiltIn } from '../src/background/user-tables';
import { entryById } from '../src/glossary/glossary';
import { shippedGlossary } from '../src/glossary/shipped';
import { createHistoryStore } from '../src/history/store';
import { openPackStore } from '../src/packs/store';
import { getUserTables, setUserTables } from '../src/packs/stored';
import { setHistoryStatus } from '../src/platform/history-status';
import {
  createContextMenus,
  onContextMenuClick,
  onInstalledOrStartup,
  onKeyboardCommand,
  onTabLoading,
  onTabRemoved,
} from '../src/platform/menus';
import { onMessage, sendToTab } from '../src/platform/messaging';
import { activeTab, openHistory, openReference, setBadge } from '../src/platform/tabs';
import { watchPacksChanged } from '../src/platform/user-tables';
import { getSettings, updateSettings, watchSettings } from '../src/settings/store';

// Wiring only: logic lives in src/background. Listeners are registered synchronously at start-up
// so an MV3 service worker woken by an event still receives it.
export default defineBackground(() => {
  const background = createBackground({
    getSettings,
    updateSettings,
    setBadge,
    openReference,
    activeTab,
    sendCommand: (tabId, command) => sendToTab(tabId, { type: 'background/command', command }),
    // IndexedDB opens on the first lookup, not at start-up.
    history: createHistoryRecorder({
      store: createHistoryStore(),
      getSettings,
      entry: entryById,
      setProblem: setHistoryStatus,
    }),
    openHistory,
  });

  const report = (error: unknown) => console.error('[termlight]', error);
  onInstalledOrStartup(() => void createContextMenus(MENU_ITEMS).catch(report));
  onMessage('content-to-background', (message, sender) =>
    background.onContentMessage(message, sender),
  );
  watchSettings((settings) => void background.onSettingsChanged(settings).catch(report));
  onContextMenuClick((info, tab) => void background.onMenuClick(info, tab).catch(report));
  onKeyboardCommand((command, tab) => void background.onCommand(command, tab).catch(report));
  onTabLoading((tabId) => void background.onTabLoading(tabId).catch(report));
  onTabRemoved(background.onTabRemoved);

  // The reader's terms: compiled here (content scripts cannot open the pack store) at start-up
  // and whenever the options page reports a change.
  const userTables = createUserTablesCompiler({
    openStore: () => openPackStore(),
    builtIn: shippedBuiltIn(shippedGlossary()),
    readStored: getUserTables,
    write: setUserTables,
  });
  watchPacksChanged(() => void userTables.refresh().catch(report));
  void userTables.refresh().catch(report);
});

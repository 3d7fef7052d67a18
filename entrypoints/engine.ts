import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import {
  ENGINE_SLOT,
  type EngineStarter,
  POPOVER_CHUNK,
  POPOVER_SLOT,
} from '../src/content/chunks';
import { startContentSession } from '../src/content/session';
import { shippedGlossary } from '../src/glossary/shipped';
import { uiLocale } from '../src/i18n';
import { loadChunk, loadJson } from '../src/platform/chunks';
import { onMessage, sendToBackground } from '../src/platform/messaging';
import { startPopover } from '../src/popover/controller';
import { loadLocalTable } from '../src/popover/local-table';
import type { ViewFactory } from '../src/popover/types';
import { isSiteEnabled, setSiteEnabled } from '../src/settings/site-rules';
import { getSettings, updateSettings, watchSettings } from '../src/settings/store';
import { MARK, mark } from '../src/util/marks';

/** The popover's view, loaded once per frame on the first sign of intent. */
async function loadView(): Promise<ViewFactory> {
  const started = performance.now();
  const [factory, local] = await Promise.all([
    loadChunk<ViewFactory>(POPOVER_CHUNK, POPOVER_SLOT),
    loadLocalTable(uiLocale(), loadJson),
  ]);
  mark(MARK.popoverLoad, { ms: performance.now() - started });
  return (host) => factory({ ...host, local });
}

// Wiring only: the logic lives in src/content and src/popover.
const startEngine: EngineStarter = async ({ isTopFrame, signal }) => {
  const glossary = shippedGlossary();
  const settings = await getSettings();
  mark(MARK.settings);
  if (signal.aborted) return;
  const session = startContentSession({
    doc: document,
    host: location.hostname,
    isTopFrame,
    matcher: glossary.matcher,
    categoryOf: glossary.categoryOf,
    settings,
    watchSettings,
    updateSettings,
    isSiteEnabled,
    setSiteEnabled,
    sendPageState: (state) => void sendToBackground({ type: 'content/page-state', ...state }),
    startPopover: (options) => startPopover({ ...options, loadView }),
    // Content scripts cannot open extension pages themselves; the background does.
    openInReference: (id) => void sendToBackground({ type: 'content/open-reference', id }),
    signal,
  });
  // The popup and background talk to the top frame only (frameId 0).
  if (!isTopFrame) return;
  onMessage(
    'popup-to-content',
    (message) => {
      if (message.type === 'popup/get-page-state') return session.pageState();
      if (message.type === 'popup/get-page-terms') return session.pageTerms();
      session.reveal(message.id, message.index);
      return undefined;
    },
    signal,
  );
  onMessage('background-to-content', (message) => session.command(message.command), signal);
};

export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[ENGINE_SLOT] = startEngine;
});

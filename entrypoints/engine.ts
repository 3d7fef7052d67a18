import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import {
  ENGINE_SLOT,
  type EngineStarter,
  POPOVER_CHUNK,
  POPOVER_SLOT,
} from '../src/content/chunks';
import { addNotTerm, notTermsOf } from '../src/content/not-terms';
import { startContentSession } from '../src/content/session';
import { glossarySource, withoutPhrases } from '../src/content/sources';
import { shippedGlossary } from '../src/glossary/shipped';
import { uiLocale } from '../src/i18n';
import type { UserDisplayEntry } from '../src/packs/display';
import {
  getPageExtras,
  getUserEntries,
  watchUserEntries,
  watchUserTables,
} from '../src/packs/stored';
import { loadChunk, loadJson } from '../src/platform/chunks';
import { onMessage, sendToBackground } from '../src/platform/messaging';
import { type NotTerms, updateNotTerms, watchNotTerms } from '../src/platform/user-tables';
import { startPopover } from '../src/popover/controller';
import { loadLocalTable } from '../src/popover/local-table';
import type { ViewFactory } from '../src/popover/types';
import { isSiteEnabled, setSiteEnabled } from '../src/settings/site-rules';
import { getSettings, updateSettings, watchSettings } from '../src/settings/store';
import { MARK, mark } from '../src/util/marks';

/** The reader's entries for the popover, read with the popover's chunk and kept current. */
let userEntries = new Map<string, UserDisplayEntry>();
let watchingEntries = false;

/** The popover's view, loaded once per frame on the first sign of intent. */
async function loadView(signal: AbortSignal): Promise<ViewFactory> {
  const started = performance.now();
  const [factory, local, entries] = await Promise.all([
    loadChunk<ViewFactory>(POPOVER_CHUNK, POPOVER_SLOT),
    loadLocalTable(uiLocale(), loadJson),
    getUserEntries(),
  ]);
  const keep = (list: UserDisplayEntry[] | undefined) => {
    userEntries = new Map((list ?? []).map((e) => [e.id, e]));
  };
  keep(entries?.entries);
  if (!watchingEntries) watchUserEntries((next) => keep(next?.entries), signal);
  watchingEntries = true;
  mark(MARK.popoverLoad, { ms: performance.now() - started });
  return (host) => factory({ ...host, local, userEntry: (id) => userEntries.get(id) });
}

// Wiring only: the logic lives in src/content and src/popover.
const startEngine: EngineStarter = async ({ isTopFrame, signal }) => {
  const glossary = shippedGlossary();
  const host = location.hostname;
  const [settings, extras] = await Promise.all([getSettings(), getPageExtras()]);
  mark(MARK.settings);
  if (signal.aborted) return;
  let source = glossarySource(glossary, extras.tables);
  let notTerms: NotTerms = extras.notTerms;
  const session = startContentSession({
    doc: document,
    host,
    isTopFrame,
    matcher: (hidden) => withoutPhrases(source.matcher(hidden), notTermsOf(notTerms, host)),
    categoryOf: (id) => source.categoryOf(id),
    watchGlossary: (changed, runSignal) => {
      watchUserTables((tables) => {
        source = glossarySource(glossary, tables);
        changed();
      }, runSignal);
      watchNotTerms((next) => {
        const before = notTermsOf(notTerms, host).join('\n');
        notTerms = next;
        if (notTermsOf(next, host).join('\n') !== before) changed();
      }, runSignal);
    },
    notATerm: (text) => void updateNotTerms((map) => addNotTerm(map, host, text)),
    settings,
    watchSettings,
    updateSettings,
    isSiteEnabled,
    setSiteEnabled,
    sendPageState: (state) => void sendToBackground({ type: 'content/page-state', ...state }),
    startPopover: (options) => startPopover({ ...options, loadView: () => loadView(signal) }),
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

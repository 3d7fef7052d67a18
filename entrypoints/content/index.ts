import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContentSession } from '../../src/content/session';
import { categoryOf, glossary, surfaceForms } from '../../src/glossary/glossary';
import { glossaryMatcher } from '../../src/glossary/matcher';
import { onMessage, sendToBackground } from '../../src/platform/messaging';
import { getSettings, updateSettings, watchSettings } from '../../src/platform/storage';
import { startPopover } from '../../src/popover/controller';
import { isSiteEnabled, setSiteEnabled } from '../../src/settings/site-rules';
// Default highlight styles as manifest CSS (content_scripts[].css): the browser injects it before
// the page is built, so registering highlights later costs no full-document style recalc.
import '../../src/highlight/highlights.css';

// Wiring only: the logic lives in src/content/session.ts.
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  runAt: 'document_idle',
  cssInjectionMode: 'manifest',
  async main(ctx) {
    const isTopFrame = window.top === window;
    const session = await startContentSession({
      doc: document,
      host: location.hostname,
      isTopFrame,
      entries: glossary.entries,
      surfaceForms,
      categoryOf,
      compileMatcher: glossaryMatcher,
      getSettings,
      watchSettings,
      updateSettings,
      isSiteEnabled,
      setSiteEnabled,
      sendPageState: (state) => void sendToBackground({ type: 'content/page-state', ...state }),
      startPopover: (options) => startPopover(options),
      // Content scripts cannot open extension pages themselves; the background does.
      openInReference: (id) => void sendToBackground({ type: 'content/open-reference', id }),
      signal: ctx.signal,
    });
    // The popup and background talk to the top frame only (frameId 0).
    if (!isTopFrame) return;
    onMessage(
      'popup-to-content',
      (message) => {
        if (message.type === 'popup/get-page-state') return session.pageState();
        session.reveal(message.id);
        return undefined;
      },
      ctx.signal,
    );
    onMessage('background-to-content', (message) => session.command(message.command), ctx.signal);
  },
});

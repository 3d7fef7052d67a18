import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { POPOVER_SLOT } from '../src/content/chunks';
import { askBackground, sendToBackground } from '../src/platform/messaging';
import type { ViewFactory } from '../src/popover/types';
import { createPopoverMemory } from '../src/popover/view/memory';
import { createPopoverView } from '../src/popover/view/view';
import { setKnown } from '../src/settings/known';
import { getSettings, updateSettings } from '../src/settings/store';

// Wiring only: the chunk's one job is to hand the content script its view factory. The reading
// memory is wired here, so it loads with the popover and never with the page.
export default defineUnlistedScript(() => {
  const memory = createPopoverMemory({
    report: (capture) => sendToBackground({ type: 'content/lookup', capture: { ...capture } }),
    summary: (id) => askBackground({ type: 'content/history-summary', id }),
    isKnown: async (id) => (await getSettings()).knownTerms.includes(id),
    setKnown: (id, known) => updateSettings((s) => setKnown(s, id, known)),
    openHistory: (id) => void sendToBackground({ type: 'content/open-history', id }),
  });
  const factory: ViewFactory = (host) => createPopoverView(host, memory);
  (globalThis as Record<string, unknown>)[POPOVER_SLOT] = factory;
});

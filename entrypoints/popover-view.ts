import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { POPOVER_SLOT } from '../src/content/chunks';
import { createPopoverView } from '../src/popover/view/view';

// Wiring only: the chunk's one job is to hand the content script its view factory.
export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[POPOVER_SLOT] = createPopoverView;
});

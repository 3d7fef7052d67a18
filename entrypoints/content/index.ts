import { defineContentScript } from 'wxt/utils/define-content-script';
import { ENGINE_CHUNK, ENGINE_SLOT, type EngineStarter } from '../../src/content/chunks';
import { frameReady } from '../../src/content/frame-gate';
import { shippedGate } from '../../src/glossary/shipped-gate';
import { loadChunk } from '../../src/platform/chunks';
import { MARK, mark } from '../../src/util/marks';
// Default highlight styles as manifest CSS (content_scripts[].css): the browser injects it before
// the page is built, so registering highlights later costs no full-document style recalc.
import '../../src/highlight/highlights.css';

// Every frame pays for this script, so it only decides whether the frame is worth the engine
// (src/content/frame-gate.ts) and loads it then (src/content/chunks.ts).
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  runAt: 'document_idle',
  cssInjectionMode: 'manifest',
  async main(ctx) {
    mark(MARK.script);
    const isTopFrame = window.top === window;
    if (!(await frameReady(window, document, isTopFrame, shippedGate(), ctx.signal))) return;
    try {
      const start = await loadChunk<EngineStarter>(ENGINE_CHUNK, ENGINE_SLOT);
      if (!ctx.signal.aborted) await start({ isTopFrame, signal: ctx.signal });
    } catch (error) {
      console.error('[termlight] could not start', error);
    }
  },
});

import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { ENGINE_CHUNK, ENGINE_SLOT, type EngineStarter } from '../src/content/chunks';
import { frameReady } from '../src/content/frame-gate';
import { extensionLifetime } from '../src/content/lifetime';
import { shippedGate } from '../src/glossary/shipped-gate';
import { parseGate } from '../src/matcher/gate';
import { loadChunk } from '../src/platform/chunks';
import { extensionAlive } from '../src/platform/runtime';
import { readUserGate } from '../src/platform/user-gate';
import { sameOriginAsTop } from '../src/util/frame';
import { MARK, mark } from '../src/util/marks';

// The content script, declared in wxt.config.ts with the highlight styles. Every frame pays for
// it, so it only decides whether the frame is worth the engine (src/content/frame-gate.ts) and
// loads it then (src/content/chunks.ts). It is an unlisted script rather than WXT's content
// script wrapper, which adds work to every frame and posts a message carrying the extension's id
// to the page.
export default defineUnlistedScript(async () => {
  mark(MARK.script);
  // A browser's own page at a web address (Firefox's network error page) is no page to read, and
  // asking storage there raises errors in it.
  if (!/^https?:/.test(document.documentURI)) return;
  const signal = extensionLifetime(window, extensionAlive);
  const isTopFrame = window.top === window;
  // The reader's own gate is read only for a sub-frame the build's gate turns away. Not in
  // Firefox's cross-origin sub-frames (ads, embeds): a storage read there can leave permission
  // errors in the frame's page console (Firefox ESR 140).
  const userGate =
    import.meta.env.FIREFOX && !sameOriginAsTop(window)
      ? undefined
      : async () => parseGate(await readUserGate());
  if (!(await frameReady(window, document, isTopFrame, shippedGate(), signal, userGate))) return;
  if (!extensionAlive()) return;
  try {
    const start = await loadChunk<EngineStarter>(ENGINE_CHUNK, ENGINE_SLOT);
    if (!signal.aborted) await start({ isTopFrame, signal });
  } catch (error) {
    console.error('[termlight] could not start', error);
  }
});

// Whole-page runs in Chromium over raw CDP: a new tab, every frame's process profiled with the CDP
// Profiler from before the navigation until the contender is done plus one idle second, the
// performance marks of every frame read back, optionally a trace of the same window.
import { launchChromiumCdp } from './cdp.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** Sampling interval of the CDP Profiler, µs. */
export const SAMPLING_INTERVAL_US = 100;
/** After the contender is done, the window stays open this long for its idle-time work. */
export const IDLE_TAIL_MS = 1000;
/** "Stable": no frame added a mark (or highlight) for this long. */
const QUIET_MS = 400;
const POLL_MS = 200;

const withTimeout = (p, ms, what) => {
  let timer;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms);
    }),
  ]);
};

// Evaluated in each frame's main world: its URL, time origin, marks and (with the extension) how
// many ranges its termlight-* highlights hold.
const FRAME_STATE = `(() => {
  let highlights = 0;
  if (globalThis.CSS && CSS.highlights)
    for (const [name, h] of CSS.highlights) if (name.startsWith('termlight-')) highlights += h.size;
  return JSON.stringify({
    href: location.href,
    timeOrigin: performance.timeOrigin,
    highlights,
    marks: performance.getEntriesByType('mark').map((m) => ({
      name: m.name,
      startTime: m.startTime,
      detail: m.detail ?? null,
    })),
  });
})()`;

/**
 * @param {{ extensionDir?: string | null, args: string[], executablePath?: string }} opts
 */
export async function launchWholeBrowser({ extensionDir = null, args, executablePath }) {
  const extArgs = extensionDir
    ? [
        '--enable-unsafe-extension-debugging',
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
      ]
    : [];
  const chrome = await launchChromiumCdp({ executablePath, args: [...args, ...extArgs] });
  const { browser, connection } = chrome;
  const workers = [];
  browser.on('Target.attachedToTarget', (p) => {
    const s = connection.sessions.get(p.sessionId);
    if (p.targetInfo.type === 'service_worker') workers.push(p.targetInfo.url);
    // Pages are set up by whoever created them (see profileLoad); everything else just runs.
    if (p.targetInfo.type !== 'page') s?.send('Runtime.runIfWaitingForDebugger').catch(() => {});
  });
  await browser.send('Target.setAutoAttach', {
    autoAttach: true,
    waitForDebuggerOnStart: true,
    flatten: true,
  });
  let extensionId = null;
  if (extensionDir) {
    const deadline = Date.now() + 15_000;
    while (!extensionId && Date.now() < deadline) {
      const { targetInfos } = await browser.send('Target.getTargets');
      const url = [...workers, ...targetInfos.map((t) => t.url)].find((u) =>
        u.startsWith('chrome-extension://'),
      );
      extensionId = url ? new URL(url).host : null;
      if (!extensionId) await sleep(100);
    }
    if (!extensionId) {
      let reason = 'no service worker within 15 s';
      await browser
        .send('Extensions.loadUnpacked', { path: extensionDir })
        .then(() => {
          reason += ' (loadUnpacked then succeeded)';
        })
        .catch((err) => {
          reason = err.message;
        });
      await chrome.close();
      throw new Error(`Chromium did not load the extension from ${extensionDir}: ${reason}`);
    }
  }
  /**
   * Evaluates `expression` (a promise is awaited) in one of the extension's pages, opened for it
   * and closed after: it has the extension's APIs (the service worker's session would need one).
   */
  const inExtension = async (expression) => {
    const { targetId, session } = await newTab(chrome);
    try {
      if (!session) throw new Error('the extension page was not attached within 10 s');
      await session.send('Runtime.runIfWaitingForDebugger');
      await session.send('Page.enable');
      const loaded = new Promise((resolve) => session.once('Page.loadEventFired', resolve));
      await session.send('Page.navigate', { url: `chrome-extension://${extensionId}/popup.html` });
      await Promise.race([loaded, sleep(3_000)]);
      const { result, exceptionDetails } = await session.send('Runtime.evaluate', {
        expression,
        awaitPromise: true,
        returnByValue: true,
      });
      if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? 'failed');
      return result.value;
    } finally {
      await browser.send('Target.closeTarget', { targetId }).catch(() => {});
    }
  };
  return {
    version: chrome.version,
    extensionId,
    inExtension,
    /** See `profileLoad`. */
    profileLoad: (url, opts) => profileLoad(chrome, url, opts),
    close: () => chrome.close(),
  };
}

/**
 * A new blank tab and its session, attached (and paused) by auto-attach before
 * Target.createTarget even answers; the session is undefined if it never came.
 */
async function newTab({ browser, connection }) {
  const pages = new Map();
  const onAttach = (p) => {
    if (p.targetInfo.type === 'page') pages.set(p.targetInfo.targetId, p.sessionId);
  };
  browser.on('Target.attachedToTarget', onAttach);
  const { targetId } = await browser.send('Target.createTarget', { url: 'about:blank' });
  const deadline = Date.now() + 10_000;
  while (!pages.has(targetId) && Date.now() < deadline) await sleep(10);
  browser.off('Target.attachedToTarget', onAttach);
  return { targetId, session: connection.sessions.get(pages.get(targetId)) };
}

/**
 * Opens `url` in a new tab with every frame's process profiled from before the navigation.
 * Every out-of-process iframe is attached while it waits for the debugger: its process gets a
 * profiler (one per V8 isolate: two in one process would sample it twice and slow it down) and
 * the contender's init script, then it runs.
 *
 * @param {object} opts
 * @param {string} [opts.initScript] main-world script for every new document (floor, mark.js)
 * @param {(frame: { href: string, marks: { name: string }[] }) => boolean} opts.frameDone
 * @param {string[]} [opts.traceCategories] also trace the window (browser-wide)
 * @param {number} opts.timeoutMs give up waiting for frameDone after this long
 */
async function profileLoad(chrome, url, opts) {
  const { browser, connection } = chrome;
  const state = {
    sessions: [],
    profiled: new Map(), // isolate id -> session
    errors: [],
  };
  const { targetId, session: pageSession } = await newTab(chrome);
  if (!pageSession) throw new Error('the new tab was not attached within 10 s');
  const setups = [];
  const setup = (s) => {
    const p = setupTarget(s, state, opts, connection, setups).catch((err) => {
      state.errors.push(`${s.targetInfo?.type} ${s.targetInfo?.url}: ${err.message}`);
      s.send('Runtime.runIfWaitingForDebugger').catch(() => {});
    });
    setups.push(p);
    return p;
  };
  await setup(pageSession);
  if (opts.traceCategories) {
    await browser.send('Tracing.start', {
      transferMode: 'ReturnAsStream',
      traceConfig: {
        includedCategories: opts.traceCategories,
        recordMode: 'recordAsMuchAsPossible',
      },
    });
  }
  const startedAt = Date.now();
  let timedOut = false;
  let frames = [];
  try {
    const nav = await pageSession.send('Page.navigate', { url });
    if (nav.errorText) throw new Error(`navigation failed: ${nav.errorText}`);
    let signature = '';
    let changedAt = Date.now();
    for (;;) {
      await sleep(POLL_MS);
      frames = await readFrames(state, opts.evaluateTimeoutMs ?? 5_000);
      const sig = frames.map((f) => `${f.href}:${f.marks.length}:${f.highlights}`).join('|');
      if (sig !== signature) {
        signature = sig;
        changedAt = Date.now();
      }
      const content = frames.filter((f) => /^https?:/.test(f.href));
      const top = content.find((f) => f.frameId === targetId);
      const quiet = Date.now() - changedAt;
      const topDone = top != null && opts.frameDone(top);
      // A frame that never reports (no content script there) holds the run only so long.
      if (topDone && quiet >= QUIET_MS && (content.every(opts.frameDone) || quiet >= 3_000)) break;
      if (Date.now() - startedAt > opts.timeoutMs) {
        timedOut = !topDone;
        break;
      }
    }
    if (!timedOut) await sleep(IDLE_TAIL_MS);
  } catch (err) {
    state.errors.push(err.message);
    timedOut = true;
  }
  if (timedOut) {
    // A synchronous contender (mark.js) may still hold the main thread: stop it.
    await Promise.all(
      state.sessions.map((s) => s.send('Runtime.terminateExecution').catch(() => {})),
    );
  }
  frames = await readFrames(state, 10_000).catch(() => frames);
  const metrics = await pageSession.send('Performance.getMetrics').catch(() => ({ metrics: [] }));
  const navigationStart = metrics.metrics.find((m) => m.name === 'NavigationStart')?.value;
  await Promise.all(setups);
  const profiles = [];
  for (const [isolate, s] of state.profiled) {
    try {
      const { profile } = await withTimeout(s.send('Profiler.stop'), 30_000, 'Profiler.stop');
      profiles.push({ isolate, target: s.targetInfo?.type ?? 'page', profile });
    } catch (err) {
      state.errors.push(`profile of ${isolate}: ${err.message}`);
    }
  }
  let trace = null;
  if (opts.traceCategories)
    trace = await endTracing(browser).catch((err) => ({ error: err.message }));
  await browser.send('Target.closeTarget', { targetId }).catch(() => {});
  const top = frames.find((f) => f.frameId === targetId);
  // The profile clock is the browser's monotonic clock (µs); marks are ms from each frame's time
  // origin. NavigationStart (same clock, s) is the top frame's time origin.
  const originUs =
    navigationStart != null && top ? navigationStart * 1e6 - top.timeOrigin * 1e3 : null;
  for (const f of frames) {
    f.marksUs =
      originUs == null
        ? []
        : f.marks.map((m) => ({ ...m, t: (f.timeOrigin + m.startTime) * 1e3 + originUs }));
  }
  return {
    timedOut,
    wallMs: Date.now() - startedAt,
    frames,
    topFrameId: targetId,
    navigationStartUs: navigationStart != null ? navigationStart * 1e6 : null,
    profiles,
    trace,
    errors: state.errors,
  };
}

async function setupTarget(s, state, opts, connection, setups) {
  state.sessions.push(s);
  s.contexts = new Map(); // default (main-world) execution context id -> frame id
  s.on('Runtime.executionContextCreated', ({ context }) => {
    if (context.auxData?.isDefault) s.contexts.set(context.id, context.auxData.frameId);
  });
  s.on('Runtime.executionContextDestroyed', ({ executionContextId }) =>
    s.contexts.delete(executionContextId),
  );
  s.on('Runtime.executionContextsCleared', () => s.contexts.clear());
  s.on('Target.attachedToTarget', (p) => {
    const child = connection.sessions.get(p.sessionId);
    if (!child) return;
    if (p.targetInfo.type === 'iframe') {
      const done = setupTarget(child, state, opts, connection, setups).catch((err) => {
        state.errors.push(`iframe ${p.targetInfo.url}: ${err.message}`);
        child.send('Runtime.runIfWaitingForDebugger').catch(() => {});
      });
      setups.push(done);
    } else child.send('Runtime.runIfWaitingForDebugger').catch(() => {});
  });
  const { id: isolate } = await s.send('Runtime.getIsolateId');
  s.isolate = isolate;
  await s.send('Page.enable');
  await s.send('Runtime.enable');
  if (opts.initScript) {
    await s.send('Page.addScriptToEvaluateOnNewDocument', { source: opts.initScript });
  }
  if (s.targetInfo?.type === 'page' || !s.targetInfo) {
    await s.send('Performance.enable', { timeDomain: 'timeTicks' });
  }
  await s.send('Target.setAutoAttach', {
    autoAttach: true,
    waitForDebuggerOnStart: true,
    flatten: true,
  });
  if (opts.profile !== false && !state.profiled.has(isolate)) {
    // The tab's first document is about:blank; the navigation moves it to a new process, where
    // the inspector restores the started profiler before the new document parses.
    state.profiled.set(isolate, s);
    await s.send('Profiler.enable');
    await s.send('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
    await s.send('Profiler.start');
  }
  await s.send('Runtime.runIfWaitingForDebugger');
}

async function readFrames(state, timeoutMs) {
  const out = [];
  await Promise.all(
    state.sessions.flatMap((s) =>
      [...s.contexts].map(async ([contextId, frameId]) => {
        try {
          const r = await withTimeout(
            s.send('Runtime.evaluate', { expression: FRAME_STATE, contextId, returnByValue: true }),
            timeoutMs,
            'frame state',
          );
          if (typeof r.result?.value !== 'string') return;
          out.push({ frameId, isolate: s.isolate, ...JSON.parse(r.result.value) });
        } catch {
          // The frame navigated or went away meanwhile.
        }
      }),
    ),
  );
  // One entry per frame: a frame that navigated has a new context; keep its latest document.
  const byFrame = new Map();
  for (const f of out) byFrame.set(f.frameId, f);
  return [...byFrame.values()].sort((a, b) => a.href.localeCompare(b.href));
}

async function endTracing(browser) {
  const complete = new Promise((resolve) => browser.once('Tracing.tracingComplete', resolve));
  await browser.send('Tracing.end');
  const { stream } = await withTimeout(complete, 60_000, 'Tracing.end');
  const chunks = [];
  for (;;) {
    const { data, eof, base64Encoded } = await browser.send('IO.read', { handle: stream });
    chunks.push(base64Encoded ? Buffer.from(data, 'base64').toString('utf8') : data);
    if (eof) break;
  }
  await browser.send('IO.close', { handle: stream }).catch(() => {});
  const json = JSON.parse(chunks.join(''));
  return Array.isArray(json) ? json : (json.traceEvents ?? []);
}

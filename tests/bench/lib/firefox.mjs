// Firefox ESR with the built .output/firefox-mv2, over WebDriver BiDi (puppeteer-core). BiDi has
// no profiler, so Firefox gives the content script's phases as wall-clock spans between its
// performance marks (read from every frame's main world), and the floor as the wall time of the
// same function run in each frame once the extension is done.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

const libDir = path.dirname(fileURLToPath(import.meta.url));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const QUIET_MS = 500;
const IDLE_TAIL_MS = 1000;

/** Same intent as Chromium's resolver rule (see tests/e2e/browsers.ts): nothing leaves 127.0.0.1. */
const PREFS = {
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': 47,
  'network.proxy.ssl': '127.0.0.1',
  'network.proxy.ssl_port': 47,
  'network.proxy.failover_direct': false,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  // Marks and performance.now() at full resolution (Firefox rounds them to 1 ms by default).
  'privacy.reduceTimerPrecision': false,
};

const FRAME_MARKS = () =>
  JSON.stringify({
    href: location.href,
    timeOrigin: performance.timeOrigin,
    marks: performance.getEntriesByType('mark').map((m) => ({
      name: m.name,
      startTime: m.startTime,
      detail: m.detail ?? null,
    })),
  });

export async function launchFirefox({ executablePath, extensionDir }) {
  const copy = mkdtempSync(path.join(os.tmpdir(), 'termlight-bench-ff-'));
  cpSync(extensionDir, copy, { recursive: true });
  let browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless: true,
      protocol: 'webDriverBiDi',
      args: ['--remote-allow-system-access'],
      defaultViewport: { width: 1280, height: 800 },
      extraPrefsFirefox: PREFS,
    });
    await browser.installExtension(copy);
  } catch (err) {
    await browser?.close().catch(() => {});
    rmSync(copy, { recursive: true, force: true });
    throw err;
  }
  const floorSource = readFileSync(path.join(libDir, 'floor.js'), 'utf8');
  return {
    version: await browser.version(),
    loadPage: (url, opts) => loadPage(browser, url, { ...opts, floorSource }),
    async close() {
      await browser.close().catch(() => {});
      rmSync(copy, { recursive: true, force: true });
    },
  };
}

async function readAll(page) {
  const out = [];
  for (const frame of page.frames()) {
    try {
      const json = await Promise.race([frame.evaluate(FRAME_MARKS), sleep(5_000)]);
      if (typeof json === 'string') out.push(JSON.parse(json));
    } catch {
      // A detached or navigating frame.
    }
  }
  return out;
}

async function loadPage(browser, url, { timeoutMs, forms, floorSource }) {
  const page = await browser.newPage();
  const startedAt = Date.now();
  let timedOut = false;
  const errors = [];
  try {
    try {
      await page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
    } catch (err) {
      // BiDi's navigate may reject a navigation that did load (see tests/e2e/README.md).
      const href = await page.evaluate(() => location.href).catch(() => null);
      if (href !== url) throw err;
    }
    let signature = '';
    let changedAt = Date.now();
    for (;;) {
      await sleep(250);
      const frames = (await readAll(page)).filter((f) => /^https?:/.test(f.href));
      const sig = frames.map((f) => `${f.href}:${f.marks.length}`).join('|');
      if (sig !== signature) {
        signature = sig;
        changedAt = Date.now();
      }
      const done = (f) =>
        f.marks.some((m) => m.name === 'termlight:idle' || m.name === 'termlight:skip');
      const top = frames.find((f) => f.href === url);
      const quiet = Date.now() - changedAt;
      // Frames without the content script (a failed remote load keeps its http URL) hold the
      // run only so long, as in lib/whole.mjs.
      if (top && done(top) && quiet >= QUIET_MS && (frames.every(done) || quiet >= 3_000)) break;
      if (Date.now() - startedAt > timeoutMs) {
        timedOut = !(top && done(top));
        break;
      }
    }
    await sleep(IDLE_TAIL_MS);
    // The floor runs last, in each frame, so it cannot compete with the extension.
    const frames = [];
    for (const [i, frame] of page.frames().entries()) {
      try {
        const f = JSON.parse(await frame.evaluate(FRAME_MARKS));
        if (!/^https?:/.test(f.href)) continue;
        f.floor = await frame.evaluate(
          `(() => { ${floorSource}
            const t0 = performance.now();
            const r = tlbFloor(document.body ?? document.documentElement, ${JSON.stringify(forms)});
            return { ms: performance.now() - t0, ...r };
          })()`,
        );
        frames.push(f);
      } catch (err) {
        errors.push(`frame ${i}: ${String(err?.message ?? err).split('\n')[0]}`);
      }
    }
    return { timedOut, frames, errors };
  } finally {
    await page.close().catch(() => {});
  }
}

/** The content script's phases in one frame, as wall-clock spans between its marks (ms). */
export function firefoxPhases(frame) {
  const first = (name, after = -Infinity) =>
    frame.marks
      .filter((m) => m.name === name && m.startTime >= after)
      .sort((a, b) => a.startTime - b.startTime)[0]?.startTime ?? null;
  const script = first('termlight:script');
  const settings = first('termlight:settings', script ?? -Infinity);
  const tables = first('termlight:tables', settings ?? -Infinity);
  const start = first('termlight:start');
  const viewport = start == null ? null : first('termlight:viewport', start);
  const idle = start == null ? null : first('termlight:idle', start);
  const span = (a, b) => (a == null || b == null ? null : b - a);
  const idles = frame.marks.filter((m) => m.name === 'termlight:idle');
  return {
    scriptAt: script,
    settingsMs: span(script, settings),
    matcherMs: span(settings, tables),
    startAt: start,
    beforeStartMs: span(script, start),
    firstPassMs: span(start, idle),
    viewportMs: span(start, viewport),
    skipped: frame.marks.find((m) => m.name === 'termlight:skip')?.detail?.reason ?? null,
    occurrences: idles.at(-1)?.detail?.occurrences ?? null,
    floorMs: frame.floor?.ms ?? null,
    floorMatches: frame.floor?.matches ?? null,
  };
}

export const firefoxAvailable = (bin) => existsSync(bin);

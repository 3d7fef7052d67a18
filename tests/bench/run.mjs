#!/usr/bin/env node
// `npm run bench` — what a reader's page pays for the shipped extension: the built
// .output/chrome-mv3 in Chromium, every frame's main thread profiled by script URL from navigation
// until the highlights are stable plus one idle second, against the floor and mark.js profiled the
// same way; Firefox ESR's phases from the content script's marks; the engine alone as a second table.
// Usage: node tests/bench/run.mjs [--smoke] [--runs N] [--out bench-results/bench.json]
//        [--pages wikipedia,yahoo,large,arabic,frames,append] [--extension-dir .output/chrome-mv3]
//        [--firefox-dir .output/firefox-mv2] [--markjs-budget SECONDS]
//        [--no-corpus-sweep] [--no-engine] [--no-firefox] [--no-popup] [--pack ENTRIES]
//        [--compare-dir OTHER/chrome-mv3]
// --compare-dir: another build (e.g. the code before a change) in a third browser, each of its
// runs right after the same run of this build, reported side by side.
// --pack: every Chromium page load has a synthetic pack of that many entries enabled (its
// compiled tables put in storage.local, as the background would), for issue 16's limit.
// Timings are reported against targets but never fail the run; a part that did not run does.
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { analyzeRun } from './lib/analyze.mjs';
import { bundleEngine, packTablesFromSrc, surfaceFormsFromSrc } from './lib/bundle.mjs';
import { FLOOR_DONE, floorInitScript, MARKJS_DONE, markjsInitScript } from './lib/contenders.mjs';
import { engineAssets, startEngineRuns } from './lib/engine.mjs';
import { measureExtension, missingManifestFiles } from './lib/extension.mjs';
import { firefoxPhases, launchFirefox } from './lib/firefox.mjs';
import {
  extensionCpuByProcess,
  FRAME_TRACE_CATEGORIES,
  framesByProcess,
} from './lib/frame-cost.mjs';
import { generateAppendPage, generateFramesPage, generateLargePage } from './lib/pages.mjs';
import { PHASES } from './lib/profile.mjs';
import { startServer } from './lib/server.mjs';
import { extensionScriptSizes } from './lib/sizes.mjs';
import { fmtKb, fmtMb, fmtMs, fmtX, median, table } from './lib/stats.mjs';
import { extensionTasks } from './lib/trace.mjs';
import { IDLE_TAIL_MS, launchWholeBrowser, SAMPLING_INTERVAL_US } from './lib/whole.mjs';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(benchDir, '../..');
const corpusDir = path.resolve(repoRoot, '../shared/corpus');
const CHROMIUM_BIN = process.env.TERMLIGHT_CHROMIUM ?? '/usr/bin/chromium';
const FIREFOX_BIN = process.env.TERMLIGHT_FIREFOX ?? '/usr/bin/firefox-esr';
const isCI = process.env.CI === 'true' || process.env.CI === '1';

const { values: args } = parseArgs({
  options: {
    smoke: { type: 'boolean', default: false },
    runs: { type: 'string' },
    out: { type: 'string', default: 'bench-results/bench.json' },
    pages: { type: 'string' },
    'extension-dir': { type: 'string' },
    'compare-dir': { type: 'string' },
    'firefox-dir': { type: 'string' },
    'markjs-budget': { type: 'string' },
    'no-corpus-sweep': { type: 'boolean', default: false },
    'no-engine': { type: 'boolean', default: false },
    'no-firefox': { type: 'boolean', default: false },
    'no-popup': { type: 'boolean', default: false },
    pack: { type: 'string' },
    functions: { type: 'boolean', default: false },
  },
});
const smoke = args.smoke;
const runs = smoke ? 1 : Number(args.runs ?? 5);
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`bench: --runs must be a positive integer, got ${args.runs}`);
  process.exit(2);
}
// mark.js makes one pass per surface form and re-walks the DOM for every match: seconds per run
// on the corpus pages, minutes on the big generated one. Its runs stop once this per-page budget
// is spent (the Wikipedia ratio is a target, so it gets the most).
const markBudgetMs = (key) =>
  1000 * Number(args['markjs-budget'] ?? (smoke ? 8 : key === 'wikipedia' ? 45 : 20));
const RUN_TIMEOUT_MS = smoke ? 30_000 : 60_000;
/** Traced runs per page in the corpus sweep; the worst counts. */
const TRACED_RUNS = 3;
/** Unprofiled extension runs per page (wall-clock phases only: what the profiler adds). */
const UNPROFILED_RUNS = Math.min(runs, 3);
/** Engine-only runs per page and contender: a secondary table, kept short. */
const ENGINE_RUNS = Math.min(runs, 3);
/** Firefox loads per page: phases from marks only, beside Chromium's, kept short. */
const FIREFOX_RUNS = Math.min(runs, 3);
const TRACE_CATEGORIES = ['toplevel', 'blink.user_timing', '__metadata'];

/** The iframe page's other sites: 127.0.0.2 (nine ad frames), 127.0.0.3 (one). */
const CROSS_SITES = 2;

const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // The corpus pages are offline copies: fail their external requests at once instead of
  // waiting. 127.0.0.2 and .3 stay reachable: they are the iframe page's other sites.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.*',
];

const log = (...a) => console.error(...a);
const errorLine = (err) => String(err?.message ?? err).split('\n')[0];
const problems = [];
const cleanups = [];
const cleanup = async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn().catch(() => {});
};
const fail = async (msg, code = 1) => {
  console.error(`\nbench: FAILED — ${msg}`);
  await cleanup();
  process.exit(code);
};
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    console.error(`\nbench: interrupted (${sig})`);
    cleanup().finally(() => process.exit(130));
  });
}
const startedAt = Date.now();
const loadAtStart = os.loadavg();

// ---------------------------------------------------------------------------------------------
// 1. The builds. A private copy of each: other engineers rebuild .output in shared trees, and
//    browsers read an unpacked extension's files lazily.
const chromeDir = path.resolve(repoRoot, args['extension-dir'] ?? '.output/chrome-mv3');
const firefoxDir = path.resolve(repoRoot, args['firefox-dir'] ?? '.output/firefox-mv2');
if (!existsSync(path.join(chromeDir, 'manifest.json')))
  await fail(`no built extension at ${chromeDir}: run \`npm run build\` first`, 2);
{
  const missing = missingManifestFiles(chromeDir);
  if (missing.length > 0)
    await fail(`${chromeDir} is incomplete (missing ${missing.join(', ')}): rebuild`, 2);
}
const builtAt = statSync(path.join(chromeDir, 'manifest.json')).mtime;
const snapshot = mkdtempSync(path.join(os.tmpdir(), 'termlight-bench-ext-'));
cpSync(chromeDir, snapshot, { recursive: true });
cleanups.push(async () => rmSync(snapshot, { recursive: true, force: true }));
const manifest = JSON.parse(readFileSync(path.join(snapshot, 'manifest.json'), 'utf8'));
const contentScripts = (manifest.content_scripts ?? []).flatMap((c) => c.js ?? []);
const sizes = extensionScriptSizes(snapshot);
/** --compare-dir: another build (the same code before a change), in its own browser, same runs. */
const compareDir = args['compare-dir'] ? path.resolve(repoRoot, args['compare-dir']) : null;
let compareSnapshot = null;
if (compareDir) {
  if (!existsSync(path.join(compareDir, 'manifest.json')))
    await fail(`--compare-dir: no built extension at ${compareDir}`, 2);
  compareSnapshot = mkdtempSync(path.join(os.tmpdir(), 'termlight-bench-cmp-'));
  cpSync(compareDir, compareSnapshot, { recursive: true });
  cleanups.push(async () => rmSync(compareSnapshot, { recursive: true, force: true }));
}

// ---------------------------------------------------------------------------------------------
// 2. Surface forms (what the floor and mark.js search for) and the engine bundle (second table).
let forms;
let entries;
try {
  ({ forms, terms: entries } = await surfaceFormsFromSrc({ repoRoot }));
} catch (err) {
  await fail(`cannot read the glossary's surface forms from src/: ${errorLine(err)}`, 2);
}
if (!Array.isArray(forms) || forms.length === 0) await fail('the glossary has no surface forms', 2);
const packSize = args.pack === undefined ? 0 : Number(args.pack);
if (!Number.isInteger(packSize) || packSize < 0) await fail(`--pack: not a size: ${args.pack}`, 2);
let packTables = null;
if (packSize > 0) {
  try {
    packTables = await packTablesFromSrc({ repoRoot, size: packSize });
  } catch (err) {
    await fail(`cannot compile a ${packSize}-entry pack from src/: ${errorLine(err)}`, 2);
  }
}
/** Puts the pack's tables where the content script reads them; checked after the runs too. */
const PACK_ITEM = 'userTables';
const installPack = (browser) =>
  browser.inExtension(
    `chrome.storage.local.set({ ${PACK_ITEM}: ${JSON.stringify(packTables)} }).then(() => true)`,
  );
const packInstalled = (browser) =>
  browser.inExtension(
    `chrome.storage.local.get('${PACK_ITEM}').then((v) => v.${PACK_ITEM}?.tables?.terms?.length ?? 0)`,
  );
const runEngine = !args['no-engine'];
let engineCode = null;
if (runEngine) {
  try {
    engineCode = await bundleEngine({ repoRoot });
  } catch (err) {
    problems.push(`engine-only table: cannot bundle the engine from src/: ${errorLine(err)}`);
  }
}

// ---------------------------------------------------------------------------------------------
// 3. Pages, served from 127.0.0.1 (and 127.0.0.2, .3 for the iframe page's other sites).
const generated = new Map();
const server = await startServer({
  corpusDir,
  generated,
  assets: engineCode ? await engineAssets(engineCode) : new Map(),
  aliases: CROSS_SITES,
});
cleanups.push(() => server.close());
const large = generateLargePage(forms, smoke ? 15_000 : 2_000_000);
generated.set('large.html', large.html);
const largeArabic = generateLargePage(forms, smoke ? 15_000 : 2_000_000, 4, { lang: 'ar' });
generated.set('large-ar.html', largeArabic.html);
const framesPage = generateFramesPage(forms, {
  origins: { ads: server.aliasOrigins[0], lone: server.aliasOrigins[1] },
});
generated.set('frames.html', framesPage.html);
for (const [name, html] of framesPage.frames) generated.set(name, html);
const appendSpec = smoke ? { batches: 5, perBatch: 10 } : { batches: 50, perBatch: 100 };
generated.set('append.html', generateAppendPage(forms, appendSpec).html);

const allPages = [
  { key: 'wikipedia', label: 'wikipedia-2 (corpus)', url: '/corpus/readability--wikipedia-2.html' },
  { key: 'yahoo', label: 'yahoo-2 (corpus)', url: '/corpus/readability--yahoo-2.html' },
  {
    key: 'large',
    label: `generated ${(large.chars / 1e6).toFixed(2)} M chars`,
    url: '/gen/large.html',
  },
  {
    key: 'arabic',
    label: `generated Arabic ${(largeArabic.chars / 1e6).toFixed(2)} M chars`,
    url: '/gen/large-ar.html',
  },
  {
    key: 'frames',
    label: `${framesPage.count} ad iframes`,
    url: '/gen/frames.html',
  },
  {
    key: 'append',
    label: `append ${appendSpec.batches}×${appendSpec.perBatch} paragraphs`,
    url: '/gen/append.html',
    appends: true,
    engineOnly: true,
  },
];
const wanted = args.pages?.split(',') ?? (smoke ? ['large', 'frames', 'append'] : null);
const pages = wanted ? allPages.filter((p) => wanted.includes(p.key)) : allPages;
if (pages.length === 0)
  await fail(`no pages selected (known: ${allPages.map((p) => p.key).join(', ')})`, 2);
for (const p of pages.filter((p) => p.url.startsWith('/corpus/'))) {
  if (!existsSync(path.join(corpusDir, path.basename(p.url))))
    await fail(`corpus page missing: ${path.join(corpusDir, path.basename(p.url))}`, 2);
}
const wholePages = pages.filter((p) => !p.engineOnly);
log(
  `bench: built extension of ${builtAt.toISOString()} (${contentScripts.join(', ')}), ` +
    `${entries} glossary entries, ${forms.length} surface forms, runs=${runs}${smoke ? ' [smoke]' : ''}`,
);

// ---------------------------------------------------------------------------------------------
// 4. Whole-extension runs in Chromium: the extension's browser, and a clean one for the floor
//    and mark.js (the same flags, no extension).
const floorScript = await floorInitScript(forms, server.origin);
const markScript = await markjsInitScript(forms, server.origin, repoRoot);
const hasMark =
  (...names) =>
  (f) =>
    f.marks.some((m) => names.includes(m.name));
const CONTENDERS = {
  extension: { frameDone: hasMark('termlight:idle', 'termlight:skip') },
  unprofiled: { frameDone: hasMark('termlight:idle', 'termlight:skip'), profile: false },
  compare: { frameDone: hasMark('termlight:idle', 'termlight:skip') },
  floor: { frameDone: hasMark(FLOOR_DONE), initScript: floorScript },
  markjs: { frameDone: hasMark(MARKJS_DONE), initScript: markScript },
};

let extBrowser;
let cleanBrowser;
let compareBrowser = null;
async function launchBrowsers({ ext = true, clean = true } = {}) {
  const start = async (old, opts, contender) => {
    await old?.close().catch(() => {});
    const browser = await launchWholeBrowser({
      executablePath: CHROMIUM_BIN,
      args: CHROMIUM_ARGS,
      ...opts,
    });
    if (packTables && opts.extensionDir) await installPack(browser);
    if (!smoke) await warmUp(browser, contender);
    return browser;
  };
  const [e, c, k] = await Promise.allSettled([
    ext ? start(extBrowser, { extensionDir: snapshot }, 'extension') : extBrowser,
    clean ? start(cleanBrowser, {}, 'floor') : cleanBrowser,
    ext && compareSnapshot
      ? start(compareBrowser, { extensionDir: compareSnapshot }, 'extension')
      : compareBrowser,
  ]);
  compareBrowser = k.value ?? null;
  if (k.status === 'rejected') throw k.reason;
  extBrowser = e.value ?? null;
  cleanBrowser = c.value ?? null;
  if (e.status === 'rejected') throw e.reason;
  if (c.status === 'rejected') throw c.reason;
}
cleanups.push(async () => {
  await extBrowser?.close();
  await cleanBrowser?.close();
  await compareBrowser?.close();
});
/**
 * One unmeasured load (not in smoke runs): the first one after launch also pays for browser and
 * extension start-up.
 */
async function warmUp(browser, contender) {
  await browser
    .profileLoad(`${server.origin}/gen/large.html`, {
      ...CONTENDERS[contender],
      profile: false,
      timeoutMs: RUN_TIMEOUT_MS,
    })
    .catch(() => {});
}

try {
  await launchBrowsers();
} catch (err) {
  await fail(`cannot start Chromium with the extension: ${errorLine(err)}`);
}
const chromiumVersion = extBrowser.version;
const extensionId = extBrowser.extensionId;

/** One whole-page run, analysed; `{ error }` instead of throwing. */
async function wholeRun(pageDef, contender, extra = {}) {
  const browser =
    contender === 'compare'
      ? compareBrowser
      : contender === 'extension' || contender === 'unprofiled'
        ? extBrowser
        : cleanBrowser;
  try {
    const run = await browser.profileLoad(`${server.origin}${pageDef.url}`, {
      ...CONTENDERS[contender],
      timeoutMs: RUN_TIMEOUT_MS,
      ...extra,
    });
    const a = analyzeRun(run, {
      extensionId: contender === 'floor' || contender === 'markjs' ? null : browser.extensionId,
      contentScripts,
    });
    const tasks =
      run.trace && !run.trace.error ? extensionTasks(run.trace, a.samplesByProcess) : null;
    delete a.samplesByProcess;
    if (run.trace?.error) a.errors.push(`trace: ${run.trace.error}`);
    return { ...a, tasks };
  } catch (err) {
    return { error: errorLine(err) };
  }
}

/** An unprofiled, traced run: the extension's CPU time per renderer process and its frames. */
async function cpuRun(pageDef) {
  try {
    const run = await extBrowser.profileLoad(`${server.origin}${pageDef.url}`, {
      ...CONTENDERS.unprofiled,
      profile: false,
      timeoutMs: RUN_TIMEOUT_MS,
      traceCategories: FRAME_TRACE_CATEGORIES,
    });
    if (!Array.isArray(run.trace)) return { error: `trace: ${run.trace?.error ?? 'none'}` };
    const byProcess = extensionCpuByProcess(run.trace, `chrome-extension://${extensionId}/`);
    return { byProcess, frames: framesByProcess(run.trace) };
  } catch (err) {
    return { error: errorLine(err) };
  }
}

const describe = (c, r) => {
  if (r.error) return `ERROR ${r.error}`;
  const bits = [];
  if (r.timedOut) bits.push('TIMED OUT');
  if (c === 'extension' || c === 'compare')
    bits.push(
      `extension ${fmtMs(r.extension.ms)} (first pass ${fmtMs(r.extension.phases.firstPass)}), ${r.extension.framesWithMarks} frame(s), ${r.extension.matches ?? '—'} matches`,
    );
  if (c === 'unprofiled') bits.push(`first pass wall ${fmtMs(r.extension.firstPassWallMs)}`);
  if (c === 'floor')
    bits.push(
      `floor ${fmtMs(r.floor?.ms)}, ${r.floor?.matches ?? '—'} matches in ${r.floor?.frames ?? 0} frame(s)`,
    );
  if (c === 'markjs')
    bits.push(
      `mark.js ${fmtMs(r.markjs?.ms)}, ${r.markjs?.matches ?? '—'} matches, ${r.markjs?.finished ?? 0}/${r.markjs?.frames ?? 0} frame(s) done`,
    );
  if (r.errors?.length) bits.push(`(${r.errors.join('; ')})`);
  return bits.join(', ');
};

const section = (name) =>
  log(`\nbench: ${name} at ${((Date.now() - startedAt) / 1000).toFixed(0)} s`);
section('whole-extension runs');
const whole = {};
for (const pageDef of wholePages) {
  log(`\n[${pageDef.key}] ${pageDef.label} — whole extension, floor, mark.js`);
  const r = {
    label: pageDef.label,
    extension: [],
    unprofiled: [],
    floor: [],
    markjs: [],
    compare: [],
  };
  whole[pageDef.key] = r;
  // The smoke run's iframe page checks the out-of-process set-up only; the contenders run on the
  // other page.
  const extensionOnly = smoke && pageDef.key === 'frames';
  r.extensionOnly = extensionOnly;
  for (let i = 0; i < runs; i++) {
    // Unprofiled runs show how much the profiler itself adds to the wall-clock first pass.
    const contenders = extensionOnly ? ['extension'] : ['extension', 'floor'];
    // The other build right after this one: the same minute of the same machine.
    if (compareBrowser) contenders.splice(1, 0, 'compare');
    if (!smoke && i < UNPROFILED_RUNS) contenders.push('unprofiled');
    // The iframe page's per-frame figure: CPU time from a trace, no profiler (lib/frame-cost.mjs).
    if (pageDef.key === 'frames' && i < UNPROFILED_RUNS) contenders.push('cpu');
    for (const c of contenders) {
      // Traced too (few categories, cheap): the longest-task table takes these pages from here.
      const traced = c === 'extension' || c === 'floor';
      if (c === 'cpu') {
        const res = await cpuRun(pageDef);
        r.cpu ??= [];
        r.cpu.push(res);
        log(
          `  cpu        run ${i + 1}: ${res.error ?? [...res.byProcess.values()].map(fmtMs).join(' / ')}`,
        );
        continue;
      }
      const res = await wholeRun(pageDef, c, traced ? { traceCategories: TRACE_CATEGORIES } : {});
      r[c].push(res);
      log(`  ${c.padEnd(10)} run ${i + 1}: ${describe(c, res)}`);
    }
  }
  // mark.js last, another run only while the page's budget is expected to allow it.
  const budget = markBudgetMs(pageDef.key);
  let spent = 0;
  let last = 0;
  for (let i = 0; !extensionOnly && i < runs && (i === 0 || spent + last <= budget); i++) {
    const res = await wholeRun(pageDef, 'markjs', { timeoutMs: budget + 5_000 });
    r.markjs.push(res);
    log(`  markjs     run ${i + 1}: ${describe('markjs', res)}`);
    if (res.error || res.timedOut) {
      // The renderer may still be spinning in mark.js: start a fresh clean browser.
      await launchBrowsers({ ext: false }).catch((err) =>
        problems.push(`relaunch: ${errorLine(err)}`),
      );
      break;
    }
    last = res.markjs?.topWallMs ?? budget;
    spent += last;
  }
}

// ---------------------------------------------------------------------------------------------
// 4b. Every corpus page (and the generated ones): traced runs with the extension; the longest
//     main-thread task that ran the extension, worst run.
const corpusSweep = [];
/** A row of the longest-task table from traced extension runs (the worst run counts). */
function taskRow(page, corpus, results) {
  const row = { page, corpus, runs: [], errors: [] };
  for (const res of results) {
    if (res.error || res.timedOut || !res.tasks) {
      row.errors.push(res.error ?? (res.timedOut ? 'timed out' : 'no trace'));
      continue;
    }
    row.runs.push({
      extensionMs: res.extension.ms,
      frames: res.extension.framesWithMarks,
      matches: res.extension.matches,
      longestMs: res.tasks.longestMs ?? 0,
      task: res.tasks.task,
      tasksWithExtension: res.tasks.tasksWithExtension,
      longestRenderMs: res.tasks.longestRenderMs,
    });
  }
  const worst = row.runs.reduce((w, x) => (!w || x.longestMs > w.longestMs ? x : w), null);
  row.extensionMs = median(row.runs.map((x) => x.extensionMs));
  row.frames = median(row.runs.map((x) => x.frames));
  row.matches = median(row.runs.map((x) => x.matches));
  row.worstLongestMs = worst?.longestMs ?? null;
  row.worstTask = worst?.task ?? null;
  row.tasksWithExtension = median(row.runs.map((x) => x.tasksWithExtension));
  row.worstRenderMs = row.runs.length
    ? Math.max(...row.runs.map((x) => x.longestRenderMs ?? 0))
    : null;
  log(
    `  ${row.page}: extension ${fmtMs(row.extensionMs)} in ${row.frames ?? '—'} frame(s), longest task with the extension ${fmtMs(row.worstLongestMs)}${row.worstTask ? ` (task ${fmtMs(row.worstTask.durMs)}, extension ${fmtMs(row.worstTask.extMs)})` : ''}${row.errors.length ? `, errors: ${row.errors.join('; ')}` : ''}`,
  );
  return row;
}
if (!smoke && !args['no-corpus-sweep'] && !args.pages) {
  section('corpus sweep');
  const files = readdirSync(corpusDir)
    .filter((f) => f.endsWith('.html'))
    .sort();
  log(`\n[sweep] longest task with the extension; main-table pages from their own traced runs`);
  for (const file of files) {
    const url = `/corpus/${encodeURIComponent(file)}`;
    const main = wholePages.find((p) => p.url === url);
    const results = main ? whole[main.key].extension : [];
    for (let i = 0; !main && i < TRACED_RUNS; i++) {
      results.push(await wholeRun({ url }, 'extension', { traceCategories: TRACE_CATEGORIES }));
    }
    corpusSweep.push(taskRow(file.replace(/\.html$/, ''), true, results));
  }
}
for (const p of wholePages.filter((p) => p.url.startsWith('/gen/'))) {
  corpusSweep.push(taskRow(`${p.key} (generated)`, false, whole[p.key].extension));
}
// A pack the background dropped (it recompiles from its empty store when restarted) would make
// the figures those of the glossary alone.
const packTerms = packTables && extBrowser ? await packInstalled(extBrowser).catch(() => 0) : 0;
if (packTables && packTerms !== packTables.tables.terms.length) {
  problems.push(`the ${packSize}-entry pack was not in storage at the end (${packTerms} terms)`);
}
await extBrowser?.close().catch(() => {});
await cleanBrowser?.close().catch(() => {});
await compareBrowser?.close().catch(() => {});
extBrowser = null;
cleanBrowser = null;
compareBrowser = null;

// ---------------------------------------------------------------------------------------------
// 5. Firefox ESR with .output/firefox-mv2: the content script's marks (BiDi has no profiler).
let firefox = { skipped: '--no-firefox' };
if (!args['no-firefox']) {
  if (!existsSync(FIREFOX_BIN)) {
    firefox = { skipped: `${FIREFOX_BIN} not installed` };
    if (isCI || smoke) problems.push(`firefox: ${firefox.skipped}`);
  } else if (!existsSync(path.join(firefoxDir, 'manifest.json'))) {
    firefox = { skipped: `no build at ${firefoxDir} (npm run build:firefox)` };
    problems.push(`firefox: ${firefox.skipped}`);
  } else {
    section('Firefox');
    firefox = await measureFirefox().catch((err) => ({ error: errorLine(err) }));
    if (firefox.error) problems.push(`firefox: ${firefox.error}`);
  }
}

async function measureFirefox() {
  const ff = await launchFirefox({ executablePath: FIREFOX_BIN, extensionDir: firefoxDir });
  cleanups.push(() => ff.close());
  const out = { version: ff.version, pages: {} };
  try {
    for (const pageDef of wholePages) {
      log(`\n[firefox ${pageDef.key}] ${pageDef.label}`);
      const list = [];
      for (let i = 0; i < FIREFOX_RUNS; i++) {
        try {
          const r = await ff.loadPage(`${server.origin}${pageDef.url}`, {
            timeoutMs: RUN_TIMEOUT_MS,
            forms,
          });
          const frames = r.frames.map((f) => ({
            href: f.href,
            top: f.href.endsWith(pageDef.url),
            ...firefoxPhases(f),
          }));
          const top = frames.find((f) => f.top) ?? null;
          list.push({ timedOut: r.timedOut, errors: r.errors, top, frames });
          log(
            `  run ${i + 1}: ${r.timedOut ? 'TIMED OUT, ' : ''}first pass ${fmtMs(top?.firstPassMs)} (wall), floor ${fmtMs(top?.floorMs)}, ${frames.filter((f) => f.startAt != null || f.skipped).length}/${frames.length} frame(s) marked${r.errors.length ? ` (${r.errors.join('; ')})` : ''}`,
          );
        } catch (err) {
          list.push({ error: errorLine(err) });
          log(`  run ${i + 1}: ERROR ${errorLine(err)}`);
        }
      }
      out.pages[pageDef.key] = { label: pageDef.label, runs: list };
    }
  } finally {
    await ff.close();
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// 6. Engine-only (src/ bundle on a loaded page), the popup and the popover's first open.
const engine = {};
if (engineCode && !args['no-engine']) {
  section('engine-only runs');
  const er = await startEngineRuns({
    repoRoot,
    chromiumArgs: CHROMIUM_ARGS,
    origin: server.origin,
    forms,
    runTimeoutMs: RUN_TIMEOUT_MS,
    log,
  });
  try {
    for (const pageDef of pages.filter((p) => p.key !== 'frames')) {
      log(`\n[engine ${pageDef.key}] ${pageDef.label}`);
      engine[pageDef.key] = {
        label: pageDef.label,
        ...(await er.measurePage(pageDef, ENGINE_RUNS)),
      };
    }
  } finally {
    await er.close();
  }
}

let extension = { skipped: 'not run (--smoke or --no-popup)' };
if (!smoke && !args['no-popup']) {
  section('popup, popover');
  extension = await measureExtension({
    extDir: snapshot,
    builtAt: builtAt.toISOString(),
    chromiumArgs: CHROMIUM_ARGS,
    runs,
    origin: server.origin,
    generated,
  }).catch((err) => ({ error: errorLine(err) }));
  if (extension.error) problems.push(`popup/popover: ${extension.error}`);
}
await server.close();

// ---------------------------------------------------------------------------------------------
// 7. Summary.
const ok = (list) => list.filter((x) => !x.error && !x.timedOut);
const medianOf = (list, get) => median(list.map(get));
const summary = {};
for (const [key, r] of Object.entries(whole)) {
  const ext = ok(r.extension);
  const floor = ok(r.floor).filter((x) => x.floor);
  const mark = r.markjs.filter((x) => !x.error && x.markjs);
  const markDone = mark.filter((x) => !x.timedOut);
  const phases = Object.fromEntries(
    PHASES.map((p) => [p, medianOf(ext, (x) => x.extension.phases[p])]),
  );
  const s = {
    label: r.label,
    extension: {
      runs: ext.length,
      errors: r.extension.filter((x) => x.error || x.timedOut).map((x) => x.error ?? 'timed out'),
      ms: medianOf(ext, (x) => x.extension.ms),
      phases,
      byFile: Object.fromEntries(
        [...new Set(ext.flatMap((x) => Object.keys(x.extension.byFile)))].map((f) => [
          f,
          medianOf(ext, (x) => x.extension.byFile[f] ?? 0),
        ]),
      ),
      frames: medianOf(ext, (x) => x.extension.framesWithMarks),
      matches: medianOf(ext, (x) => x.extension.matches),
      firstPassWallMs: medianOf(ext, (x) => x.extension.firstPassWallMs),
      unprofiledFirstPassWallMs: medianOf(ok(r.unprofiled), (x) => x.extension.firstPassWallMs),
      functions: meanFunctions(ext),
      pageScriptMs: medianOf(ext, (x) => x.totals.page ?? 0),
      browserMs: medianOf(ext, (x) => x.totals['(program)'] ?? 0),
    },
    floor: {
      runs: floor.length,
      ms: medianOf(floor, (x) => x.floor.ms),
      matches: medianOf(floor, (x) => x.floor.matches),
      topWallMs: medianOf(floor, (x) => x.floor.topWallMs),
      frames: medianOf(floor, (x) => x.floor.frames),
    },
    markjs: {
      runs: markDone.length,
      timedOut: mark.some((x) => x.timedOut),
      errors: r.markjs.filter((x) => x.error).map((x) => x.error),
      ms: markDone.length ? medianOf(markDone, (x) => x.markjs.ms) : null,
      // A run stopped at the budget: what it had spent by then (a lower bound).
      atLeastMs: mark.find((x) => x.timedOut)?.markjs.ms ?? null,
      matches: medianOf(markDone, (x) => x.markjs.matches),
      topWallMs: medianOf(markDone, (x) => x.markjs.topWallMs),
    },
  };
  const e = s.extension.ms;
  s.ratioExtensionToFloor = e != null && s.floor.ms ? e / s.floor.ms : null;
  const markMs = s.markjs.ms ?? s.markjs.atLeastMs;
  s.ratioMarkjsToExtension = e && markMs != null ? markMs / e : null;
  s.markjsRatioIsLowerBound = s.markjs.ms == null && s.markjs.atLeastMs != null;
  const cmp = ok(r.compare);
  if (cmp.length > 0) {
    s.compare = {
      runs: cmp.length,
      ms: medianOf(cmp, (x) => x.extension.ms),
      phases: Object.fromEntries(
        PHASES.map((p) => [p, medianOf(cmp, (x) => x.extension.phases[p])]),
      ),
      matches: medianOf(cmp, (x) => x.extension.matches),
    };
  }
  if (key === 'frames') {
    s.perFrame = perFrameSummary(ext);
    s.perFrame.cpu = cpuSummary(r.cpu ?? []);
  }
  summary[key] = s;
}

/** The heaviest functions per phase, mean self time over the runs (a function a run lacks: 0). */
function meanFunctions(list) {
  const out = {};
  for (const x of list) {
    for (const [phase, fns] of Object.entries(x.extension.functions)) {
      out[phase] ??= new Map();
      for (const { fn, ms } of fns)
        out[phase].set(fn, (out[phase].get(fn) ?? 0) + ms / list.length);
    }
  }
  return Object.fromEntries(
    Object.entries(out).map(([p, m]) => [
      p,
      [...m]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 8)
        .map(([fn, ms]) => ({ fn, ms })),
    ]),
  );
}

/**
 * The iframe page's CPU runs by site: the extension's CPU time in each process, per frame it
 * committed; the cross-site frames (no terms) give the per-frame figure. Medians over runs.
 */
function cpuSummary(runs) {
  const siteOf = (url) => {
    const m = /frame-(\d+)\.html/.exec(url);
    return m ? (framesPage.slots[Number(m[1]) - 1]?.site ?? 'page') : 'page';
  };
  const perRun = runs
    .filter((x) => !x.error)
    .map((x) => {
      let ms = 0;
      let frames = 0;
      for (const [pid, cpu] of x.byProcess) {
        const urls = [...(x.frames.get(pid) ?? [])].filter((u) => /^https?:/.test(u));
        if (urls.length === 0 || urls.some((u) => siteOf(u) === 'page')) continue;
        ms += cpu;
        frames += urls.length;
      }
      // Processes whose frames ran no extension code at all count too: they cost nothing.
      for (const [pid, set] of x.frames) {
        if (x.byProcess.has(pid)) continue;
        const urls = [...set].filter((u) => /^https?:/.test(u));
        if (urls.length > 0 && urls.every((u) => siteOf(u) !== 'page')) frames += urls.length;
      }
      return frames ? { ms, frames, perFrameMs: ms / frames } : null;
    })
    .filter(Boolean);
  return {
    runs: perRun.length,
    perFrameMs: median(perRun.map((r) => r.perFrameMs)),
    frames: median(perRun.map((r) => r.frames)),
  };
}

/**
 * The iframe page by renderer process (profiles are per process, and V8 shares one compiled
 * content script between the frames of a process, so a process's frames cannot be told apart):
 * the top frame's process (the page and its same-site iframes), the ad site's (nine iframes) and
 * the lone site's (one iframe: its figure is that frame's own). Medians over runs.
 */
function perFrameSummary(ext) {
  const slotOf = (href) => {
    const m = /frame-(\d+)\.html/.exec(href);
    return m ? framesPage.slots[Number(m[1]) - 1] : null;
  };
  const siteOf = (href) => slotOf(href)?.site ?? 'page';
  const groupName = {
    page: "top frame's process (page + same-site iframes)",
    ads: 'ad site (127.0.0.2)',
    lone: 'lone site (127.0.0.3)',
  };
  const perRun = ext.map((x) => {
    const groups = {};
    for (const p of x.processes) {
      const key = p.top ? 'page' : siteOf(p.frames[0]);
      const members = x.frames.filter((f) => p.frames.includes(f.href));
      groups[key] = {
        ms: p.ms,
        frames: p.frames.length,
        matches: members.reduce((n, f) => n + (f.occurrences ?? 0), 0),
        phases: p.phases,
      };
    }
    const free = ['ads', 'lone'].map((k) => groups[k]).filter(Boolean);
    const frames = free.reduce((n, g) => n + g.frames, 0);
    return {
      groups,
      // Every cross-site iframe is without terms: their mean is the per-frame figure.
      noTermsPerFrameMs: frames ? free.reduce((n, g) => n + g.ms, 0) / frames : null,
      noTermsFrames: frames,
    };
  });
  const groups = Object.keys(groupName)
    .map((key) => {
      const list = perRun.map((r) => r.groups[key]).filter(Boolean);
      if (list.length === 0) return null;
      const ms = median(list.map((g) => g.ms));
      const frames = median(list.map((g) => g.frames));
      return {
        key,
        name: groupName[key],
        frames,
        matches: median(list.map((g) => g.matches)),
        ms,
        perFrameMs: ms != null && frames ? ms / frames : null,
        phases: Object.fromEntries(PHASES.map((p) => [p, median(list.map((g) => g.phases[p]))])),
      };
    })
    .filter(Boolean);
  const hrefs = [...new Set(ext.flatMap((x) => x.frames.map((f) => f.href)))];
  const rows = hrefs.map((href) => {
    const list = ext.map((x) => x.frames.find((f) => f.href === href)).filter(Boolean);
    const slot = slotOf(href);
    return {
      frame: href.replace(/^https?:\/\/([^/]+)\/gen\//, '$1/'),
      top: list[0]?.top ?? false,
      site: siteOf(href),
      size: slot ? `${slot.width}×${slot.height}${slot.hidden ? ' hidden' : ''}` : 'page',
      occurrences: median(list.map((f) => f.occurrences)),
      skipped: list.find((f) => f.skipped)?.skipped ?? null,
      marked: list.filter((f) => f.marks.length > 0).length,
      runs: list.length,
    };
  });
  return {
    groups,
    rows,
    noTermsPerFrameMs: median(perRun.map((r) => r.noTermsPerFrameMs)),
    noTermsFrames: median(perRun.map((r) => r.noTermsFrames)),
    unmappedMs: median(ext.map((x) => x.extension.unmappedMs)),
  };
}

const firefoxSummary = {};
if (firefox.pages) {
  for (const [key, p] of Object.entries(firefox.pages)) {
    const good = p.runs.filter((x) => !x.error && !x.timedOut && x.top);
    const top = (get) => median(good.map((x) => get(x.top)));
    const iframes = (x) => x.frames.filter((f) => !f.top);
    firefoxSummary[key] = {
      label: p.label,
      runs: good.length,
      scriptAt: top((t) => t.scriptAt),
      settingsMs: top((t) => t.settingsMs),
      matcherMs: top((t) => t.matcherMs),
      beforeStartMs: top((t) => t.beforeStartMs),
      startAt: top((t) => t.startAt),
      firstPassMs: top((t) => t.firstPassMs),
      viewportMs: top((t) => t.viewportMs),
      floorMs: top((t) => t.floorMs),
      matches: top((t) => t.occurrences),
      floorMatches: top((t) => t.floorMatches),
      frames: median(good.map((x) => x.frames.length)),
      framesMarked: median(
        good.map((x) => x.frames.filter((f) => f.startAt != null || f.skipped).length),
      ),
      iframeFirstPassMeanMs: median(
        good.map((x) => {
          const list = iframes(x)
            .map((f) => f.firstPassMs)
            .filter((v) => v != null);
          return list.length ? list.reduce((a, b) => a + b, 0) / list.length : null;
        }),
      ),
    };
    const f = firefoxSummary[key];
    f.ratioFirstPassToFloor = f.firstPassMs != null && f.floorMs ? f.firstPassMs / f.floorMs : null;
  }
}

// ---------------------------------------------------------------------------------------------
// 8. Targets (judged, never asserted).
const targets = [];
const target = (page, name, value, limit, pass, unit, note = null) =>
  targets.push({ page, name, value, limit, unit, pass: value == null ? null : pass, note });
for (const key of ['wikipedia', 'yahoo', 'large', 'arabic']) {
  const s = summary[key];
  if (!s) continue;
  const v = s.ratioExtensionToFloor;
  target(key, 'whole extension ≤ 2× floor', v, 2, v <= 2, '×');
}
if (summary.wikipedia) {
  const v = summary.wikipedia.ratioMarkjsToExtension;
  target(
    'wikipedia',
    '≥ 20× faster than mark.js',
    v,
    20,
    v >= 20,
    '×',
    summary.wikipedia.markjsRatioIsLowerBound ? 'lower bound' : null,
  );
}
if (summary.frames?.perFrame) {
  const pf = summary.frames.perFrame;
  const v = pf.cpu?.perFrameMs ?? pf.noTermsPerFrameMs;
  target(
    'frames',
    '≤ 2 ms per frame without terms',
    v,
    2,
    v <= 2,
    'ms',
    pf.cpu?.runs
      ? `CPU time from a trace, no profiler: the ${pf.cpu.frames} cross-site iframes; profiled ${fmtMs(pf.noTermsPerFrameMs)}`
      : `profiled: mean of the ${pf.noTermsFrames} cross-site iframes`,
  );
}
if (corpusSweep.length > 0) {
  const rows = corpusSweep.filter((r) => r.corpus);
  const complete = rows.every((r) => r.runs.length > 0 && r.errors.length === 0);
  const worst = rows.reduce(
    (w, r) => (!w || (r.worstLongestMs ?? 0) > (w.worstLongestMs ?? 0) ? r : w),
    null,
  );
  const v = complete ? (worst?.worstLongestMs ?? 0) : null;
  target(
    `${rows.length} corpus pages`,
    'no long task > 50 ms by the extension',
    v,
    50,
    v <= 50,
    'ms',
    worst?.page ?? null,
  );
}
const popover = extension.popover;
if (popover?.firstOpenAfterDelayMs != null) {
  const v = popover.firstOpenAfterDelayMs;
  target(
    'popover',
    'first open ≤ 1 frame (16.7 ms) after the intent delay',
    v,
    16.7,
    v <= 16.7,
    'ms',
  );
}
if (extension.popup?.openMs != null) {
  const v = extension.popup.openMs;
  target('popup', 'popup opens ≤ 100 ms', v, 100, v <= 100, 'ms');
}

// ---------------------------------------------------------------------------------------------
// 9. Report.
const durationSec = (Date.now() - startedAt) / 1000;
const loadAtEnd = os.loadavg();
const fmtLoad = (l) => l.map((v) => v.toFixed(2)).join(' ');
const phaseCell = (p) =>
  `${fmtMs(p.beforeStart)} (${fmtMs(p.evaluation)} / ${fmtMs(p.settings)} / ${fmtMs(p.matcher)})`;
const markCell = (s) =>
  s.markjs.ms != null
    ? `${fmtMs(s.markjs.ms)}${s.markjs.runs < runs ? ` (${s.markjs.runs} run${s.markjs.runs === 1 ? '' : 's'})` : ''}`
    : s.markjs.atLeastMs != null
      ? `> ${fmtMs(s.markjs.atLeastMs)} (stopped)`
      : 'ERROR';
const out = [];
out.push(
  `Termlight benchmark, ${new Date().toString().replace(/ \(.*\)$/, '')}: Chromium ${chromiumVersion}` +
    `${firefox.version ? `, ${firefox.version.replace('firefox/', 'Firefox ESR ')}` : ''}; ${os.cpus().length} CPUs; ` +
    `load average (1/5/15 min) ${fmtLoad(loadAtStart)} at start, ${fmtLoad(loadAtEnd)} at end; ` +
    `run took ${Math.floor(durationSec / 60)} min ${Math.round(durationSec % 60)} s`,
);
out.push(
  `Extension: ${path.relative(repoRoot, chromeDir) || chromeDir} built ${builtAt.toISOString()}; ` +
    `${entries} glossary entries, ${forms.length} surface forms` +
    (packTables ? ` + a ${packSize}-entry pack (${packTerms} terms at the end)` : '') +
    `; medians of ${runs} run(s) per page` +
    `${smoke ? ' [smoke: tiny pages, one run; timings say nothing]' : ''}`,
);
out.push('');
out.push(
  `Whole extension in Chromium: main-thread self time by script URL (CDP Profiler, ${SAMPLING_INTERVAL_US} µs), ` +
    `from navigation until stable + ${IDLE_TAIL_MS / 1000} s idle, all frames`,
);
out.push(
  table(
    [
      'page',
      'extension',
      'before start (eval / settings / matcher)',
      'first pass',
      'idle work',
      'first pass wall (unprofiled)',
      'floor',
      'ext/floor',
      'mark.js',
      'mark.js/ext',
      'matches ext/floor/mark.js',
    ],
    Object.values(summary).map((s) => [
      s.label,
      fmtMs(s.extension.ms),
      phaseCell(s.extension.phases),
      fmtMs(s.extension.phases.firstPass),
      fmtMs(s.extension.phases.idleWork),
      `${fmtMs(s.extension.firstPassWallMs)} (${fmtMs(s.extension.unprofiledFirstPassWallMs)})`,
      fmtMs(s.floor.ms),
      fmtX(s.ratioExtensionToFloor),
      markCell(s),
      `${s.markjsRatioIsLowerBound ? '> ' : ''}${fmtX(s.ratioMarkjsToExtension)}`,
      `${s.extension.matches ?? '—'} / ${s.floor.matches ?? '—'} / ${s.markjs.matches ?? '—'}`,
    ]),
  ),
);
if (compareDir) {
  out.push('');
  out.push(
    `This build against ${path.relative(repoRoot, compareDir) || compareDir} (--compare-dir), ` +
      'each run of one right after the same run of the other, medians',
  );
  out.push(
    table(
      ['page', 'this build', 'compared', 'this/compared', 'before start', 'first pass', 'matches'],
      Object.values(summary)
        .filter((s) => s.compare)
        .map((s) => [
          s.label,
          fmtMs(s.extension.ms),
          fmtMs(s.compare.ms),
          fmtX(s.extension.ms && s.compare.ms ? s.extension.ms / s.compare.ms : null),
          `${fmtMs(s.extension.phases.beforeStart)} vs ${fmtMs(s.compare.phases.beforeStart)}`,
          `${fmtMs(s.extension.phases.firstPass)} vs ${fmtMs(s.compare.phases.firstPass)}`,
          `${s.extension.matches ?? '—'} vs ${s.compare.matches ?? '—'}`,
        ]),
    ),
  );
}
const pf = summary.frames?.perFrame;
if (pf) {
  out.push('');
  out.push(
    `${framesPage.count}-iframe page by renderer process (a process's frames share one compiled content script and cannot be told apart): ` +
      `all frames ${fmtMs(summary.frames.extension.ms)}; the ${pf.noTermsFrames ?? '—'} cross-site iframes (no terms) ${fmtMs(pf.noTermsPerFrameMs)} per frame profiled, ${fmtMs(pf.cpu?.perFrameMs)} per frame in CPU time unprofiled (trace)`,
  );
  out.push(
    table(
      [
        'process',
        'frames',
        'matches',
        'extension',
        'per frame',
        'before start',
        'first pass',
        'idle work',
      ],
      pf.groups.map((g) => [
        g.name,
        String(g.frames ?? '—'),
        String(g.matches ?? '—'),
        fmtMs(g.ms),
        fmtMs(g.perFrameMs),
        fmtMs(g.phases.beforeStart),
        fmtMs(g.phases.firstPass),
        fmtMs(g.phases.idleWork),
      ]),
    ),
  );
  out.push(
    `  frames: ${pf.rows
      .map(
        (r) =>
          `${r.frame} ${r.size}${r.occurrences ? ` (${r.occurrences} matches)` : ''}${r.skipped ? ` skipped: ${r.skipped}` : r.marked ? '' : ' no marks'}`,
      )
      .join('; ')}`,
  );
}
if (args.functions) {
  for (const s of Object.values(summary)) {
    out.push('');
    out.push(`${s.label}: heaviest extension functions per phase (mean self time over runs)`);
    for (const [phase, fns] of Object.entries(s.extension.functions)) {
      out.push(
        `  ${phase}: ${fns
          .slice(0, 5)
          .map((f) => `${fmtMs(f.ms)} ${f.fn}`)
          .join('; ')}`,
      );
    }
  }
}
out.push('');
out.push('JavaScript the extension makes a page load (raw / gzip -9)');
out.push(
  table(
    ['file', 'raw', 'gzip', 'loaded'],
    sizes.map((s) => [s.file, fmtKb(s.bytes), fmtKb(s.gzipBytes), s.role]),
  ),
);
if (corpusSweep.length > 0) {
  out.push('');
  out.push(
    table(
      [
        'longest task (traced runs with the extension)',
        'extension',
        'frames',
        'matches',
        'longest task with the extension (worst run)',
        'that task: total / extension',
        'longest rendering task',
      ],
      corpusSweep.map((r) => [
        r.page,
        fmtMs(r.extensionMs),
        String(r.frames ?? '—'),
        String(r.matches ?? '—'),
        r.errors.length && r.runs.length === 0 ? `ERROR ${r.errors[0]}` : fmtMs(r.worstLongestMs),
        r.worstTask ? `${fmtMs(r.worstTask.durMs)} / ${fmtMs(r.worstTask.extMs)}` : '—',
        fmtMs(r.worstRenderMs),
      ]),
    ),
  );
}
if (Object.keys(firefoxSummary).length > 0) {
  out.push('');
  out.push(
    `Firefox ESR (${firefox.version}, .output/firefox-mv2): wall-clock spans between the content script's marks, top frame ` +
      '(no profiler over BiDi); floor = the same floor function run in the page afterwards; Chromium beside it, unprofiled',
  );
  out.push(
    table(
      [
        'page',
        'script entered',
        'settings',
        'matcher',
        'first pass starts',
        'first pass',
        'viewport',
        'floor',
        'first pass/floor',
        'Chromium first pass',
        'iframes: first pass (mean)',
        'frames marked',
        'matches',
      ],
      Object.entries(firefoxSummary).map(([key, f]) => [
        f.label,
        fmtMs(f.scriptAt),
        fmtMs(f.settingsMs),
        fmtMs(f.matcherMs),
        fmtMs(f.startAt),
        fmtMs(f.firstPassMs),
        fmtMs(f.viewportMs),
        fmtMs(f.floorMs),
        fmtX(f.ratioFirstPassToFloor),
        fmtMs(summary[key]?.extension.unprofiledFirstPassWallMs),
        key === 'frames' ? fmtMs(f.iframeFirstPassMeanMs) : '—',
        `${f.framesMarked ?? '—'} / ${f.frames ?? '—'}`,
        `${f.matches ?? '—'} / ${f.floorMatches ?? '—'}`,
      ]),
    ),
  );
} else if (firefox.skipped || firefox.error) {
  out.push('');
  out.push(`Firefox: ${firefox.skipped ?? `ERROR ${firefox.error}`}`);
}
if (Object.keys(engine).length > 0) {
  out.push('');
  out.push(
    'Engine only (src/ bundled and started on the loaded page, no extension; wall clock, unprofiled)',
  );
  out.push(
    table(
      [
        'page',
        'viewport',
        'finish',
        'matcher load',
        'floor',
        'engine/floor',
        'longest longtask',
        'heap growth',
        'matches',
      ],
      Object.values(engine).map((e) => [
        e.label,
        fmtMs(e.termlight.viewportMs),
        fmtMs(e.termlight.finishMs),
        fmtMs(e.termlight.compileMs),
        fmtMs(e.baseline.finishMs),
        fmtX(e.ratio),
        e.termlight.longTaskMs === 0 ? '< 50 ms' : fmtMs(e.termlight.longTaskMs),
        fmtMb(e.termlight.heapGrowthBytes),
        `${e.termlight.matches ?? '—'} / ${e.baseline.matches ?? '—'}`,
      ]),
    ),
  );
}
if (extension.popup) {
  const p = extension.popup;
  out.push('');
  out.push(
    `popup (${p.runs} runs): open ${fmtMs(p.openMs)} (first frame with content, from navigation start, opened as a tab); ` +
      `first contentful paint ${fmtMs(p.fcpMs)}`,
  );
}
if (popover) {
  out.push(
    popover.skipped
      ? `popover: skipped — ${popover.skipped}`
      : `popover first open (${popover.runs} fresh pages): ${fmtMs(popover.firstOpenAfterDelayMs)} after the ${popover.hoverDelayMs} ms hover delay ` +
          `(pointer arrival → host added + 1 frame); termlight:popover renderMs ${fmtMs(popover.renderMs)}; ` +
          `popover chunk loaded ${popover.chunkLoadedAfterHoverMs == null ? '— (no termlight:popover-load mark)' : `${fmtMs(popover.chunkLoadedAfterHoverMs)} after the pointer's arrival`}`,
  );
}
if (extension.error) out.push(`popup/popover: ERROR ${extension.error}`);
out.push('');
out.push(
  table(
    ['target', 'page', 'measured', 'result'],
    targets.map((t) => [
      t.name,
      t.page,
      `${t.unit === '×' ? fmtX(t.value) : fmtMs(t.value)}${t.note ? ` (${t.note})` : ''}`,
      t.pass == null ? 'n/a' : t.pass ? 'PASS' : 'FAIL',
    ]),
  ),
);
out.push(
  '\nNotes: self time = profile samples whose innermost frame with a script URL is the extension ' +
    '(chrome-extension://<id>/...); DOM and built-in calls count for the script that made them, ' +
    'garbage collection for the script that ran just before. before start = everything before termlight:start, ' +
    'split by termlight:script / :settings / :tables where the build marks them (— where it does not); ' +
    'first pass = termlight:start → first termlight:idle; idle work = after that, until the window ends. ' +
    'first pass wall = the same span in wall time (profiled runs; unprofiled runs in brackets). ' +
    'floor = TreeWalker + one RegExp per text node (tests/bench/lib/floor.js), in every frame at document_idle. ' +
    'Timings are wall clock on a shared machine: see the load averages.',
);
console.log(out.join('\n'));

// ---------------------------------------------------------------------------------------------
// 10. Did everything run?
for (const [key, s] of Object.entries(summary)) {
  const r = whole[key];
  if (s.extension.runs === 0)
    problems.push(`${key}/extension: ${r.extension[0]?.error ?? 'no run completed'}`);
  else if (!s.extension.ms) problems.push(`${key}/extension: no extension samples in the profile`);
  if (r.extensionOnly) continue;
  if (s.floor.runs === 0) problems.push(`${key}/floor: ${r.floor[0]?.error ?? 'no run completed'}`);
  else if (!s.floor.matches) problems.push(`${key}/floor: found 0 matches`);
  if (r.markjs.length === 0 || r.markjs.every((x) => x.error))
    problems.push(`${key}/mark.js: ${r.markjs[0]?.error ?? 'did not run'}`);
  // A mark.js run cut at its budget still ran (its time is a lower bound): with the glossary in
  // eight languages it takes longer than a smoke run's budget even on a tiny page.
}
for (const [key, f] of Object.entries(firefoxSummary)) {
  if (f.runs === 0) problems.push(`firefox/${key}: no run with the content script's marks`);
}
for (const [key, e] of Object.entries(engine)) {
  if (e.termlight.runs === 0) problems.push(`engine/${key}: ${e.termlight.errors[0] ?? 'no run'}`);
  else if (!e.termlight.matches) problems.push(`engine/${key}: found 0 matches`);
}

const outPath = path.resolve(repoRoot, args.out);
mkdirSync(path.dirname(outPath), { recursive: true });
writeFileSync(
  outPath,
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      smoke,
      runsPerPage: runs,
      chromium: chromiumVersion,
      firefoxVersion: firefox.version ?? null,
      cpus: os.cpus().length,
      loadAverage: { start: loadAtStart, end: loadAtEnd },
      durationSec,
      extension: {
        dir: chromeDir,
        builtAt: builtAt.toISOString(),
        id: extensionId,
        contentScripts,
      },
      samplingIntervalUs: SAMPLING_INTERVAL_US,
      surfaceForms: forms.length,
      entries,
      sizes,
      summary,
      targets,
      corpusSweep,
      firefox: { ...firefox, summary: firefoxSummary },
      engine,
      popupPopover: extension,
      problems,
      raw: whole,
    },
    null,
    2,
  )}\n`,
);
log(`\nbench: wrote ${path.relative(repoRoot, outPath)}; took ${durationSec.toFixed(0)} s`);
await cleanup();
if (problems.length > 0) await fail(problems.join('\n  '));
if (smoke) log('bench: smoke OK — every part ran');

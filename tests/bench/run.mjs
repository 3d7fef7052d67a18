#!/usr/bin/env node
// `npm run bench` — Termlight vs. a read-all-text baseline vs. mark.js 8.11 in headless Chromium.
// Usage: node tests/bench/run.mjs [--smoke] [--runs N] [--out bench-results/bench.json]
//        [--pages wikipedia,yahoo,large,append] [--no-extension]
//        [--extension-dir .output/chrome-mv3] [--markjs-budget SECONDS] [--no-corpus-sweep]
// Timings are reported against targets but never fail the run; crashes and zero matches do.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { bundleEngine } from './lib/bundle.mjs';
import { measureExtension } from './lib/extension.mjs';
import { generateAppendPage, generateLargePage } from './lib/pages.mjs';
import { startServer } from './lib/server.mjs';
import { fmtMb, fmtMs, fmtX, median, table } from './lib/stats.mjs';
import { longestTraceTask } from './lib/trace.mjs';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(benchDir, '../..');
const corpusDir = path.resolve(repoRoot, '../shared/corpus');

const { values: args } = parseArgs({
  options: {
    smoke: { type: 'boolean', default: false },
    runs: { type: 'string' },
    out: { type: 'string', default: 'bench-results/bench.json' },
    pages: { type: 'string' },
    'no-extension': { type: 'boolean', default: false },
    'extension-dir': { type: 'string' },
    'markjs-budget': { type: 'string' },
    'no-corpus-sweep': { type: 'boolean', default: false },
  },
});
const smoke = args.smoke;
const runs = smoke ? 1 : Number(args.runs ?? 5);
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`bench: --runs must be a positive integer, got ${args.runs}`);
  process.exit(2);
}
// mark.js makes one pass per surface form and re-walks the DOM for every match: seconds per run
// on the corpus pages, minutes on the big generated ones. Its runs stop once this per-page budget
// is spent (the Wikipedia ratio is a target, so it gets the most).
const markBudgetMs = (key) =>
  1000 * Number(args['markjs-budget'] ?? (smoke ? 20 : key === 'wikipedia' ? 70 : 20));
const RUN_TIMEOUT_MS = smoke ? 30_000 : 60_000;
/** Traced runs per contender and page (not in smoke runs): their medians are reported. */
const TRACED_RUNS = 3;

const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // The corpus pages are offline copies: fail their external requests at once instead of waiting.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

const fail = (msg) => {
  console.error(`\nbench: FAILED — ${msg}`);
  process.exit(1);
};
const log = (...a) => console.error(...a);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------
// 1. Bundle the engine from src/. It is the point of the benchmark: if it cannot be bundled the
//    run fails loudly.
let engineCode;
try {
  engineCode = await bundleEngine({ repoRoot });
} catch (err) {
  console.error(
    `\nbench: cannot bundle the Termlight engine:\n` +
      `  ${String(err?.message ?? err).replace(/\n/g, '\n  ')}\n` +
      '  (needs src/glossary/glossary.ts, src/matcher/index.ts and src/highlight/)\n',
  );
  process.exit(2);
}
const markCode = await readFile(
  path.join(repoRoot, 'node_modules/mark.js/dist/mark.min.js'),
  'utf8',
);
const harnessCode = await readFile(path.join(benchDir, 'lib/in-page.js'), 'utf8');
// The extension's default highlight styles ship as manifest content-script CSS, which the browser
// applies before the page is built. The in-page Termlight gets the same file at document start.
const contentCss = await readFile(path.join(repoRoot, 'src/highlight/highlights.css'), 'utf8');
/**
 * Init script (runs before any of the page's own content): adopts `css` as a constructed sheet
 * while the document is still empty, so its style cost is paid then, as with manifest CSS, and
 * the page's DOM stays untouched.
 */
function documentStartCss(css) {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

const generated = new Map();
const server = await startServer({
  corpusDir,
  generated,
  assets: new Map([
    ['/__bench/engine.js', engineCode],
    ['/__bench/mark.js', markCode],
    ['/__bench/harness.js', harnessCode],
  ]),
});
let browser;
let context;
async function launch() {
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: false, // '--headless=new' is passed explicitly instead of Playwright's own flags
    args: CHROMIUM_ARGS,
  });
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
}
await launch();
const chromiumVersion = browser.version();
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    console.error(`\nbench: interrupted (${sig})`);
    browser?.close().finally(() => process.exit(130));
  });
}
const startedAt = Date.now();
// Wall-clock timings on a shared machine: record how busy it was.
const loadAtStart = os.loadavg()[0];

async function openPage(url, { css } = {}) {
  const page = await context.newPage();
  if (css) await page.addInitScript(documentStartCss, css);
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e.message ?? e).slice(0, 200)));
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  // Let the page's own load-time work settle so it does not land in a measured window.
  await page.evaluate(
    () => new Promise((r) => requestIdleCallback(() => setTimeout(r, 50), { timeout: 1000 })),
  );
  await page.addScriptTag({ url: `${server.origin}/__bench/harness.js` });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  return { page, cdp, errors };
}

async function heapUsed(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? null;
}

// ---------------------------------------------------------------------------------------------
// 2. Surface forms from the bundle itself, so all three contenders search the same list.
let info;
{
  const { page } = await openPage(`${server.origin}/blank`);
  await page.addScriptTag({ url: `${server.origin}/__bench/engine.js` });
  info = await page.evaluate(() => globalThis.__tlb.info());
  await page.close();
}
if (!Array.isArray(info.forms) || info.forms.length === 0)
  fail('the engine bundle exports no surface forms');
const forms = info.forms;
log(
  `bench: engine from src/ (${info.terms} entries, ${forms.length} surface forms), runs=${runs}${smoke ? ' [smoke]' : ''}`,
);

// ---------------------------------------------------------------------------------------------
// 3. Pages.
const large = generateLargePage(forms, smoke ? 15_000 : 2_000_000);
generated.set('large.html', large.html);
const appendSpec = smoke ? { batches: 5, perBatch: 10 } : { batches: 50, perBatch: 100 };
const append = generateAppendPage(forms, appendSpec);
generated.set('append.html', append.html);
const allPages = [
  { key: 'wikipedia', label: 'wikipedia-2 (corpus)', url: '/corpus/readability--wikipedia-2.html' },
  { key: 'yahoo', label: 'yahoo-2 (corpus)', url: '/corpus/readability--yahoo-2.html' },
  {
    key: 'large',
    label: `generated ${(large.chars / 1e6).toFixed(2)} M chars`,
    url: '/gen/large.html',
  },
  {
    key: 'append',
    label: `append ${appendSpec.batches}×${appendSpec.perBatch} paragraphs`,
    url: '/gen/append.html',
    appends: true,
  },
];
const wanted = args.pages?.split(',') ?? (smoke ? ['large', 'append'] : null);
const pages = wanted ? allPages.filter((p) => wanted.includes(p.key)) : allPages;
if (pages.length === 0) fail(`no pages selected (known: ${allPages.map((p) => p.key).join(', ')})`);
for (const p of pages.filter((p) => p.url.startsWith('/corpus/'))) {
  const file = path.join(corpusDir, path.basename(p.url));
  if (!existsSync(file)) fail(`corpus page missing: ${file}`);
}

// ---------------------------------------------------------------------------------------------
// 4. Runs: contenders interleaved per round, a fresh page for every run.
const CONTENDERS = ['termlight', 'baseline', 'markjs'];
// Termlight and the baseline alternate run by run; mark.js runs after them (see below).

async function runOnce(pageDef, contender, { trace = false } = {}) {
  const { page, cdp, errors } = await openPage(`${server.origin}${pageDef.url}`, {
    css: contender === 'termlight' ? contentCss : undefined,
  });
  try {
    if (contender === 'termlight')
      await page.addScriptTag({ url: `${server.origin}/__bench/engine.js` });
    if (contender === 'markjs')
      await page.addScriptTag({ url: `${server.origin}/__bench/mark.js` });
    const heapBefore = await heapUsed(cdp);
    if (trace) {
      await browser.startTracing(page, {
        // Few categories: 'devtools.timeline' itself inflated style recalc several-fold.
        categories: (
          process.env.TLB_TRACE_CATS ?? 'toplevel,v8,v8.execute,blink.user_timing'
        ).split(','),
      });
    }
    const timeoutMs = contender === 'markjs' ? markBudgetMs(pageDef.key) : RUN_TIMEOUT_MS;
    const task = pageDef.appends
      ? page.evaluate(
          ([c, f, t]) => globalThis.__tlb.runAppends(c, { forms: f, timeoutMs: t }),
          [contender, forms, timeoutMs],
        )
      : contender === 'termlight'
        ? page.evaluate((t) => globalThis.__tlb.runTermlight({ timeoutMs: t }), timeoutMs)
        : contender === 'baseline'
          ? page.evaluate((f) => globalThis.__tlb.runBaseline(f), forms)
          : page.evaluate((f) => globalThis.__tlb.runMark(f), forms);
    // mark.js is synchronous: a runaway run is stopped from outside.
    let timer;
    const result = await Promise.race([
      task,
      new Promise((resolve) => {
        timer = setTimeout(() => resolve({ timedOut: true }), timeoutMs + 5_000);
      }),
    ]);
    clearTimeout(timer);
    if (result.timedOut) {
      await cdp.send('Runtime.terminateExecution').catch(() => {});
      task.catch(() => {});
      return { timedOut: true, budgetMs: timeoutMs };
    }
    let traced = null;
    if (trace) {
      const buf = await browser.stopTracing();
      if (process.env.TLB_TRACE_FILE) writeFileSync(process.env.TLB_TRACE_FILE, buf);
      traced = longestTraceTask(JSON.parse(buf.toString('utf8')), result);
    }
    await sleep(60); // long-task entries are delivered after the task
    const lt = await page.evaluate(
      ([a, b]) => globalThis.__tlb.longTasks(a, b),
      [result.t0, result.end],
    );
    const heapAfter = await heapUsed(cdp);
    return {
      ...result,
      longTaskMax: lt.max,
      longTaskCount: lt.count,
      heapGrowth: heapBefore != null && heapAfter != null ? heapAfter - heapBefore : null,
      traced,
      pageErrors: errors.length,
    };
  } finally {
    // A renderer stuck in mark.js may never acknowledge the close; the browser is relaunched then.
    await Promise.race([page.close().catch(() => {}), sleep(3_000)]);
  }
}

/** `runOnce`, with a failure reported as `{ error }` (its first line) instead of thrown. */
async function attemptRun(pageDef, contender, opts) {
  try {
    return await runOnce(pageDef, contender, opts);
  } catch (err) {
    return { error: String(err?.message ?? err).split('\n')[0] };
  }
}

const results = {};
const problems = [];
for (const pageDef of pages) {
  log(`\n[${pageDef.key}] ${pageDef.label}`);
  const r = { label: pageDef.label, runs: {} };
  results[pageDef.key] = r;
  for (const c of CONTENDERS) r.runs[c] = [];
  const describe = (res) =>
    res.error
      ? `ERROR ${res.error}`
      : res.timedOut
        ? `timed out (> ${fmtMs(res.budgetMs)})`
        : `finish ${fmtMs(res.finishMs)}${res.viewportMs != null ? `, viewport ${fmtMs(res.viewportMs)}` : ''}, ${res.matches} matches, long task ${fmtMs(res.longTaskMax)}, heap ${fmtMb(res.heapGrowth)}`;
  const attempt = (c, opts) => attemptRun(pageDef, c, opts);
  for (let i = 0; i < runs; i++) {
    for (const c of ['termlight', 'baseline']) {
      const res = await attempt(c);
      r.runs[c].push(res);
      log(`  ${c.padEnd(9)} run ${i + 1}: ${describe(res)}`);
    }
  }
  if (!smoke) {
    // Traced runs, alternating, and their medians: one traced run each made the rendering
    // comparison a coin toss on pages whose own rendering dominates (the append page).
    const tl = [];
    const base = [];
    for (let i = 0; i < TRACED_RUNS; i++) {
      const t = await attempt('termlight', { trace: true });
      if (!t.error && t.traced) tl.push({ ...t.traced, finishMs: t.finishMs });
      log(
        `  termlight traced run ${i + 1}: longest script task ${fmtMs(t.traced?.scriptMs)}, rendering task ${fmtMs(t.traced?.renderMs)}${t.error ? ` (${t.error})` : ''}`,
      );
      const b = await attempt('baseline', { trace: true });
      if (!b.error && b.traced) base.push(b.traced);
      log(`  baseline  traced run ${i + 1}: longest rendering task ${fmtMs(b.traced?.renderMs)}`);
    }
    const medianOf = (list, k) => median(list.map((x) => x[k]));
    r.traced =
      tl.length === 0
        ? { error: 'no traced run succeeded' }
        : { scriptMs: medianOf(tl, 'scriptMs'), renderMs: medianOf(tl, 'renderMs'), runs: tl };
    r.tracedBaseline =
      base.length === 0
        ? { error: 'no traced run succeeded' }
        : { renderMs: medianOf(base, 'renderMs'), runs: base };
  }
  // mark.js last, so a runaway run cannot disturb the others; another run only while the
  // page's budget is expected to allow it.
  const budget = markBudgetMs(pageDef.key);
  let spent = 0;
  let last = 0;
  for (let i = 0; i < runs && (i === 0 || spent + last <= budget); i++) {
    const res = await attempt('markjs');
    r.runs.markjs.push(res);
    log(`  markjs    run ${i + 1}: ${describe(res)}`);
    if (res.timedOut) {
      // The renderer may still be spinning in mark.js: start a fresh browser.
      await browser.close().catch(() => {});
      await launch();
      break;
    }
    last = res.finishMs ?? budget;
    spent += last;
  }
}

// ---------------------------------------------------------------------------------------------
// 4b. Every corpus page: Termlight's longest task. The target says "on any corpus page", and the
//     table above holds two of them; here each page gets traced Termlight runs (no contenders),
//     and the worst run counts, not the median.
const corpusSweep = [];
if (!smoke && !args['no-corpus-sweep'] && !args.pages) {
  const files = readdirSync(corpusDir)
    .filter((f) => f.endsWith('.html'))
    .sort();
  log(`\n[corpus] ${files.length} pages, ${TRACED_RUNS} traced Termlight runs each`);
  for (const file of files) {
    const pageDef = { key: `corpus:${file}`, url: `/corpus/${encodeURIComponent(file)}` };
    const row = { file, runs: [], errors: [] };
    for (let i = 0; i < TRACED_RUNS; i++) {
      const res = await attemptRun(pageDef, 'termlight', { trace: true });
      if (res.error || res.timedOut) row.errors.push(res.error ?? 'timed out');
      else
        row.runs.push({
          finishMs: res.finishMs,
          matches: res.matches,
          longTaskMs: res.longTaskMax ?? 0,
          scriptMs: res.traced?.scriptMs ?? null,
          renderMs: res.traced?.renderMs ?? null,
        });
    }
    const worst = (k) => (row.runs.length ? Math.max(...row.runs.map((x) => x[k] ?? 0)) : null);
    row.finishMs = median(row.runs.map((x) => x.finishMs));
    row.matches = median(row.runs.map((x) => x.matches));
    row.worstLongTaskMs = worst('longTaskMs');
    row.worstScriptMs = worst('scriptMs');
    row.worstRenderMs = worst('renderMs');
    corpusSweep.push(row);
    log(
      `  ${file}: finish ${fmtMs(row.finishMs)}, ${row.matches} matches, worst script task ${fmtMs(row.worstScriptMs)}, rendering task ${fmtMs(row.worstRenderMs)}${row.errors.length ? `, errors: ${row.errors.join('; ')}` : ''}`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// 5. Extension: popup open time (and popover render time when measurable).
let extension = { skipped: 'not run (--smoke or --no-extension)' };
if (!smoke && !args['no-extension']) {
  try {
    extension = await measureExtension({
      extDir: path.resolve(repoRoot, args['extension-dir'] ?? '.output/chrome-mv3'),
      chromiumArgs: CHROMIUM_ARGS,
      runs,
      origin: server.origin,
      generated,
    });
  } catch (err) {
    extension = { error: String(err?.message ?? err).split('\n')[0] };
  }
}

await browser.close();
await server.close();

// ---------------------------------------------------------------------------------------------
// 6. Summary, targets, output.
const summary = {};
for (const [key, r] of Object.entries(results)) {
  const s = { label: r.label };
  summary[key] = s;
  for (const c of CONTENDERS) {
    const ok = r.runs[c].filter((x) => !x.error && !x.timedOut);
    const timedOut = r.runs[c].find((x) => x.timedOut);
    s[c] = {
      runs: ok.length,
      errors: r.runs[c].filter((x) => x.error).map((x) => x.error),
      timedOutAfterMs: timedOut ? timedOut.budgetMs : null,
      viewportMs: median(ok.map((x) => x.viewportMs)),
      finishMs: median(ok.map((x) => x.finishMs)),
      compileMs: median(ok.map((x) => x.compileMs)),
      longTaskMs: median(ok.map((x) => x.longTaskMax)),
      longTaskMaxMs: ok.length ? Math.max(...ok.map((x) => x.longTaskMax ?? 0)) : null,
      heapGrowthBytes: median(ok.map((x) => x.heapGrowth)),
      matches: median(ok.map((x) => x.matches)),
    };
  }
  s.longestTraceTaskMs = r.traced?.scriptMs ?? null;
  s.longestTraceRenderMs = r.traced?.renderMs ?? null;
  s.baselineTraceRenderMs = r.tracedBaseline?.renderMs ?? null;
  const tl = s.termlight.finishMs;
  s.ratioTermlightToBaseline = tl != null && s.baseline.finishMs ? tl / s.baseline.finishMs : null;
  s.ratioMarkjsToTermlight =
    tl != null && s.markjs.finishMs != null
      ? s.markjs.finishMs / tl
      : tl != null && s.markjs.timedOutAfterMs
        ? s.markjs.timedOutAfterMs / tl // lower bound
        : null;
  s.markjsRatioIsLowerBound = s.markjs.finishMs == null && s.markjs.timedOutAfterMs != null;
}

const targets = [];
const target = (page, name, value, limit, pass, source = null) =>
  targets.push({ page, name, value, limit, pass: value == null ? null : pass, source });
for (const [key, s] of Object.entries(summary)) {
  target(
    key,
    'finish-page ≤ 2× baseline',
    s.ratioTermlightToBaseline,
    2,
    s.ratioTermlightToBaseline <= 2,
  );
  // The longest of: the median over runs of each run's longest 'longtask' entry, the traced
  // runs' longest script task, and the rendering the highlights are responsible for. Where the
  // page renders in under 50 ms without highlights (baseline traced runs), Termlight's whole
  // rendering task counts; where the page's own frame is already long (the feed page lays out
  // 100 new paragraphs per batch), only what Termlight adds to it: comparing two medians of
  // equal-cost frames would fail half the runs by chance.
  const tlRender = s.longestTraceRenderMs ?? 0;
  const pageRender = s.baselineTraceRenderMs ?? 0;
  const render = pageRender <= 50 ? tlRender : Math.max(0, tlRender - pageRender);
  s.renderAttributedMs = render;
  const lt = Math.max(s.termlight.longTaskMs ?? 0, s.longestTraceTaskMs ?? 0, render);
  s.longestTaskForTarget = lt;
  s.longestTaskSource =
    lt === 0
      ? null
      : lt === render
        ? pageRender <= 50
          ? 'trace render'
          : `trace render over the page's own ${fmtMs(pageRender)}`
        : lt === s.longestTraceTaskMs
          ? 'trace script'
          : 'longtask';
  target(
    key,
    'longest task ≤ 50 ms',
    s.termlight.runs ? lt : null,
    50,
    lt <= 50,
    s.longestTaskSource,
  );
  if (key === 'wikipedia') {
    target(
      key,
      '≥ 20× faster than mark.js',
      s.ratioMarkjsToTermlight,
      20,
      s.ratioMarkjsToTermlight >= 20,
    );
  }
  if (key === 'large') {
    const h = s.termlight.heapGrowthBytes;
    target(key, 'heap growth ≤ 10 MB', h, 10 * 1048576, h <= 10 * 1048576);
  }
}
if (extension.popup?.openMs != null) {
  target(
    'popup',
    'popup opens ≤ 100 ms',
    extension.popup.openMs,
    100,
    extension.popup.openMs <= 100,
  );
}
const popoverMs = extension.popover?.renderMs ?? extension.popover?.renderAfterIntentMs ?? null;
if (popoverMs != null) {
  target(
    'popover',
    'popover renders ≤ 1 frame (16.7 ms) after intent',
    popoverMs,
    16.7,
    popoverMs <= 16.7,
  );
}

if (corpusSweep.length > 0) {
  // Rendering counts in full here: on these static pages nothing re-renders without highlights.
  const worstOf = (r) =>
    r.runs.length && r.errors.length === 0
      ? Math.max(r.worstLongTaskMs, r.worstScriptMs ?? 0, r.worstRenderMs ?? 0)
      : null;
  const values = corpusSweep.map(worstOf);
  const worst = values.includes(null) ? null : Math.max(...values);
  const at = corpusSweep[values.indexOf(worst)];
  target(
    `${corpusSweep.length} corpus pages`,
    'longest task ≤ 50 ms (worst run)',
    worst,
    50,
    worst <= 50,
    at ? at.file.replace(/\.html$/, '') : null,
  );
}
// 'longtask' only reports tasks over 50 ms, so "none" reads as "< 50 ms", not zero.
const fmtLongTask = (v) => (v === 0 ? '< 50 ms' : fmtMs(v));
const rows = Object.entries(summary).map(([, s]) => [
  s.label,
  fmtMs(s.termlight.viewportMs),
  fmtMs(s.termlight.finishMs),
  fmtMs(s.termlight.compileMs),
  `${fmtLongTask(s.termlight.longTaskMs)} / ${fmtLongTask(s.termlight.longTaskMaxMs)}`,
  `${fmtMs(s.longestTraceTaskMs)} / ${fmtMs(s.longestTraceRenderMs)} (${fmtMs(s.baselineTraceRenderMs)})`,
  fmtMb(s.termlight.heapGrowthBytes),
  fmtMs(s.baseline.finishMs),
  s.markjs.finishMs != null
    ? `${fmtMs(s.markjs.finishMs)}${s.markjs.runs < runs ? ` (${s.markjs.runs} run${s.markjs.runs === 1 ? '' : 's'})` : ''}`
    : s.markjs.timedOutAfterMs
      ? `> ${fmtMs(s.markjs.timedOutAfterMs)}`
      : 'ERROR',
  fmtX(s.ratioTermlightToBaseline),
  `${s.markjsRatioIsLowerBound ? '> ' : ''}${fmtX(s.ratioMarkjsToTermlight)}`,
  `${s.termlight.matches ?? '—'} / ${s.baseline.matches ?? '—'} / ${s.markjs.matches ?? '—'}`,
]);
const out = [];
out.push(
  'Termlight benchmark — engine: src/; ' +
    `Chromium ${chromiumVersion}; ${os.cpus().length} CPUs, load average ${loadAtStart.toFixed(1)} → ${os.loadavg()[0].toFixed(1)}; ` +
    `median of ${runs} run(s) per page; ${forms.length} surface forms`,
);
out.push('');
out.push(
  table(
    [
      'page',
      'TL viewport',
      'TL finish',
      'TL compile',
      'TL long task (median/worst)',
      'TL trace: script / render (baseline render)',
      'TL heap',
      'baseline',
      'mark.js',
      'TL/base',
      'mark/TL',
      'matches TL/base/mark',
    ],
    rows,
  ),
);
if (corpusSweep.length > 0) {
  out.push('');
  out.push(
    table(
      [
        `every corpus page (${TRACED_RUNS} traced runs)`,
        'TL finish',
        'matches',
        'worst script task',
        'worst rendering task',
        'worst longtask',
      ],
      corpusSweep.map((r) => [
        r.file.replace(/\.html$/, ''),
        fmtMs(r.finishMs),
        String(r.matches ?? '—'),
        fmtMs(r.worstScriptMs),
        fmtMs(r.worstRenderMs),
        r.errors.length
          ? `run errors: ${r.errors.join('; ')}`
          : r.worstLongTaskMs == null
            ? '—'
            : fmtLongTask(r.worstLongTaskMs),
      ]),
    ),
  );
}
out.push('');
if (smoke) out.push('smoke run: tiny pages, one run — the targets below say nothing about speed.');
out.push(
  table(
    ['target', 'page', 'measured', 'result'],
    targets.map((t) => [
      t.name,
      t.page,
      t.name.includes('heap')
        ? fmtMb(t.value)
        : t.name.includes('×')
          ? fmtX(t.value)
          : `${fmtLongTask(t.value)}${t.source ? ` (${t.source})` : ''}`,
      t.pass == null ? 'n/a' : t.pass ? 'PASS' : 'FAIL',
    ]),
  ),
);
if (extension.popup) {
  const p = extension.popup;
  out.push('');
  out.push(
    `popup (${p.runs} runs, ${extension.builtAt ? `build of ${extension.builtAt}` : ''}): open ${fmtMs(p.openMs)} ` +
      `(first frame with content), ${p.markName ?? 'mark'} ${fmtMs(p.markMs)}, first contentful paint ${fmtMs(p.fcpMs)}, ` +
      `DOM settled ${fmtMs(p.settledMs)} — from navigation start, opened as a tab`,
  );
}
if (extension.popover) {
  const p = extension.popover;
  out.push(
    p.skipped
      ? `popover: skipped — ${p.skipped}`
      : `popover (${p.runs} runs): termlight:popover renderMs ${fmtMs(p.renderMs)}; host added + 1 frame ${fmtMs(p.renderAfterIntentMs)} after the ${p.hoverDelayMs} ms hover delay`,
  );
}
if (extension.skipped || extension.error)
  out.push(`extension: ${extension.skipped ?? `ERROR ${extension.error}`}`);
out.push(
  '\nNotes: "TL" = Termlight. finish = start (incl. matcher compile, also shown alone) to first termlight:idle mark; ' +
    'append page: first append to idle after the last batch. long task = longest "longtask" entry (> 50 ms) ' +
    'overlapping the window, median and worst over runs; trace = longest main-thread task that ran script / ' +
    `rendering task (BeginMainFrame: style, layout, paint), medians of ${TRACED_RUNS} traced runs, and the baseline's longest ` +
    `rendering task in its own ${TRACED_RUNS} (what rendering the page costs without highlights). heap = JSHeapUsedSize ` +
    'growth with a forced GC before each reading. mark.js runs stop once its time budget is spent.',
);
console.log(out.join('\n'));

// Smoke: every contender must run and find something on every page.
if (smoke) {
  for (const [key, s] of Object.entries(summary)) {
    for (const c of CONTENDERS) {
      if (s[c].runs === 0) problems.push(`${key}/${c}: ${s[c].errors[0] ?? 'did not complete'}`);
      else if (!s[c].matches) problems.push(`${key}/${c}: found 0 matches`);
    }
  }
}
for (const [key, s] of Object.entries(summary)) {
  if (s.termlight.runs === 0)
    problems.push(`${key}/termlight: ${s.termlight.errors[0] ?? 'no run completed'}`);
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
      cpus: os.cpus().length,
      loadAverage: { start: loadAtStart, end: os.loadavg()[0] },
      surfaceForms: forms.length,
      entries: info.terms,
      durationSec: (Date.now() - startedAt) / 1000,
      summary,
      targets,
      corpusSweep,
      extension,
      raw: results,
    },
    null,
    2,
  )}\n`,
);
log(
  `\nbench: wrote ${path.relative(repoRoot, outPath)} in ${((Date.now() - startedAt) / 1000).toFixed(0)} s`,
);
if (problems.length > 0) fail(problems.join('\n  '));
if (smoke) log('bench: smoke OK — every contender ran and found matches on every page');

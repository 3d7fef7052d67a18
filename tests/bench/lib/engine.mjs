// Engine-only runs (the second table): src/ bundled by rolldown into an IIFE and started by an
// in-page driver on an already loaded page, against the floor in the same page state. No
// extension, no content-script start-up: what the highlighting engine alone costs, in wall time.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { median } from './stats.mjs';

const libDir = path.dirname(fileURLToPath(import.meta.url));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

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

/** Script assets the engine-only runs inject, by server path. */
export async function engineAssets(engineCode) {
  const floor = await readFile(path.join(libDir, 'floor.js'), 'utf8');
  const harness = await readFile(path.join(libDir, 'in-page.js'), 'utf8');
  return new Map([
    ['/__bench/engine.js', engineCode],
    ['/__bench/harness.js', `${floor}\n${harness}`],
  ]);
}

/**
 * @param {{ repoRoot: string, chromiumArgs: string[], origin: string, forms: string[], runTimeoutMs: number, log: (...a: unknown[]) => void }} opts
 */
export async function startEngineRuns({
  repoRoot,
  chromiumArgs,
  origin,
  forms,
  runTimeoutMs,
  log,
}) {
  // The extension ships its default highlight styles as manifest CSS, applied before the page is
  // built; the in-page engine gets the same file at document start.
  const contentCss = await readFile(path.join(repoRoot, 'src/highlight/highlights.css'), 'utf8');
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: false, // '--headless=new' is in chromiumArgs instead of Playwright's own flags
    args: chromiumArgs,
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });

  async function openPage(url, { css } = {}) {
    const page = await context.newPage();
    if (css) await page.addInitScript(documentStartCss, css);
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    // Let the page's own load-time work settle so it does not land in a measured window.
    await page.evaluate(
      () => new Promise((r) => requestIdleCallback(() => setTimeout(r, 50), { timeout: 1000 })),
    );
    await page.addScriptTag({ url: `${origin}/__bench/harness.js` });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    return { page, cdp };
  }

  async function heapUsed(cdp) {
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? null;
  }

  async function runOnce(pageDef, contender) {
    const { page, cdp } = await openPage(`${origin}${pageDef.url}`, {
      css: contender === 'termlight' ? contentCss : undefined,
    });
    try {
      if (contender === 'termlight')
        await page.addScriptTag({ url: `${origin}/__bench/engine.js` });
      const heapBefore = await heapUsed(cdp);
      const result = await (pageDef.appends
        ? page.evaluate(
            ([c, f, t]) => globalThis.__tlb.runAppends(c, { forms: f, timeoutMs: t }),
            [contender, forms, runTimeoutMs],
          )
        : contender === 'termlight'
          ? page.evaluate((t) => globalThis.__tlb.runTermlight({ timeoutMs: t }), runTimeoutMs)
          : page.evaluate((f) => globalThis.__tlb.runBaseline(f), forms));
      await sleep(60); // long-task entries are delivered after the task
      const lt = await page.evaluate(
        ([a, b]) => globalThis.__tlb.longTasks(a, b),
        [result.t0, result.end],
      );
      const heapAfter = await heapUsed(cdp);
      return {
        ...result,
        longTaskMax: lt.max,
        heapGrowth: heapBefore != null && heapAfter != null ? heapAfter - heapBefore : null,
      };
    } finally {
      await Promise.race([page.close().catch(() => {}), sleep(3_000)]);
    }
  }

  const attempt = (pageDef, contender) =>
    runOnce(pageDef, contender).catch((err) => ({
      error: String(err?.message ?? err).split('\n')[0],
    }));

  return {
    /** Termlight and the floor alternating, `runs` times each; medians. */
    async measurePage(pageDef, runs) {
      const raw = { termlight: [], baseline: [] };
      for (let i = 0; i < runs; i++) {
        for (const c of ['termlight', 'baseline']) {
          const r = await attempt(pageDef, c);
          raw[c].push(r);
          log(
            `  engine ${c.padEnd(9)} run ${i + 1}: ${r.error ? `ERROR ${r.error}` : `${r.finishMs.toFixed(1)} ms, ${r.matches} matches`}`,
          );
        }
      }
      const sum = (list) => {
        const ok = list.filter((x) => !x.error);
        return {
          runs: ok.length,
          errors: list.filter((x) => x.error).map((x) => x.error),
          finishMs: median(ok.map((x) => x.finishMs)),
          viewportMs: median(ok.map((x) => x.viewportMs)),
          compileMs: median(ok.map((x) => x.compileMs)),
          longTaskMs: median(ok.map((x) => x.longTaskMax)),
          heapGrowthBytes: median(ok.map((x) => x.heapGrowth)),
          matches: median(ok.map((x) => x.matches)),
        };
      };
      const termlight = sum(raw.termlight);
      const baseline = sum(raw.baseline);
      return {
        termlight,
        baseline,
        ratio:
          termlight.finishMs != null && baseline.finishMs
            ? termlight.finishMs / baseline.finishMs
            : null,
        raw,
      };
    },
    close: () => browser.close(),
  };
}

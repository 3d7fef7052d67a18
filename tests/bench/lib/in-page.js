// Page-side driver of the engine-only runs, injected as a classic script after the page has
// loaded, after lib/floor.js (served as one script). All timings are taken inside the page with
// performance.now(), so the Node<->browser round trips never enter a measurement. Exposes
// window.__tlb.
(() => {
  const longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // longtask unsupported: the traced run still gives the longest slice.
  }

  const nextTask = () =>
    new Promise((resolve) => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => resolve();
      ch.port2.postMessage(0);
    });
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

  const marksSince = (name, t) =>
    performance.getEntriesByName(name, 'mark').filter((m) => m.startTime >= t);

  /** Resolves with the first mark `name` at or after `t`, or null after `timeoutMs`. */
  function waitMark(name, t, timeoutMs) {
    const found = marksSince(name, t)[0];
    if (found) return Promise.resolve(found);
    // An observer rather than polling: no extra tasks competing with the engine's slices.
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        po.disconnect();
        resolve(marksSince(name, t)[0] ?? null);
      }, timeoutMs);
      const po = new PerformanceObserver((list) => {
        const hit = list.getEntriesByName(name).find((m) => m.startTime >= t);
        if (!hit) return;
        clearTimeout(timer);
        po.disconnect();
        resolve(hit);
      });
      po.observe({ type: 'mark' });
    });
  }

  const withTimeout = (p, ms, what) =>
    Promise.race([
      p,
      sleep(ms).then(() => {
        throw new Error(`${what} did not happen within ${ms} ms`);
      }),
    ]);

  const highlightSizes = () => {
    let total = 0;
    if (globalThis.CSS?.highlights) {
      for (const [name, h] of CSS.highlights) if (name.startsWith('termlight-')) total += h.size;
    }
    return total;
  };

  const api = {
    info() {
      const B = globalThis.TermlightBench;
      return {
        forms: B?.forms ?? null,
        terms: B?.terms?.length ?? null,
        exports: B ? Object.keys(B) : [],
      };
    },

    longTasks(t0, t1) {
      const inWindow = longTasks.filter((e) => e.start < t1 && e.start + e.duration > t0);
      return {
        count: inWindow.length,
        max: inWindow.reduce((m, e) => Math.max(m, e.duration), 0),
      };
    },

    /** Starts Termlight on the loaded page; resolves at its first 'termlight:idle' mark. */
    async runTermlight({ timeoutMs }) {
      const B = globalThis.TermlightBench;
      if (typeof B?.compile !== 'function' || typeof B?.start !== 'function') {
        throw new Error('TermlightBench bundle lacks compile/start');
      }
      const ac = new AbortController();
      await nextTask();
      const t0 = performance.now();
      performance.mark('tlb:t0', { startTime: t0 });
      const matcher = B.compile();
      const t1 = performance.now();
      const h = B.start(matcher, ac.signal);
      const t2 = performance.now();
      globalThis.__tlbKeep = { h, ac, matcher }; // keep alive for the heap reading
      const idleMark = await waitMark('termlight:idle', t0, timeoutMs);
      if (!idleMark) throw new Error(`no 'termlight:idle' mark within ${timeoutMs} ms`);
      await withTimeout(h.idle(), timeoutMs, 'highlighter.idle()');
      const vp = marksSince('termlight:viewport', t0)[0] ?? null;
      const occurrences = idleMark.detail?.occurrences ?? h.occurrences().length;
      return {
        t0,
        end: idleMark.startTime,
        compileMs: t1 - t0,
        startSyncMs: t2 - t1,
        viewportMs: vp ? vp.startTime - t0 : null,
        finishMs: idleMark.startTime - t0,
        matches: occurrences,
        occurrencesApi: h.occurrences().length,
        highlightRanges: highlightSizes(),
      };
    },

    async runBaseline(forms) {
      await nextTask();
      const t0 = performance.now();
      performance.mark('tlb:t0', { startTime: t0 });
      const r = tlbFloor(document.body, forms);
      const end = performance.now();
      return { t0, end, finishMs: end - t0, viewportMs: null, matches: r.matches, chars: r.chars };
    },

    /**
     * Infinite-scroll page: appends the page's pre-built batches, one batch per task, as fast
     * as the page will take them. The window runs from the first append until the contender is
     * done with the last batch (Termlight: idle after the last mutation pass).
     */
    async runAppends(contender, { forms, timeoutMs }) {
      const batches = JSON.parse(document.getElementById('batches').textContent);
      const feed = document.getElementById('feed');
      const B = globalThis.TermlightBench;
      let h = null;
      let perBatch = null;
      let total = 0;
      if (contender === 'termlight') {
        const ac = new AbortController();
        h = B.start(B.compile(), ac.signal);
        globalThis.__tlbKeep = { h, ac };
        await withTimeout(h.idle(), timeoutMs, 'initial highlighter.idle()');
      } else {
        const re = tlbFloorRegExp(forms);
        total = tlbFloorSearch(document.body, re).matches; // initial content, outside the window
        perBatch = (nodes) => {
          for (const n of nodes) total += tlbFloorSearch(n, re).matches;
        };
      }
      await sleep(50);
      const t0 = performance.now();
      performance.mark('tlb:t0', { startTime: t0 });
      let lastAppend = t0;
      for (const html of batches) {
        await nextTask();
        const before = feed.childNodes.length;
        feed.insertAdjacentHTML('beforeend', html);
        lastAppend = performance.now();
        if (perBatch) perBatch(Array.from(feed.childNodes).slice(before));
      }
      if (contender !== 'termlight') {
        const end = performance.now();
        return { t0, end, finishMs: end - t0, viewportMs: null, matches: total };
      }
      await sleep(0); // let the MutationObserver deliver the last batch
      await withTimeout(h.idle(), timeoutMs, 'highlighter.idle() after appends');
      const idleResolved = performance.now();
      const marks = marksSince('termlight:idle', lastAppend);
      const idleMark = marks.at(-1) ?? (await waitMark('termlight:idle', lastAppend, 2000));
      if (!idleMark) throw new Error("no 'termlight:idle' mark after the last append");
      const end = Math.max(idleMark.startTime, lastAppend);
      return {
        t0,
        end,
        finishMs: end - t0,
        idleResolvedMs: idleResolved - t0,
        viewportMs: null,
        matches: idleMark.detail?.occurrences ?? h.occurrences().length,
        occurrencesApi: h.occurrences().length,
        highlightRanges: highlightSizes(),
      };
    },
  };

  globalThis.__tlb = api;
})();

// Page-side benchmark driver, injected as a classic script after the page has loaded.
// All timings are taken inside the page with performance.now(), so the Node<->browser round
// trips never enter a measurement. Exposes window.__tlb.
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

  const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // The baseline's single combined search: one alternation, longest first, whole-word by
  // Unicode letters/digits, case-insensitive.
  const combinedRegex = (forms) =>
    new RegExp(
      `(?<![\\p{L}\\p{N}])(?:${[...forms]
        .sort((a, b) => b.length - a.length)
        .map(escapeRe)
        .join('|')})(?![\\p{L}\\p{N}])`,
      'giu',
    );
  const NON_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);
  /** Reads the text of `root` in one TreeWalker pass and counts matches; paints nothing. */
  const readAndSearch = (root, re) => {
    const parts = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!NON_TEXT.has(n.parentNode.nodeName)) parts.push(n.data);
    }
    const text = parts.join('');
    let count = 0;
    re.lastIndex = 0;
    while (re.exec(text)) count++;
    return { count, chars: text.length };
  };

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
      const r = readAndSearch(document.body, combinedRegex(forms));
      const end = performance.now();
      return { t0, end, finishMs: end - t0, viewportMs: null, matches: r.count, chars: r.chars };
    },

    async runMark(forms) {
      await nextTask();
      return new Promise((resolve, reject) => {
        if (typeof globalThis.Mark !== 'function') reject(new Error('mark.js not loaded'));
        const t0 = performance.now();
        performance.mark('tlb:t0', { startTime: t0 });
        new Mark(document.body).mark(forms, {
          accuracy: 'exactly',
          separateWordSearch: false,
          acrossElements: true,
          done(count) {
            const end = performance.now();
            resolve({ t0, end, finishMs: end - t0, viewportMs: null, matches: count });
          },
        });
      });
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
      } else if (contender === 'baseline') {
        const re = combinedRegex(forms);
        total = readAndSearch(document.body, re).count; // initial content, outside the window
        perBatch = (nodes) => {
          for (const n of nodes) total += readAndSearch(n, re).count;
        };
      } else {
        await new Promise((r) => new Mark(document.body).mark(forms, markOptions(r)));
        perBatch = (nodes) => {
          const els = nodes.filter((n) => n.nodeType === 1);
          new Mark(els).mark(
            forms,
            markOptions((n) => (total += n)),
          );
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

  function markOptions(done) {
    return { accuracy: 'exactly', separateWordSearch: false, acrossElements: true, done };
  }

  globalThis.__tlb = api;
})();

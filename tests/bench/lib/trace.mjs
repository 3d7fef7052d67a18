// Longest main-thread tasks inside the measured window of one traced run. 'longtask' entries
// only exist above 50 ms (and in practice miss some rendering tasks), so this gives the real
// slice length. Tasks are split into script tasks (they ran JavaScript: the engine's slices, or
// the page's) and rendering tasks (BeginMainFrame: style, layout, paint of highlights and of
// whatever the page itself changed).

const TASK_NAMES = new Set(['ThreadControllerImpl::RunTask', 'RunTask']);

/**
 * @param {{ traceEvents?: any[] } | any[]} trace Chrome trace JSON
 * @param {{ t0: number, end: number }} window page-time window (performance.now() ms)
 */
export function longestTraceTask(trace, window) {
  const events = Array.isArray(trace) ? trace : (trace.traceEvents ?? []);
  // 'tlb:t0' is marked by the in-page driver at window.t0: it anchors page time to trace time.
  const anchor = events.find((e) => e.name === 'tlb:t0' && e.cat?.includes('blink.user_timing'));
  if (!anchor) return { maxMs: null, error: 'no tlb:t0 anchor in trace' };
  const { pid } = anchor;
  const main = events.find(
    (e) =>
      e.ph === 'M' &&
      e.name === 'thread_name' &&
      e.pid === pid &&
      e.args?.name === 'CrRendererMain',
  );
  const tid = main?.tid ?? anchor.tid;
  const start = anchor.ts;
  const end = start + (window.end - window.t0) * 1000;
  const onMain = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X');
  const tasks = onMain.filter(
    (e) => TASK_NAMES.has(e.name) && e.ts < end && e.ts + (e.dur ?? 0) > start,
  );
  // Script events nested in a task (v8.execute category), found with one sorted sweep.
  const scriptTs = onMain
    .filter((e) => e.cat?.includes('v8'))
    .map((e) => e.ts)
    .sort((a, b) => a - b);
  const hasScript = (t) => {
    let lo = 0;
    let hi = scriptTs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (scriptTs[mid] < t.ts) lo = mid + 1;
      else hi = mid;
    }
    return lo < scriptTs.length && scriptTs[lo] <= t.ts + (t.dur ?? 0);
  };
  const kindOf = (t) =>
    /BeginMainFrame/.test(t.args?.src_func ?? '') ? 'render' : hasScript(t) ? 'script' : 'other';
  const longest = { script: null, render: null, other: null };
  for (const t of tasks) {
    const k = kindOf(t);
    if (!longest[k] || t.dur > longest[k].dur) longest[k] = t;
  }
  const ms = (t) => (t ? t.dur / 1000 : 0);
  return {
    // The engine's concern: the longest task that ran script inside the window.
    maxMs: ms(longest.script),
    scriptMs: ms(longest.script),
    scriptCpuMs: longest.script?.tdur != null ? longest.script.tdur / 1000 : null,
    renderMs: ms(longest.render),
    otherMs: ms(longest.other),
    otherFrom: longest.other?.args?.src_func ?? null,
    tasks: tasks.length,
  };
}

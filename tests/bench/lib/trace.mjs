// Main-thread tasks of a traced whole-page run, set against the profile's extension samples (both
// on the browser's monotonic clock, µs): which tasks ran the extension, and how long they were.

const TASK_NAMES = new Set(['ThreadControllerImpl::RunTask', 'RunTask']);
const LONG_TASK_MS = 50;

/** Index of the first element of sorted `xs` that is >= v. */
function lowerBound(xs, v) {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * @param {any[]} events trace events
 * @param {{ t: number, dur: number }[][]} groups extension samples, one list per profiled process
 * @returns {{ longestMs: number|null, task: object|null, tasksWithExtension: number, longestRenderMs: number|null }}
 */
export function extensionTasks(events, groups) {
  const mains = new Map();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      mains.set(`${e.pid}:${e.tid}`, []);
  }
  for (const e of events) {
    if (e.ph !== 'X' || !TASK_NAMES.has(e.name)) continue;
    mains.get(`${e.pid}:${e.tid}`)?.push(e);
  }
  for (const tasks of mains.values()) tasks.sort((a, b) => a.ts - b.ts);
  let best = null;
  let tasksWithExtension = 0;
  let longestRenderMs = null;
  for (const samples of groups) {
    if (samples.length === 0) continue;
    // The process is the renderer whose tasks hold the samples (profiles carry no pid).
    const ts = samples.map((s) => s.t).sort((a, b) => a - b);
    let thread = null;
    let most = -1;
    for (const [key, tasks] of mains) {
      let inside = 0;
      for (const t of tasks) inside += lowerBound(ts, t.ts + t.dur) - lowerBound(ts, t.ts);
      if (inside > most) {
        most = inside;
        thread = key;
      }
    }
    if (!thread) continue;
    const sorted = [...samples].sort((a, b) => a.t - b.t);
    const first = sorted[0].t;
    for (const task of mains.get(thread)) {
      const from = lowerBound(ts, task.ts);
      const to = lowerBound(ts, task.ts + task.dur);
      const durMs = task.dur / 1000;
      if (/BeginMainFrame/.test(task.args?.src_func ?? '') && task.ts >= first)
        longestRenderMs = Math.max(longestRenderMs ?? 0, durMs);
      if (to === from) continue;
      tasksWithExtension++;
      let extUs = 0;
      const taskEnd = task.ts + task.dur;
      for (let i = from; i < to; i++) extUs += Math.min(sorted[i].dur, taskEnd - sorted[i].t);
      const extMs = extUs / 1000;
      // A long task is the extension's when it would not have been long without it: a page
      // script of 200 ms whose MutationObserver callback ran the extension for 1 ms counts 1 ms.
      const attributedMs = durMs - extMs <= LONG_TASK_MS ? durMs : extMs;
      if (!best || attributedMs > best.attributedMs) {
        best = { attributedMs, durMs, extMs, from: task.args?.src_func ?? null };
      }
    }
  }
  return {
    longestMs: best?.attributedMs ?? null,
    task: best,
    tasksWithExtension,
    longestRenderMs,
  };
}

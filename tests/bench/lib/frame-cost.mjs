// What the extension costs each frame, without a profiler: a trace of the renderers' main
// threads (script compile, evaluation and calls, and the tasks they run in), summed per process
// for the extension's own script URLs. The profiler's code logging makes cold code several
// times slower in a fresh process, so per-frame figures come from this instead.

export const FRAME_TRACE_CATEGORIES = [
  'devtools.timeline',
  'v8',
  'v8.execute',
  'disabled-by-default-devtools.timeline',
  '__metadata',
];

const SCRIPT_EVENTS = new Set([
  'EvaluateScript',
  'v8.compile',
  'FunctionCall',
  'v8.callFunction',
  'V8.ScriptCompiler',
  'v8.run',
  'TimerFire',
  'EventDispatch',
  'FireAnimationFrame',
  'FireIdleCallback',
  'v8.evaluateModule',
  'RunMicrotasks',
]);

const urlOf = (e) => e.args?.data?.url ?? e.args?.data?.scriptName ?? e.args?.fileName ?? '';

/**
 * Extension time per renderer process (pid → ms): complete events on the main thread whose URL
 * is the extension's, outermost only (an event inside another extension event is not counted
 * twice).
 * @param {any[]} events
 * @param {string} prefix e.g. chrome-extension://<id>/
 */
export function extensionTimeByProcess(events, prefix) {
  const mains = new Set();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      mains.add(`${e.pid}:${e.tid}`);
  }
  const byThread = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || !mains.has(`${e.pid}:${e.tid}`)) continue;
    if (!urlOf(e).startsWith(prefix)) continue;
    const key = `${e.pid}:${e.tid}`;
    if (!byThread.has(key)) byThread.set(key, []);
    byThread.get(key).push(e);
  }
  const out = new Map();
  for (const [key, list] of byThread) {
    list.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
    let end = -1;
    let total = 0;
    for (const e of list) {
      if (e.ts >= end) {
        total += e.dur;
        end = e.ts + e.dur;
      } else if (e.ts + e.dur > end) {
        total += e.ts + e.dur - end;
        end = e.ts + e.dur;
      }
    }
    out.set(key.split(':')[0], total / 1000);
  }
  return out;
}
export { SCRIPT_EVENTS };

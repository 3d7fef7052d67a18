// What the extension costs each frame, measured without the profiler: a trace of the renderers'
// main threads, the extension's script events (compile, evaluation, calls) summed as thread CPU
// time per renderer process. A sampling profiler logs every function V8 compiles, which makes
// cold code several times slower in a fresh process; the per-frame target is judged from this.

export const FRAME_TRACE_CATEGORIES = [
  'devtools.timeline',
  'v8',
  'v8.execute',
  'disabled-by-default-devtools.timeline',
  '__metadata',
];

const urlOf = (e) => e.args?.data?.url ?? e.args?.data?.scriptName ?? e.args?.fileName ?? '';

/**
 * Extension CPU time per renderer process (pid → ms): complete events on the main thread whose
 * script URL is the extension's, outermost only (an event inside another is not counted twice),
 * thread time where the trace has it.
 * @param {any[]} events
 * @param {string} prefix e.g. chrome-extension://<id>/
 */
export function extensionCpuByProcess(events, prefix) {
  const mains = new Set();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      mains.add(`${e.pid}:${e.tid}`);
  }
  const byThread = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || !mains.has(`${e.pid}:${e.tid}`) || !urlOf(e).startsWith(prefix)) continue;
    const key = `${e.pid}:${e.tid}`;
    if (!byThread.has(key)) byThread.set(key, []);
    byThread.get(key).push(e);
  }
  const out = new Map();
  for (const [key, list] of byThread) {
    list.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
    let end = -1;
    let cpu = 0;
    for (const e of list) {
      if (e.ts < end) continue; // nested in the event before
      cpu += e.tdur ?? e.dur;
      end = e.ts + e.dur;
    }
    const pid = Number(key.split(':')[0]);
    out.set(pid, (out.get(pid) ?? 0) + cpu / 1000);
  }
  return out;
}

/** The URLs of the frames each renderer process committed (pid → urls), from the trace. */
export function framesByProcess(events) {
  const out = new Map();
  const add = (pid, url) => {
    if (!pid || !url || url === 'about:blank') return;
    if (!out.has(pid)) out.set(pid, new Set());
    out.get(pid).add(url);
  };
  for (const e of events) {
    // Each document's parser runs in the process that committed it.
    if (e.name === 'ParseHTML') add(e.pid, e.args?.beginData?.url);
    else if (e.name === 'FrameCommittedInBrowser') add(e.args?.data?.processId, e.args?.data?.url);
  }
  return out;
}

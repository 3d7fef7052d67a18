// Reads CDP Profiler profiles: every sample's duration, owner script and time, so self time can be
// summed by script URL and by time window (the content script's phases).

/**
 * One entry per sample: `t` (µs, the browser's monotonic clock, as trace timestamps), `dur` (µs
 * until the next sample), and the script it is charged to. Native frames (DOM calls, builtins)
 * have no URL and are charged to the nearest caller that has one; garbage collection, which the
 * profiler shows without a stack, to the script of the sample just before it, since that script's
 * allocations started it. `(program)` (the browser's own work: parsing, style, layout, paint) and
 * `(idle)` stay as they are.
 * @returns {{ t: number, dur: number, url: string, scriptId: string, fn?: string, kind: 'script'|'program'|'idle'|'gc'|'other' }[]}
 */
export function profileSamples(profile) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const owner = new Map();
  const ownerOf = (id) => {
    let o = owner.get(id);
    if (o) return o;
    const n = nodes.get(id);
    const f = n.callFrame;
    if (f.url) {
      const file = f.url.replace(/^[a-z-]+:\/\/[^/]+\//, '').replace(/[?#].*/, '');
      o = {
        url: f.url,
        scriptId: String(f.scriptId),
        kind: 'script',
        fn: `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}:${f.columnNumber + 1}`,
      };
    } else if (f.functionName === '(program)') o = { url: '', scriptId: '', kind: 'program' };
    else if (f.functionName === '(idle)') o = { url: '', scriptId: '', kind: 'idle' };
    else if (f.functionName === '(garbage collector)') o = { url: '', scriptId: '', kind: 'gc' };
    else if (parent.has(id) && nodes.get(parent.get(id)).callFrame.functionName !== '(root)')
      o = ownerOf(parent.get(id));
    else o = { url: '', scriptId: '', kind: 'other' };
    owner.set(id, o);
    return o;
  };
  const out = [];
  const { samples, timeDeltas } = profile;
  let t = profile.startTime;
  let last = null;
  for (let i = 0; i < samples.length; i++) {
    t += timeDeltas[i];
    const next = i + 1 < samples.length ? timeDeltas[i + 1] : profile.endTime - t;
    let o = ownerOf(samples[i]);
    if (o.kind === 'gc' && last?.kind === 'script') o = { ...last, gcCharged: true };
    out.push({ t, dur: Math.max(0, next), ...o });
    if (o.kind === 'script' || o.kind === 'idle' || o.kind === 'program') last = o;
  }
  return out;
}

/** Self time (ms) by owner, from `profileSamples` output filtered by `keep`. */
export function selfTimeBy(samples, keyOf) {
  const by = new Map();
  for (const s of samples) {
    const k = keyOf(s);
    if (k == null) continue;
    by.set(k, (by.get(k) ?? 0) + s.dur / 1000);
  }
  return by;
}

export const PHASES = ['evaluation', 'settings', 'matcher', 'beforeStart', 'firstPass', 'idleWork'];

/**
 * Time windows (µs, profile clock) of one frame's content-script phases, from its marks (already
 * converted to the profile clock). A window whose marks are missing is null.
 *   evaluation  before termlight:script
 *   settings    termlight:script → termlight:settings
 *   matcher     termlight:settings → termlight:tables
 *   beforeStart everything before termlight:start (the three above and what lies between them)
 *   firstPass   termlight:start → the first termlight:idle after it
 *   idleWork    that idle mark → the end of the profile
 */
export function phaseWindows(marks) {
  const first = (name, after = -Infinity) =>
    marks.filter((m) => m.name === name && m.t >= after).sort((a, b) => a.t - b.t)[0]?.t ?? null;
  const script = first('termlight:script');
  const settings = first('termlight:settings', script ?? -Infinity);
  const tables = first('termlight:tables', settings ?? -Infinity);
  const start = first('termlight:start');
  const idle = start == null ? null : first('termlight:idle', start);
  const win = (a, b) => (a == null || b == null ? null : [a, b]);
  return {
    evaluation: win(-Infinity, script),
    settings: win(script, settings),
    matcher: win(settings, tables),
    beforeStart: win(-Infinity, start),
    firstPass: win(start, idle),
    idleWork: win(idle, Infinity),
  };
}

/** Sums `samples` (ms) into each phase window; a phase without a window is null. */
export function phaseTimes(samples, windows) {
  const out = {};
  for (const p of PHASES) {
    const w = windows[p];
    if (!w) {
      out[p] = null;
      continue;
    }
    let sum = 0;
    for (const s of samples) if (s.t >= w[0] && s.t < w[1]) sum += s.dur;
    out[p] = sum / 1000;
  }
  return out;
}

/** The most specific phase a sample at `t` falls in ('unmarked' when the frame has no marks). */
export function phaseAt(t, windows) {
  const inside = (w) => w != null && t >= w[0] && t < w[1];
  for (const p of ['evaluation', 'settings', 'matcher', 'firstPass', 'idleWork']) {
    if (inside(windows[p])) return p;
  }
  return inside(windows.beforeStart) ? 'beforeStart' : 'unmarked';
}

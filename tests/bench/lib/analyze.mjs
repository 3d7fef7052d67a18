// Turns one whole-page run (lib/whole.mjs) into figures: self time by owner (the extension, the
// floor, mark.js, the page, the browser), the extension's self time by file, by frame and by phase.
import { phaseAt, phaseTimes, phaseWindows, profileSamples } from './profile.mjs';

/** Functions kept per phase in the JSON. */
const TOP_FUNCTIONS = 12;

const ext = (m) => m.name.startsWith('termlight:');

/**
 * @param {Awaited<ReturnType<import('./whole.mjs').launchWholeBrowser>['profileLoad']>} run
 * @param {{ extensionId: string | null, contentScripts: string[] }} opts
 */
export function analyzeRun(run, { extensionId, contentScripts }) {
  const prefix = extensionId ? `chrome-extension://${extensionId}/` : null;
  const ownerOf = (s) => {
    if (s.kind !== 'script') return `(${s.kind})`;
    if (prefix && s.url.startsWith(prefix)) return 'extension';
    if (s.url.endsWith('/__bench/floor.js')) return 'floor';
    if (s.url.endsWith('/__bench/mark.js')) return 'markjs';
    return 'page';
  };
  const totals = {};
  const extSamples = [];
  const samplesByProcess = [];
  const byFile = {};
  const instances = new Set();
  let profiledMs = 0;
  for (const { isolate, profile } of run.profiles) {
    profiledMs += (profile.endTime - profile.startTime) / 1000;
    const mine = [];
    samplesByProcess.push(mine);
    for (const s of profileSamples(profile)) {
      const owner = ownerOf(s);
      totals[owner] = (totals[owner] ?? 0) + s.dur / 1000;
      if (owner !== 'extension') continue;
      const file = s.url.slice(prefix.length).replace(/[?#].*/, '');
      byFile[file] = (byFile[file] ?? 0) + s.dur / 1000;
      const key = `${isolate}:${s.scriptId}`;
      if (contentScripts.includes(file)) instances.add(key);
      extSamples.push({ ...s, key, isolate });
      mine.push(s);
    }
  }
  const topIsolate = run.frames.find((f) => f.frameId === run.topFrameId)?.isolate ?? null;
  const frames = run.frames
    .filter((f) => /^https?:/.test(f.href))
    .map((f) => {
      const marks = f.marks.filter(ext);
      const idles = marks.filter((m) => m.name === 'termlight:idle');
      const skip = marks.find((m) => m.name === 'termlight:skip');
      return {
        frameId: f.frameId,
        isolate: f.isolate,
        href: f.href,
        top: f.frameId === run.topFrameId,
        outOfProcess: f.isolate !== topIsolate,
        marks: marks.map((m) => m.name),
        skipped: skip ? (skip.detail?.reason ?? 'yes') : null,
        occurrences: idles.at(-1)?.detail?.occurrences ?? null,
        highlights: f.highlights,
        windows: phaseWindows(f.marksUs.filter(ext)),
        contender: contenderFigures(f),
      };
    });
  const top = frames.find((f) => f.top) ?? null;
  // Profiles carry no frame: V8 shares one compiled content script between the frames of a
  // process, so even script ids are per process. A process running one frame charges that frame
  // exactly; one running several (the top frame and its same-site iframes) charges the group,
  // its phases by the top frame's marks when the top is in it (else the group's first frame's).
  const groups = new Map();
  for (const f of frames) {
    if (!groups.has(f.isolate)) groups.set(f.isolate, []);
    groups.get(f.isolate).push(f);
  }
  for (const f of frames) {
    f.shared = groups.get(f.isolate).length > 1;
    f.extensionMs = f.shared ? null : 0;
  }
  const byIsolate = new Map();
  for (const smp of extSamples) {
    if (!byIsolate.has(smp.isolate)) byIsolate.set(smp.isolate, []);
    byIsolate.get(smp.isolate).push(smp);
  }
  const processes = [];
  const unmapped = [];
  for (const [isolate, samples] of byIsolate) {
    const members = groups.get(isolate);
    if (!members) {
      unmapped.push(...samples);
      continue;
    }
    const lead = members.find((f) => f.top) ?? members[0];
    processes.push({
      frames: members.map((f) => f.href),
      top: members.some((f) => f.top),
      ms: sum(samples),
      phases: phaseTimes(samples, lead.windows),
      lead,
      samples,
    });
    if (members.length === 1) lead.extensionMs = sum(samples);
  }
  const phases = {};
  for (const p of processes) {
    for (const [k, v] of Object.entries(p.phases)) {
      if (v == null) phases[k] ??= null;
      else phases[k] = (phases[k] ?? 0) + v;
    }
  }
  // Where the time goes: the heaviest functions in each phase, over all processes.
  const byPhase = {};
  for (const p of processes) {
    for (const smp of p.samples) {
      const ph = phaseAt(smp.t, p.lead.windows);
      byPhase[ph] ??= new Map();
      byPhase[ph].set(smp.fn, (byPhase[ph].get(smp.fn) ?? 0) + smp.dur / 1000);
    }
  }
  const functions = Object.fromEntries(
    Object.entries(byPhase).map(([p, m]) => [
      p,
      [...m]
        .sort((a, b) => b[1] - a[1])
        .slice(0, TOP_FUNCTIONS)
        .map(([fn, ms]) => ({ fn, ms })),
    ]),
  );
  for (const f of frames) {
    const p = processes.find((x) => x.lead === f && !f.shared);
    f.phases = p ? p.phases : null;
  }
  const firstPassWallMs =
    top?.windows.firstPass != null
      ? (top.windows.firstPass[1] - top.windows.firstPass[0]) / 1000
      : null;
  return {
    timedOut: run.timedOut,
    errors: run.errors,
    profiledMs,
    profiledProcesses: run.profiles.length,
    totals,
    extension: {
      ms: totals.extension ?? 0,
      byFile,
      scriptInstances: instances.size,
      phases,
      unmappedMs: sum(unmapped),
      functions,
      firstPassWallMs,
      matches: top?.occurrences ?? null,
      framesWithMarks: frames.filter((f) => f.marks.length > 0).length,
    },
    frames: frames.map(({ windows: _w, isolate: _i, ...f }) => f),
    processes: processes.map(({ lead: _l, samples: _s, ...p }) => p),
    floor: contenderTotals(frames, totals.floor, 'floor'),
    markjs: contenderTotals(frames, totals.markjs, 'markjs'),
    // For lib/trace.mjs; not for the JSON.
    samplesByProcess,
  };
}

const sum = (samples) => samples.reduce((a, s) => a + s.dur, 0) / 1000;

/** The floor's or mark.js's own marks in one frame: its wall time and matches. */
function contenderFigures(f) {
  const get = (n) => f.marks.find((m) => m.name === n);
  for (const [k, start, done] of [
    ['floor', 'tlb:floor-start', 'tlb:floor-done'],
    ['markjs', 'tlb:mark-start', 'tlb:mark-done'],
  ]) {
    const s = get(start);
    if (!s) continue;
    const d = get(done);
    return {
      kind: k,
      wallMs: d ? d.startTime - s.startTime : null,
      matches: d?.detail?.matches ?? null,
    };
  }
  return null;
}

function contenderTotals(frames, ms, kind) {
  const mine = frames.filter((f) => f.contender?.kind === kind);
  if (mine.length === 0) return null;
  const top = mine.find((f) => f.top);
  return {
    ms: ms ?? 0,
    frames: mine.length,
    finished: mine.filter((f) => f.contender.wallMs != null).length,
    topWallMs: top?.contender.wallMs ?? null,
    matches: mine.reduce((a, f) => a + (f.contender.matches ?? 0), 0),
    topMatches: top?.contender.matches ?? null,
  };
}

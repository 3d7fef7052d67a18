/**
 * The figures for issue 16's limit (10,000 entries: compile ≤ 200 ms, no task over 50 ms),
 * printed, not asserted: they depend on the machine and its load. What is asserted is that the
 * work is sliced (no slice near a long task's 50 ms on an idle machine is the aim; the test
 * allows for a loaded one) and that the result finds the pack's terms.
 */
import { loadavg } from 'node:os';
import { describe, expect, it } from 'vitest';
import { buildShipped } from '../../../src/glossary/matcher';
import { shippedGlossary } from '../../../src/glossary/shipped';
import { loadMatcher } from '../../../src/matcher';
import { builtInStamp, compileUserTables } from '../../../src/packs/compile';
import { generatePack } from '../../fixtures/packs/generate';

const N = 10_000;

describe(`compiling a ${N.toLocaleString('en')}-entry pack with the glossary`, () => {
  it('runs in slices and finds the terms', async () => {
    const { tables, categories } = shippedGlossary(JSON.stringify(buildShipped().shipped)).tables();
    const builtIn = { tables, categories, stamp: builtInStamp(tables) };
    const pack = generatePack(N);
    const snapshot = {
      revision: 1,
      entries: pack.entries.map((entry) => ({ source: pack.id, entry })),
    };
    const runs: { total: number; cpu: number; longest: number; slices: number }[] = [];
    let last = null;
    for (let run = 0; run < 4; run++) {
      const slices: number[] = [];
      const start = performance.now();
      const cpu = process.cpuUsage();
      last = await compileUserTables(snapshot, builtIn, { onSlice: (ms) => slices.push(ms) });
      const used = process.cpuUsage(cpu);
      runs.push({
        total: performance.now() - start,
        cpu: (used.user + used.system) / 1000,
        longest: Math.max(...slices),
        slices: slices.length,
      });
    }
    if (!last) throw new Error('no tables');
    const json = JSON.stringify(last);
    const size = json.length;
    // What each page pays at start with the pack enabled: parse and load the merged tables.
    const loads: number[] = [];
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      loadMatcher((JSON.parse(json) as typeof last).tables);
      loads.push(performance.now() - start);
    }
    const figures = runs.map(
      (r, i) =>
        `${i === 0 ? 'cold' : `warm ${i}`}: ${r.total.toFixed(0)} ms (CPU ${r.cpu.toFixed(0)} ms) in ${r.slices} slices, longest ${r.longest.toFixed(1)} ms`,
    );
    // Wall-clock slices include time the OS gave other processes; the load average says how much.
    console.info(
      `[packs compile] load ${loadavg()[0]?.toFixed(1)}; ${N} entries + glossary; ${figures.join('; ')}; tables ${(size / 1e6).toFixed(2)} MB as JSON; page start (JSON.parse + loadMatcher) ${loads.map((ms) => ms.toFixed(0)).join(', ')} ms`,
    );
    // Ten thousand entries never fit one slice: the compile yields several times on any machine.
    expect(runs.every((r) => r.slices >= 5)).toBe(true);
    const matcher = loadMatcher(last.tables);
    const probe = pack.entries[N - 1]?.term ?? '';
    expect(matcher.scan(`Today the ${probe} met.`).map((m) => m.id)).toContain(
      `u:${pack.id}:${pack.entries[N - 1]?.id}`,
    );
  }, 120_000);
});

import { describe, expect, it, vi } from 'vitest';
import { createUserTablesCompiler } from '../../../src/background/user-tables';
import { glossarySource, withoutPhrases } from '../../../src/content/sources';
import { buildShipped } from '../../../src/glossary/matcher';
import { shippedGlossary } from '../../../src/glossary/shipped';
import { loadMatcher } from '../../../src/matcher';
import { createGate, type GateData } from '../../../src/matcher/gate';
import { builtInStamp, compileUserTables, type UserTables } from '../../../src/packs/compile';
import type { UserEntries } from '../../../src/packs/display';
import { MINE } from '../../../src/packs/schema';
import type { SourcedEntry } from '../../../src/packs/terms';
import { entry } from './helpers';

const shipped = shippedGlossary(JSON.stringify(buildShipped().shipped));
const { tables: glossaryTables, categories } = shipped.tables();
const builtIn = { tables: glossaryTables, categories, stamp: builtInStamp(glossaryTables) };

const mine = (overrides: Parameters<typeof entry>[0]): SourcedEntry => ({
  source: MINE,
  entry: entry(overrides),
});

async function matcherOf(entries: SourcedEntry[]) {
  const tables = await compileUserTables({ revision: 1, entries }, builtIn);
  if (!tables) throw new Error('expected tables');
  return { tables, source: glossarySource(shipped, tables) };
}

const ids = (m: ReturnType<typeof loadMatcher>, text: string) =>
  m.scan(text).map((x) => [text.slice(x.start, x.end), x.id]);

describe('compileUserTables', () => {
  it('is null without entries, so pages use the build tables alone', async () => {
    expect(await compileUserTables({ revision: 3, entries: [] }, builtIn)).toBeNull();
  });

  it('matches user and built-in entries in one pass', async () => {
    const { source } = await matcherOf([mine({ id: 'jtf', term: 'Zephyr task group' })]);
    expect(ids(source.matcher([]), 'A zephyr task group for defense cooperation.')).toEqual([
      ['zephyr task group', 'u:mine:jtf'],
      ['defense cooperation', 'defense-cooperation'],
    ]);
    expect(source.categoryOf('u:mine:jtf')).toBe('operation');
    expect(source.categoryOf('defense-cooperation')).toBe('cooperation');
  });

  it('gives a form a user entry shares with a built-in one to the user entry', async () => {
    const { source } = await matcherOf([
      mine({ id: 'dc', term: 'Defense cooperation', category: 'strategy' }),
    ]);
    expect(ids(source.matcher([]), 'on defense cooperation')).toEqual([
      ['defense cooperation', 'u:mine:dc'],
    ]);
    expect(source.categoryOf('u:mine:dc')).toBe('strategy');
    // Hidden, the user's entry gives the form back to the glossary.
    expect(ids(source.matcher(['u:mine:dc']), 'on defense cooperation')).toEqual([
      ['defense cooperation', 'defense-cooperation'],
    ]);
  });

  it('lets the longest match win across sources, either way round', async () => {
    const { source } = await matcherOf([
      mine({ id: 'long', term: 'Defense cooperation agreement review board' }),
      mine({ id: 'short', term: 'Agreement' }),
    ]);
    const m = source.matcher([]);
    expect(ids(m, 'the defense cooperation agreement review board met')).toEqual([
      ['defense cooperation agreement review board', 'u:mine:long'],
    ]);
    // A built-in form longer than the user's wins over it.
    expect(ids(m, 'a defense cooperation agreement')).toEqual([
      ['defense cooperation agreement', 'defense-cooperation-agreement'],
    ]);
  });

  it('keeps the pre-filter (merged needles) and finds the same as without it', async () => {
    const { tables } = await matcherOf([mine({ id: 'jtf', term: 'Zephyr task group' })]);
    expect(tables.tables.prefilter).not.toBeNull();
    const text = 'Nothing here. A zephyr task group and NATO and a strategic alliance.';
    const unfiltered = loadMatcher({ ...tables.tables, prefilter: null });
    expect(loadMatcher(tables.tables).scan(text)).toEqual(unfiltered.scan(text));
    expect(loadMatcher(tables.tables).mayMatch('xyzzy plugh quux')).toBe(false);
  });

  it('gates frames on the reader’s forms alone, stored as JSON apart from the tables', async () => {
    const compiled = await compileUserTables(
      { revision: 1, entries: [mine({ id: 'jtf', term: 'Zephyr task group' })] },
      builtIn,
    );
    if (!compiled?.gate) throw new Error('expected a gate');
    const gate = createGate(JSON.parse(compiled.gate) as GateData);
    expect(gate('Yesterday the Zephyr task group sailed.')).toBe(true);
    expect(gate('Later the zephyr task groups sailed – again.')).toBe(true);
    expect(gate('Great deals on shoes')).toBe(false);
    // The glossary's forms are the build's gate's business.
    expect(gate('on defense cooperation')).toBe(false);
    expect(compiled.tables.gate).toBeNull();
  });

  it('falls back to the build tables when they come from another build', async () => {
    const { tables } = await matcherOf([mine({ id: 'jtf', term: 'Zephyr task group' })]);
    const stale = glossarySource(shipped, { ...tables, builtIn: 'other' });
    expect(ids(stale.matcher([]), 'zephyr task group')).toEqual([]);
  });

  it('yields between slices', async () => {
    const entries = Array.from({ length: 1000 }, (_, i) =>
      mine({ id: `e${i}`, term: `Programme ${i} alpha`, aliases: [`P${i}A`] }),
    );
    let clock = 0;
    const yieldNow = vi.fn(async () => undefined);
    // Each clock read advances 1 ms: a slice of 8 ms is a few steps.
    await compileUserTables({ revision: 1, entries }, builtIn, {
      now: () => clock++,
      yieldNow,
    });
    expect(yieldNow).toHaveBeenCalled();
  });
});

describe('withoutPhrases (not a term here)', () => {
  it('skips exactly the marked phrase, whatever its case', async () => {
    const { source } = await matcherOf([mine({ id: 'jtf', term: 'Zephyr task group' })]);
    const m = withoutPhrases(source.matcher([]), ['zephyr task group']);
    expect(ids(m, 'The Zephyr Task Group and defense cooperation')).toEqual([
      ['defense cooperation', 'defense-cooperation'],
    ]);
    expect(m.scanPart('Zephyr task group', 0, 100).matches).toEqual([]);
  });
});

describe('createUserTablesCompiler', () => {
  function setup(entries: SourcedEntry[], revision = 1) {
    const state = { revision, entries };
    let stored: UserTables | null = null;
    const write = vi.fn(async (t: UserTables | null, _e: UserEntries | null, _g: string | null) => {
      stored = t;
    });
    const compiler = createUserTablesCompiler({
      openStore: async () => ({
        snapshot: async () => ({ ...state }),
        listPacks: async () => [],
      }),
      builtIn: () => builtIn,
      readStored: async () => stored,
      write,
    });
    return { state, write, compiler, stored: () => stored };
  }

  it('compiles once per revision and again when it changes', async () => {
    const { state, write, compiler, stored } = setup([mine({ id: 'a', term: 'Alpha bravo' })]);
    await compiler.refresh();
    await compiler.refresh();
    expect(write).toHaveBeenCalledTimes(1);
    expect(stored()?.revision).toBe(1);
    state.revision = 2;
    state.entries = [mine({ id: 'b', term: 'Charlie delta' })];
    await compiler.refresh();
    expect(write).toHaveBeenCalledTimes(2);
    expect(stored()?.tables.terms[0]).toBe('u:mine:b');
  });

  it('writes display entries and the gate with the tables, and clears all when nothing is left', async () => {
    const { state, write, compiler, stored } = setup([mine({ id: 'a', term: 'Alpha', note: 'n' })]);
    await compiler.refresh();
    const [, entries, gate] = write.mock.calls[0] ?? [];
    expect(entries?.entries[0]).toMatchObject({ id: 'u:mine:a', note: 'n', pack: null });
    expect(createGate(JSON.parse(gate ?? 'null') as GateData)('alpha')).toBe(true);
    // The gate is its own item, not a part of the tables every page reads.
    expect(stored()).not.toHaveProperty('gate');
    state.entries = [];
    state.revision = 2;
    await compiler.refresh();
    expect(write).toHaveBeenLastCalledWith(null, null, null);
  });

  it('compiles again what an older version stored (it wrote no gate)', async () => {
    const write = vi.fn(async () => undefined);
    // Stamped as before the gate: the glossary's fingerprint alone.
    const t = glossaryTables;
    const stamp = `${t.terms.length}:${t.formCount}:${t.keys.length}:${t.forms.length}`;
    const old = { revision: 1, builtIn: stamp, tables: t };
    await createUserTablesCompiler({
      openStore: async () => ({
        snapshot: async () => ({ revision: 1, entries: [mine({ id: 'a', term: 'Alpha' })] }),
        listPacks: async () => [],
      }),
      builtIn: () => builtIn,
      readStored: async () => ({ ...old, categories: [] }),
      write,
    }).refresh();
    expect(write).toHaveBeenCalledTimes(1);
  });
});

/**
 * A 10,000-entry pack through every stage: validation, install, load and list under
 * fake-indexeddb, then matcher tables. Timings are printed for the integrator, never asserted
 * (fake-indexeddb is far slower than a browser's IndexedDB; the matcher figures depend on the
 * machine); what is asserted is that everything arrives.
 */
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import article from '../../../data/article.md?raw';
import { glossaryTerms } from '../../../src/glossary/matcher';
import { buildMatcherTables, compileMatcher, loadMatcher } from '../../../src/matcher';
import { openPackStore } from '../../../src/packs/store';
import { userMatcherTerms } from '../../../src/packs/terms';
import { validatePack } from '../../../src/packs/validate';
import { generatePack } from '../../fixtures/packs/generate';
import { okPack } from './helpers';

const N = 10_000;

async function timed<T>(label: string, figures: string[], run: () => T | Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await run();
  figures.push(`${label} ${(performance.now() - start).toFixed(0)} ms`);
  return result;
}

describe(`a ${N.toLocaleString('en')}-entry pack`, () => {
  it('validates, installs, loads and lists', async () => {
    const figures: string[] = [];
    const raw = generatePack(N);
    const pack = okPack(await timed('validate', figures, () => validatePack(raw)));
    const store = await openPackStore({ factory: new IDBFactory() });
    await timed('install', figures, () => store.installPack(pack));
    const entries = await timed('load enabled entries', figures, () => store.enabledEntries());
    const listed = await timed('list packs', figures, () => store.listPacks());
    const back = await timed('read the whole pack', figures, () => store.getPack(pack.id));
    store.close();
    console.info(`[packs scale, fake-indexeddb] ${figures.join(', ')}`);
    expect(entries).toHaveLength(N);
    expect(listed[1]).toMatchObject({ id: pack.id, entryCount: N });
    expect(back).toEqual(pack);
  }, 120_000);

  it('compiles to matcher tables that find its terms', async () => {
    const figures: string[] = [];
    const pack = generatePack(N);
    const terms = userMatcherTerms(pack.entries.map((entry) => ({ source: pack.id, entry })));
    const forms = terms.reduce((n, t) => n + t.forms.length, 0);
    // A first, cold build, then the median of five: content scripts start cold, a worker warms.
    await timed('buildMatcherTables cold', figures, () => buildMatcherTables(terms));
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      buildMatcherTables(terms);
      runs.push(performance.now() - start);
    }
    figures.push(`warm median ${runs.sort((a, b) => a - b)[2]?.toFixed(0)} ms`);
    const tables = buildMatcherTables(terms);
    const json = JSON.stringify(tables);
    const matcher = await timed('JSON.parse + loadMatcher', figures, () =>
      loadMatcher(JSON.parse(json)),
    );
    const both = [...terms, ...glossaryTerms()];
    await timed('with the built-in glossary', figures, () => buildMatcherTables(both));
    // With thousands of first keys (the pack's acronyms) the pre-filter must still pay off.
    const text = article.repeat(20);
    const scans: [string, ReturnType<typeof compileMatcher>][] = [
      ['glossary', compileMatcher(glossaryTerms())],
      ['glossary + pack', compileMatcher(both)],
      ['glossary + pack without pre-filter', compileMatcher(both, { prefilter: false })],
    ];
    for (const [name, m] of scans) {
      m.scan(text);
      await timed(`scan ${(text.length / 1000).toFixed(0)} KB, ${name}`, figures, () =>
        m.scan(text),
      );
    }
    console.info(
      `[packs scale, matcher] ${terms.length} terms, ${forms} forms, ${tables.keys.split('\n').length} vocabulary keys, pre-filter ${tables.prefilter?.length} chars, tables ${(json.length / 1e6).toFixed(2)} MB as JSON; ${figures.join(', ')}`,
    );
    const first = pack.entries[0];
    const sentence = `Officials said the ${first?.term.toLowerCase()} met again.`;
    expect(matcher.scan(sentence).map((m) => m.id)).toEqual([`u:${pack.id}:${first?.id}`]);
    expect(tables.formCount).toBeGreaterThan(N);
  }, 120_000);
});

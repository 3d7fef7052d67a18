import { describe, expect, it } from 'vitest';
import type { PageView } from '../../../entrypoints/popup/PageSection';
import { pageCountsOf, siteView, toPageView } from '../../../entrypoints/popup/page-view';
import type { Entry } from '../../../src/glossary/schema';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/settings/settings';

const entry = (id: string, term: string) => ({ id, term }) as Entry;
const known = new Map([
  ['a', entry('a', 'Alpha')],
  ['b', entry('b', 'Bravo')],
  ['c', entry('c', 'Charlie')],
]);
const lookup = (id: string) => known.get(id);

describe('toPageView', () => {
  it.each<[string, { id: string; count: number }[], string[]]>([
    ['nothing found', [], []],
    [
      'most frequent first',
      [
        { id: 'a', count: 1 },
        { id: 'c', count: 5 },
      ],
      ['c:5', 'a:1'],
    ],
    [
      'ties by term',
      [
        { id: 'c', count: 2 },
        { id: 'a', count: 2 },
        { id: 'b', count: 3 },
      ],
      ['b:3', 'a:2', 'c:2'],
    ],
    [
      'unknown ids and zero counts left out',
      [
        { id: 'zz', count: 9 },
        { id: 'b', count: 0 },
        { id: 'a', count: 1 },
      ],
      ['a:1'],
    ],
  ])('%s', (_, entries, expected) => {
    const view = toPageView({ host: 'example.com', enabled: true, entries }, lookup);
    expect(view.status).toBe('ready');
    const shown = view.status === 'ready' ? view.entries : [];
    expect(shown.map((e) => `${e.entry.id}:${e.count}`)).toEqual(expected);
  });
});

describe('pageCountsOf', () => {
  it.each<[string, PageView, [string, number][] | undefined]>([
    ['loading', { status: 'loading' }, undefined],
    ['unavailable', { status: 'unavailable', reason: 'pdf' }, undefined],
    ['off', { status: 'off', paused: true }, undefined],
    ['ready', { status: 'ready', entries: [{ entry: entry('a', 'Alpha'), count: 4 }] }, [['a', 4]]],
  ])('%s', (_, page, expected) => {
    const counts = pageCountsOf(page);
    expect(counts && [...counts]).toEqual(expected);
  });
});

describe('siteView', () => {
  const ready: PageView = { status: 'ready', entries: [] };
  const settings = (patch: Partial<Settings>): Settings => ({ ...DEFAULT_SETTINGS, ...patch });
  it.each<[string, PageView, Settings | null, string | null, boolean, PageView]>([
    ['settings not read yet', ready, null, 'example.com', true, ready],
    ['no host', ready, settings({ paused: true }), null, true, ready],
    ['site on', ready, settings({}), 'example.com', true, ready],
    [
      'site switched off',
      ready,
      settings({ siteRules: { 'example.com': false } }),
      'example.com',
      false,
      { status: 'off', paused: false },
    ],
    [
      'paused: the switch keeps the site rule',
      ready,
      settings({ paused: true }),
      'example.com',
      true,
      { status: 'off', paused: true },
    ],
    [
      'allow mode without a rule',
      ready,
      settings({ mode: 'allow' }),
      'example.com',
      false,
      { status: 'off', paused: false },
    ],
    [
      'a page that did not answer stays as it is',
      { status: 'loading' },
      settings({ paused: true }),
      'example.com',
      true,
      { status: 'loading' },
    ],
  ])('%s', (_, page, s, host, siteOn, shown) => {
    expect(siteView(page, s, host)).toEqual({ siteOn, page: shown });
  });
});

import { describe, expect, it } from 'vitest';
import type { FilterState } from '../../../entrypoints/reading/Filters';
import { entryTermOf, shownLookups, siteList } from '../../../entrypoints/reading/lookup-filter';
import { lookup } from '../history/fixtures';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 2, 20, 12);
const lookups = [
  lookup({ time: NOW - 2 * DAY }),
  lookup({
    entryId: 'technology-transfer',
    category: 'capability',
    site: 'other.example.org',
    time: NOW - 10 * DAY,
  }),
  lookup({ site: 'b.example.com', time: NOW - 40 * DAY }),
];
const ALL: FilterState = { grouping: 'entry', site: '', category: '', period: 'all', entry: null };

describe('siteList', () => {
  it.each<[string, string[], string[]]>([
    ['none', [], []],
    ['each once, sorted', ['b.example', 'a.example', 'b.example'], ['a.example', 'b.example']],
  ])('%s', (_, sites, expected) => {
    expect(siteList(sites.map((site) => lookup({ site })))).toEqual(expected);
  });
});

describe('shownLookups', () => {
  it.each<[string, Partial<FilterState>, number[]]>([
    ['no filter', {}, [0, 1, 2]],
    ['by site', { site: 'other.example.org' }, [1]],
    ['by category', { category: 'cooperation' }, [0, 2]],
    ['past week', { period: 'week' }, [0]],
    ['past month', { period: 'month' }, [0, 1]],
    ['past day', { period: 'day' }, []],
    ['by entry', { entry: 'technology-transfer' }, [1]],
    ['by entry and site', { entry: 'intelligence-sharing', site: 'b.example.com' }, [2]],
    ['grouping does not filter', { grouping: 'day' }, [0, 1, 2]],
  ])('%s', (_, patch, expected) => {
    const shown = shownLookups(lookups, { ...ALL, ...patch }, NOW);
    expect(shown.map((l) => lookups.indexOf(l))).toEqual(expected);
  });
});

describe('entryTermOf', () => {
  it.each<[string | null, string | null]>([
    [null, null],
    ['technology-transfer', 'Technology transfer'],
    ['no-such-entry', 'no-such-entry'],
  ])('%s -> %s', (entry, expected) => {
    expect(entryTermOf(entry)).toBe(expected);
  });
});

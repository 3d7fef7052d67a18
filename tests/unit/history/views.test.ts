import { describe, expect, it } from 'vitest';
import type { Lookup } from '../../../src/history/record';
import {
  dayKey,
  filterLookups,
  groupByDay,
  groupByEntry,
  type HistoryFilter,
  lastSeen,
} from '../../../src/history/views';
import { lookup } from './fixtures';

const H = 3_600_000;
const T0 = Date.UTC(2026, 2, 10, 12); // Tuesday 10 March 2026, 12:00 UTC

const sample: Lookup[] = [
  lookup({ id: 1, time: T0 - 48 * H, site: 'news.example.com' }),
  lookup({
    id: 2,
    time: T0 - 2 * H,
    entryId: 'nato',
    term: 'NATO',
    form: 'NATO',
    formAt: undefined,
    sentence: 'NATO met in Brussels.',
    site: 'example.org',
    url: 'https://example.org/',
    category: 'organisation',
    title: 'Summit',
  }),
  lookup({ id: 3, time: T0, site: 'sport.example.com', url: 'https://sport.example.com/' }),
];

describe('filterLookups', () => {
  it.each<[string, HistoryFilter, number[]]>([
    ['no filter', {}, [1, 2, 3]],
    ['a site with its subdomains', { sites: ['example.com'] }, [1, 3]],
    ['a site given as a URL', { sites: ['https://www.example.org/x'] }, [2]],
    ['a subdomain only', { sites: ['news.example.com'] }, [1]],
    ['an empty site list', { sites: [] }, [1, 2, 3]],
    ['a category', { categories: ['organisation'] }, [2]],
    ['two categories', { categories: ['organisation', 'cooperation'] }, [1, 2, 3]],
    ['from, inclusive', { from: T0 - 2 * H }, [2, 3]],
    ['to, exclusive', { to: T0 }, [1, 2]],
    ['a range', { from: T0 - 3 * H, to: T0 - H }, [2]],
    ['text in the sentence, any case', { text: 'BRUSSELS' }, [2]],
    ['text in the title', { text: 'spies' }, [1, 3]],
    ['text in the site', { text: 'sport' }, [3]],
    ['every word must match', { text: 'nato summit' }, [2]],
    ['words that match nothing together', { text: 'nato spies' }, []],
    ['blank text', { text: '   ' }, [1, 2, 3]],
    [
      'everything at once',
      { sites: ['example.com'], categories: ['cooperation'], from: T0 - H, text: 'allies' },
      [3],
    ],
  ])('%s', (_name, filter, ids) => {
    expect(filterLookups(sample, filter).map((l) => l.id)).toEqual(ids);
  });
});

describe('groupByEntry', () => {
  it('counts, dates and lists sites per entry, most recent first', () => {
    expect(groupByEntry(sample)).toEqual([
      {
        entryId: 'intelligence-sharing',
        term: 'Intelligence sharing',
        category: 'cooperation',
        count: 2,
        first: T0 - 48 * H,
        last: T0,
        lastSite: 'sport.example.com',
        sites: ['sport.example.com', 'news.example.com'],
      },
      {
        entryId: 'nato',
        term: 'NATO',
        category: 'organisation',
        count: 1,
        first: T0 - 2 * H,
        last: T0 - 2 * H,
        lastSite: 'example.org',
        sites: ['example.org'],
      },
    ]);
  });

  it('takes the newest term and lists a site once', () => {
    const groups = groupByEntry([
      lookup({ id: 1, time: 1, term: 'Old name' }),
      lookup({ id: 2, time: 3, term: 'New name' }),
      lookup({ id: 3, time: 2 }),
    ]);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({
      term: 'New name',
      count: 3,
      first: 1,
      last: 3,
      sites: ['news.example.com'],
    });
  });

  it('is empty for no lookups', () => {
    expect(groupByEntry([])).toEqual([]);
  });
});

describe('dayKey and groupByDay', () => {
  // 23:30 UTC on 9 March is already 10 March in Kolkata (UTC+5:30) and still 9 March in New York.
  const late = Date.UTC(2026, 2, 9, 23, 30);
  it.each<[number, string, string]>([
    [late, 'UTC', '2026-03-09'],
    [late, 'Asia/Kolkata', '2026-03-10'],
    [late, 'America/New_York', '2026-03-09'],
    [Date.UTC(2026, 2, 10, 3, 30), 'America/New_York', '2026-03-09'],
    [Date.UTC(2026, 0, 1, 0, 0), 'Pacific/Kiritimati', '2026-01-01'],
    [Date.UTC(2025, 11, 31, 23, 59), 'Europe/Berlin', '2026-01-01'],
  ])('%s in %s is %s', (time, timeZone, day) => {
    expect(dayKey(time, timeZone)).toBe(day);
  });

  it('groups by calendar day in the given time zone, newest first', () => {
    const lookups = [
      lookup({ id: 1, time: Date.UTC(2026, 2, 9, 18) }), // 23:30 in Kolkata
      lookup({ id: 2, time: late }),
      lookup({ id: 3, time: Date.UTC(2026, 2, 10, 8) }),
    ];
    const days = (timeZone: string) =>
      groupByDay(lookups, timeZone).map((g) => [g.day, g.lookups.map((l) => l.id)]);
    expect(days('UTC')).toEqual([
      ['2026-03-10', [3]],
      ['2026-03-09', [2, 1]],
    ]);
    expect(days('Asia/Kolkata')).toEqual([
      ['2026-03-10', [3, 2]],
      ['2026-03-09', [1]],
    ]);
  });
});

describe('lastSeen', () => {
  const summary = (time: number) => ({ count: 4, last: { site: 'example.com', time } });
  it.each<[string, number, string, unknown]>([
    ['earlier today', T0 - H, 'UTC', { kind: 'relative', days: 0 }],
    ['yesterday', T0 - 24 * H, 'UTC', { kind: 'relative', days: -1 }],
    [
      'yesterday by the calendar, 13 hours ago',
      Date.UTC(2026, 2, 9, 23),
      'UTC',
      { kind: 'relative', days: -1 },
    ],
    [
      'today in Kolkata, yesterday in UTC',
      Date.UTC(2026, 2, 9, 23),
      'Asia/Kolkata',
      { kind: 'relative', days: 0 },
    ],
    ['six days ago', T0 - 6 * 24 * H, 'UTC', { kind: 'relative', days: -6 }],
    ['a week ago: a date', T0 - 7 * 24 * H, 'UTC', { kind: 'date', day: '2026-03-03' }],
    ['in the future (clock skew): today', T0 + 72 * H, 'UTC', { kind: 'relative', days: 0 }],
  ])('%s', (_name, time, timeZone, when) => {
    expect(lastSeen(summary(time), T0, timeZone)).toEqual({
      count: 4,
      site: 'example.com',
      time,
      when,
    });
  });
});

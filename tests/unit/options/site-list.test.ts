import { describe, expect, it } from 'vitest';
import { siteCountText } from '../../../entrypoints/options/site-count';
import { filterSites } from '../../../entrypoints/options/site-list';

const rules = { 'b.example': true, 'a.example': false, 'news.example.org': false };

describe('filterSites', () => {
  it.each([
    ['no filter: all, sorted', '', 200, ['a.example', 'b.example', 'news.example.org'], 3],
    ['case and spaces ignored', '  NEWS ', 200, ['news.example.org'], 1],
    ['no match', 'zzz', 200, [], 0],
    ['cut to the limit, counted in full', 'example', 2, ['a.example', 'b.example'], 3],
  ])('%s', (_name, filter, limit, hosts, matching) => {
    const page = filterSites(rules, filter, limit);
    expect(page.rows.map((r) => r.host)).toEqual(hosts);
    expect(page.matching).toBe(matching);
    expect(page.total).toBe(3);
  });

  it('gives each row its rule', () => {
    expect(filterSites(rules, 'a.').rows).toEqual([{ host: 'a.example', on: false }]);
  });
});

describe('siteCountText', () => {
  const page = (shown: number, matching: number, total: number) => ({
    rows: Array.from({ length: shown }, (_, i) => ({ host: `h${i}`, on: false })),
    matching,
    total,
  });
  it.each([
    ['no sites', page(0, 0, 0), '', '0 sites'],
    ['one site', page(1, 1, 1), '', '1 site'],
    ['a blank filter counts all', page(3, 3, 3), '  ', '3 sites'],
    ['filtered', page(10, 10, 5000), 'site012', '10 of 5,000 sites match'],
    [
      'cut',
      page(200, 5000, 5000),
      '',
      '5,000 sites · showing the first 200; type to narrow the list',
    ],
    [
      'filtered and cut',
      page(200, 300, 5000),
      'site',
      '300 of 5,000 sites match · showing the first 200; type to narrow the list',
    ],
  ])('%s', (_name, p, filter, expected) => {
    expect(siteCountText(p, filter)).toBe(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { buildMatcherTables, loadMatcher, mergeTables } from '../../../src/matcher';

const A = [
  { id: 'nato', forms: ['NATO', 'North Atlantic Treaty Organization'] },
  { id: 'sofa', forms: [{ text: 'SOFA', gated: true }, 'status of forces agreement'] },
];
const B = [
  { id: 'u:mine:nato-summit', forms: ['NATO summit'] },
  { id: 'u:mine:accord', forms: [{ text: 'accord de défense', lang: 'fr' as const }] },
];
const TEXT =
  'At the NATO summit the status of forces agreement (SOFA) was signed; NATO said so. Un accord de défense.';

describe('mergeTables', () => {
  it('matches what one build over the same terms matches', () => {
    const merged = loadMatcher(mergeTables([buildMatcherTables(B), buildMatcherTables(A)]));
    const together = loadMatcher(buildMatcherTables([...B, ...A]));
    for (const languages of [undefined, 1, 2]) {
      expect(merged.scan(TEXT, languages)).toEqual(together.scan(TEXT, languages));
    }
    expect(merged.formCount).toBe(together.formCount);
    expect(merged.mayMatch('nothing of note here')).toBe(false);
  });

  it('gives a shared form to the first part', () => {
    const first = [{ id: 'u:mine:nato', forms: ['NATO'] }];
    const m = loadMatcher(mergeTables([buildMatcherTables(first), buildMatcherTables(A)]));
    expect(m.scan('NATO').map((x) => x.id)).toEqual(['u:mine:nato']);
  });

  it('builds one pre-filter over all parts, also from parts compiled without one', () => {
    const parts = [buildMatcherTables(B, { prefilter: false }), buildMatcherTables(A)];
    const tables = mergeTables(parts);
    expect(tables.prefilter).toBe(buildMatcherTables([...B, ...A]).prefilter);
  });
});

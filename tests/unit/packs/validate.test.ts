import { describe, expect, it } from 'vitest';
import { formatProblem, MAX_PROBLEMS } from '../../../src/packs/problems';
import { validatePack } from '../../../src/packs/validate';
import { entry, errorsOf, okPack, pack } from './helpers';

describe('validatePack', () => {
  it('returns the normalised pack and no warnings for a clean pack', () => {
    const raw = pack([entry({ term: ' Joint  task force ' })]);
    const result = validatePack(raw);
    expect(okPack(result).entries[0]?.term).toBe('Joint task force');
    expect(result.ok && result.warnings).toEqual([]);
  });

  it('says when the pack has no entries', () => {
    expect(errorsOf(validatePack(pack([])))).toEqual([
      { code: 'empty-pack', message: 'the pack has no entries' },
    ]);
  });

  it('names both places of a duplicated id', () => {
    const raw = pack([entry(), entry({ term: 'Other' }), entry({ term: 'Third' })]);
    const errors = errorsOf(validatePack(raw));
    expect(errors.map(formatProblem)).toEqual([
      'entries[1].id: the id "joint-task-force" is already used at entries[0].id',
      'entries[2].id: the id "joint-task-force" is already used at entries[0].id',
    ]);
    expect(errors.every((e) => e.code === 'duplicate-id')).toBe(true);
  });

  it('uses the locator to name lines, as CSV does', () => {
    const raw = pack([entry(), entry({ term: 'Other' })]);
    const errors = errorsOf(validatePack(raw, (i, key) => ({ line: i + 2, field: key })));
    expect(formatProblem(errors[0] as never)).toBe(
      'line 3 (id): the id "joint-task-force" is already used at line 2 (id)',
    );
  });

  it('refuses an entry the matcher could never find', () => {
    const errors = errorsOf(validatePack(pack([entry({ term: '\u200b' })])));
    expect(errors).toMatchObject([{ code: 'no-surface-form', field: 'entries[0].term' }]);
  });

  it('places schema problems by field path', () => {
    const raw = pack([entry(), entry({ id: 'b', definition: '' })]);
    expect(errorsOf(validatePack(raw)).map(formatProblem)).toEqual([
      'entries[1].definition: the definition is empty',
    ]);
  });

  it('reports pack-level fields by path', () => {
    const errors = errorsOf(validatePack({ ...pack(), id: 'mine', name: '' }));
    expect(errors.map((e) => [e.code, e.field])).toEqual([
      ['invalid-value', 'id'],
      ['empty-field', 'name'],
    ]);
  });

  it('warns about a form two entries share (the first keeps it)', () => {
    const raw = pack([
      entry({ id: 'a', term: 'Rules of engagement', abbreviation: 'ROE' }),
      entry({ id: 'b', term: 'Return on equity', abbreviation: 'ROE' }),
    ]);
    const result = validatePack(raw);
    expect(result.ok && result.warnings).toMatchObject([
      { code: 'duplicate-form', field: 'entries[1]' },
    ]);
  });

  it('caps a flood of problems with one summary', () => {
    const entries = Array.from({ length: 80 }, (_, i) => entry({ id: `e${i}`, definition: '' }));
    const errors = errorsOf(validatePack(pack(entries)));
    expect(errors).toHaveLength(MAX_PROBLEMS + 1);
    expect(errors.at(-1)).toEqual({ code: 'more-problems', message: 'and 30 more problems' });
  });
});

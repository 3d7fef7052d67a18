import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv, restoreFormula } from '../../../src/formats/csv';
import type { Category } from '../../../src/glossary/schema';
import {
  ANKI_HEADERS,
  ankiField,
  CSV_COLUMNS,
  type EntryInfo,
  historyAnki,
  historyCsv,
} from '../../../src/history/export';
import type { Lookup } from '../../../src/history/record';
import { readAnki, readNote, unescapeHtml } from './anki-reader';
import { lookup } from './fixtures';

describe('round trips', () => {
  const special = fc.constantFrom(
    '"',
    ',',
    '\r',
    '\n',
    '\r\n',
    '\t',
    '=',
    '+',
    '-',
    '@',
    "'",
    '<',
    '>',
    '&',
    '#',
    ' ',
    '&amp;',
    '<br>',
  );
  const text = fc.string({
    unit: fc.oneof(special, fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })),
    maxLength: 20,
  });
  const category = fc.constantFrom<Category>('agreement', 'cooperation', 'operation');
  const row = fc.record({
    term: text.filter((t) => t !== ''),
    form: text,
    before: text,
    after: text,
    title: text,
    url: text,
    time: fc.integer({ min: 0, max: 8.64e15 }),
    category,
    definition: text,
    example: fc.option(fc.record({ text, source: text }), { nil: undefined }),
  });
  type Row = typeof row extends fc.Arbitrary<infer R> ? R : never;

  function toLookups(rows: Row[]): { lookups: Lookup[]; infoFor: (id: string) => EntryInfo } {
    const lookups = rows.map((r, i) =>
      lookup({
        entryId: `entry-${i}`,
        term: r.term,
        form: r.form,
        sentence: r.before + r.form + r.after,
        formAt: r.before.length,
        title: r.title,
        url: r.url,
        time: r.time,
        category: r.category,
      }),
    );
    const infoFor = (id: string) => {
      const r = rows[Number(id.slice('entry-'.length))] as Row;
      return {
        term: r.term,
        category: r.category,
        definition: r.definition,
        ...(r.example ? { example: r.example } : {}),
      };
    };
    return { lookups, infoFor };
  }

  it('CSV gives back every field exactly', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 5 }), (rows) => {
        const { lookups, infoFor } = toLookups(rows);
        const back = parseCsv(historyCsv(lookups, infoFor)).map((r) =>
          r.fields.map(restoreFormula),
        );
        expect(back).toEqual([
          [...CSV_COLUMNS],
          ...rows.map((r) => [
            r.term,
            r.form,
            r.before + r.form + r.after,
            r.definition,
            r.example?.text ?? '',
            r.example?.source ?? '',
            r.title,
            r.url,
            new Date(r.time).toISOString(),
          ]),
        ]);
      }),
      { numRuns: 300 },
    );
  });

  it('Anki notes read back to the same fields, one line each', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 5 }), (rows) => {
        const { lookups, infoFor } = toLookups(rows);
        const { headers, notes } = readAnki(historyAnki(lookups, infoFor));
        expect(headers).toEqual([...ANKI_HEADERS]);
        expect(notes.every((n) => n.length === 4)).toBe(true);
        const back = notes.map(readNote);
        expect(back.map((n) => n.tags)).toEqual(
          rows.map((r) => ['termlight', `termlight::${r.category}`]),
        );
        expect(back.map(({ guid: _g, tags: _t, ...fields }) => fields)).toEqual(
          rows.map((r) => ({
            sentence: r.before + r.form + r.after,
            form: r.form === '' ? undefined : r.form,
            term: r.term,
            definition: r.definition,
            example: r.example?.text,
            source: r.example?.source,
          })),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('ankiField leaves no tab, line break, quote or markup character but <br>', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(ankiField(t).replace(/<br>/g, '')).not.toMatch(/[\t\r\n"'<>]/);
        expect(unescapeHtml(ankiField(t))).toBe(t);
      }),
    );
  });
});

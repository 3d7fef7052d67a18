import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CsvError,
  neutralizeFormula,
  parseCsv,
  restoreFormula,
  toCsv,
} from '../../../src/formats/csv';

const fields = (text: string) => parseCsv(text).map((r) => r.fields);

describe('parseCsv', () => {
  it.each([
    [
      'a,b\r\nc,d\r\n',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    [
      'a,b\nc,d',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    [
      'a,b\rc,d\r',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    ['\ufeffterm,definition\n', [['term', 'definition']]],
    ['"a,b","say ""hi"""\n', [['a,b', 'say "hi"']]],
    ['"two\nlines",x\n', [['two\nlines', 'x']]],
    ['a,,\n', [['a', '', '']]],
    ['', []],
  ])('%j', (text, expected) => {
    expect(fields(text)).toEqual(expected);
  });

  it('numbers records by the line they start on', () => {
    expect(parseCsv('a\n"b\nc"\nd\n').map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it.each([
    ['a,"b\n', 'line 1, column 3: quoted field is never closed'],
    ['ok\na"b\n', 'line 2, column 2: quote inside an unquoted field'],
    ['"a"b\n', 'line 1, column 4: text after a closing quote'],
  ])('rejects %j', (text, message) => {
    expect(() => parseCsv(text)).toThrow(CsvError);
    expect(() => parseCsv(text)).toThrow(message);
  });
});

describe('toCsv', () => {
  it('quotes only what needs it and ends lines with CRLF', () => {
    expect(toCsv([['a', 'b,c', 'say "x"', 'l1\nl2']])).toBe('a,"b,c","say ""x""","l1\nl2"\r\n');
  });

  it.each(['=SUM(A1)', '+1', '-1', '@cmd', '\tx', '\rx'])('neutralises %j', (cell) => {
    const out = toCsv([[cell]]);
    expect(out.replace(/^"/, '').startsWith("'")).toBe(true);
    expect(restoreFormula(fields(out)[0]?.[0] as string)).toBe(cell);
  });

  it('writes a BOM when asked', () => {
    expect(toCsv([['a']], { bom: true })).toBe('\ufeffa\r\n');
  });

  it('leaves ordinary cells alone', () => {
    expect(neutralizeFormula('NATO')).toBe('NATO');
    expect(restoreFormula("'quoted")).toBe("'quoted");
  });

  it('round-trips any table of strings', () => {
    const cell = fc.string({
      unit: fc.constantFrom('a', ',', '"', '\n', '\r', ' ', 'é', '=', "'"),
    });
    const table = fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { maxLength: 6 });
    fc.assert(
      fc.property(table, (rows) => {
        // A record that is one empty field reads back as a blank line, which is no record.
        const kept = rows.filter((r) => !(r.length === 1 && r[0] === ''));
        const back = fields(toCsv(kept)).map((r) => r.map(restoreFormula));
        expect(back).toEqual(kept);
      }),
      { numRuns: 500 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import exampleText from '../../../data/example-pack.json?raw';
import { parseJsonPack, toJsonPack } from '../../../src/packs/json';
import { jsonSyntaxError } from '../../../src/packs/json-syntax';
import { formatProblem } from '../../../src/packs/problems';
import { entry, errorsOf, okPack, pack } from './helpers';

describe('jsonSyntaxError', () => {
  it.each([
    ['{"a": 1,}', 8, 'a comma before "}" (trailing commas are not JSON)'],
    ['{"a" 1}', 5, 'expected ":" after a key, found "1"'],
    ['[1 2]', 3, 'expected "," or "]", found "2"'],
    ["{'a': 1}", 1, `expected a quoted key, found "'"`],
    ['{"a": "x', 6, 'a string is never closed'],
    ['{"a": "x\ny"}', 8, 'a line break or control character inside a string'],
    ['"\\x"', 1, 'invalid escape \\x'],
    ['"\\u12"', 1, 'a \\u escape needs four hex digits'],
    ['[01]', 2, 'expected "," or "]", found "1"'],
    ['[1.]', 3, 'expected a digit, found "]"'],
    ['{} {}', 3, 'text after the end of the JSON value: "{"'],
    ['', 0, 'expected a value, found the end of the text'],
    ['[tru]', 1, 'expected a value, found "t"'],
  ])('%j fails at offset %i: %s', (text, offset, message) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(jsonSyntaxError(text)).toEqual({ offset, message });
  });

  it('agrees with JSON.parse on what is valid', () => {
    const pieces = fc.constantFrom(
      '{',
      '}',
      '[',
      ']',
      ',',
      ':',
      '"a"',
      '"',
      '1',
      '-',
      '.',
      'e',
      'true',
      'null',
      ' ',
      '\n',
      '\\',
      'x',
      '0',
    );
    const nearJson = fc.oneof(
      fc.array(pieces, { maxLength: 12 }).map((p) => p.join('')),
      fc.jsonValue().map((value) => JSON.stringify(value, null, 1)),
    );
    fc.assert(
      fc.property(nearJson, (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        expect(jsonSyntaxError(text) === null).toBe(valid);
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses nesting deeper than it can check, where JSON.parse would not', () => {
    expect(jsonSyntaxError(`${'['.repeat(600)}${']'.repeat(600)}`)?.message).toBe(
      'nested more than 512 levels deep',
    );
  });
});

describe('parseJsonPack', () => {
  it('reads the example pack', () => {
    const result = parseJsonPack(exampleText);
    expect(okPack(result).entries).toHaveLength(15);
    expect(result.ok && result.warnings).toEqual([]);
  });

  it('skips a byte order mark', () => {
    expect(okPack(parseJsonPack(`\ufeff${toJsonPack(pack())}`)).id).toBe('test-pack');
  });

  it.each([
    [
      '{\n  "format": "termlight-pack",\n  "version": 1,\n}',
      'line 4, column 1: a comma before "}" (trailing commas are not JSON)',
    ],
    ['{\r\n"a": [1,\r\n 2 3]}', 'line 3, column 4: expected "," or "]", found "3"'],
    ['\ufeff{\n"a" 1}', 'line 2, column 5: expected ":" after a key, found "1"'],
  ])('places a syntax error by line and column: %j', (text, expected) => {
    const errors = errorsOf(parseJsonPack(text));
    expect(errors.map(formatProblem)).toEqual([expected]);
    expect(errors[0]?.code).toBe('json-syntax');
  });

  it.each([
    ['', 'empty-file'],
    ['  \n', 'empty-file'],
    ['[]', 'not-a-pack'],
    ['{"format": "termlight-settings", "version": 1}', 'not-a-pack'],
    ['{"format": "termlight-pack", "version": 2, "entries": []}', 'unsupported-version'],
  ])('refuses %j as %s', (text, code) => {
    expect(errorsOf(parseJsonPack(text)).map((e) => e.code)).toEqual([code]);
  });

  it('names the field of a schema error', () => {
    const broken = JSON.parse(toJsonPack(pack([entry(), entry({ id: 'b' })])));
    broken.entries[1].definition = 'x'.repeat(4001);
    expect(errorsOf(parseJsonPack(JSON.stringify(broken))).map(formatProblem)).toEqual([
      'entries[1].definition: the definition is longer than 4,000 characters (4,001)',
    ]);
  });
});

describe('toJsonPack', () => {
  it('writes fields in the order the example pack documents, optional ones only when present', () => {
    const written = JSON.parse(toJsonPack(okPack(parseJsonPack(exampleText))));
    const { $schema: _, ...documented } = JSON.parse(exampleText);
    expect(Object.keys(written)).toEqual(Object.keys(documented));
    // Its entries range from every field (the first) to no optional one (military-mobility).
    written.entries.forEach((e: object, i: number) => {
      expect(Object.keys(e)).toEqual(Object.keys(documented.entries[i]));
    });
    expect(written).toEqual(documented);
  });

  it('ends the file with a line break', () => {
    expect(toJsonPack(pack([entry({ note: 'n' })])).endsWith('}\n')).toBe(true);
  });
});

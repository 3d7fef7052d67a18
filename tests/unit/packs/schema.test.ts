import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { canonicalTag, LIMITS, UserEntrySchema } from '../../../src/packs/schema';
import { validateEntry } from '../../../src/packs/validate';
import { entry } from './helpers';

const parse = (raw: Record<string, unknown>) => v.parse(UserEntrySchema, { ...entry(), ...raw });

describe('the entry schema normalises', () => {
  it.each([
    [
      'term: whitespace runs and ends',
      { term: '  Joint \t task\n force ' },
      'term',
      'Joint task force',
    ],
    ['alias: the same', { aliases: [' a  b '] }, 'aliases', ['a b']],
    [
      'definition: line ends',
      { definition: ' one\r\ntwo\rthree\n ' },
      'definition',
      'one\ntwo\nthree',
    ],
    ['definition: keeps inner spacing', { definition: 'a  b\n\n c' }, 'definition', 'a  b\n\n c'],
    ['aliases default to []', { aliases: undefined }, 'aliases', []],
    [
      'forms: canonical tags, merged',
      { forms: { 'en-gb': ['a'], 'EN-GB': ['b'] } },
      'forms',
      { 'en-GB': ['a', 'b'] },
    ],
    ['forms: empty languages dropped', { forms: { fr: [], de: ['x'] } }, 'forms', { de: ['x'] }],
    ['forms: nothing left, no forms', { forms: { fr: [] } }, 'forms', undefined],
  ])('%s', (_name, raw, key, expected) => {
    expect(parse(raw)[key as keyof ReturnType<typeof parse>]).toEqual(expected);
  });

  it('keeps markup as the characters it is (definitions are plain text)', () => {
    const html = '<b>bold</b> & <script>alert(1)</script> &amp;';
    expect(parse({ definition: html }).definition).toBe(html);
  });

  it('leaves optional fields absent, not undefined-valued', () => {
    expect(Object.keys(parse({}))).toEqual(['id', 'term', 'aliases', 'category', 'definition']);
  });
});

describe('validateEntry refuses, with a code and the field', () => {
  const long = (n: number) => 'x'.repeat(n);
  it.each([
    ['missing term', { term: undefined }, 'missing-field', 'term', '"term" is missing'],
    ['blank term', { term: ' \t ' }, 'empty-field', 'term', 'the term is empty'],
    [
      'term too long',
      { term: long(LIMITS.term + 1) },
      'too-long',
      'term',
      'the term is longer than 200 characters (201)',
    ],
    [
      'definition too long',
      { definition: long(4001) },
      'too-long',
      'definition',
      'the definition is longer than 4,000 characters (4,001)',
    ],
    [
      'too many aliases',
      { aliases: Array.from({ length: 51 }, (_, i) => `a${i}`) },
      'too-many',
      'aliases',
      'at most 50 aliases',
    ],
    [
      'alias with a separator',
      { aliases: ['a; b'] },
      'invalid-value',
      'aliases',
      'an alias cannot contain ; or |',
    ],
    [
      'unknown category',
      { category: 'logistics' },
      'invalid-value',
      'category',
      'the category must be one of agreement, cooperation, capability, strategy, organisation, operation',
    ],
    [
      'unknown field',
      { defintion: 'typo' },
      'invalid-value',
      'defintion',
      'unknown field "defintion"',
    ],
    [
      'id with a colon',
      { id: 'a:b' },
      'invalid-value',
      'id',
      'the id may hold only letters, digits, ".", "_" and "-"',
    ],
    [
      'control character',
      { definition: 'bell \u0007' },
      'invalid-value',
      'definition',
      'the definition contains a control character',
    ],
    [
      'lone surrogate',
      { term: 'x \ud800' },
      'invalid-value',
      'term',
      'the term contains a control character',
    ],
    [
      'bad language tag',
      { forms: { en_GB: ['x'] } },
      'invalid-value',
      'forms.en_GB',
      '"en_GB" is not a BCP 47 language tag',
    ],
    ['only punctuation', { term: '—', aliases: ['–'] }, 'no-surface-form', 'term', undefined],
  ])('%s', (_name, raw, code, field, message) => {
    const result = validateEntry({ ...entry(), ...raw });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]).toMatchObject({ code, field, ...(message && { message }) });
  });

  it('counts characters, not UTF-16 units', () => {
    // 200 astral characters are 400 UTF-16 units, and still within the limit.
    expect(validateEntry({ ...entry(), term: '𝔸'.repeat(200) }).ok).toBe(true);
    expect(validateEntry({ ...entry(), term: '𝔸'.repeat(201) }).ok).toBe(false);
  });
});

describe('canonicalTag', () => {
  it.each([
    ['en', 'en'],
    ['en-gb', 'en-GB'],
    ['ZH-hant-tw', 'zh-Hant-TW'],
    ['en_US', null],
    ['english!', null],
    ['', null],
    ['a', null],
  ])('%j → %j', (tag, expected) => {
    expect(canonicalTag(tag)).toBe(expected);
  });
});

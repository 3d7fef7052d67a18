/**
 * data/pack.schema.json (for pack authors and their editors) and src/packs/schema.ts (what
 * Termlight enforces) must agree: on the example pack, on a set of broken packs, and on every
 * limit and the category list.
 */
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import example from '../../../data/example-pack.json';
import jsonSchema from '../../../data/pack.schema.json';
import { CATEGORIES } from '../../../src/glossary/schema';
import { LIMITS, PackSchema } from '../../../src/packs/schema';
import { checkJsonSchema } from './json-schema-check';

const base = { format: 'termlight-pack', version: 1, id: 'p', name: 'Pack' };
const good = { id: 'e', term: 'Term', category: 'agreement', definition: 'Defined.' };
const withEntry = (change: Record<string, unknown>) => ({
  ...base,
  entries: [{ ...good, ...change }],
});

const valibotOk = (value: unknown) => v.safeParse(PackSchema, value).success;
const jsonOk = (value: unknown) => checkJsonSchema(jsonSchema, value).length === 0;

describe('pack.schema.json and the valibot schema', () => {
  it('both accept the example pack', () => {
    expect(checkJsonSchema(jsonSchema, example)).toEqual([]);
    expect(valibotOk(example)).toBe(true);
  });

  it.each([
    ['a minimal pack', withEntry({})],
    [
      'every optional field',
      {
        ...withEntry({
          abbreviation: 'T',
          aliases: ['t'],
          note: 'n',
          forms: { fr: ['terme'], 'pt-BR': ['termo'] },
        }),
        source: 's',
        description: 'd',
        language: 'en',
      },
    ],
    ['markup in a definition', withEntry({ definition: '<script>alert(1)</script>' })],
    ['a tab inside a term', withEntry({ term: 'a\tb' })],
    ['a line break inside a definition', withEntry({ definition: 'a\nb' })],
    ['200 astral characters', withEntry({ term: '𝔸'.repeat(200) })],
    ['an empty entries list (refused later, by the whole-pack check)', { ...base, entries: [] }],
  ])('both accept %s', (_name, value) => {
    expect([jsonOk(value), valibotOk(value)]).toEqual([true, true]);
  });

  it.each([
    ['a wrong format', { ...withEntry({}), format: 'glossary' }],
    ['a newer version', { ...withEntry({}), version: 2 }],
    ['the reserved pack id', { ...withEntry({}), id: 'mine' }],
    ['a pack id with a colon', { ...withEntry({}), id: 'a:b' }],
    ['an unknown pack field', { ...withEntry({}), author: 'x' }],
    ['no name', { format: 'termlight-pack', version: 1, id: 'p', entries: [] }],
    ['a language tag with _', { ...withEntry({}), language: 'en_GB' }],
    ['a missing term', withEntry({ term: undefined })],
    ['a blank term', withEntry({ term: '   ' })],
    ['a term of 201 characters', withEntry({ term: 'x'.repeat(201) })],
    ['a definition of 4,001 characters', withEntry({ definition: 'x'.repeat(4001) })],
    ['a note of 2,001 characters', withEntry({ note: 'x'.repeat(2001) })],
    ['51 aliases', withEntry({ aliases: Array.from({ length: 51 }, (_, i) => `a${i}`) })],
    ['an alias holding ;', withEntry({ aliases: ['a;b'] })],
    ['a form holding |', withEntry({ forms: { fr: ['a|b'] } })],
    ['an unknown category', withEntry({ category: 'logistics' })],
    ['an unknown entry field', withEntry({ example: 'x' })],
    ['a control character', withEntry({ definition: 'a\u0000b' })],
    ['a non-character', withEntry({ definition: 'a\uffffb' })],
    ['a forms key that is no tag', withEntry({ forms: { 'en gb': ['x'] } })],
    ['forms that are not a list', withEntry({ forms: { fr: 'x' } })],
    [
      '31 languages',
      withEntry({
        forms: Object.fromEntries(
          'abcdefghijklmnopqrstuvwxyzABCDE'.split('').map((c) => [`q${c}`, ['x']]),
        ),
      }),
    ],
    [
      '20,001 entries',
      { ...base, entries: Array.from({ length: 20_001 }, (_, i) => ({ ...good, id: `e${i}` })) },
    ],
  ])('both refuse %s', (_name, value) => {
    expect([jsonOk(value), valibotOk(value)]).toEqual([false, false]);
  });

  it('states the same limits and categories', () => {
    const defs = jsonSchema.$defs;
    const props = defs.entry.properties;
    expect({
      id: defs.id.maxLength,
      term: props.term.maxLength,
      form: defs.form.maxLength,
      aliases: props.aliases.maxItems,
      languages: props.forms.maxProperties,
      formsPerLanguage: props.forms.additionalProperties.maxItems,
      definition: props.definition.maxLength,
      note: props.note.maxLength,
      name: jsonSchema.properties.name.maxLength,
      source: jsonSchema.properties.source.maxLength,
      description: jsonSchema.properties.description.maxLength,
      entries: jsonSchema.properties.entries.maxItems,
    }).toEqual(LIMITS);
    expect(defs.category.enum).toEqual([...CATEGORIES]);
  });
});

import { describe, expect, it } from 'vitest';
import { draftForms, previewMatches } from '../../../src/packs/preview';

const sample =
  'The ACSA, an acquisition and cross-servicing agreement, followed earlier ACSAs (not the acsa file).';

describe('previewMatches', () => {
  it.each([
    [
      'the term, its plural and the abbreviation',
      { term: 'Acquisition and cross-servicing agreement', abbreviation: 'ACSA' },
      ['ACSA', 'acquisition and cross-servicing agreement', 'ACSAs'],
    ],
    [
      'an alias',
      { term: 'Logistics pact', aliases: ['cross servicing agreement'] },
      ['cross-servicing agreement'],
    ],
    [
      'a form of another language',
      { term: 'x', forms: { fr: ['acquisition and cross'] } },
      ['acquisition and cross'],
    ],
    ['nothing for a half-typed term', { term: 'acquisiti' }, []],
    ['nothing for a blank draft', { term: '  ', aliases: [''] }, []],
    ['the acronym guard: "acsa" in lower case is not ACSA', { term: 'ACSA' }, ['ACSA', 'ACSAs']],
  ])('finds %s', (_name, draft, texts) => {
    expect(previewMatches(draft, sample).map((m) => m.text)).toEqual(texts);
  });

  it('gives offsets into the sample', () => {
    const [first] = previewMatches({ term: 'ACSA' }, sample);
    expect(first).toEqual({ start: 4, end: 8, text: 'ACSA' });
  });

  it('skips blank forms of a draft', () => {
    expect(draftForms({ term: 'A', aliases: ['', ' '], abbreviation: '' })).toEqual(['A']);
  });
});

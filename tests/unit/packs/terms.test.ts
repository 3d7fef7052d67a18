import { describe, expect, it } from 'vitest';
import { glossaryTerms } from '../../../src/glossary/matcher';
import { compileMatcher } from '../../../src/matcher';
import {
  entryForms,
  formsByLanguage,
  parseUserTermId,
  userMatcherTerms,
  userTermId,
} from '../../../src/packs/terms';
import { entry } from './helpers';

const full = entry({
  id: 'acsa',
  term: 'Acquisition and cross-servicing agreement',
  abbreviation: 'ACSA',
  aliases: ['cross-servicing agreement', 'ACSA'],
  forms: { fr: ['accord de soutien mutuel'], de: ['Abkommen'] },
});

describe('terms', () => {
  it('lists forms: term, abbreviation, aliases, then languages, once each', () => {
    expect(entryForms(full)).toEqual([
      'Acquisition and cross-servicing agreement',
      'ACSA',
      'cross-servicing agreement',
      'accord de soutien mutuel',
      'Abkommen',
    ]);
  });

  it('keeps forms per language for the integrator', () => {
    expect(formsByLanguage(full)).toEqual({
      any: ['Acquisition and cross-servicing agreement', 'ACSA', 'cross-servicing agreement'],
      byLanguage: { fr: ['accord de soutien mutuel'], de: ['Abkommen'] },
    });
  });

  it.each([
    ['mine', 'acsa', 'u:mine:acsa'],
    ['nato-pack', 'c.12', 'u:nato-pack:c.12'],
  ])('namespaces %s/%s as %s and splits it back', (source, entryId, id) => {
    expect(userTermId(source, entryId)).toBe(id);
    expect(parseUserTermId(id)).toEqual({ source, entryId });
  });

  it.each(['nato', 'defense-cooperation', 'u:nocolon'])('reads %j as no user id', (id) => {
    expect(parseUserTermId(id)).toBeNull();
  });

  it('never collides with a built-in id', () => {
    const builtIn = new Set(glossaryTerms().map((t) => t.id));
    const ids = userMatcherTerms([{ source: 'p', entry: entry({ id: 'nato' }) }]).map((t) => t.id);
    expect(ids.some((id) => builtIn.has(id))).toBe(false);
  });

  it('gives the matcher every form under the namespaced id', () => {
    const matcher = compileMatcher(userMatcherTerms([{ source: 'p', entry: full }]));
    const text = 'The ACSA, an accord de soutien mutuel, was signed.';
    expect(matcher.scan(text).map((m) => [text.slice(m.start, m.end), m.id])).toEqual([
      ['ACSA', 'u:p:acsa'],
      ['accord de soutien mutuel', 'u:p:acsa'],
    ]);
  });
});

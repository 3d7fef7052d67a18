import { describe, expect, it } from 'vitest';
import { glossary } from '../../../src/glossary/glossary';
import type { Entry } from '../../../src/glossary/schema';
import { createGlossarySearch, searchGlossary } from '../../../src/glossary/search';

const ids = (entries: readonly Entry[]) => entries.map((e) => e.id);

describe('searchGlossary', () => {
  it.each([
    // [query, id expected first, why]
    ['counterterrorism', 'counter-terrorism', 'alias without hyphen'],
    ['counter-terrorism', 'counter-terrorism', 'display term with hyphen'],
    ['defence cooperation', 'defense-cooperation', 'British spelling alias'],
    ['SOFA', 'status-of-forces-agreement', 'abbreviation'],
    ['sofa', 'status-of-forces-agreement', 'abbreviation, lower case'],
    ['inteligence shareing', 'intelligence-sharing', 'two typos'],
    ['shared intelligence', 'intelligence-sharing', 'alias phrase'],
    ['NATO', 'nato', 'abbreviation of an organisation'],
    ['interop', 'interoperability', 'prefix while typing'],
  ])('%s finds %s first (%s)', (query, expected) => {
    expect(ids(searchGlossary(query))[0]).toBe(expected);
  });

  it('finds an entry by a word only its definition uses', () => {
    const peacekeeping = glossary.entries.find((e) => e.id === 'peacekeeping');
    expect(peacekeeping).toBeDefined();
    // Pick a long definition word that is in no entry's term or aliases.
    const names = glossary.entries
      .flatMap((e) => [e.term, e.abbreviation ?? '', ...e.aliases])
      .join(' ')
      .toLowerCase();
    const word = (peacekeeping?.definition.match(/\p{L}{8,}/gu) ?? []).find(
      (w) => !names.includes(w.toLowerCase()),
    );
    expect(word).toBeDefined();
    expect(ids(searchGlossary(word ?? ''))).toContain('peacekeeping');
  });

  it('ranks a term match above a definition-only match', () => {
    const results = ids(searchGlossary('deterrence'));
    expect(results[0]).toBe('deterrence');
    expect(results.length).toBeGreaterThan(0);
  });

  it('returns nothing for nonsense', () => {
    expect(searchGlossary('xqzvbnmw')).toEqual([]);
    expect(searchGlossary('zzzz qqqq')).toEqual([]);
  });

  it('lists every entry alphabetically for an empty query', () => {
    const all = searchGlossary('   ');
    expect(all).toHaveLength(glossary.entries.length);
    const terms = all.map((e) => e.term);
    expect(terms).toEqual(
      [...terms].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })),
    );
  });

  it('filters by category, with and without a query', () => {
    const agreements = searchGlossary('', { category: 'agreement' });
    expect(agreements.length).toBeGreaterThan(0);
    expect(agreements.every((e) => e.category === 'agreement')).toBe(true);

    expect(ids(searchGlossary('SOFA', { category: 'agreement' }))).toContain(
      'status-of-forces-agreement',
    );
    expect(searchGlossary('SOFA', { category: 'capability' })).not.toContainEqual(
      expect.objectContaining({ id: 'status-of-forces-agreement' }),
    );
  });
});

describe('createGlossarySearch', () => {
  const entry = (id: string, term: string, definition: string, aliases: string[] = []): Entry => ({
    id,
    term,
    aliases,
    definition,
    category: 'strategy',
    examples: [],
    related: [],
    source: 'news',
  });

  it('boosts the term over the definition', () => {
    const search = createGlossarySearch([
      entry('a', 'Alpha', 'Mentions deterrence in passing.'),
      entry('b', 'Deterrence', 'Discouraging an attack.'),
    ]);
    expect(ids(search.search('deterrence'))).toEqual(['b', 'a']);
  });

  it('requires every word before falling back to any word', () => {
    const search = createGlossarySearch([
      entry('a', 'Maritime security', 'Safety at sea.'),
      entry('b', 'Security assistance', 'Help for partners.'),
    ]);
    expect(ids(search.search('maritime security'))).toEqual(['a']);
    expect(ids(search.search('maritime zebra'))).toEqual(['a']);
  });
});

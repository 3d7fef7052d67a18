import { describe, expect, it } from 'vitest';
import { detectColumn, mapColumns } from '../../../src/packs/csv-columns';
import { csvHeader, parseCsvPack, toCsvPack } from '../../../src/packs/csv-pack';
import { formatProblem } from '../../../src/packs/problems';
import { entry, errorsOf, okPack, pack } from './helpers';

const meta = { id: 'csv', name: 'CSV pack', defaultCategory: 'cooperation' as const };
const lines = (...rows: string[]) => `${rows.join('\r\n')}\r\n`;

describe('detectColumn', () => {
  it.each([
    ['Term', 'term'],
    [' NAME ', 'term'],
    ['Definition', 'definition'],
    ['description', 'definition'],
    ['Synonyms', 'aliases'],
    ['alias', 'aliases'],
    ['Acronym', 'abbreviation'],
    ['Short_form', 'abbreviation'],
    ['category', 'category'],
    ['Notes', 'note'],
    ['ID', 'id'],
    ['forms:fr', 'forms:fr'],
    ['forms: pt-br', 'forms:pt-BR'],
    ['forms:id', 'forms:id'],
    ['fr', 'forms:fr'],
    ['de-CH', 'forms:de-CH'],
    ['ar', 'forms:ar'],
    ['xx', 'ignore'],
    ['url', 'ignore'],
    ['Source page', 'ignore'],
  ])('%j → %s', (header, target) => {
    expect(detectColumn(header)).toBe(target);
  });

  it('lets an explicit mapping override the automatic one, column by column', () => {
    expect(mapColumns(['Wort', 'Erklärung', 'Name'], ['term', 'definition'])).toEqual([
      'term',
      'definition',
      'term',
    ]);
  });
});

describe('parseCsvPack', () => {
  it('reads a spreadsheet export', () => {
    const text = lines(
      '\ufeffTerm,Acronym,Synonyms,Category,Definition,Notes,fr',
      'Host nation support,HNS,host-nation support | HN support,Cooperation,"Help given to foreign forces, in advance.",,soutien de la nation hôte',
      '"Rules of engagement",ROE,,operation,"When force may be used.\nPer operation.",Each contingent has its own.,',
    );
    const result = parseCsvPack(text, meta);
    expect(okPack(result)).toEqual({
      format: 'termlight-pack',
      version: 1,
      id: 'csv',
      name: 'CSV pack',
      entries: [
        {
          id: 'host-nation-support',
          term: 'Host nation support',
          abbreviation: 'HNS',
          aliases: ['host-nation support', 'HN support'],
          category: 'cooperation',
          definition: 'Help given to foreign forces, in advance.',
          forms: { fr: ['soutien de la nation hôte'] },
        },
        {
          id: 'rules-of-engagement',
          term: 'Rules of engagement',
          abbreviation: 'ROE',
          aliases: [],
          category: 'operation',
          definition: 'When force may be used.\nPer operation.',
          note: 'Each contingent has its own.',
        },
      ],
    });
  });

  it('takes the default category for blank cells and files without the column', () => {
    const text = lines('term,definition', 'Air policing,Fighters on standby.');
    expect(okPack(parseCsvPack(text, meta)).entries[0]?.category).toBe('cooperation');
  });

  it('skips blank rows, as spreadsheets leave them', () => {
    const text = lines('term,definition', 'A,a.', ',', '', 'B,b.', ',,');
    expect(okPack(parseCsvPack(text.replace(/,,\r\n$/, ',\r\n'), meta)).entries).toHaveLength(2);
  });

  it('makes stable ids from terms and keeps a given id column', () => {
    const noIds = lines('term,definition', 'C2,a.', 'C²,b.', 'عدم الانتشار,c.');
    const ids = okPack(parseCsvPack(noIds, meta)).entries.map((e) => e.id);
    expect(ids).toEqual(okPack(parseCsvPack(noIds, meta)).entries.map((e) => e.id));
    expect(ids[0]).toBe('c2');
    expect(ids[1]).toMatch(/^c2-[0-9a-z]+$/);
    expect(ids[2]).toMatch(/^t-[0-9a-z]+$/);
    const withIds = lines('id,term,definition', 'x.1,A,a.');
    expect(okPack(parseCsvPack(withIds, meta)).entries[0]?.id).toBe('x.1');
  });

  it('restores cells our own export neutralised', () => {
    const text = lines('term,definition', "'=Formula-like term,'+ plus definition");
    expect(okPack(parseCsvPack(text, meta)).entries[0]).toMatchObject({
      term: '=Formula-like term',
      definition: '+ plus definition',
    });
  });

  it.each([
    [
      'a row with the wrong column count',
      lines('term,definition', 'A,a.', 'B,b.,extra'),
      ['line 3: the row has 3 cells; the header has 2'],
    ],
    [
      'an empty required cell',
      lines('term,definition', 'A,a.', 'B,', ' ,c.'),
      [
        'line 3, column 2 (definition): the definition is empty',
        'line 4, column 1 (term): the term is empty',
      ],
    ],
    [
      'an unknown category',
      lines('term,category,definition', 'A,logistics,a.'),
      [
        'line 2, column 2 (category): the category must be one of agreement, cooperation, capability, strategy, organisation, operation',
      ],
    ],
    [
      'the same term twice without ids',
      lines('term,definition', 'A,a.', 'B,b.', 'A,again.'),
      [
        'line 4, column 1 (term): the id "a" is already used at line 2, column 1 (term) (ids are made from the terms: add an id column to keep both)',
      ],
    ],
    [
      'an alias too long, on a multi-line record',
      lines('term,definition,aliases', 'A,"two\nlines",ok', `B,b.,${'x'.repeat(201)}`),
      ['line 4, column 3 (aliases): an alias is longer than 200 characters (201)'],
    ],
    [
      'no definition column',
      lines('term,notes', 'A,a'),
      ['line 1: the file has no definition column'],
    ],
    [
      'two term columns',
      lines('term,name,definition', 'A,B,c'),
      ['line 1, column 2 (name): a second term column (the first is column 1)'],
    ],
    [
      'a quote inside a cell',
      lines('term,definition', 'A,say "x"'),
      ['line 2, column 7: quote inside an unquoted field'],
    ],
    ['only a header', lines('term,definition'), ['the pack has no entries']],
    ['nothing at all', '', ['the file is empty']],
  ])('refuses %s', (_name, text, expected) => {
    expect(errorsOf(parseCsvPack(text, meta)).map(formatProblem)).toEqual(expected);
  });

  it('needs a category column when there is no default', () => {
    const { defaultCategory: _, ...noDefault } = meta;
    const errors = errorsOf(parseCsvPack(lines('term,definition', 'A,a.'), noDefault));
    expect(errors.map((e) => e.code)).toEqual(['csv-missing-column']);
  });

  it('warns about columns it ignores', () => {
    const result = parseCsvPack(lines('term,definition,url', 'A,a.,https://x'), meta);
    expect(result.ok && result.warnings).toEqual([
      {
        code: 'csv-ignored-column',
        message: 'column "url" is not a pack field and is ignored',
        line: 1,
        column: 3,
      },
    ]);
  });

  it('reads with the mapping the options page passes', () => {
    const text = lines(
      'Wort,Erklärung,Kategorie',
      'Luftraumüberwachung,Abfangbereitschaft.,operation',
    );
    const result = parseCsvPack(text, { ...meta, columns: ['term', 'definition', 'category'] });
    expect(okPack(result).entries[0]).toMatchObject({
      term: 'Luftraumüberwachung',
      category: 'operation',
    });
    expect(csvHeader(text)).toEqual({
      ok: true,
      headers: ['Wort', 'Erklärung', 'Kategorie'],
      columns: ['ignore', 'ignore', 'ignore'],
    });
  });
});

describe('toCsvPack', () => {
  it('writes a header, a BOM, CRLF, and neutralises formula-like cells', () => {
    const text = toCsvPack(
      pack([entry({ term: '=SUM(A1)', aliases: ['a', 'b'], forms: { fr: ['x', 'y'] } })]),
    );
    expect(text).toBe(
      '\ufeffid,term,abbreviation,aliases,category,definition,note,forms:fr\r\n' +
        "joint-task-force,'=SUM(A1),,a; b,operation,A temporary force drawn from several services for one mission.,,x; y\r\n",
    );
  });
});

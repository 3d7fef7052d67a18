import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../../src/packs/problems';
import { parseTbx } from '../../../src/packs/tbx';
import { toTbx } from '../../../src/packs/tbx-export';
import { parseXml } from '../../../src/packs/xml';
import v2 from '../../fixtures/packs/tbx-v2.tbx?raw';
import v3 from '../../fixtures/packs/tbx-v3.tbx?raw';
import dct from '../../fixtures/packs/tbx-v3-dct.tbx?raw';
import { entry, errorsOf, okPack, pack } from './helpers';

const options = { defaultCategory: 'cooperation' as const };

describe('parseTbx', () => {
  it('reads TBX v2 (martif, tig, ntig, descripGrp)', () => {
    const result = parseTbx(v2, options);
    const { entries, ...meta } = okPack(result);
    expect(meta).toEqual({
      format: 'termlight-pack',
      version: 1,
      id: 'alliance-logistics-terms',
      name: 'Alliance logistics terms',
      source: 'Exported from a termbase for the Termlight tests',
      language: 'en',
    });
    expect(entries).toEqual([
      {
        id: 'eid-acsa',
        term: 'Acquisition and cross-servicing agreement',
        abbreviation: 'ACSA',
        aliases: ['cross-servicing agreement'],
        category: 'agreement',
        definition:
          'An arrangement under which two armed forces supply each other with logistic support & settle the cost later.',
        forms: { fr: ["accord d'acquisition et de soutien mutuel"] },
        note: 'Weapons are excluded.',
      },
      {
        id: 'eid-hns',
        term: 'Host nation support',
        aliases: [],
        category: 'cooperation',
        definition: 'Help a country gives to foreign forces on its territory.',
      },
    ]);
    expect(result.ok && result.warnings).toEqual([
      { code: 'tbx-entry-skipped', message: 'concept eid-empty has no term and is left out' },
    ]);
  });

  it('reads TBX v3 in the file’s language (French here)', () => {
    const pack = okPack(parseTbx(v3, options));
    expect(pack).toMatchObject({
      name: 'Glossaire des opérations',
      description: "Termes d'opérations interarmées",
      language: 'fr',
    });
    expect(pack.entries).toEqual([
      {
        id: 'c1',
        term: "règles d'engagement",
        aliases: ["règles d'engagement opérationnel"],
        category: 'operation',
        definition: 'Directives qui fixent quand et comment la force peut être employée.',
        forms: { en: ['Rules of engagement', 'ROE'], de: ['Einsatzregeln'] },
      },
      {
        id: 'c2',
        term: 'opération de liberté de navigation',
        abbreviation: 'FONOP',
        aliases: [],
        category: 'cooperation',
        definition:
          'Passage délibéré de navires de guerre dans des eaux revendiquées par un autre État.',
      },
    ]);
  });

  it('puts the language asked for first, falling back to the first section', () => {
    const [c1, c2] = okPack(parseTbx(v3, { ...options, language: 'en' })).entries;
    expect(c1).toMatchObject({
      term: 'Rules of engagement',
      abbreviation: 'ROE',
      definition: 'Directives on when and how force may be used.',
      forms: {
        fr: ["règles d'engagement", "règles d'engagement opérationnel"],
        de: ['Einsatzregeln'],
      },
    });
    expect(c2?.term).toBe('opération de liberté de navigation');
  });

  it('reads the DCT style (namespaced data categories)', () => {
    expect(okPack(parseTbx(dct, options)).entries).toEqual([
      {
        id: 'iamd',
        term: 'Integrated air and missile defence',
        abbreviation: 'IAMD',
        aliases: [],
        category: 'capability',
        definition: 'Sensors and interceptors of several forces linked into one network.',
      },
    ]);
  });

  it.each([
    ['not well formed', '<tbx>\n<text>\n</tbx>', 'xml-syntax', 'line 3, column 7: '],
    [
      'other XML',
      '<html><body/></html>',
      'not-tbx',
      'this XML is not TBX (its root is <html>, not <tbx> or <martif>)',
    ],
    ['no concepts', '<tbx><text><body/></text></tbx>', 'empty-pack', 'the pack has no entries'],
  ])('refuses %s', (_name, xml, code, message) => {
    const [error] = errorsOf(parseTbx(xml, options));
    expect(error?.code).toBe(code);
    expect(formatProblem(error as never).startsWith(message)).toBe(true);
  });

  it('names the concept of a field problem', () => {
    const xml = v3.replace('Directives qui fixent', `${'x'.repeat(4000)} Directives`);
    expect(errorsOf(parseTbx(xml, options)).map(formatProblem)).toEqual([
      'entries[0].definition (concept c1): the definition is longer than 4,000 characters (4,057)',
    ]);
  });
});

describe('toTbx', () => {
  const hostile = entry({
    id: 'x',
    term: '<script>alert("&")</script>',
    abbreviation: "A&B's",
    aliases: [']]> <![CDATA[', '"quoted"'],
    definition: 'Line one\nline two & <b>three</b>',
    note: '&amp; stays as typed',
    forms: { en: ['also main'], ar: ['عدم الانتشار'] },
  });

  it('writes well-formed TBX v3 that escapes everything', () => {
    const xml = toTbx(
      pack([hostile], { description: 'd <x>', source: 'https://example.org/?a=1&b=2' }),
    );
    const parsed = parseXml(xml);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.root.localName).toBe('tbx');
    expect(parsed.root.namespaceURI).toBe('urn:iso:std:iso:30042:ed-2');
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain('<![CDATA[');
  });

  it('reads back to the same entries and metadata', () => {
    const original = pack([hostile, entry({ id: 'y', term: 'Plain' })], {
      description: 'd',
      source: 's',
    });
    const back = okPack(parseTbx(toTbx(original), { ...options, id: original.id }));
    expect(back).toEqual({ ...original, language: 'en' });
  });
});

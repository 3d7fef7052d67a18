/**
 * Export → import gives back the same pack, for each format. "The same" means deep equality
 * with the pack as validation returns it, which is canonical: one-line fields (term,
 * abbreviation, aliases, forms, name) have whitespace runs folded to one space and ends
 * trimmed; multi-line fields (definition, note, source, description) have CRLF/CR as LF and ends
 * trimmed; language tags are canonical; empty optional fields and empty form lists are absent.
 * Exporters take a canonical pack, so the property is that validation is idempotent (first test)
 * and each format reproduces its input exactly, except for what the format cannot carry:
 * - CSV carries entries only: the pack's id, name, source, description and language come from
 *   the import options.
 * - TBX carries no pack id (from the options), and always a language: a pack without one reads
 *   back as "en", the main language it was written in.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../../src/glossary/schema';
import { parseCsvPack, toCsvPack } from '../../../src/packs/csv-pack';
import { parseJsonPack, toJsonPack } from '../../../src/packs/json';
import { parseTbx } from '../../../src/packs/tbx';
import { toTbx } from '../../../src/packs/tbx-export';
import { validatePack } from '../../../src/packs/validate';
import { okPack } from './helpers';

/** Text that tests every escape: quotes, separators, markup, formula starts, RTL, astral. */
const UNITS = [
  'a',
  'Z',
  'é',
  'ß',
  '1',
  ' ',
  '  ',
  '\t',
  '\n',
  '\r\n',
  '\r',
  '\u00a0',
  '"',
  "'",
  ',',
  ';',
  '|',
  '<',
  '>',
  '&',
  '&amp;',
  ']]>',
  '<![CDATA[',
  '=',
  '+',
  '-',
  '@',
  '.',
  'NATO',
  'عربي',
  'עברית',
  '\u200f',
  '\u200d',
  '𝔸',
  '😀',
  'ﬁ',
];
const text = fc.string({ unit: fc.constantFrom(...UNITS), minLength: 1, maxLength: 16 });
const form = text.map((t) => t.replace(/[;|]/g, '')).filter((t) => /\S/.test(t));
const id = fc.stringMatching(/^[a-z0-9é][a-z0-9é._-]{0,8}$/);

const rawEntry = fc.record(
  {
    id,
    term: form,
    aliases: fc.array(form, { maxLength: 3 }),
    abbreviation: form,
    category: fc.constantFrom(...CATEGORIES),
    definition: text,
    forms: fc.dictionary(
      fc.constantFrom('en', 'fr', 'ar', 'he', 'de-ch', 'EN-gb'),
      fc.array(form, { maxLength: 2 }),
      { maxKeys: 3 },
    ),
    note: text,
  },
  { requiredKeys: ['id', 'term', 'aliases', 'category', 'definition'] },
);

const rawPack = fc.record(
  {
    format: fc.constant('termlight-pack' as const),
    version: fc.constant(1 as const),
    id,
    name: form,
    source: text,
    description: text,
    language: fc.constantFrom('en', 'fr', 'ar', 'pt-br'),
    entries: fc.uniqueArray(rawEntry, { minLength: 1, maxLength: 4, selector: (e) => e.id }),
  },
  { requiredKeys: ['format', 'version', 'id', 'name', 'entries'] },
);

/** Canonical packs: what validation returns for the raw ones it accepts. */
const canonical = rawPack
  .map((raw) => validatePack(raw))
  .filter((r) => r.ok)
  .map((r) => okPack(r));

const RUNS = { numRuns: 300 };

describe('round trips', () => {
  it('validation is idempotent: a canonical pack validates to itself', () => {
    fc.assert(
      fc.property(canonical, (pack) => {
        expect(okPack(validatePack(pack))).toEqual(pack);
      }),
      RUNS,
    );
  });

  it('JSON gives back the whole pack', () => {
    fc.assert(
      fc.property(canonical, (pack) => {
        expect(okPack(parseJsonPack(toJsonPack(pack)))).toEqual(pack);
      }),
      RUNS,
    );
  });

  it('CSV gives back the entries (metadata comes from the options)', () => {
    fc.assert(
      fc.property(canonical, (pack) => {
        const { entries, format: _f, version: _v, ...meta } = pack;
        expect(okPack(parseCsvPack(toCsvPack(pack), meta))).toEqual(pack);
      }),
      RUNS,
    );
  });

  it('TBX gives back the entries and metadata (id from the options, language "en" by default)', () => {
    fc.assert(
      fc.property(canonical, (pack) => {
        const back = okPack(parseTbx(toTbx(pack), { defaultCategory: 'strategy', id: pack.id }));
        expect(back).toEqual({ ...pack, language: pack.language ?? 'en' });
      }),
      RUNS,
    );
  });

  it('the arbitrary really reaches the hard cases', () => {
    // Guards the generator: if filtering ever removed these, the properties would prove less.
    const samples = fc.sample(canonical, 300).flatMap((p) => p.entries);
    const all = JSON.stringify(samples);
    for (const hard of ['\\n', '"', ',', '<', '&', ']]>', 'عربي', '𝔸']) expect(all).toContain(hard);
    expect(samples.some((e) => /^[=+\-@]/.test(e.term))).toBe(true);
    expect(samples.some((e) => e.forms !== undefined)).toBe(true);
  });
});

// @vitest-environment node
// The built extension uses its bundled data without re-validating it (src/glossary/trusted.ts):
// that is only sound if the files are already exactly what their schemas would make of them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import raw from '../../data/glossary.json';
import { LANGUAGE_FILES, type OtherLanguage, parse } from '../../src/glossary/languages';
import { parseGlossary } from '../../src/glossary/schema';
import { TRUSTED_DATA } from '../../src/glossary/trusted';

describe('bundled data is already in parsed form', () => {
  it('tests validate: trusted mode is off under Vitest', () => {
    expect(TRUSTED_DATA).toBe(false);
  });

  it('data/glossary.json parses to itself', () => {
    expect(parseGlossary(raw)).toEqual(raw);
  });

  it.each(Object.keys(LANGUAGE_FILES) as OtherLanguage[])(
    'data/lang/%s.json parses to itself',
    (lang) => {
      const file = JSON.parse(readFileSync(`data/lang/${lang}.json`, 'utf8'));
      expect(parse(lang, file)).toEqual(file);
    },
  );

  it('a definition with stray spaces would not (the check can fail)', () => {
    const copy = structuredClone(raw) as { entries: { definition: string }[] };
    (copy.entries[0] as { definition: string }).definition += ' ';
    expect(parseGlossary(copy)).not.toEqual(copy);
  });
});

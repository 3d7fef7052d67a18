import { describe, expect, it } from 'vitest';
import {
  EXPORT_FORMAT,
  exportSettings,
  MAX_IMPORT_SITES,
  parseImport,
} from '../../../src/settings/import-export';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, type Settings } from '../../../src/settings/settings';

const custom: Settings = {
  paused: false,
  mode: 'allow',
  siteRules: { 'example.com': true, 'blog.example.com': false, 'xn--bcher-kva.de': true },
  style: 'underline',
  colors: { agreement: '#112233' },
  hoverDelayMs: 450,
  hiddenTerms: ['nato', 'mou'],
};

function file(settings: unknown, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    format: EXPORT_FORMAT,
    version: SETTINGS_VERSION,
    exportedAt: '2026-01-01T00:00:00.000Z',
    settings,
    ...extra,
  });
}

function errorOf(json: string): string {
  const result = parseImport(json);
  if (result.ok) throw new Error('expected the import to fail');
  return result.error;
}

describe('exportSettings', () => {
  it('writes the format marker, version, date and the full settings', () => {
    const data = JSON.parse(exportSettings(custom, new Date('2026-02-03T04:05:06Z')));
    expect(data).toEqual({
      format: 'termlight-settings',
      version: SETTINGS_VERSION,
      exportedAt: '2026-02-03T04:05:06.000Z',
      settings: custom,
    });
  });

  it('round-trips through parseImport', () => {
    expect(parseImport(exportSettings(custom))).toEqual({ ok: true, settings: custom });
    expect(parseImport(exportSettings(DEFAULT_SETTINGS as Settings))).toEqual({
      ok: true,
      settings: DEFAULT_SETTINGS,
    });
  });
});

describe('parseImport accepts', () => {
  it('a partial settings object (missing fields take defaults)', () => {
    expect(parseImport(file({ paused: true }))).toEqual({
      ok: true,
      settings: { ...DEFAULT_SETTINGS, paused: true },
    });
  });

  it('a v1 file, migrated', () => {
    const result = parseImport(file({ disabledSites: ['a.com'], enabled: false }, { version: 1 }));
    expect(result).toEqual({
      ok: true,
      settings: { ...DEFAULT_SETTINGS, paused: true, siteRules: { 'a.com': false } },
    });
  });

  it('hosts typed as URLs or with www, normalised', () => {
    const result = parseImport(file({ siteRules: { 'https://WWW.News.com/x': false } }));
    expect(result.ok && result.settings.siteRules).toEqual({ 'news.com': false });
  });

  it('unknown extra keys (ignored)', () => {
    const result = parseImport(file({ paused: true, futureThing: 1 }));
    expect(result).toEqual({ ok: true, settings: { ...DEFAULT_SETTINGS, paused: true } });
  });

  it(`${(5000).toLocaleString('en')} sites`, () => {
    const siteRules = Object.fromEntries(
      Array.from({ length: 5000 }, (_, i) => [`site-${i}.example.com`, false]),
    );
    const result = parseImport(file({ siteRules }));
    expect(result.ok && Object.keys(result.settings.siteRules)).toHaveLength(5000);
  });
});

describe('parseImport rejects with a clear message', () => {
  it.each([
    ['empty', '', /empty/],
    ['not JSON', '{"format": termlight', /not valid JSON/],
    ['a CSV file', 'host,on\nexample.com,false', /not valid JSON/],
    ['JSON but not an object', '[1,2,3]', /not a Termlight settings file/],
    ['JSON null', 'null', /not a Termlight settings file/],
    [
      'no format marker',
      JSON.stringify({ version: 2, settings: {} }),
      /expected "format": "termlight-settings"/,
    ],
    [
      'a foreign format',
      JSON.stringify({ format: 'darkreader-settings', version: 2, settings: {} }),
      /not a Termlight settings file/,
    ],
    [
      'a newer version',
      file({}, { version: SETTINGS_VERSION + 1 }),
      /newer Termlight \(settings version 3\).*up to version 2/,
    ],
    ['a missing version', file({}, { version: undefined }), /no valid "version"/],
    ['a string version', file({}, { version: '2' }), /no valid "version"/],
    ['version 0', file({}, { version: 0 }), /no valid "version"/],
    ['missing settings', file(undefined), /no "settings" object/],
    ['settings as an array', file([]), /no "settings" object/],
    ['paused as a string', file({ paused: 'yes' }), /wrong type: paused \(true or false\)/],
    ['unknown mode', file({ mode: 'sometimes' }), /wrong type: mode/],
    ['siteRules as a list', file({ siteRules: ['a.com'] }), /wrong type: siteRules/],
    [
      'siteRules with string values',
      file({ siteRules: { 'a.com': 'off' } }),
      /wrong type: siteRules/,
    ],
    ['hoverDelayMs as text', file({ hoverDelayMs: '300' }), /wrong type: hoverDelayMs/],
    [
      'hoverDelayMs out of range',
      file({ hoverDelayMs: 99999 }),
      /hoverDelayMs \(a whole number from 0 to 2000\)/,
    ],
    ['hiddenTerms as text', file({ hiddenTerms: 'nato' }), /wrong type: hiddenTerms/],
    ['several wrong fields', file({ paused: 1, style: 'bold' }), /paused \(true or false\), style/],
    [
      'bad colour',
      file({ colors: { agreement: 'red' } }),
      /invalid values: colors: invalid entry "agreement": "red"/,
    ],
    ['bad hidden id', file({ hiddenTerms: ['Not An Id'] }), /hiddenTerms: invalid ids/],
    [
      'one invalid host',
      file({ siteRules: { 'ok.com': false, 'not a host': false } }),
      /1 site entry is not a valid host: "not a host"/,
    ],
  ])('%s', (_name, json, message) => {
    expect(errorOf(json)).toMatch(message);
  });

  it('lists a few invalid hosts and counts the rest', () => {
    const siteRules = Object.fromEntries(
      ['a b', 'c d', 'e f', 'g h', 'i j', 'k l', 'm n', 'ok.com'].map((h) => [h, false]),
    );
    expect(errorOf(file({ siteRules }))).toBe(
      '7 site entries are not valid hosts: "a b", "c d", "e f", "g h", "i j", and 2 more.',
    );
  });

  it(`more than ${MAX_IMPORT_SITES} sites`, () => {
    const siteRules = Object.fromEntries(
      Array.from({ length: MAX_IMPORT_SITES + 1 }, (_, i) => [`s${i}.com`, false]),
    );
    expect(errorOf(file({ siteRules }))).toBe(
      'The file lists 50,001 sites; Termlight keeps at most 50,000.',
    );
  });
});

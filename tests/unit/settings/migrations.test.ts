import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrateSettings, migrateV1ToV2 } from '../../../src/settings/migrations';
import { SETTINGS_VERSION, sanitizeSettings } from '../../../src/settings/settings';

describe('migrations table', () => {
  it('has a step for every version after 1, in order', () => {
    const versions = Object.keys(MIGRATIONS).map(Number);
    expect(versions).toEqual(Array.from({ length: SETTINGS_VERSION - 1 }, (_, i) => i + 2));
  });
});

describe('migrateV1ToV2', () => {
  it.each([
    [
      'disabledSites -> siteRules off',
      { disabledSites: ['example.com', 'https://News.Site.org/x'] },
      { siteRules: { 'example.com': false, 'news.site.org': false } },
    ],
    ['enabled: false -> paused', { enabled: false }, { paused: true }],
    ['enabled: true -> not paused', { enabled: true }, { paused: false }],
    [
      'invalid hosts are dropped',
      { disabledSites: ['ok.com', 'not a host', 7, null] },
      { siteRules: { 'ok.com': false } },
    ],
    [
      'www is merged with its parent',
      { disabledSites: ['www.a.com', 'a.com'] },
      { siteRules: { 'a.com': false } },
    ],
    [
      'other keys pass through',
      { disabledSites: [], style: 'underline' },
      { siteRules: {}, style: 'underline' },
    ],
    [
      'an existing v2 rule wins',
      { disabledSites: ['a.com'], siteRules: { 'a.com': true } },
      { siteRules: { 'a.com': true } },
    ],
    [
      'already v2: unchanged',
      { paused: true, siteRules: { 'a.com': false } },
      { paused: true, siteRules: { 'a.com': false } },
    ],
    ['explicit paused wins over enabled', { enabled: false, paused: false }, { paused: false }],
  ])('%s', (_name, input, expected) => {
    expect(migrateV1ToV2(input)).toEqual(expected);
  });

  it.each([[null], [undefined], ['garbage'], [42], [[1, 2]]])('passes %j through', (raw) => {
    expect(migrateV1ToV2(raw)).toEqual(raw);
  });

  it('is idempotent', () => {
    const once = migrateV1ToV2({ enabled: false, disabledSites: ['a.com'] });
    expect(migrateV1ToV2(once)).toEqual(once);
  });
});

describe('migrateSettings', () => {
  it('runs from v1 to the current version', () => {
    const migrated = migrateSettings({ disabledSites: ['a.com'] }, 1);
    expect(sanitizeSettings(migrated).siteRules).toEqual({ 'a.com': false });
  });

  it('leaves a current value alone', () => {
    const value = { disabledSites: ['a.com'] };
    expect(migrateSettings(value, SETTINGS_VERSION)).toBe(value);
  });
});

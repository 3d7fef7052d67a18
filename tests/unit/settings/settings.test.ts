import { describe, expect, it } from 'vitest';
import { HISTORY_CAP_DEFAULT } from '../../../src/history/store';
import {
  DEFAULT_SETTINGS,
  diffFromDefaults,
  inspectSettings,
  type Settings,
  sanitizeSettings,
} from '../../../src/settings/settings';

const defaults = (): Settings => structuredClone(DEFAULT_SETTINGS) as Settings;

describe('DEFAULT_SETTINGS', () => {
  it('matches the contract', () => {
    expect(DEFAULT_SETTINGS).toEqual({
      paused: false,
      mode: 'deny',
      siteRules: {},
      style: 'background',
      colors: {},
      hoverDelayMs: 300,
      hiddenTerms: [],
      history: true,
      historyCap: HISTORY_CAP_DEFAULT,
      historyKeepQuery: false,
      historyPaused: {},
      knownTerms: [],
      knownStyle: 'quiet',
      firstMentionOnly: false,
    });
    expect(HISTORY_CAP_DEFAULT).toBe(5000);
  });

  it('cannot be changed through a sanitised copy', () => {
    const s = sanitizeSettings({});
    s.siteRules['a.com'] = false;
    s.hiddenTerms.push('nato');
    expect(DEFAULT_SETTINGS.siteRules).toEqual({});
    expect(DEFAULT_SETTINGS.hiddenTerms).toEqual([]);
  });
});

describe('sanitizeSettings: whole value', () => {
  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a string', 'garbage'],
    ['JSON text', '{"paused":true}'],
    ['a number', 42],
    ['an array', [1, 2, 3]],
    ['true', true],
    ['empty object', {}],
  ])('%s -> defaults', (_name, raw) => {
    expect(sanitizeSettings(raw)).toEqual(DEFAULT_SETTINGS);
  });
});

describe('sanitizeSettings: one bad field falls back, the rest is kept', () => {
  const good: Settings = {
    ...structuredClone(DEFAULT_SETTINGS),
    paused: true,
    mode: 'allow',
    siteRules: { 'example.com': true },
    style: 'underline',
    colors: { agreement: '#aa0000' },
    hoverDelayMs: 500,
    hiddenTerms: ['nato'],
  };
  it.each([
    ['paused', 'yes'],
    ['paused', 1],
    ['mode', 'sometimes'],
    ['mode', null],
    ['siteRules', ['example.com']],
    ['siteRules', 'example.com'],
    ['style', 'bold'],
    ['colors', 'red'],
    ['hoverDelayMs', '300'],
    ['hoverDelayMs', -1],
    ['hoverDelayMs', 2.5],
    ['hoverDelayMs', 1e9],
    ['hoverDelayMs', Number.NaN],
    ['hiddenTerms', 'nato'],
    ['hiddenTerms', { 0: 'nato' }],
  ] as const)('%s = %j', (key, bad) => {
    const result = sanitizeSettings({ ...good, [key]: bad });
    expect(result).toEqual({ ...good, [key]: DEFAULT_SETTINGS[key] });
  });

  it('keeps good fields when every other field is garbage', () => {
    const result = sanitizeSettings({ paused: 'x', mode: 3, hoverDelayMs: 150, hiddenTerms: {} });
    expect(result).toEqual({ ...defaults(), hoverDelayMs: 150 });
  });

  it('ignores unknown keys and reports them', () => {
    const { settings, issues } = inspectSettings({ paused: true, theme: 'dark', __proto__: 1 });
    expect(settings).toEqual({ ...defaults(), paused: true });
    expect(settings).not.toHaveProperty('theme');
    expect(issues).toEqual([{ code: 'unknown-key', message: 'theme: unknown key ignored' }]);
  });

  it('reports nothing for a clean value', () => {
    expect(inspectSettings({ paused: true }).issues).toEqual([]);
    expect(inspectSettings(undefined).issues).toEqual([]);
  });
});

describe('sanitizeSettings: collections are cleaned item by item', () => {
  it('siteRules: normalises hosts, drops invalid hosts and non-boolean values', () => {
    const { settings, issues } = inspectSettings({
      siteRules: { 'WWW.Example.com': false, 'b.com': true, 'not a host': false },
    });
    expect(settings.siteRules).toEqual({ 'example.com': false, 'b.com': true });
    expect(issues).toEqual([
      { code: 'invalid-host', message: 'siteRules: invalid host "not a host"' },
    ]);
  });

  it('siteRules: Object.prototype names cannot pollute anything (valibot skips them)', () => {
    const raw = JSON.parse(
      '{"siteRules": {"__proto__": false, "constructor": true, "a.com": false}}',
    );
    const { siteRules } = sanitizeSettings(raw);
    expect(siteRules).toEqual({ 'a.com': false });
    expect(Object.getPrototypeOf(siteRules)).toBe(Object.prototype);
  });

  it('siteRules: a non-boolean value drops the field (schema), never throws', () => {
    expect(sanitizeSettings({ siteRules: { 'a.com': 'off' } }).siteRules).toEqual({});
  });

  it('colors: keeps known categories with hex colours, lower-cased', () => {
    const result = sanitizeSettings({
      colors: { agreement: '#AABBCC', capability: '#abc', strategy: 'red', bogus: '#000000' },
    });
    expect(result.colors).toEqual({ agreement: '#aabbcc', capability: '#abc' });
  });

  it('hiddenTerms: drops invalid ids and duplicates', () => {
    const result = sanitizeSettings({ hiddenTerms: ['nato', 'Not An Id', 'nato', 'mou'] });
    expect(result.hiddenTerms).toEqual(['nato', 'mou']);
  });
});

describe('diffFromDefaults', () => {
  it.each([
    ['defaults', {}, {}],
    ['one flag', { paused: true }, { paused: true }],
    ['a default value set explicitly', { hoverDelayMs: 300 }, {}],
    ['site rules', { siteRules: { 'a.com': false } }, { siteRules: { 'a.com': false } }],
    ['empty collections', { siteRules: {}, colors: {}, hiddenTerms: [] }, {}],
    [
      'mode and style',
      { mode: 'allow', style: 'underline' },
      { mode: 'allow', style: 'underline' },
    ],
    ['colours', { colors: { operation: '#123456' } }, { colors: { operation: '#123456' } }],
  ] as const)('%s', (_name, changes, expected) => {
    expect(diffFromDefaults({ ...defaults(), ...changes } as Settings)).toEqual(expected);
  });

  it('round-trips through sanitizeSettings', () => {
    const s: Settings = { ...defaults(), mode: 'allow', siteRules: { 'x.org': true } };
    expect(sanitizeSettings(diffFromDefaults(s))).toEqual(s);
  });
});

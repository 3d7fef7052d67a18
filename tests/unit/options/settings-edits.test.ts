import { describe, expect, it } from 'vitest';
import { clampDelay, siteToAdd, withColor } from '../../../entrypoints/options/settings-edits';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/settings/settings';

const settings = (overrides: Partial<Settings> = {}): Settings => ({
  ...structuredClone(DEFAULT_SETTINGS),
  ...overrides,
});

describe('siteToAdd', () => {
  const deny = (siteRules: Settings['siteRules'] = {}) => settings({ mode: 'deny', siteRules });
  const allow = (siteRules: Settings['siteRules'] = {}) => settings({ mode: 'allow', siteRules });
  it.each([
    [
      'a pasted link, deny mode',
      deny(),
      'https://News.Example.com/world',
      { host: 'news.example.com', on: false },
    ],
    ['allow mode turns the site on', allow(), 'example.net', { host: 'example.net', on: true }],
    ['www. is the same site', deny(), 'www.example.com', { host: 'example.com', on: false }],
    [
      'a subdomain of an on parent',
      deny({ 'example.com': true }),
      'a.example.com',
      { host: 'a.example.com', on: false },
    ],
    [
      'not a host',
      deny(),
      'not a host',
      { error: '“not a host” is not a site address. Enter a host such as news.example.com.' },
    ],
    [
      'blank input',
      deny(),
      '   ',
      { error: '“ ” is not a site address. Enter a host such as news.example.com.' },
    ],
    [
      'its own rule already',
      deny({ 'example.com': false }),
      'example.com',
      { error: 'example.com is already in the list.' },
    ],
    // setSiteEnabled keeps rules minimal: a subdomain already off through its parent adds nothing.
    [
      'off through its parent',
      deny({ 'example.com': false }),
      'news.example.com',
      { error: 'news.example.com is already in the list.' },
    ],
    [
      'on through its parent',
      allow({ 'example.com': true }),
      'news.example.com',
      { error: 'news.example.com is already in the list.' },
    ],
  ])('%s', (_name, current, input, expected) => {
    expect(siteToAdd(current, input)).toEqual(expected);
  });
});

describe('withColor', () => {
  it.each([
    ['sets a colour', {}, '#123456', { agreement: '#123456' }],
    [
      'replaces a colour',
      { agreement: '#000000', operation: '#ffffff' },
      '#123456',
      { agreement: '#123456', operation: '#ffffff' },
    ],
    [
      'null goes back to the default',
      { agreement: '#000000', operation: '#ffffff' },
      null,
      { operation: '#ffffff' },
    ],
    ['null without a colour changes nothing', {}, null, {}],
  ] as const)('%s', (_name, colors, color, expected) => {
    const before = settings({ colors: { ...colors } });
    const after = withColor(before, 'agreement', color);
    expect(after.colors).toEqual(expected);
    expect(before.colors).toEqual(colors);
  });
});

describe('clampDelay', () => {
  it.each([
    [300, 300],
    [299.6, 300],
    [-50, 0],
    [2001, 2000],
    [1e9, 2000],
    [Number.NaN, 0],
    [Number.POSITIVE_INFINITY, 0],
  ])('%s ms -> %s', (input, expected) => {
    expect(clampDelay(input)).toBe(expected);
  });
});

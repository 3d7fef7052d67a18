import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostChain, normalizeHost } from '../../../src/settings/hosts';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/settings/settings';
import {
  isSiteEnabled,
  ruleFor,
  setSiteEnabled,
  toggleSite,
} from '../../../src/settings/site-rules';

function settings(overrides: Partial<Settings> = {}): Settings {
  return { ...structuredClone(DEFAULT_SETTINGS), ...overrides };
}

describe('normalizeHost', () => {
  it.each([
    ['https://News.Example.com/x', 'news.example.com'],
    ['http://example.com', 'example.com'],
    ['example.com', 'example.com'],
    ['  example.com  ', 'example.com'],
    ['EXAMPLE.COM', 'example.com'],
    ['example.com/path?q=1#h', 'example.com'],
    ['example.com:8080', 'example.com'],
    ['https://example.com:8443/a', 'example.com'],
    ['https://user:pw@example.com/', 'example.com'],
    ['example.com.', 'example.com'],
    ['www.example.com', 'example.com'],
    ['https://www.example.co.uk/news', 'example.co.uk'],
    ['www.com', 'www.com'],
    ['www2.example.com', 'www2.example.com'],
    ['news.www.example.com', 'news.www.example.com'],
    ['*.example.com', 'example.com'],
    ['localhost', 'localhost'],
    ['localhost:3000', 'localhost'],
    ['http://localhost:8080/', 'localhost'],
    ['intranet', 'intranet'],
    ['192.168.0.1', '192.168.0.1'],
    ['http://192.168.0.1:8080/x', '192.168.0.1'],
    ['http://127.1/', '127.0.0.1'],
    ['http://[::1]:8080/', '[::1]'],
    ['[2001:DB8::1]', '[2001:db8::1]'],
    ['bücher.de', 'xn--bcher-kva.de'],
    ['https://BÜCHER.de/', 'xn--bcher-kva.de'],
    ['xn--bcher-kva.de', 'xn--bcher-kva.de'],
    ['https://пример.рф', 'xn--e1afmkfd.xn--p1ai'],
    ['my_host.example.com', 'my_host.example.com'],
    ['a-b.example.com', 'a-b.example.com'],
  ])('%j -> %j', (input, expected) => {
    expect(normalizeHost(input)).toBe(expected);
  });

  it.each([
    [''],
    ['   '],
    ['exa mple.com'],
    ['file:///home/a.html'],
    ['chrome://extensions'],
    ['about:blank'],
    ['moz-extension://abc/popup.html'],
    ['javascript:alert(1)'],
    ['data:text/html,hi'],
    ['mailto:someone@example.com'],
    ['user@example.com'],
    ['ftp://example.com'],
    ['a..b.com'],
    ['-bad.example.com'],
    ['bad-.example.com'],
    ['ex!ample.com'],
    [`${'a'.repeat(64)}.com`],
    ['http://'],
    ['.'],
  ])('%j -> null', (input) => {
    expect(normalizeHost(input)).toBeNull();
  });
});

describe('hostChain', () => {
  it.each([
    ['a.b.example.com', ['a.b.example.com', 'b.example.com', 'example.com', 'com']],
    ['example.com', ['example.com', 'com']],
    ['localhost', ['localhost']],
    ['192.168.0.1', ['192.168.0.1']],
    ['[::1]', ['[::1]']],
  ])('%s', (host, chain) => {
    expect(hostChain(host)).toEqual(chain);
  });
});

describe('ruleFor', () => {
  const rules = { 'example.com': false, 'news.example.com': true, '10.0.0.1': false };
  it.each([
    ['example.com', { host: 'example.com', on: false, inherited: false }],
    ['www.example.com', { host: 'example.com', on: false, inherited: false }],
    ['news.example.com', { host: 'news.example.com', on: true, inherited: false }],
    ['a.news.example.com', { host: 'news.example.com', on: true, inherited: true }],
    ['blog.example.com', { host: 'example.com', on: false, inherited: true }],
    ['https://blog.example.com/x', { host: 'example.com', on: false, inherited: true }],
    ['10.0.0.1', { host: '10.0.0.1', on: false, inherited: false }],
    ['other.com', null],
    ['example.org', null],
    ['notexample.com', null],
    ['0.0.1', null],
    ['not a host', null],
  ])('%s', (host, expected) => {
    expect(ruleFor(host, rules)).toEqual(expected);
  });

  it('ignores inherited object keys', () => {
    expect(ruleFor('constructor', {})).toBeNull();
    expect(ruleFor('__proto__.com', {})).toBeNull();
  });
});

describe('isSiteEnabled', () => {
  const deny = { paused: false, mode: 'deny' as const };
  const allow = { paused: false, mode: 'allow' as const };
  it.each([
    // [description, host, settings, expected]
    ['deny mode, no rules: on', 'example.com', { ...deny, siteRules: {} }, true],
    ['deny mode, site off', 'example.com', { ...deny, siteRules: { 'example.com': false } }, false],
    [
      'deny mode, subdomain follows parent',
      'a.example.com',
      { ...deny, siteRules: { 'example.com': false } },
      false,
    ],
    [
      'deny mode, deep subdomain follows',
      'x.y.example.com',
      { ...deny, siteRules: { 'example.com': false } },
      false,
    ],
    [
      'deny mode, www follows parent',
      'www.example.com',
      { ...deny, siteRules: { 'example.com': false } },
      false,
    ],
    [
      'deny mode, subdomain exception',
      'a.example.com',
      { ...deny, siteRules: { 'example.com': false, 'a.example.com': true } },
      true,
    ],
    [
      'deny mode, exception inherited deeper',
      'b.a.example.com',
      { ...deny, siteRules: { 'example.com': false, 'a.example.com': true } },
      true,
    ],
    [
      'deny mode, parent unaffected by child rule',
      'example.com',
      { ...deny, siteRules: { 'a.example.com': false } },
      true,
    ],
    [
      'deny mode, sibling unaffected',
      'b.example.com',
      { ...deny, siteRules: { 'a.example.com': false } },
      true,
    ],
    [
      'deny mode, suffix is not a parent',
      'myexample.com',
      { ...deny, siteRules: { 'example.com': false } },
      true,
    ],
    [
      'deny mode, url input',
      'https://a.example.com/page',
      { ...deny, siteRules: { 'example.com': false } },
      false,
    ],
    ['allow mode, no rules: off', 'example.com', { ...allow, siteRules: {} }, false],
    ['allow mode, site on', 'example.com', { ...allow, siteRules: { 'example.com': true } }, true],
    [
      'allow mode, subdomain follows',
      'a.example.com',
      { ...allow, siteRules: { 'example.com': true } },
      true,
    ],
    [
      'allow mode, subdomain exception',
      'a.example.com',
      { ...allow, siteRules: { 'example.com': true, 'a.example.com': false } },
      false,
    ],
    [
      'allow mode, other site off',
      'other.com',
      { ...allow, siteRules: { 'example.com': true } },
      false,
    ],
    [
      'paused beats an on rule',
      'example.com',
      { paused: true, mode: 'allow' as const, siteRules: { 'example.com': true } },
      false,
    ],
    [
      'paused in deny mode',
      'example.com',
      { paused: true, mode: 'deny' as const, siteRules: {} },
      false,
    ],
    [
      'localhost port ignored',
      'localhost:3000',
      { ...deny, siteRules: { localhost: false } },
      false,
    ],
    ['IP has no parents', '10.0.0.1', { ...deny, siteRules: { '0.0.1': false } }, true],
    ['IP rule', '10.0.0.1', { ...deny, siteRules: { '10.0.0.1': false } }, false],
    [
      'IDN rule matches unicode host',
      'https://bücher.de/',
      { ...deny, siteRules: { 'xn--bcher-kva.de': false } },
      false,
    ],
    ['invalid host is off', 'about:blank', { ...deny, siteRules: {} }, false],
  ] as const)('%s', (_name, host, s, expected) => {
    expect(isSiteEnabled(host, s)).toBe(expected);
  });
});

describe('setSiteEnabled keeps rules minimal', () => {
  const deny = (siteRules: Record<string, boolean>) => settings({ siteRules });
  const allow = (siteRules: Record<string, boolean>) => settings({ mode: 'allow', siteRules });
  it.each([
    // [description, start, host, on, expected rules]
    ['deny: turn off adds a rule', deny({}), 'example.com', false, { 'example.com': false }],
    ['deny: turn on a default-on site adds nothing', deny({}), 'example.com', true, {}],
    [
      'deny: turn back on removes the rule',
      deny({ 'example.com': false }),
      'example.com',
      true,
      {},
    ],
    [
      'deny: normalises the host',
      deny({}),
      'https://WWW.Example.com/x',
      false,
      { 'example.com': false },
    ],
    [
      'deny: subdomain off under on parent',
      deny({}),
      'a.example.com',
      false,
      { 'a.example.com': false },
    ],
    [
      'deny: subdomain on under off parent',
      deny({ 'example.com': false }),
      'a.example.com',
      true,
      { 'example.com': false, 'a.example.com': true },
    ],
    [
      'deny: subdomain back to parent removes its rule',
      deny({ 'example.com': false, 'a.example.com': true }),
      'a.example.com',
      false,
      { 'example.com': false },
    ],
    [
      'deny: subdomain same as parent adds nothing',
      deny({ 'example.com': false }),
      'a.example.com',
      false,
      { 'example.com': false },
    ],
    [
      'deny: child rules are kept when parent changes',
      deny({ 'a.example.com': false }),
      'example.com',
      false,
      { 'a.example.com': false, 'example.com': false },
    ],
    [
      'deny: nearest parent decides',
      deny({ 'example.com': false, 'a.example.com': true }),
      'b.a.example.com',
      true,
      { 'example.com': false, 'a.example.com': true },
    ],
    ['allow: turn on adds a rule', allow({}), 'example.com', true, { 'example.com': true }],
    ['allow: turn off a default-off site adds nothing', allow({}), 'example.com', false, {}],
    ['allow: turn off removes the rule', allow({ 'example.com': true }), 'example.com', false, {}],
    [
      'allow: subdomain exception',
      allow({ 'example.com': true }),
      'a.example.com',
      false,
      { 'example.com': true, 'a.example.com': false },
    ],
    [
      'other rules untouched',
      deny({ 'x.com': false }),
      'y.com',
      false,
      { 'x.com': false, 'y.com': false },
    ],
    [
      'invalid host changes nothing',
      deny({ 'x.com': false }),
      'about:blank',
      false,
      { 'x.com': false },
    ],
  ] as const)('%s', (_name, start, host, on, expected) => {
    const next = setSiteEnabled(start, host, on);
    expect(next.siteRules).toEqual(expected);
    if (normalizeHost(host) !== null) expect(isSiteEnabled(host, next)).toBe(on);
  });

  it('does not mutate its input', () => {
    const start = deny({ 'example.com': false });
    const frozen = structuredClone(start);
    setSiteEnabled(start, 'example.com', true);
    expect(start).toEqual(frozen);
  });

  it('leaves paused alone', () => {
    expect(setSiteEnabled(settings({ paused: true }), 'a.com', false).paused).toBe(true);
  });
});

describe('toggleSite', () => {
  it.each([
    ['on -> off', settings(), 'example.com', { 'example.com': false }, false],
    ['off -> on', settings({ siteRules: { 'example.com': false } }), 'example.com', {}, false],
    [
      'inherited off -> own on',
      settings({ siteRules: { 'example.com': false } }),
      'a.example.com',
      { 'example.com': false, 'a.example.com': true },
      false,
    ],
    [
      'paused: unpause and turn on',
      settings({ paused: true, siteRules: { 'example.com': false } }),
      'example.com',
      {},
      false,
    ],
    ['paused, site already on: just unpause', settings({ paused: true }), 'example.com', {}, false],
  ] as const)('%s', (_name, start, host, rules, paused) => {
    const next = toggleSite(start, host);
    expect(next.siteRules).toEqual(rules);
    expect(next.paused).toBe(paused);
  });

  it('invalid host changes nothing', () => {
    const start = settings();
    expect(toggleSite(start, 'chrome://newtab')).toBe(start);
  });
});

describe('normalizeHost fast path agrees with URL parsing', () => {
  it('for generated domains', () => {
    fc.assert(
      fc.property(fc.domain(), (domain) => {
        expect(normalizeHost(domain)).toBe(normalizeHost(`http://${domain}/`));
      }),
      { numRuns: 2000 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { setHistoryPaused, setKnown } from '../../../src/settings/known';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/settings/settings';

const base = (patch: Partial<Settings> = {}): Settings => ({
  ...structuredClone(DEFAULT_SETTINGS),
  ...patch,
});

describe('known terms', () => {
  it.each([
    [[], 'nato', true, ['nato']],
    [['nato'], 'nato', true, ['nato']],
    [['nato', 'mou'], 'nato', false, ['mou']],
    [[], 'nato', false, []],
  ] as const)('%j + %s known=%s -> %j', (before, id, known, after) => {
    expect(setKnown(base({ knownTerms: [...before] }), id, known).knownTerms).toEqual(after);
  });

  it('returns the same settings when nothing changes', () => {
    const s = base({ knownTerms: ['nato'] });
    expect(setKnown(s, 'nato', true)).toBe(s);
  });
});

describe('history paused per site', () => {
  it.each([
    [{}, 'a.com', true, { 'a.com': true }],
    [{ 'a.com': true }, 'a.com', false, {}],
    // Under a paused parent, resuming a subdomain records an exception.
    [{ 'a.com': true, 'n.a.com': true }, 'n.a.com', false, { 'a.com': true, 'n.a.com': false }],
  ] as const)('%j, %s paused=%s -> %j', (before, host, paused, after) => {
    expect(
      setHistoryPaused(base({ historyPaused: { ...before } }), host, paused).historyPaused,
    ).toEqual(after);
  });
});

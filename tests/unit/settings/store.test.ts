import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LOCAL_QUOTA_BYTES, storedSizeBytes } from '../../../src/platform/storage';
import { exportSettings } from '../../../src/settings/import-export';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, type Settings } from '../../../src/settings/settings';
import { setSiteEnabled } from '../../../src/settings/site-rules';
import {
  getSettings,
  importSettings,
  resetSettings,
  SETTINGS_KEY,
  settingsItem,
  updateSettings,
  watchSettings,
} from '../../../src/settings/store';

/** What is really in browser.storage.local (value and version metadata). */
async function stored(): Promise<Record<string, unknown>> {
  return fakeBrowser.storage.local.get(null);
}

function manySites(n: number): Record<string, boolean> {
  return Object.fromEntries(
    Array.from({ length: n }, (_, i) => [`news-site-${i}.example-${i % 97}.com`, i % 3 !== 0]),
  );
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('defaults and diff storage', () => {
  it('a fresh install reads the defaults and stores nothing', async () => {
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
    expect(await stored()).toEqual({});
  });

  it('stores only the keys the user changed', async () => {
    const next = await updateSettings({ paused: true, hoverDelayMs: 300 });
    expect(next).toEqual({ ...DEFAULT_SETTINGS, paused: true });
    expect((await stored()).settings).toEqual({ paused: true });
  });

  it('changing a value back to its default removes it from storage', async () => {
    await updateSettings({ paused: true, style: 'underline' });
    await updateSettings({ paused: false });
    expect((await stored()).settings).toEqual({ style: 'underline' });
    await updateSettings({ style: 'background' });
    expect((await stored()).settings).toBeUndefined();
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('applies a function update to the current settings', async () => {
    await updateSettings((s) => setSiteEnabled(s, 'example.com', false));
    await updateSettings((s) => setSiteEnabled(s, 'other.org', false));
    expect((await getSettings()).siteRules).toEqual({ 'example.com': false, 'other.org': false });
  });

  it('sanitises what it is given (an invalid patch field falls back)', async () => {
    const next = await updateSettings({ hoverDelayMs: -5, mode: 'allow' } as Partial<Settings>);
    expect(next).toEqual({ ...DEFAULT_SETTINGS, mode: 'allow' });
    expect((await stored()).settings).toEqual({ mode: 'allow' });
  });

  it('serialises concurrent read-modify-writes (none is lost)', async () => {
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        updateSettings((s) => setSiteEnabled(s, `site${i}.com`, false)),
      ),
    );
    expect(Object.keys((await getSettings()).siteRules)).toHaveLength(40);
  });

  it('persists: a second read sees the first write', async () => {
    await updateSettings({ hiddenTerms: ['nato'] });
    expect((await getSettings()).hiddenTerms).toEqual(['nato']);
  });

  it('resetSettings returns to defaults and keeps the version metadata', async () => {
    await updateSettings({ paused: true, siteRules: { 'a.com': false } });
    await resetSettings();
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
    const all = await stored();
    expect(all.settings).toBeUndefined();
  });
});

describe('corrupt storage falls back without throwing', () => {
  it.each([
    ['a string', 'garbage'],
    ['JSON text', '{"paused": true}'],
    ['a number', 7],
    ['an array', ['paused']],
    ['false', false],
  ])('%s -> defaults', async (_name, raw) => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await fakeBrowser.storage.local.set({ settings: raw, settings$: { v: SETTINGS_VERSION } });
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('one bad field falls back, the rest is kept', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await fakeBrowser.storage.local.set({
      settings: {
        paused: 'maybe',
        mode: 'allow',
        siteRules: { 'a.com': true, 'bad host': true },
        hoverDelayMs: { nested: true },
        hiddenTerms: ['nato', 42],
        unknownKey: [1, 2],
      },
      settings$: { v: SETTINGS_VERSION },
    });
    expect(await getSettings()).toEqual({
      ...DEFAULT_SETTINGS,
      mode: 'allow',
      siteRules: { 'a.com': true },
    });
  });

  it('the next write repairs storage, keeping the good fields', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await fakeBrowser.storage.local.set({
      settings: { mode: 'allow', style: 42, junk: true },
      settings$: { v: SETTINGS_VERSION },
    });
    await updateSettings({ paused: true });
    expect((await stored()).settings).toEqual({ mode: 'allow', paused: true });
  });

  it('warns once per context, not on every read', async () => {
    vi.resetModules();
    const fresh = await import('../../../src/settings/store');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await fakeBrowser.storage.local.set({ settings: { paused: 'x' }, settings$: { v: 2 } });
    await fresh.getSettings();
    await fresh.getSettings();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[1])).toMatch(/paused/);
  });

  it('a failing storage read gives the defaults', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValue(new Error('IO error'));
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
  });
});

describe('migration v1 -> v2 through @wxt-dev/storage', () => {
  const v1 = { enabled: false, disabledSites: ['example.com', 'https://www.news.org/a'] };

  it('migrates a v1 value when the item is defined (fresh context)', async () => {
    await fakeBrowser.storage.local.set({ settings: v1 });
    vi.resetModules();
    const fresh = await import('../../../src/settings/store');
    expect(await fresh.getSettings()).toEqual({
      ...DEFAULT_SETTINGS,
      paused: true,
      siteRules: { 'example.com': false, 'news.org': false },
    });
    const all = await stored();
    expect(all.settings).toEqual({
      paused: true,
      siteRules: { 'example.com': false, 'news.org': false },
    });
    expect(all.settings$).toEqual({ v: SETTINGS_VERSION });
  });

  it('migrate() on the shared item does the same', async () => {
    await fakeBrowser.storage.local.set({ settings: v1, settings$: { v: 1 } });
    await settingsItem.migrate();
    expect((await getSettings()).siteRules).toEqual({ 'example.com': false, 'news.org': false });
  });

  it('a value stored by a newer version does not throw (fields still sanitised)', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await fakeBrowser.storage.local.set({
      settings: { paused: true, newField: 1 },
      settings$: { v: SETTINGS_VERSION + 1 },
    });
    vi.resetModules();
    const fresh = await import('../../../src/settings/store');
    expect(await fresh.getSettings()).toEqual({ ...DEFAULT_SETTINGS, paused: true });
    expect(error).toHaveBeenCalled();
  });
});

describe('watchSettings', () => {
  it('reports changes, sanitised, until the signal aborts', async () => {
    const seen: Settings[] = [];
    const controller = new AbortController();
    watchSettings((s) => seen.push(s), controller.signal);
    await updateSettings({ paused: true });
    await updateSettings((s) => setSiteEnabled(s, 'a.com', false));
    expect(seen.map((s) => [s.paused, s.siteRules])).toEqual([
      [true, {}],
      [true, { 'a.com': false }],
    ]);
    controller.abort();
    await updateSettings({ paused: false });
    expect(seen).toHaveLength(2);
  });

  it('reports defaults after a reset', async () => {
    await updateSettings({ paused: true });
    const cb = vi.fn();
    watchSettings(cb);
    await resetSettings();
    expect(cb).toHaveBeenCalledWith(DEFAULT_SETTINGS);
  });

  it('sees writes made outside this module (another context), sanitised', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const cb = vi.fn();
    watchSettings(cb);
    await fakeBrowser.storage.local.set({ settings: { style: 'underline', mode: 99 } });
    expect(cb).toHaveBeenCalledWith({ ...DEFAULT_SETTINGS, style: 'underline' });
  });

  it('does nothing with an already aborted signal', async () => {
    const cb = vi.fn();
    watchSettings(cb, AbortSignal.abort());
    await updateSettings({ paused: true });
    expect(cb).not.toHaveBeenCalled();
  });

  it('does not fire for a write that changes nothing', async () => {
    await updateSettings({ paused: true });
    const cb = vi.fn();
    watchSettings(cb);
    await updateSettings({ paused: true });
    expect(cb).not.toHaveBeenCalled();
  });
});

describe('import through storage', () => {
  it('round-trips: export, reset, import', async () => {
    const mine = await updateSettings({
      mode: 'allow',
      siteRules: { 'example.com': true },
      hiddenTerms: ['nato'],
    });
    const json = exportSettings(mine);
    await resetSettings();
    const result = await importSettings(json);
    expect(result.ok).toBe(true);
    expect(await getSettings()).toEqual(mine);
  });

  it.each([
    ['not JSON', 'not json'],
    ['a foreign file', JSON.stringify({ format: 'other', version: 1, settings: {} })],
    [
      'a newer version',
      JSON.stringify({ format: 'termlight-settings', version: 99, settings: {} }),
    ],
    [
      'a wrong field type',
      JSON.stringify({ format: 'termlight-settings', version: 2, settings: { paused: 'no' } }),
    ],
    [
      'invalid hosts',
      JSON.stringify({
        format: 'termlight-settings',
        version: 2,
        settings: { siteRules: { 'a b': true } },
      }),
    ],
  ])('a bad file (%s) changes nothing', async (_name, json) => {
    await updateSettings({ paused: true, siteRules: { 'keep.me': false } });
    const before = await stored();
    const cb = vi.fn();
    watchSettings(cb);
    const result = await importSettings(json);
    expect(result.ok).toBe(false);
    expect(await stored()).toEqual(before);
    expect(cb).not.toHaveBeenCalled();
  });
});

describe('5,000 sites', () => {
  it('round-trip through storage and stay well under the local quota', async () => {
    const siteRules = manySites(5000);
    await updateSettings({ siteRules });
    expect((await getSettings()).siteRules).toEqual(siteRules);

    const raw = (await stored()).settings;
    const bytes = storedSizeBytes(raw, SETTINGS_KEY);
    // The computed size is what the browser counts: key + JSON of the value.
    expect(bytes).toBe(`settings${JSON.stringify(raw)}`.length);
    expect(bytes).toBeLessThan(LOCAL_QUOTA_BYTES / 10);
    // ...and far more than one sync item may hold (8 KB), which is why settings are local.
    expect(bytes).toBeGreaterThan(8 * 1024);
  });

  it('counts UTF-8 bytes, not characters', () => {
    expect(storedSizeBytes('é', '')).toBe(4); // "é" with quotes: 1 + 2 + 1
  });

  it('toggling one site in a 5,000-site list stays fast', async () => {
    await updateSettings({ siteRules: manySites(5000) });
    const start = performance.now();
    const next = await updateSettings((s) => setSiteEnabled(s, 'one-more.org', false));
    // Generous for loaded CI machines; a quadratic rule update would take many seconds.
    expect(performance.now() - start).toBeLessThan(1000);
    expect(Object.keys(next.siteRules)).toHaveLength(5001);
  });
});

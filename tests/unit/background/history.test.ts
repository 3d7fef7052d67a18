import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { createBackground } from '../../../src/background/controller';
import { createHistoryRecorder } from '../../../src/background/history';
import { entryById } from '../../../src/glossary/glossary';
import type { HistoryStore } from '../../../src/history/store';
import { parseMessage } from '../../../src/messaging/protocol';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/settings/settings';
import { ok, setup as storeSetup, T0, writeRaw } from '../history/store-helpers';

/** The recorder over a fake IndexedDB, with settings in a variable and a ticking clock. */
function setup(initial: Partial<Settings> = {}, store?: HistoryStore) {
  const db = storeSetup();
  let settings: Settings = { ...structuredClone(DEFAULT_SETTINGS), ...initial };
  let now = T0;
  const setProblem = vi.fn(async () => {});
  const recorder = createHistoryRecorder({
    store: store ?? db.store,
    getSettings: async () => settings,
    entry: entryById,
    setProblem,
    now: () => (now += 60_000),
  });
  return {
    ...db,
    recorder,
    setProblem,
    set: (patch: Partial<Settings>) => {
      settings = { ...settings, ...patch };
    },
  };
}

const URL_ONE = 'https://news.example.com/story?id=7&utm=x#top';
const capture = (over: Record<string, unknown> = {}) => ({
  entryId: 'intelligence-sharing',
  form: 'intelligence sharing',
  sentence: 'The ministers praised intelligence sharing between their services.',
  formAt: 21,
  title: 'A story',
  url: URL_ONE,
  ...over,
});
const sender = { url: URL_ONE, incognito: false };

describe('recording rules', () => {
  it.each([
    ['a private window', {}, { incognito: true }, 'private'],
    ['history switched off', { history: false }, {}, 'off'],
    ['a paused site', { historyPaused: { 'example.com': true } }, {}, 'paused'],
    ['a non-web page', {}, { url: 'file:///home/a.html' }, 'not-web'],
  ] as const)('%s is never recorded', async (_name, settings, from, outcome) => {
    const t = setup(settings);
    expect(await t.recorder.record(capture(), { ...sender, ...from })).toBe(outcome);
    expect(ok(await t.store.count()).count).toBe(0);
  });

  it('a subdomain with its own "record" rule is recorded under a paused parent', async () => {
    const t = setup({ historyPaused: { 'example.com': true, 'news.example.com': false } });
    expect(await t.recorder.record(capture(), sender)).toBe('recorded');
  });

  it('stores the address without credentials, query or fragment unless opted in', async () => {
    const t = setup();
    const withCreds = 'https://me:pw@news.example.com/story?id=7#top';
    await t.recorder.record(capture(), { ...sender, url: withCreds });
    t.set({ historyKeepQuery: true });
    await t.recorder.record(
      capture({ sentence: 'Intelligence sharing grew.', formAt: 0, form: 'Intelligence sharing' }),
      { ...sender, url: withCreds },
    );
    const urls = ok(await t.store.recent(10)).records.map((r) => r.url);
    expect(urls).toEqual([
      'https://news.example.com/story?id=7#top',
      'https://news.example.com/story',
    ]);
  });

  it('trusts the frame address the browser reports over the one the page claims', async () => {
    const t = setup();
    await t.recorder.record(capture({ url: 'https://elsewhere.test/' }), sender);
    expect(ok(await t.store.recent(1)).records[0]?.site).toBe('news.example.com');
  });

  it('keeps at most the cap, dropping the oldest', async () => {
    const t = setup({ historyCap: 3 });
    for (let i = 0; i < 5; i++) {
      const sentence = `Part ${i}: intelligence sharing.`;
      await t.recorder.record(capture({ sentence, formAt: sentence.indexOf('intel') }), sender);
    }
    const kept = ok(await t.store.recent(10)).records.map((r) => r.sentence);
    expect(kept).toEqual([
      'Part 4: intelligence sharing.',
      'Part 3: intelligence sharing.',
      'Part 2: intelligence sharing.',
    ]);
  });

  it('rejects captures that are not lookups (unknown entry, form not in the sentence)', async () => {
    const t = setup();
    expect(await t.recorder.record(capture({ entryId: 'no-such-entry' }), sender)).toBe('invalid');
    expect(await t.recorder.record(capture({ form: 'missile' }), sender)).toBe('invalid');
    expect(await t.recorder.record({ entryId: 42 }, sender)).toBe('invalid');
    expect(ok(await t.store.count()).count).toBe(0);
  });

  it('a quota error is kept for the history view and never thrown at the page', async () => {
    const failing = {
      add: async () => ({ ok: false, reason: 'quota', message: 'QuotaExceededError' }),
    } as unknown as HistoryStore;
    const t = setup({}, failing);
    await expect(t.recorder.record(capture(), sender)).resolves.toBe('failed');
    expect(t.setProblem).toHaveBeenCalledWith({ reason: 'quota', time: expect.any(Number) });
  });

  it('summarises an entry, skipping corrupt records with a count', async () => {
    const t = setup();
    await t.recorder.record(capture(), sender);
    expect(await t.recorder.summary('intelligence-sharing')).toEqual({
      count: 1,
      last: { site: 'news.example.com', time: T0 + 60_000 },
    });
    await writeRaw(t.factory, [{ entryId: 'intelligence-sharing', time: T0 + 9e6, form: 1 }]);
    const read = ok(await t.store.byEntry('intelligence-sharing'));
    expect(read.records).toHaveLength(1);
    expect(read.skipped).toBe(1);
    expect(await t.recorder.summary('never-looked-up')).toBeNull();
  });
});

describe('lookup messages', () => {
  it('validate their envelope; the background validates the capture', () => {
    expect(
      parseMessage('content-to-background', { type: 'content/lookup', capture: capture() }),
    ).not.toBeNull();
    expect(
      parseMessage('content-to-background', { type: 'content/lookup', capture: 'x' }),
    ).toBeNull();
    expect(
      parseMessage('content-to-background', { type: 'content/history-summary', id: '' }),
    ).toBeNull();
  });

  it('are routed by the controller; a private tab gets no summary', async () => {
    const record = vi.fn(async () => 'recorded' as const);
    const summary = vi.fn(async () => ({ count: 2, last: { site: 'a.com', time: 1 } }));
    const openHistory = vi.fn(async () => {});
    const bg = createBackground({
      getSettings: async () => DEFAULT_SETTINGS as Settings,
      updateSettings: async (u) => u(DEFAULT_SETTINGS as Settings),
      setBadge: async () => {},
      openReference: async () => {},
      sendCommand: async () => undefined,
      activeTab: async () => null,
      history: { record, summary },
      openHistory,
    });
    await bg.onContentMessage(
      { type: 'content/lookup', capture: capture() },
      { tabId: 1, ...sender },
    );
    expect(record).toHaveBeenCalledWith(capture(), { tabId: 1, ...sender });
    const ask = { type: 'content/history-summary', id: 'nato' } as const;
    expect(await bg.onContentMessage(ask, { tabId: 1 })).toEqual(await summary());
    expect(await bg.onContentMessage(ask, { tabId: 1, incognito: true })).toBeNull();
    await bg.onContentMessage({ type: 'content/open-history', id: 'nato' }, { tabId: 1 });
    expect(openHistory).toHaveBeenCalledWith('nato');
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startContentSession } from '../../../src/content/session';
import { buildMatcherTables, loadMatcher } from '../../../src/matcher';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/settings/settings';
import { isSiteEnabled, setSiteEnabled } from '../../../src/settings/site-rules';
import { categoryOf, installFakes, TERMS } from '../highlight/fakes';

// The shipped tables, as the build makes them, for the test's terms.
const tables = buildMatcherTables(Object.entries(TERMS).map(([id, forms]) => ({ id, forms })));
const matcher = (hidden: readonly string[]) => loadMatcher(tables, { exclude: new Set(hidden) });

let registry: ReturnType<typeof installFakes>;
let controller: AbortController;
beforeEach(() => {
  registry = installFakes();
  controller = new AbortController();
  document.body.innerHTML = '<p>NATO and NATO; intelligence <em>sharing</em>.</p>';
});
afterEach(() => controller.abort());

async function session(initial: Partial<Settings> = {}) {
  let settings: Settings = { ...DEFAULT_SETTINGS, ...initial };
  const watchers: ((s: Settings) => void)[] = [];
  const sent: { count: number; enabled: boolean; host: string }[] = [];
  const popovers: AbortSignal[] = [];
  const s = startContentSession({
    doc: document,
    host: 'news.example',
    isTopFrame: true,
    matcher,
    categoryOf,
    settings,
    watchSettings: (cb) => watchers.push(cb),
    updateSettings: async (fn) => {
      settings = fn(settings);
      for (const w of watchers) w(settings);
    },
    isSiteEnabled,
    setSiteEnabled,
    sendPageState: (state) => sent.push(state),
    startPopover: (o) => {
      popovers.push(o.signal);
      return { next: vi.fn(), previous: vi.fn() };
    },
    signal: controller.signal,
  });
  const change = (patch: Partial<Settings>) => {
    settings = { ...settings, ...patch };
    for (const w of watchers) w(settings);
  };
  return { s, sent, popovers, change };
}

const termlightHighlights = () => [...registry.keys()].filter((k) => k.startsWith('termlight-'));

describe('content session', () => {
  it('highlights an enabled site and reports distinct entries per page', async () => {
    const { s, sent } = await session();
    await s.ready();
    expect(s.pageState()).toEqual({
      host: 'news.example',
      enabled: true,
      entries: [
        { id: 'nato', count: 2 },
        { id: 'intelligence-sharing', count: 1 },
      ],
    });
    // Six categories, known terms, flash and active.
    expect(termlightHighlights()).toHaveLength(9);
    await new Promise((r) => setTimeout(r, 300)); // reports are debounced
    expect(sent.at(-1)).toEqual({ count: 2, enabled: true, host: 'news.example' });
  });

  it('turning the site off removes everything at once; on again restarts', async () => {
    const { s, change, popovers } = await session();
    await s.ready();
    change({ siteRules: { 'news.example': false } });
    expect(termlightHighlights()).toEqual([]);
    expect(popovers[0]?.aborted).toBe(true);
    expect(s.pageState().enabled).toBe(false);
    change({ siteRules: {} });
    await s.ready();
    expect(s.pageState().entries).toHaveLength(2);
    expect(popovers).toHaveLength(2);
  });

  it('does nothing on a disabled site, and honours the global pause', async () => {
    const off = await session({ siteRules: { 'news.example': false } });
    expect(termlightHighlights()).toEqual([]);
    expect(off.s.pageState().enabled).toBe(false);
    off.change({ siteRules: {}, paused: true });
    expect(termlightHighlights()).toEqual([]);
  });

  it('hidden terms restart the run without them', async () => {
    const { s, change } = await session();
    await s.ready();
    change({ hiddenTerms: ['nato'] });
    await s.ready();
    expect(s.pageState().entries).toEqual([{ id: 'intelligence-sharing', count: 1 }]);
  });

  it('known terms move to the quiet highlight, or out of the matcher when hidden', async () => {
    const { s, change } = await session();
    await s.ready();
    change({ knownTerms: ['nato'] });
    await s.ready();
    expect(registry.get('termlight-known')?.size).toBe(2);
    expect(s.pageState().entries).toHaveLength(2);
    change({ knownStyle: 'hidden' });
    await s.ready();
    expect(s.pageState().entries).toEqual([{ id: 'intelligence-sharing', count: 1 }]);
  });

  it('first mention only paints each entry once, and the others are not hit', async () => {
    const { s, change } = await session();
    await s.ready();
    change({ firstMentionOnly: true });
    await s.ready();
    const painted = [...registry.entries()]
      .filter(([name]) => !['termlight-flash', 'termlight-active'].includes(name))
      .reduce((n, [, hl]) => n + hl.size, 0);
    expect(painted).toBe(2);
    // Jumps still reach every occurrence.
    expect(s.pageState().entries).toEqual([
      { id: 'nato', count: 2 },
      { id: 'intelligence-sharing', count: 1 },
    ]);
  });

  it('the session signal (extension update) stops everything', async () => {
    const { s } = await session();
    await s.ready();
    controller.abort();
    expect(termlightHighlights()).toEqual([]);
  });

  it('reveal cycles through the occurrences of an entry and flashes them', async () => {
    const { s } = await session();
    await s.ready();
    Element.prototype.scrollIntoView = vi.fn();
    expect(s.reveal('nato')).toBe(true);
    expect(registry.get('termlight-flash')?.size).toBe(1);
    expect(s.reveal('missing')).toBe(false);
  });
  it('reports the page state again when the page comes back from the back/forward cache', async () => {
    const { s, sent } = await session();
    await s.ready();
    await new Promise((r) => setTimeout(r, 300));
    const before = sent.length;
    const show = (persisted: boolean) => {
      const e = new Event('pageshow');
      Object.defineProperty(e, 'persisted', { value: persisted });
      window.dispatchEvent(e);
    };
    show(false); // a normal load: the debounced report covers it
    expect(sent).toHaveLength(before);
    show(true);
    expect(sent).toHaveLength(before + 1);
    expect(sent.at(-1)).toEqual({ count: 2, enabled: true, host: 'news.example' });
    controller.abort();
    show(true); // stopped: the listener is gone
    expect(sent).toHaveLength(before + 1);
  });
});

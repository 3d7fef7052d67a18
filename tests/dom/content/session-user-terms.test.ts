import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addNotTerm, notTermsOf } from '../../../src/content/not-terms';
import { startContentSession } from '../../../src/content/session';
import { withoutPhrases } from '../../../src/content/sources';
import { buildMatcherTables, loadMatcher } from '../../../src/matcher';
import { DEFAULT_SETTINGS } from '../../../src/settings/settings';
import { isSiteEnabled, setSiteEnabled } from '../../../src/settings/site-rules';
import { categoryOf, installFakes, TERMS } from '../highlight/fakes';

const tables = buildMatcherTables(Object.entries(TERMS).map(([id, forms]) => ({ id, forms })));

let controller: AbortController;
beforeEach(() => {
  installFakes();
  controller = new AbortController();
  document.body.innerHTML = '<p>NATO and NATO; intelligence <em>sharing</em>.</p>';
});
afterEach(() => controller.abort());

describe('content session: the reader’s terms and "Not a term here"', () => {
  it('runs again without a phrase marked not a term, on this site only', async () => {
    let notTerms: Record<string, string[]> = {};
    let changed: (() => void) | null = null;
    const seen: { actions?: { notATerm(text: string): void } } = {};
    const s = startContentSession({
      doc: document,
      host: 'news.example',
      isTopFrame: true,
      matcher: (hidden) =>
        withoutPhrases(
          loadMatcher(tables, { exclude: new Set(hidden) }),
          notTermsOf(notTerms, 'news.example'),
        ),
      categoryOf,
      settings: DEFAULT_SETTINGS,
      watchSettings: () => {},
      updateSettings: async () => {},
      isSiteEnabled,
      setSiteEnabled,
      sendPageState: () => {},
      startPopover: (o) => {
        seen.actions = o.actions;
        return { next: vi.fn(), previous: vi.fn() };
      },
      watchGlossary: (cb) => {
        changed = cb;
      },
      notATerm: (text) => {
        notTerms = addNotTerm(notTerms, 'news.example', text);
        changed?.();
      },
      signal: controller.signal,
    });
    await s.ready();
    expect(s.pageState().entries.map((e) => e.id)).toEqual(['nato', 'intelligence-sharing']);
    seen.actions?.notATerm('intelligence sharing');
    await s.ready();
    expect(s.pageState().entries).toEqual([{ id: 'nato', count: 2 }]);
    expect(notTerms).toEqual({ 'news.example': ['intelligence sharing'] });
  });
});

import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { toPageTerms } from '../../../entrypoints/sidepanel/export';
import { briefing, Panel } from '../../../entrypoints/sidepanel/Panel';
import { pageCsv } from '../../../src/history/export';
import { captureFor, createPopoverMemory } from '../../../src/popover/view/memory';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/settings/settings';
import { glossaryEntryInfo } from '../../../src/ui/entry-info';

afterEach(cleanup);

const state = {
  host: 'news.example.com',
  enabled: true,
  // First mention first, as the content script reports it.
  entries: [
    { id: 'counter-terrorism', count: 2 },
    { id: 'intelligence-sharing', count: 3 },
    { id: 'technology-transfer', count: 1 },
  ],
};

describe('page briefing', () => {
  it('groups by category in order of first mention, with counts', () => {
    const groups = briefing(state);
    expect(groups.map((g) => [g.category, g.count, g.entries.map((e) => e.entry.id)])).toEqual([
      ['operation', 2, ['counter-terrorism']],
      ['cooperation', 4, ['intelligence-sharing', 'technology-transfer']],
    ]);
  });

  it('shows definitions, jumps to an occurrence and follows page changes', async () => {
    const reveal = vi.fn();
    let changed: ((tabId: number) => void) | undefined;
    const pageState = vi.fn(async () => state);
    const settings = structuredClone(DEFAULT_SETTINGS) as Settings;
    const updateSettings = vi.fn(async (p: Partial<Settings>) => ({ ...settings, ...p }));
    const terms = { title: 'T', url: 'https://a.example/', occurrences: [] };
    const exportPage = vi.fn(() => 'termlight-page.csv');
    render(
      <Panel
        activeTab={async () => 7}
        pageState={pageState}
        pageTerms={async () => terms}
        exportPage={exportPage}
        reveal={reveal}
        onPageChange={(cb) => {
          changed = cb;
        }}
        settings={{ getSettings: async () => settings, watchSettings: () => {} }}
        updateSettings={updateSettings}
      />,
    );
    await screen.findByText('Intelligence sharing', { exact: false });
    const item = document.querySelector('[data-panel-entry="intelligence-sharing"]');
    expect(item?.querySelector('.tl-panel__definition')?.textContent?.length).toBeGreaterThan(20);
    fireEvent.click(
      screen.getByRole('button', { name: /Go to mention 2 of intelligence sharing/i }),
    );
    expect(reveal).toHaveBeenCalledWith(7, 'intelligence-sharing', 1);
    changed?.(3); // another tab: nothing to reload
    changed?.(7);
    await waitFor(() => expect(pageState).toHaveBeenCalledTimes(2));
    fireEvent.click(screen.getByRole('button', { name: 'Export this page (CSV)' }));
    await waitFor(() => expect(exportPage).toHaveBeenCalledWith(terms, 'csv'));
    fireEvent.click(screen.getByRole('checkbox'));
    expect(updateSettings).toHaveBeenCalledWith({ firstMentionOnly: true });
  });
});

describe('page export', () => {
  it('cuts each occurrence’s sentence and writes one CSV row per term and sentence', () => {
    const text =
      'First one. Allies rely on intelligence sharing and intelligence sharing again. Last.';
    const start = text.indexOf('intelligence');
    const second = text.indexOf('intelligence', start + 1);
    const page = toPageTerms({
      title: 'A story',
      url: 'https://u:p@news.example.com/a?x=1',
      occurrences: [
        { id: 'intelligence-sharing', text, start, end: start + 20 },
        { id: 'intelligence-sharing', text, start: second, end: second + 20 },
      ],
    });
    expect(page.occurrences[0]).toEqual({
      entryId: 'intelligence-sharing',
      form: 'intelligence sharing',
      sentence: 'Allies rely on intelligence sharing and intelligence sharing again.',
    });
    const csv = pageCsv(page, glossaryEntryInfo, { bom: false }).trim().split('\n');
    expect(csv).toHaveLength(2);
    expect(csv[1]).toContain('https://news.example.com/a?x=1');
  });
});

describe('popover memory', () => {
  it('captures the form, its sentence, the title and address', () => {
    document.title = 'A story';
    document.body.innerHTML = '<p>First. Allies rely on intelligence sharing today. Last.</p>';
    const p = document.querySelector('p') as HTMLParagraphElement;
    const text = p.firstChild as Text;
    const at = text.data.indexOf('intelligence');
    const range = document.createRange();
    range.setStart(text, at);
    range.setEnd(text, at + 20);
    const capture = captureFor({ id: 'intelligence-sharing', range, block: p, text: '' }, document);
    expect(capture).toMatchObject({
      entryId: 'intelligence-sharing',
      form: 'intelligence sharing',
      sentence: 'Allies rely on intelligence sharing today.',
      formAt: 15,
      title: 'A story',
    });
  });

  it('reports a lookup only after asking what came before it', async () => {
    const order: string[] = [];
    const memory = createPopoverMemory({
      summary: async () => {
        order.push('summary');
        return null;
      },
      report: () => {
        order.push('report');
      },
      isKnown: async () => false,
      setKnown: async () => {},
      openHistory: () => {},
    });
    document.body.innerHTML = '<p>Intelligence sharing grew.</p>';
    const p = document.querySelector('p') as HTMLParagraphElement;
    const text = p.firstChild as Text;
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, 20);
    memory.opened({ id: 'intelligence-sharing', range, block: p, text: '' }, document);
    await memory.summary('intelligence-sharing');
    await Promise.resolve();
    expect(order).toEqual(['summary', 'report']);
  });
});

import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../entrypoints/reading/App';
import { createHistoryStore } from '../../../src/history/store';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/settings/settings';
import { SeenBefore } from '../../../src/ui/SeenBefore';
import { lookup } from '../../unit/history/fixtures';
import { writeRaw } from '../../unit/history/store-helpers';

const T = Date.UTC(2026, 2, 10, 12);

async function renderHistory(initialEntry: string | null = null, status: string | null = null) {
  const factory = new IDBFactory();
  const store = createHistoryStore({ factory });
  await store.add(lookup({ time: T }));
  await store.add(
    lookup({
      entryId: 'technology-transfer',
      term: 'technology transfer',
      form: 'technology transfer',
      sentence: 'Talks on technology transfer continued.',
      formAt: 9,
      category: 'capability',
      time: T + 86_400_000,
      url: 'https://other.example.org/b',
      site: 'other.example.org',
    }),
  );
  let settings: Settings = { ...structuredClone(DEFAULT_SETTINGS), knownTerms: ['nato'] };
  const updateSettings = vi.fn(async (fn: (s: Settings) => Settings) => {
    settings = fn(settings);
    return settings;
  });
  render(
    <App
      store={store}
      settings={{ getSettings: async () => settings, watchSettings: () => {} }}
      updateSettings={updateSettings}
      getStatus={async () => (status ? { reason: status, time: T } : null)}
      initialEntry={initialEntry}
      now={() => T + 2 * 86_400_000 + 3_600_000}
    />,
  );
  await waitFor(() => expect(document.querySelector('.tl-lookup')).not.toBeNull());
  return { store, factory, updateSettings, settings: () => settings };
}

const shownEntries = () =>
  [...document.querySelectorAll('.tl-lookup')].map((li) => li.getAttribute('data-entry'));

afterEach(cleanup);

describe('history view', () => {
  it('lists lookups grouped by entry, each with its sentence and a link back', async () => {
    await renderHistory();
    expect(shownEntries()).toEqual(['technology-transfer', 'intelligence-sharing']);
    const link = screen.getAllByRole('link')[0] as HTMLAnchorElement;
    expect(link.href).toBe('https://other.example.org/b');
    expect(document.querySelector('mark')?.textContent).toBe('technology transfer');
  });

  it('filters by site, category and time, and by the entry the popover linked to', async () => {
    await renderHistory('intelligence-sharing');
    expect(shownEntries()).toEqual(['intelligence-sharing']);
    fireEvent.click(
      screen.getByRole('button', { name: /Only Intelligence sharing|Only intelligence sharing/ }),
    );
    expect(shownEntries()).toHaveLength(2);
    fireEvent.change(screen.getByLabelText('Category'), { target: { value: 'capability' } });
    expect(shownEntries()).toEqual(['technology-transfer']);
    fireEvent.change(screen.getByLabelText('Category'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Site'), { target: { value: 'news.example.com' } });
    expect(shownEntries()).toEqual(['intelligence-sharing']);
    fireEvent.change(screen.getByLabelText('Site'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Time'), { target: { value: 'day' } });
    expect(shownEntries()).toEqual([]);
    fireEvent.change(screen.getByLabelText('Time'), { target: { value: 'week' } });
    fireEvent.change(screen.getByLabelText('Group'), { target: { value: 'day' } });
    expect(document.querySelectorAll('.tl-group')).toHaveLength(2);
  });

  it('clears history in one step', async () => {
    const { store } = await renderHistory();
    fireEvent.click(screen.getByRole('button', { name: 'Clear history' }));
    await screen.findByText('History cleared.');
    const count = await store.count();
    expect(count.ok && count.count).toBe(0);
  });

  it('pauses a site and makes a known term ordinary again', async () => {
    const t = await renderHistory();
    fireEvent.input(screen.getByLabelText('Pause history on a site'), {
      target: { value: 'https://News.Example.com/x' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
    await waitFor(() => expect(t.settings().historyPaused).toEqual({ 'news.example.com': true }));
    fireEvent.click(screen.getByRole('checkbox', { name: /Keep query strings/ }));
    await waitFor(() => expect(t.settings().historyKeepQuery).toBe(true));
    fireEvent.change(screen.getByRole('spinbutton', { name: /Keep at most/ }), {
      target: { value: '200' },
    });
    await waitFor(() => expect(t.settings().historyCap).toBe(200));
    const known = screen.getByRole('list', { name: 'Terms you know' });
    fireEvent.click(within(known).getByRole('button'));
    await waitFor(() => expect(t.settings().knownTerms).toEqual([]));
  });

  it('says when records were damaged or storage is full, and still shows the rest', async () => {
    const factory = new IDBFactory();
    const store = createHistoryStore({ factory });
    await store.add(lookup({ time: T }));
    await writeRaw(factory, [{ entryId: 'nato', time: T + 1, form: 7 }]);
    render(
      <App
        store={store}
        settings={{
          getSettings: async () => DEFAULT_SETTINGS as Settings,
          watchSettings: () => {},
        }}
        updateSettings={async (fn) => fn(DEFAULT_SETTINGS as Settings)}
        getStatus={async () => ({ reason: 'quota', time: T })}
        initialEntry={null}
      />,
    );
    expect((await screen.findByTestId('history-skipped')).textContent).toMatch(/^1 damaged record/);
    expect((await screen.findByTestId('history-problem')).textContent).toMatch(/quota is full/);
    expect(shownEntries()).toEqual(['intelligence-sharing']);
  });
});

describe('SeenBefore', () => {
  it('says how often and where the term was met, with a link, and toggles known', () => {
    const onOpenHistory = vi.fn();
    const onToggleKnown = vi.fn();
    render(
      <SeenBefore
        summary={{ count: 4, last: { site: 'news.example.com', time: T } }}
        known={false}
        onOpenHistory={onOpenHistory}
        onToggleKnown={onToggleKnown}
      />,
    );
    expect(document.querySelector('.tl-memory__seen')?.textContent).toMatch(
      /^Seen before: looked up 4 times, last on news\.example\.com on .*2026/,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Show those lookups' }));
    expect(onOpenHistory).toHaveBeenCalled();
    const known = screen.getByRole('button', { name: 'I know this term' });
    expect(known.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(known);
    expect(onToggleKnown).toHaveBeenCalled();
  });

  it('shows only the known action for a term never looked up', () => {
    render(<SeenBefore summary={null} known onOpenHistory={() => {}} onToggleKnown={() => {}} />);
    expect(document.querySelector('.tl-memory__seen')).toBeNull();
    expect(screen.getByRole('button', { name: 'Known (undo)' })).toBeTruthy();
  });
});

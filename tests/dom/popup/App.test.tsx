import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '../../../entrypoints/popup/App';
import { observeMessages, sendToTab } from '../../../src/platform/messaging';
import { activeTab, openReference } from '../../../src/platform/tabs';
import { getSettings, updateSettings } from '../../../src/settings/store';

vi.mock('../../../src/platform/tabs', () => ({
  activeTab: vi.fn(),
  openReference: vi.fn(async () => {}),
}));
vi.mock('../../../src/platform/messaging', () => ({
  sendToTab: vi.fn(),
  observeMessages: vi.fn(),
}));

const activeTabMock = vi.mocked(activeTab);
const sendToTabMock = vi.mocked(sendToTab);

const PAGE = { id: 7, url: 'https://news.example.com/world/story' };

function pageAnswers(entries: { id: string; count: number }[]) {
  sendToTabMock.mockImplementation(async (_tabId, message) =>
    message.type === 'popup/get-page-state'
      ? ({ host: 'news.example.com', enabled: true, entries } as never)
      : (undefined as never),
  );
}

const searchBox = () => screen.getByRole('combobox', { name: 'Search the glossary' });
const options = () => within(screen.getByRole('listbox')).getAllByRole('option');

beforeEach(() => {
  fakeBrowser.reset();
  vi.clearAllMocks();
  activeTabMock.mockResolvedValue(PAGE);
  pageAnswers([]);
});
afterEach(cleanup);

describe('popup: opened on an entry', () => {
  it('shows the entry named in ?entry= and ignores an unknown id', async () => {
    render(<App full initialQuery="" initialEntry="technology-transfer" />);
    expect(await screen.findByRole('heading', { name: /Technology transfer/i })).toBeTruthy();
    cleanup();
    render(<App full initialQuery="" initialEntry="no-such-entry" />);
    expect(options().length).toBeGreaterThan(40);
  });
});

describe('popup: the page', () => {
  it('asks its tab again when that tab reports a change, not other tabs or frames', async () => {
    render(<App full={false} initialQuery="" />);
    await waitFor(() => expect(observeMessages).toHaveBeenCalled());
    const handler = vi.mocked(observeMessages).mock.calls.at(-1)?.[1] as (
      message: unknown,
      sender: { tabId?: number; frameId?: number },
    ) => void;
    await waitFor(() => expect(sendToTabMock).toHaveBeenCalledTimes(1));
    const report = {
      type: 'content/page-state',
      count: 2,
      enabled: true,
      host: 'news.example.com',
    };
    handler(report, { tabId: 8, frameId: 0 });
    handler(report, { tabId: 7, frameId: 3 });
    pageAnswers([{ id: 'nato', count: 2 }]);
    handler(report, { tabId: 7, frameId: 0 });
    expect(await screen.findByTitle('Scroll to the next occurrence')).toBeTruthy();
    expect(sendToTabMock).toHaveBeenCalledTimes(2);
  });

  it.each([
    ['chrome://extensions/', /Browsers don’t let extensions read their own pages/],
    ['https://chromewebstore.google.com/detail/x', /extension store/],
    ['https://example.com/report.pdf', /PDF viewer/],
  ])('on %s says why nothing is highlighted and still offers the glossary', async (url, text) => {
    activeTabMock.mockResolvedValue({ id: 1, url });
    render(<App full={false} initialQuery="" />);
    expect(await screen.findByTestId('page-unavailable')).toHaveProperty(
      'textContent',
      expect.stringMatching(text),
    );
    expect(sendToTabMock).not.toHaveBeenCalled();
    expect(options().length).toBeGreaterThan(40);
  });

  it('says so when the content script does not answer', async () => {
    sendToTabMock.mockResolvedValue(null);
    render(<App full={false} initialQuery="" />);
    expect((await screen.findByTestId('page-unavailable')).textContent).toMatch(
      /isn’t running on this page/,
    );
    // The site switch still works: the host is known.
    expect(screen.getByRole('switch', { name: /Highlight on news\.example\.com/ })).toBeTruthy();
  });

  it('lists the entries found on the page, most frequent first, and reveals one', async () => {
    pageAnswers([
      { id: 'nato', count: 1 },
      { id: 'intelligence-sharing', count: 3 },
      { id: 'not-an-entry', count: 9 },
    ]);
    render(<App full={false} initialQuery="" />);
    const section = screen.getByRole('region', { name: /On this page/ });
    const reveal = await within(section).findAllByTitle('Scroll to the next occurrence');
    expect(reveal.map((b) => b.textContent)).toEqual([
      // The digits are shown (aria-hidden), the count is read as a phrase in the interface's order.
      'Intelligence sharing33 on this page',
      'North Atlantic Treaty Organization11 on this page',
    ]);
    fireEvent.click(reveal[0] as HTMLElement);
    expect(sendToTabMock).toHaveBeenCalledWith(7, {
      type: 'popup/reveal',
      id: 'intelligence-sharing',
    });

    // The details button opens the entry with its page count.
    fireEvent.click(
      within(section).getByRole('button', { name: 'Definition of Intelligence sharing' }),
    );
    expect(await screen.findByRole('heading', { name: 'Intelligence sharing' })).toBeTruthy();
    expect(screen.getByTestId('page-count').textContent).toBe('3 times on this page');
  });

  it('says when the page has no glossary terms', async () => {
    render(<App full={false} initialQuery="" />);
    expect(await screen.findByText('No glossary terms on this page.')).toBeTruthy();
  });
});

describe('popup: site switch and pause', () => {
  it('turns the site off and on, stored in settings', async () => {
    render(<App full={false} initialQuery="" />);
    const toggle = await screen.findByRole('switch', { name: /Highlight on news\.example\.com/ });
    await waitFor(() => expect(toggle.getAttribute('aria-checked')).toBe('true'));

    fireEvent.click(toggle);
    await waitFor(async () =>
      expect((await getSettings()).siteRules).toEqual({ 'news.example.com': false }),
    );
    await waitFor(() => expect(toggle.getAttribute('aria-checked')).toBe('false'));
    expect(await screen.findByText(/Highlighting is off here/)).toBeTruthy();

    fireEvent.click(toggle);
    await waitFor(async () => expect((await getSettings()).siteRules).toEqual({}));
    await waitFor(() => expect(toggle.getAttribute('aria-checked')).toBe('true'));
  });

  it('follows a subdomain rule set elsewhere (live, through watchSettings)', async () => {
    render(<App full={false} initialQuery="" />);
    const toggle = await screen.findByRole('switch');
    await updateSettings((s) => ({ ...s, siteRules: { 'example.com': false } }));
    await waitFor(() => expect(toggle.getAttribute('aria-checked')).toBe('false'));
  });

  it('pauses everywhere', async () => {
    render(<App full={false} initialQuery="" />);
    const pause = await screen.findByRole('button', { name: 'Pause all' });
    fireEvent.click(pause);
    await waitFor(async () => expect((await getSettings()).paused).toBe(true));
    expect(await screen.findByText('Highlighting is paused on every site.')).toBeTruthy();
    await waitFor(() =>
      expect(screen.getByRole('region', { name: /On this page/ }).textContent).toMatch(
        /Highlighting is paused\. Resume it above/,
      ),
    );
    expect(screen.getByRole('button', { name: 'Pause all' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
  });
});

describe('popup: glossary search', () => {
  it('focuses the search box on open', async () => {
    render(<App full={false} initialQuery="" />);
    await waitFor(() => expect(document.activeElement).toBe(searchBox()));
  });

  it('finds entries as you type, by abbreviation and with a typo', async () => {
    render(<App full={false} initialQuery="" />);
    fireEvent.input(searchBox(), { target: { value: 'SOFA' } });
    expect(options()[0]?.textContent).toMatch(/^Status of forces agreement/);
    fireEvent.input(searchBox(), { target: { value: 'inteligence shareing' } });
    expect(options()[0]?.textContent).toMatch(/^Intelligence sharing/);
  });

  it('shows a no-result state with a way back', async () => {
    render(<App full={false} initialQuery="" />);
    fireEvent.input(searchBox(), { target: { value: 'xqzvbnmw' } });
    expect(screen.getByTestId('no-results').textContent).toMatch(/Nothing matches/);
    expect(screen.queryByRole('listbox')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Clear search' }));
    expect(options().length).toBeGreaterThan(40);
  });

  it('filters by category chip', async () => {
    render(<App full={false} initialQuery="" />);
    fireEvent.click(screen.getByRole('button', { name: 'Agreements & treaties' }));
    const shown = options();
    expect(shown.length).toBeGreaterThan(2);
    expect(shown.every((o) => o.dataset.category === 'agreement')).toBe(true);
    expect(
      screen.getByRole('button', { name: 'Agreements & treaties' }).getAttribute('aria-pressed'),
    ).toBe('true');
  });

  it('is keyboard operable: arrows move, Enter opens, Esc goes back then clears', async () => {
    render(<App full={false} initialQuery="" />);
    const box = searchBox();
    fireEvent.input(box, { target: { value: 'cooperation' } });
    const first = options()[0];
    const second = options()[1];
    expect(first?.getAttribute('aria-selected')).toBe('true');
    expect(box.getAttribute('aria-activedescendant')).toBe(first?.id);

    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(options()[1]?.getAttribute('aria-selected')).toBe('true');
    expect(box.getAttribute('aria-activedescendant')).toBe(second?.id);
    fireEvent.keyDown(box, { key: 'ArrowUp' });
    fireEvent.keyDown(box, { key: 'ArrowUp' });
    // Wraps to the last result.
    expect(options().at(-1)?.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    fireEvent.keyDown(box, { key: 'ArrowDown' });

    const term = second?.querySelector('.tl-result__term')?.childNodes[0]?.textContent ?? '';
    fireEvent.keyDown(box, { key: 'Enter' });
    const heading = await screen.findByRole('heading', { level: 2, name: new RegExp(`^${term}`) });
    expect(heading).toBeTruthy();
    const back = screen.getByRole('button', { name: /Back/ });
    await waitFor(() => expect(document.activeElement).toBe(back));

    fireEvent.keyDown(back, { key: 'Escape' });
    await waitFor(() => expect(document.activeElement).toBe(searchBox()));
    expect(searchBox()).toHaveProperty('value', 'cooperation');

    fireEvent.keyDown(searchBox(), { key: 'Escape' });
    expect(searchBox()).toHaveProperty('value', '');
  });

  it('follows related entries and comes back step by step', async () => {
    render(<App full={false} initialQuery="" />);
    fireEvent.input(searchBox(), { target: { value: 'counterterrorism' } });
    fireEvent.click(options()[0] as HTMLElement);
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Counter-terrorism' }),
    ).toBeTruthy();
    // Examples quote the article, with the term marked.
    expect(document.querySelector('blockquote mark')?.textContent?.toLowerCase()).toBe(
      'counter-terrorism',
    );

    const nav = screen.getByRole('navigation', { name: 'Related entries' });
    const firstRelated = within(nav).getAllByRole('button')[0] as HTMLElement;
    const relatedTerm = firstRelated.textContent ?? '';
    fireEvent.click(firstRelated);
    expect(
      await screen.findByRole('heading', { level: 2, name: new RegExp(relatedTerm) }),
    ).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Back to Counter-terrorism' }));
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Counter-terrorism' }),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /^← Back$|^Back$/ }));
    expect(await screen.findByRole('listbox')).toBeTruthy();
  });
});

describe('popup: footer', () => {
  it('opens the full glossary in a tab with the current search', async () => {
    render(<App full={false} initialQuery="" />);
    fireEvent.input(searchBox(), { target: { value: 'SOFA' } });
    const close = vi.spyOn(window, 'close').mockImplementation(() => {});
    fireEvent.click(screen.getByRole('button', { name: 'Open glossary in a tab' }));
    expect(openReference).toHaveBeenCalledWith('SOFA');
    await waitFor(() => expect(close).toHaveBeenCalled());
  });
});

describe('popup: full-page reference', () => {
  it('prefills the search and leaves out the tab controls', async () => {
    render(<App full={true} initialQuery="memorandum" />);
    expect(searchBox()).toHaveProperty('value', 'memorandum');
    expect(options()[0]?.textContent).toMatch(/^Memorandum of understanding/);
    expect(screen.queryByRole('switch')).toBeNull();
    expect(screen.queryByRole('region', { name: /On this page/ })).toBeNull();
    expect(activeTabMock).not.toHaveBeenCalled();
  });
});

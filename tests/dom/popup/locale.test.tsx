import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '../../../entrypoints/popup/App';
import { glossary } from '../../../src/glossary/glossary';
import { localiseDocument } from '../../../src/i18n';
import { sendToTab } from '../../../src/platform/messaging';
import { activeTab } from '../../../src/platform/tabs';
import { catalogue, useCatalogue } from '../../support/i18n';

vi.mock('../../../src/platform/tabs', () => ({
  activeTab: vi.fn(),
  openReference: vi.fn(async () => {}),
}));
vi.mock('../../../src/platform/messaging', () => ({
  sendToTab: vi.fn(),
  observeMessages: vi.fn(),
}));

const ar = catalogue('ar');

const use = useCatalogue;

const FSI_PDI = /[\u2068\u2069]/g;
const text = (el: Element | null) => (el?.textContent ?? '').replace(FSI_PDI, '');

beforeEach(() => {
  fakeBrowser.reset();
  vi.clearAllMocks();
  vi.mocked(activeTab).mockResolvedValue({ id: 7, url: 'https://news.example.com/a' });
  vi.mocked(sendToTab).mockImplementation(async (_tab, message) =>
    message.type === 'popup/get-page-state'
      ? ({ host: 'news.example.com', enabled: true, entries: [{ id: 'nato', count: 3 }] } as never)
      : (undefined as never),
  );
});
afterEach(() => {
  cleanup();
  use('en');
  document.documentElement.removeAttribute('dir');
  document.documentElement.lang = 'en';
});

describe('popup in Arabic', () => {
  beforeEach(() => use('ar'));

  it('sets <html lang="ar" dir="rtl"> and an Arabic title before rendering', () => {
    localiseDocument(document, 'ext_name');
    expect(document.documentElement.lang).toBe('ar');
    expect(document.documentElement.dir).toBe('rtl');
    expect(document.title).toBe(ar.ext_name.message);
  });

  it('renders its interface in Arabic, numbers in the catalogue locale', async () => {
    render(<App full={false} initialQuery="" />);
    expect(screen.getByRole('heading', { name: ar.glossary_heading.message })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: ar.glossary_search_label.message })).toBeTruthy();
    expect(screen.getByRole('toolbar', { name: ar.glossary_index_label.message })).toBeTruthy();
    expect(screen.getByRole('link', { name: ar.popup_settings_link.message })).toBeTruthy();
    // 225 entries: Arabic's "other" form, digits as Intl formats them for ar.
    const summary = text(screen.getByRole('status'));
    expect(summary).toContain(new Intl.NumberFormat('ar').format(glossary.entries.length));
    expect(summary).toContain('مدخل');
    const page = await screen.findByRole('region', { name: ar.popup_page_heading.message });
    expect(within(page).getByText('حلف شمال الأطلسي')).toBeTruthy();
  });

  it('shows an entry with its Arabic term and definition, the English term under it', async () => {
    render(<App full={false} initialQuery="NATO" />);
    const option = (await screen.findAllByRole('option'))[0] as HTMLElement;
    expect(within(option).getByText('حلف شمال الأطلسي').getAttribute('lang')).toBe('ar');
    fireEvent.click(option);
    const heading = await screen.findByRole('heading', { level: 2, name: 'حلف شمال الأطلسي' });
    expect(heading.getAttribute('lang')).toBe('ar');
    const entry = heading.closest('article') as HTMLElement;
    expect(
      within(entry)
        .getByText(/North Atlantic Treaty Organization/)
        .getAttribute('lang'),
    ).toBe('en');
    expect(entry.querySelector('.tl-entry__definition')?.getAttribute('lang')).toBe('ar');
    expect(screen.getByRole('button', { name: ar.popup_back.message })).toBeTruthy();
  });
});

describe('popup: alphabetical index', () => {
  const toolbar = () => screen.getByRole('toolbar', { name: 'Alphabetical index' });
  const letter = (l: string) =>
    within(toolbar()).getByRole('button', { name: `Entries starting with ${l}` });

  it('jumps to the first entry under a letter and returns to the search box', async () => {
    render(<App full initialQuery="" />);
    fireEvent.click(letter('N'));
    const box = screen.getByRole('combobox');
    const active = document.getElementById(box.getAttribute('aria-activedescendant') ?? '');
    expect(text(active?.querySelector('.tl-result__term') ?? null)).toMatch(/^N/);
    expect(document.activeElement).toBe(box);
    // Enter opens the entry the letter moved to.
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(await screen.findByRole('heading', { level: 2, name: /^N/ })).toBeTruthy();
  });

  it('is one tab stop; arrows, Home and End skip letters without entries', () => {
    render(<App full initialQuery="" />);
    const tabbable = within(toolbar())
      .getAllByRole('button')
      .filter((b) => b.tabIndex === 0);
    expect(tabbable.map((b) => b.textContent)).toEqual(['A']);
    // No term starts with K, V, X, Y or Z: those letters are disabled.
    expect((letter('K') as HTMLButtonElement).disabled).toBe(true);
    letter('J').focus();
    fireEvent.keyDown(letter('J'), { key: 'ArrowRight' });
    expect(document.activeElement).toBe(letter('L'));
    fireEvent.keyDown(letter('L'), { key: 'End' });
    expect(document.activeElement).toBe(letter('W'));
    fireEvent.keyDown(letter('W'), { key: 'Home' });
    expect(document.activeElement).toBe(letter('A'));
    expect(letter('A').tabIndex).toBe(0);
  });

  it('is shown only for browsing, not for search results', async () => {
    render(<App full initialQuery="nato" />);
    await waitFor(() => expect(screen.queryByRole('toolbar')).toBeNull());
  });
});

import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '../../../entrypoints/popup/App';
import type { UserEntries } from '../../../src/packs/display';
import { activeTab } from '../../../src/platform/tabs';

vi.mock('../../../src/platform/tabs', () => ({
  activeTab: vi.fn(),
  openReference: vi.fn(async () => {}),
}));
vi.mock('../../../src/platform/messaging', () => ({
  sendToTab: vi.fn(async () => ({
    host: 'news.example.com',
    enabled: true,
    entries: [{ id: 'u:mine:zephyr', count: 2 }],
  })),
  observeMessages: vi.fn(),
}));

const entries: UserEntries = {
  revision: 1,
  entries: [
    {
      id: 'u:mine:zephyr',
      term: 'Zephyr task group',
      aliases: ['Zephyr group'],
      category: 'operation',
      definition: 'A made-up <b>group</b>.',
      pack: null,
    },
    {
      id: 'u:ops:orion',
      term: 'Orion liaison cell',
      aliases: [],
      category: 'organisation',
      definition: 'A made-up cell.',
      pack: 'Ops pack',
    },
  ],
};

beforeEach(async () => {
  fakeBrowser.reset();
  vi.mocked(activeTab).mockResolvedValue({ id: 7, url: 'https://news.example.com/story' });
  await fakeBrowser.storage.local.set({ userEntries: entries });
});
afterEach(cleanup);

describe('popup: the reader’s entries', () => {
  it('are searchable, marked as theirs or their pack’s, and counted on the page', async () => {
    render(<App full={false} initialQuery="" />);
    const box = screen.getByRole('combobox', { name: 'Search the glossary' });
    fireEvent.input(box, { target: { value: 'zephyr' } });
    const list = await screen.findByRole('listbox');
    await waitFor(() => expect(within(list).getByText(/Zephyr task group/)).toBeTruthy());
    expect(within(list).getByText(/Your term/)).toBeTruthy();
    fireEvent.input(box, { target: { value: 'orion' } });
    await waitFor(() => expect(within(list).getByText(/Ops pack/)).toBeTruthy());
    // "On this page" resolves the user id too.
    expect(
      (await screen.findAllByRole('button', { name: /Zephyr task group/ })).length,
    ).toBeGreaterThan(0);
  });

  it('opens a user entry with its definition as text', async () => {
    render(<App full initialQuery="zephyr" />);
    const list = await screen.findByRole('listbox');
    const option = await waitFor(() => within(list).getByText(/Zephyr task group/));
    fireEvent.click(option);
    expect(await screen.findByText('A made-up <b>group</b>.')).toBeTruthy();
    expect(screen.getByTestId('owner').textContent).toBe('Your term');
  });
});

import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '../../../entrypoints/options/App';
import { exportSettings } from '../../../src/settings/import-export';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/settings/settings';
import { getSettings, updateSettings } from '../../../src/settings/store';

const customised: Settings = {
  ...DEFAULT_SETTINGS,
  mode: 'allow',
  siteRules: { 'news.example.com': true, 'blog.example.org': true },
  style: 'underline',
  colors: { agreement: '#123456' },
  hoverDelayMs: 600,
  hiddenTerms: ['nato'],
};

async function renderApp() {
  render(<App />);
  await screen.findByRole('heading', { name: 'Sites' });
}

const addBox = () => screen.getByRole('textbox', { name: /Turn (off|on)/ }) as HTMLInputElement;
const siteList = () => screen.queryByRole('list', { name: 'Site rules' });
const hosts = () =>
  [...(siteList()?.querySelectorAll('.tl-site-row__host') ?? [])].map((el) => el.textContent);

function chooseFile(content: string, name = 'settings.json') {
  const input = screen.getByTestId('import-file') as HTMLInputElement;
  const file = new File([content], name, { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(cleanup);

describe('options: sites', () => {
  it('adds a site from a pasted link, in the current mode', async () => {
    await renderApp();
    expect(screen.getByText(/No sites turned off/)).toBeTruthy();
    fireEvent.input(addBox(), { target: { value: 'https://News.Example.com/world' } });
    fireEvent.submit(addBox().closest('form') as HTMLFormElement);
    await waitFor(async () =>
      expect((await getSettings()).siteRules).toEqual({ 'news.example.com': false }),
    );
    await waitFor(() => expect(hosts()).toEqual(['news.example.com']));
    expect(within(siteList() as HTMLElement).getByText('Off')).toBeTruthy();
    expect(addBox()).toHaveProperty('value', '');
  });

  it('rejects an invalid host with a message and stores nothing', async () => {
    await renderApp();
    fireEvent.input(addBox(), { target: { value: 'not a host' } });
    fireEvent.submit(addBox().closest('form') as HTMLFormElement);
    const form = addBox().closest('form') as HTMLElement;
    expect(within(form).getByRole('alert').textContent).toMatch(/is not a site address/);
    expect(addBox().getAttribute('aria-invalid')).toBe('true');
    expect((await getSettings()).siteRules).toEqual({});
  });

  // Issue 19: the page writes site rules through setSiteEnabled, the popup's and menus' writer.
  it('adds site rules by the same rules as the popup: parents count, www. is the site', async () => {
    await updateSettings({ siteRules: { 'example.com': false } });
    await renderApp();
    const add = (value: string) => {
      fireEvent.input(addBox(), { target: { value } });
      fireEvent.submit(addBox().closest('form') as HTMLFormElement);
    };
    add('news.example.com');
    const form = addBox().closest('form') as HTMLElement;
    expect(within(form).getByRole('alert').textContent).toBe(
      'news.example.com is already in the list.',
    );
    add('https://www.example.org/a');
    await waitFor(async () =>
      expect((await getSettings()).siteRules).toEqual({
        'example.com': false,
        'example.org': false,
      }),
    );
  });

  it('removes a site', async () => {
    await updateSettings({ siteRules: { 'a.example': false, 'b.example': false } });
    await renderApp();
    await waitFor(() => expect(hosts()).toEqual(['a.example', 'b.example']));
    fireEvent.click(screen.getByRole('button', { name: 'Remove a.example' }));
    await waitFor(async () =>
      expect((await getSettings()).siteRules).toEqual({ 'b.example': false }),
    );
    await waitFor(() => expect(hosts()).toEqual(['b.example']));
  });

  it('handles 5,000 sites: renders the first 200, counts and filters', async () => {
    const siteRules = Object.fromEntries(
      Array.from({ length: 5000 }, (_, i) => [`site${String(i).padStart(4, '0')}.example`, false]),
    );
    await updateSettings({ siteRules });
    await renderApp();
    await waitFor(() => expect(hosts()).toHaveLength(200));
    expect(screen.getByTestId('site-count').textContent).toBe(
      '5,000 sites · showing the first 200; type to narrow the list',
    );
    fireEvent.input(screen.getByRole('searchbox', { name: 'Filter sites' }), {
      target: { value: 'site012' },
    });
    expect(hosts()).toHaveLength(10);
    expect(hosts()[0]).toBe('site0120.example');
    expect(screen.getByTestId('site-count').textContent).toBe('10 of 5,000 sites match');
  });

  it('switches the mode', async () => {
    await renderApp();
    fireEvent.click(screen.getByRole('radio', { name: /Only on these sites/ }));
    await waitFor(async () => expect((await getSettings()).mode).toBe('allow'));
    // New sites are now turned on.
    await waitFor(() => expect(addBox().labels?.[0]?.textContent).toBe('Turn on for a site'));
    fireEvent.input(addBox(), { target: { value: 'example.net' } });
    fireEvent.submit(addBox().closest('form') as HTMLFormElement);
    await waitFor(async () =>
      expect((await getSettings()).siteRules).toEqual({ 'example.net': true }),
    );
  });
});

describe('options: appearance and hidden terms', () => {
  it('changes style, colour (with a contrast check) and hover delay', async () => {
    await renderApp();
    fireEvent.click(screen.getByRole('radio', { name: 'Underline' }));
    await waitFor(async () => expect((await getSettings()).style).toBe('underline'));

    const colour = screen.getByLabelText('Agreements & treaties') as HTMLInputElement;
    fireEvent.change(colour, { target: { value: '#808080' } });
    await waitFor(async () => expect((await getSettings()).colors.agreement).toBe('#808080'));
    const row = colour.closest('li') as HTMLElement;
    // The ratio is its own left-to-right element inside the sentence.
    const warning = () => row.querySelector('.tl-contrast__warning')?.textContent ?? null;
    await waitFor(() => expect(warning()).toMatch(/below 4.5:1/));
    fireEvent.click(within(row).getByRole('button', { name: /Reset colour/ }));
    await waitFor(async () => expect((await getSettings()).colors).toEqual({}));
    await waitFor(() => expect(warning()).toBeNull());

    fireEvent.change(screen.getByRole('spinbutton', { name: 'Hover delay in milliseconds' }), {
      target: { value: '750' },
    });
    await waitFor(async () => expect((await getSettings()).hoverDelayMs).toBe(750));
  });

  it('restores a hidden term', async () => {
    await updateSettings({ hiddenTerms: ['nato', 'peacekeeping'] });
    await renderApp();
    fireEvent.click(
      await screen.findByRole('button', { name: 'Restore North Atlantic Treaty Organization' }),
    );
    await waitFor(async () => expect((await getSettings()).hiddenTerms).toEqual(['peacekeeping']));
  });
});

describe('options: import, export, reset', () => {
  it('imports a good file and changes the settings', async () => {
    await renderApp();
    chooseFile(exportSettings(customised));
    await waitFor(() =>
      expect(screen.getByTestId('backup-notice').textContent).toMatch(/Imported settings/),
    );
    expect(await getSettings()).toEqual(customised);
    await waitFor(() => expect(hosts()).toEqual(['blog.example.org', 'news.example.com']));
  });

  it.each([
    ['not json', 'not JSON {'],
    ['a foreign file', JSON.stringify({ name: 'something else', version: 1 })],
    [
      'a bad field',
      JSON.stringify({ format: 'termlight-settings', version: 2, settings: { mode: 'sometimes' } }),
    ],
  ])('shows an error for %s and changes nothing', async (_name, content) => {
    await updateSettings({ siteRules: { 'keep.example': false } });
    const before = await getSettings();
    await renderApp();
    chooseFile(content, 'bad.json');
    const notice = await screen.findByTestId('backup-notice');
    expect(notice.textContent).toMatch(/^bad\.json was not imported: .+ Nothing was changed\.$/);
    expect(notice.closest('[role="alert"]')).toBeTruthy();
    expect(await getSettings()).toEqual(before);
  });

  it('exports the settings as a JSON download', async () => {
    await updateSettings(customised);
    const created: Blob[] = [];
    const createObjectURL = vi.fn((blob: Blob) => {
      created.push(blob);
      return 'blob:termlight-test';
    });
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this);
    });

    await renderApp();
    await waitFor(() => expect(hosts()).toHaveLength(2));
    fireEvent.click(screen.getByRole('button', { name: 'Export settings' }));
    expect(clicked[0]?.download).toBe('termlight-settings.json');
    expect(clicked[0]?.href).toBe('blob:termlight-test');
    const file = JSON.parse(await (created[0] as Blob).text());
    expect(file.format).toBe('termlight-settings');
    expect(file.settings).toEqual(customised);
    vi.unstubAllGlobals();
  });

  it('asks before resetting, and Cancel keeps everything', async () => {
    await updateSettings(customised);
    await renderApp();
    fireEvent.click(screen.getByRole('button', { name: 'Reset to defaults…' }));
    const cancel = screen.getByRole('button', { name: 'Cancel' });
    await waitFor(() => expect(document.activeElement).toBe(cancel));
    fireEvent.click(cancel);
    expect(await getSettings()).toEqual(customised);

    fireEvent.click(screen.getByRole('button', { name: 'Reset to defaults…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, reset everything' }));
    await waitFor(async () => expect(await getSettings()).toEqual(DEFAULT_SETTINGS));
    await waitFor(() => expect(screen.getByText(/No sites turned off/)).toBeTruthy());
  });
});

import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MyTermsSection } from '../../../entrypoints/options/MyTerms';
import type { PacksDeps } from '../../../entrypoints/options/use-packs';
import { openPackStore } from '../../../src/packs/store';
import { getNotTerms, updateNotTerms } from '../../../src/platform/user-tables';

function setup() {
  const factory = new IDBFactory();
  const deps: PacksDeps = {
    openStore: () => openPackStore({ factory }),
    changed: vi.fn(async () => undefined),
    download: vi.fn(),
  };
  render(<MyTermsSection deps={deps} />);
  return { deps, factory };
}

const field = (label: RegExp) => screen.getByLabelText(label) as HTMLInputElement;
const type = (label: RegExp, value: string) => fireEvent.input(field(label), { target: { value } });

/** A `File` the way the file picker gives one (happy-dom's File has no arrayBuffer of its own). */
function pick(name: string, text: string) {
  const input = screen.getByTestId('pack-file') as HTMLInputElement;
  const bytes = new TextEncoder().encode(text);
  const file = Object.assign(new File([text], name), {
    arrayBuffer: async () => bytes.buffer as ArrayBuffer,
  });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

async function addTerm(term: string, definition: string) {
  const add = await screen.findByRole('button', { name: 'Add a term' });
  await waitFor(() => expect((add as HTMLButtonElement).disabled).toBe(false));
  fireEvent.click(add);
  type(/^Term$/, term);
  type(/^Definition$/, definition);
  fireEvent.click(screen.getByRole('button', { name: 'Save term' }));
  await screen.findByText(`Saved “${term}”.`);
}

describe('options: My terms', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(cleanup);

  it('adds a term with a live preview and tells the background', async () => {
    const { deps } = setup();
    const add = await screen.findByRole('button', { name: 'Add a term' });
    await waitFor(() => expect((add as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(add);
    type(/^Term$/, 'Zephyr task group');
    type(/^Sample text/, 'The zephyr task group sailed.');
    expect(screen.getByTestId('term-preview').querySelector('mark')?.textContent).toBe(
      'zephyr task group',
    );
    type(/^Definition$/, 'A <b>made-up</b> group.');
    fireEvent.click(screen.getByRole('button', { name: 'Save term' }));
    const list = await screen.findByTestId('term-list');
    expect(within(list).getByText('Zephyr task group')).toBeTruthy();
    expect(deps.changed).toHaveBeenCalled();
  });

  it('names the problem and saves nothing when the definition is empty', async () => {
    setup();
    const add = await screen.findByRole('button', { name: 'Add a term' });
    await waitFor(() => expect((add as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(add);
    type(/^Term$/, 'Zephyr task group');
    fireEvent.click(screen.getByRole('button', { name: 'Save term' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/definition/);
    expect(screen.queryByTestId('term-list')).toBeNull();
  });

  it('deletes a term and undoes it', async () => {
    setup();
    await addTerm('Zephyr task group', 'A group.');
    fireEvent.click(screen.getByRole('button', { name: 'Delete Zephyr task group' }));
    await screen.findByText('Deleted “Zephyr task group”.');
    await waitFor(() => expect(screen.queryByTestId('term-list')).toBeNull());
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(
      within(await screen.findByTestId('term-list')).getByText('Zephyr task group'),
    ).toBeTruthy();
  });

  it('imports a CSV after its column step, lists the pack, and removes it in one step', async () => {
    setup();
    await screen.findByRole('button', { name: 'Add a term' });
    await waitFor(() => expect(screen.getByTestId('pack-list').children.length).toBe(1));
    pick('ops.csv', 'Name,Meaning,Kind\nZephyr task group,A group.,operation\n');
    const step = await screen.findByTestId('csv-columns');
    fireEvent.change(within(step).getByLabelText('Kind'), { target: { value: 'category' } });
    fireEvent.click(within(step).getByRole('button', { name: 'Import' }));
    await screen.findByText('Imported “ops” (entries: 1).');
    const row = screen.getByTestId('pack-list').querySelector('[data-pack="ops"]') as HTMLElement;
    expect(within(row).getByText('Entries: 1')).toBeTruthy();
    fireEvent.click(within(row).getByRole('button', { name: 'Remove ops' }));
    await waitFor(() => expect(screen.getByTestId('pack-list').children.length).toBe(1));
  });

  it('refuses a bad file with the line named and changes nothing', async () => {
    setup();
    await waitFor(() => expect(screen.getByTestId('pack-list').children.length).toBe(1));
    pick(
      'bad.json',
      '{"format": "termlight-pack", "version": 1, "id": "x", "name": "X", "entries": []}',
    );
    const notice = await screen.findByText('bad.json was not imported. Nothing was changed.');
    expect(notice.closest('[data-testid="packs-notice"]')?.textContent).toMatch(/empty|entries/);
    expect(screen.getByTestId('pack-list').children.length).toBe(1);
  });

  it('exports my terms as a file', async () => {
    const { deps } = setup();
    await addTerm('Zephyr task group', 'A group.');
    fireEvent.click(screen.getByRole('button', { name: 'Export My terms as CSV' }));
    await waitFor(() => expect(deps.download).toHaveBeenCalled());
    const [text, name] = (deps.download as ReturnType<typeof vi.fn>).mock.calls[0] as string[];
    expect(name).toBe('my-terms.csv');
    expect(text).toContain('Zephyr task group');
  });

  it('lists "Not a term here" phrases and shows one again', async () => {
    await updateNotTerms(() => ({ 'news.example.com': ['task group'] }));
    setup();
    const button = await screen.findByRole('button', {
      name: 'Show “task group” on news.example.com again',
    });
    fireEvent.click(button);
    await waitFor(async () => expect(await getNotTerms()).toEqual({}));
  });
});

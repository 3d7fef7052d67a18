import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { asGlossaryEntry, type UserDisplayEntry } from '../../../src/packs/display';
import { Popover } from '../../../src/ui/Popover';

const mine: UserDisplayEntry = {
  id: 'u:mine:zephyr',
  term: 'Zephyr task group',
  aliases: [],
  category: 'operation',
  definition: '<img src=x onerror=alert(1)> a <b>bold</b> claim',
  note: 'Seen in <script>alert(1)</script> briefings',
  pack: null,
};

function show(overrides: Partial<Parameters<typeof Popover>[0]> = {}) {
  const handlers = { onNotATerm: vi.fn(), onHideTerm: vi.fn() };
  render(
    <Popover
      entry={asGlossaryEntry(mine)}
      categoryLabel="Operations & training"
      articleTitle="Defense Cooperation"
      related={[]}
      pageCount={1}
      pageSentences={[]}
      pinned={false}
      canGoBack={false}
      owner="Your term"
      note={mine.note}
      onBack={() => {}}
      onRelated={() => {}}
      onReveal={() => {}}
      onDisableSite={() => {}}
      onClose={() => {}}
      {...handlers}
      {...overrides}
    />,
  );
  return handlers;
}

describe('the popover for a user entry', () => {
  afterEach(cleanup);

  it('is marked as yours, shows the note and offers no reference link', () => {
    show();
    expect(screen.getByTestId('owner').textContent).toBe('Your term');
    expect(screen.getByText(/Seen in/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Open in reference' })).toBeNull();
  });

  it('renders a definition and note holding HTML as text', () => {
    const { container } = render(<div />);
    show();
    const root = document.body;
    expect(root.querySelector('img, b, script')).toBeNull();
    expect(root.textContent).toContain('<img src=x onerror=alert(1)> a <b>bold</b> claim');
    expect(root.textContent).toContain('<script>alert(1)</script>');
    expect(container).toBeTruthy();
  });

  it('"Not a term here" calls its handler', () => {
    const { onNotATerm } = show();
    fireEvent.click(screen.getByRole('button', { name: 'Not a term here' }));
    expect(onNotATerm).toHaveBeenCalledOnce();
  });
});

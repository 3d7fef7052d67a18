import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Entry } from '../../../src/glossary/schema';
import { EntryDetails } from '../../../src/ui/EntryDetails';

const entry: Entry = {
  id: 'intelligence-sharing',
  term: 'Intelligence sharing',
  aliases: ['shared intelligence', 'share intelligence'],
  category: 'cooperation',
  definition: 'Partners pass each other information gathered by their intelligence services.',
  examples: [
    {
      text: 'U.S. support through financial aid, shared intelligence, military training.',
      section: 'United States-Islamic Nation Defense Cooperation',
    },
    {
      text: 'these partners share intelligence, cooperate on policy matters',
      section: 'EU-Islamic Nation Defense Cooperation',
    },
  ],
  related: ['technology-transfer'],
  source: 'article',
};

const related: Entry = {
  ...entry,
  id: 'technology-transfer',
  term: 'Technology transfer',
  category: 'capability',
  aliases: [],
  examples: [],
  related: [],
};

afterEach(cleanup);

describe('EntryDetails', () => {
  it('renders term, category, definition and examples with the term emphasised', () => {
    render(
      <EntryDetails
        entry={entry}
        examples={entry.examples}
        related={[related]}
        onRelated={() => {}}
        categoryLabel="Cooperation & aid"
        articleTitle="Defense Cooperation: A Crucial Aspect"
      />,
    );
    expect(screen.getByRole('heading', { level: 2, name: 'Intelligence sharing' })).toBeTruthy();
    expect(screen.getByText('Cooperation & aid')).toBeTruthy();
    expect(screen.getByText(/information gathered by their intelligence services/)).toBeTruthy();

    const quotes = document.querySelectorAll('blockquote');
    expect(quotes).toHaveLength(2);
    expect([...document.querySelectorAll('mark')].map((m) => m.textContent)).toEqual([
      'shared intelligence',
      'share intelligence',
    ]);
    // Each example names its section and credits the article.
    const figures = document.querySelectorAll('figure');
    expect(
      within(figures[0] as HTMLElement).getByText(/United States-Islamic Nation/),
    ).toBeTruthy();
    expect(figures[1]?.querySelector('figcaption')?.textContent).toBe(
      '§ Section: EU-Islamic Nation Defense Cooperation',
    );
    expect(document.querySelector('cite')?.textContent).toBe(
      'Defense Cooperation: A Crucial Aspect',
    );
  });

  it('calls onRelated with the related entry id', () => {
    const onRelated = vi.fn();
    render(<EntryDetails entry={entry} examples={[]} related={[related]} onRelated={onRelated} />);
    const nav = screen.getByRole('navigation', { name: 'Related entries' });
    fireEvent.click(within(nav).getByRole('button', { name: 'Technology transfer' }));
    expect(onRelated).toHaveBeenCalledWith('technology-transfer');
  });

  it.each([
    [undefined, null],
    [0, 'Not on this page'],
    [1, '1 time on this page'],
    [4, '4 times on this page'],
  ])('page count %s shows %s', (pageCount, text) => {
    render(
      <EntryDetails
        entry={entry}
        examples={[]}
        related={[]}
        onRelated={() => {}}
        pageCount={pageCount}
      />,
    );
    expect(screen.queryByTestId('page-count')?.textContent ?? null).toBe(text);
  });

  it('omits empty example and related sections, and falls back to generic labels', () => {
    render(<EntryDetails entry={related} examples={[]} related={[]} onRelated={() => {}} />);
    expect(document.querySelector('blockquote')).toBeNull();
    expect(screen.queryByRole('navigation')).toBeNull();
    expect(screen.getByText('capability')).toBeTruthy();
  });

  it('offers "Show on page" only when the term is on the page', () => {
    const onShow = vi.fn();
    const { rerender } = render(
      <EntryDetails
        entry={entry}
        examples={[]}
        related={[]}
        onRelated={() => {}}
        pageCount={2}
        onShowOnPage={onShow}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Show on page' }));
    expect(onShow).toHaveBeenCalledOnce();
    rerender(
      <EntryDetails
        entry={entry}
        examples={[]}
        related={[]}
        onRelated={() => {}}
        pageCount={0}
        onShowOnPage={onShow}
      />,
    );
    expect(screen.queryByRole('button', { name: 'Show on page' })).toBeNull();
  });
});

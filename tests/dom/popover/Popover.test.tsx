import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Entry } from '../../../src/glossary/schema';
import { Popover, type PopoverProps } from '../../../src/ui/Popover';

const mou: Entry = {
  id: 'memorandum-of-understanding',
  term: 'Memorandum of understanding',
  abbreviation: 'MoU',
  aliases: ['memoranda of understanding'],
  category: 'agreement',
  definition:
    'A written, usually non-binding statement of how two governments intend to cooperate.',
  examples: [],
  related: ['bilateral-agreement'],
  source: 'news',
};

const bilateral: Entry = {
  id: 'bilateral-agreement',
  term: 'Bilateral defense agreement',
  aliases: ['bilateral defense agreements'],
  category: 'agreement',
  definition: 'A defence agreement between exactly two countries.',
  examples: [
    {
      text: 'Islamic nations also enter into bilateral defense agreements with specific countries.',
      section: 'Bilateral Defense Agreements',
    },
    {
      text: 'the defense cooperation agreement between Malaysia and Turkey',
      section: 'Bilateral Defense Agreements',
    },
    {
      text: 'A third bilateral defense agreement example that must not show.',
      section: 'Elsewhere',
    },
  ],
  related: ['memorandum-of-understanding'],
  source: 'article',
};

function props(overrides: Partial<PopoverProps> = {}): PopoverProps {
  return {
    entry: mou,
    categoryLabel: 'Agreements & treaties',
    articleTitle: 'Defense Cooperation',
    related: [bilateral],
    pageCount: 0,
    pageSentences: [],
    pinned: false,
    canGoBack: false,
    onBack: vi.fn(),
    onRelated: vi.fn(),
    onReveal: vi.fn(),
    onOpenInReference: vi.fn(),
    onHideTerm: vi.fn(),
    onDisableSite: vi.fn(),
    onClose: vi.fn(),
    ...overrides,
  };
}

afterEach(cleanup);

describe('Popover', () => {
  it('shows term, abbreviation, category and definition', () => {
    render(<Popover {...props()} />);
    const heading = screen.getByRole('heading', { level: 2 });
    expect(heading.textContent).toBe('Memorandum of understanding (MoU)');
    expect(screen.getByText('Agreements & treaties')).toBeTruthy();
    expect(screen.getByText(mou.definition)).toBeTruthy();
  });

  it('a news entry without examples shows no article section', () => {
    render(<Popover {...props()} />);
    expect(screen.queryByText('In the reference article')).toBeNull();
    expect(document.querySelector('blockquote')).toBeNull();
  });

  it('shows at most two article examples with the surface form marked and the section named', () => {
    render(<Popover {...props({ entry: bilateral, related: [mou] })} />);
    const quotes = document.querySelectorAll('blockquote');
    expect(quotes).toHaveLength(2);
    expect(quotes[0]?.querySelector('mark')?.textContent).toBe('bilateral defense agreements');
    expect(screen.getAllByText('Bilateral Defense Agreements')).toHaveLength(2);
    expect(screen.queryByText(/third bilateral/)).toBeNull();
    expect(screen.getAllByText('Defense Cooperation')[0]?.tagName).toBe('CITE');
  });

  it('hover state: a labelled group, not a dialog', () => {
    render(<Popover {...props()} />);
    expect(screen.queryByRole('dialog')).toBeNull();
    const group = screen.getByRole('group');
    const labelId = group.getAttribute('aria-labelledby') as string;
    expect(document.getElementById(labelId)?.textContent).toContain('Memorandum of understanding');
  });

  it('pinned state: a labelled, non-modal dialog that can take focus', () => {
    render(<Popover {...props({ pinned: true })} />);
    const dialog = screen.getByRole('dialog');
    expect(dialog.getAttribute('aria-modal')).toBeNull();
    expect(dialog.getAttribute('tabindex')).toBe('-1');
    const labelId = dialog.getAttribute('aria-labelledby') as string;
    expect(document.getElementById(labelId)?.tagName).toBe('H2');
  });

  it('takes the interface direction and language; the English entry text is marked English', () => {
    render(<Popover {...props()} />);
    const root = screen.getByRole('group');
    expect(root.getAttribute('dir')).toBe('ltr');
    expect(root.getAttribute('lang')).toBe('en');
    expect(screen.getByRole('heading', { level: 2 }).getAttribute('lang')).toBe('en');
    expect(screen.getByText(mou.definition).getAttribute('lang')).toBe('en');
  });

  it('shows the words as found on the page when they are not the term itself', () => {
    render(<Popover {...props({ foundForm: 'مذكرة التفاهم' })} />);
    const found = screen.getByTestId('found-form');
    expect(found.textContent).toBe('On the page: مذكرة التفاهم');
    expect(found.querySelector('bdi')?.getAttribute('dir')).toBe('auto');
    cleanup();
    render(<Popover {...props({ foundForm: 'memorandum of understanding' })} />);
    expect(screen.queryByTestId('found-form')).toBeNull();
  });

  it('leads with the term and definition in the interface language when the data has them', () => {
    const local = { lang: 'ar', term: 'مذكرة التفاهم', definition: 'بيان مكتوب غير ملزم عادةً.' };
    render(<Popover {...props({ local })} />);
    const heading = screen.getByRole('heading', { level: 2 });
    expect(heading.textContent).toBe('مذكرة التفاهم');
    expect(heading.getAttribute('lang')).toBe('ar');
    expect(screen.getByText('Memorandum of understanding').getAttribute('lang')).toBe('en');
    expect(screen.getByText(local.definition).getAttribute('lang')).toBe('ar');
    expect(screen.queryByText(mou.definition)).toBeNull();
  });

  it('0 page occurrences: says so, lists no sentences', () => {
    render(<Popover {...props({ pageCount: 0 })} />);
    expect(screen.getByTestId('page-count').textContent).toBe('Not on this page');
    expect(screen.queryByText('On this page')).toBeNull();
  });

  it('1 page occurrence: count and its sentence as a button', () => {
    const onReveal = vi.fn();
    render(
      <Popover
        {...props({
          pageCount: 1,
          onReveal,
          pageSentences: [
            {
              sentence: { text: 'They signed an MoU today.', markStart: 15, markEnd: 18 },
              current: true,
            },
          ],
        })}
      />,
    );
    expect(screen.getByTestId('page-count').textContent).toBe('1 time on this page');
    const section = screen.getByRole('region', { name: 'On this page' });
    const button = within(section).getByRole('button');
    expect(button.textContent).toBe('They signed an MoU today.');
    expect(button.querySelector('mark')?.textContent).toBe('MoU');
    expect(button.getAttribute('aria-current')).toBe('true');
    fireEvent.click(button);
    expect(onReveal).toHaveBeenCalledWith(0);
  });

  it('many page occurrences: the count and up to the given sentences', () => {
    const onReveal = vi.fn();
    const sentences = ['First MoU.', 'Second MoU.', 'Third MoU.'].map((text) => ({
      sentence: { text, markStart: text.indexOf('MoU'), markEnd: text.indexOf('MoU') + 3 },
    }));
    render(<Popover {...props({ pageCount: 7, pageSentences: sentences, onReveal })} />);
    expect(screen.getByTestId('page-count').textContent).toBe('7 times on this page');
    const buttons = within(screen.getByRole('region', { name: 'On this page' })).getAllByRole(
      'button',
    );
    expect(buttons.map((b) => b.textContent)).toEqual(['First MoU.', 'Second MoU.', 'Third MoU.']);
    fireEvent.click(buttons[2] as HTMLElement);
    expect(onReveal).toHaveBeenCalledWith(2);
  });

  it('related terms switch the entry; Back appears only when there is somewhere to go', () => {
    const onRelated = vi.fn();
    const onBack = vi.fn();
    const { rerender } = render(<Popover {...props({ onRelated, onBack })} />);
    expect(screen.queryByRole('button', { name: /Back/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Bilateral defense agreement' }));
    expect(onRelated).toHaveBeenCalledWith('bilateral-agreement');
    rerender(
      <Popover
        {...props({ entry: bilateral, related: [mou], canGoBack: true, onRelated, onBack })}
      />,
    );
    expect(screen.getByRole('heading', { level: 2 }).textContent).toContain(
      'Bilateral defense agreement',
    );
    fireEvent.click(screen.getByRole('button', { name: /Back/ }));
    expect(onBack).toHaveBeenCalledTimes(1);
  });

  it('actions and close call their callbacks', () => {
    const p = props();
    render(<Popover {...p} />);
    fireEvent.click(screen.getByRole('button', { name: 'Open in reference' }));
    fireEvent.click(screen.getByRole('button', { name: 'Hide this term' }));
    fireEvent.click(screen.getByRole('button', { name: 'Turn off on this site' }));
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(p.onOpenInReference).toHaveBeenCalledTimes(1);
    expect(p.onHideTerm).toHaveBeenCalledTimes(1);
    expect(p.onDisableSite).toHaveBeenCalledTimes(1);
    expect(p.onClose).toHaveBeenCalledTimes(1);
  });

  it('every control is a real button reachable with Tab', () => {
    render(<Popover {...props({ pinned: true, canGoBack: true })} />);
    for (const button of screen.getAllByRole('button')) {
      expect(button.tagName).toBe('BUTTON');
      expect(button.getAttribute('type')).toBe('button');
      expect(button.tabIndex).toBe(0);
    }
  });
});

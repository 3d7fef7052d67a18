import type { Entry } from '../../src/glossary/schema';
import { UNAVAILABLE_TEXT, type Unavailable } from './page-access';

export type PageView =
  | { status: 'loading' }
  | { status: 'unavailable'; reason: Unavailable }
  | { status: 'off'; paused: boolean }
  | { status: 'ready'; entries: readonly { entry: Entry; count: number }[] };

export interface PageSectionProps {
  page: PageView;
  onReveal: (id: string) => void;
  onOpen: (id: string) => void;
}

/** "On this page": the entries found in the active tab; choosing one scrolls the tab to it. */
export function PageSection({ page, onReveal, onOpen }: PageSectionProps) {
  const total = page.status === 'ready' ? page.entries.length : 0;
  return (
    <section class="tl-section tl-page" aria-labelledby="tl-page-heading">
      <h2 id="tl-page-heading" class="tl-section__heading">
        On this page
        {page.status === 'ready' && total > 0 && <span class="tl-count-badge">{total}</span>}
      </h2>
      {page.status === 'loading' && (
        <p class="tl-empty" aria-busy="true">
          Looking at the page…
        </p>
      )}
      {page.status === 'unavailable' && (
        <p class="tl-empty" data-testid="page-unavailable">
          {UNAVAILABLE_TEXT[page.reason]} The glossary below still works.
        </p>
      )}
      {page.status === 'off' && (
        <p class="tl-empty">
          {page.paused
            ? 'Highlighting is paused. Resume it above to see the terms on this page.'
            : 'Highlighting is off here. Turn it on above to see the terms on this page.'}
        </p>
      )}
      {page.status === 'ready' && total === 0 && (
        <p class="tl-empty">No glossary terms on this page.</p>
      )}
      {page.status === 'ready' && total > 0 && (
        <ul class="tl-page__list">
          {page.entries.map(({ entry, count }) => (
            <li class="tl-page__item" key={entry.id} data-category={entry.category}>
              <button
                type="button"
                class="tl-page__reveal"
                title="Scroll to the next occurrence"
                onClick={() => onReveal(entry.id)}
              >
                <span class="tl-dot" aria-hidden="true" />
                <span class="tl-page__term" dir="auto">
                  {entry.term}
                </span>
                <span class="tl-page__count">
                  {count}
                  <span class="tl-visually-hidden"> on this page</span>
                </span>
              </button>
              <button
                type="button"
                class="tl-icon-button"
                aria-label={`Definition of ${entry.term}`}
                title="Definition"
                onClick={() => onOpen(entry.id)}
              >
                <span aria-hidden="true">›</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

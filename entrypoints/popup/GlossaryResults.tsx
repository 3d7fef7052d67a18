import type { Ref } from 'preact';
import { localEntry } from '../../src/glossary/localised-all';
import type { Entry } from '../../src/glossary/schema';
import { formatNumber, SLOT, t, tAround } from '../../src/i18n';
import { optionId } from './combobox';

/** The results and what is known of them; the glossary section takes the same. */
export interface ResultListProps {
  results: readonly Entry[];
  activeIndex: number;
  onActiveIndex: (index: number) => void;
  onOpen: (id: string) => void;
  /** Occurrences on the current page by entry id, when known. */
  pageCounts?: ReadonlyMap<string, number> | undefined;
  /** "Your term" or a pack's name, for entries that are not the built-in glossary's. */
  owners?: ReadonlyMap<string, string> | undefined;
}

export interface ResultsProps extends ResultListProps {
  listRef: Ref<HTMLDivElement>;
  query: string;
  /** The chosen category's label, null for all. */
  categoryLabel: string | null;
  onClear: () => void;
}

/**
 * The listbox the search box controls (its id is the box's aria-controls), or what to do when
 * nothing matches. One component for both, so that the same element is reused between them.
 */
export function Results({ listRef, results, activeIndex, ...rest }: ResultsProps) {
  // Called, not rendered as a component: a component would replace the listbox's element.
  if (results.length === 0) return noResults(rest);
  return (
    <div
      ref={listRef}
      id="tl-results"
      class="tl-results"
      role="listbox"
      aria-label={t('glossary_results_label')}
    >
      {results.map((entry, index) =>
        // Called, not rendered: one component per entry would add hundreds on the popup's open.
        resultOption({
          entry,
          selected: index === activeIndex,
          onHover: () => index !== activeIndex && rest.onActiveIndex(index),
          onOpen: rest.onOpen,
          count: rest.pageCounts?.get(entry.id),
          owner: rest.owners?.get(entry.id),
        }),
      )}
    </div>
  );
}

interface ResultOptionProps {
  entry: Entry;
  selected: boolean;
  onHover: () => void;
  onOpen: (id: string) => void;
  /** Occurrences on the page, when known. */
  count: number | undefined;
  /** "Your term" or a pack's name; undefined for the built-in glossary's entries. */
  owner: string | undefined;
}

function resultOption({ entry, selected, onHover, onOpen, count, owner }: ResultOptionProps) {
  const local = localEntry(entry.id);
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: keyboard handled by the combobox input
    <div
      key={entry.id}
      id={optionId(entry.id)}
      role="option"
      // Options are never tabbed to: focus stays in the search box (aria-activedescendant).
      tabIndex={-1}
      aria-selected={selected}
      class="tl-result"
      data-category={entry.category}
      onClick={() => onOpen(entry.id)}
      onMouseMove={onHover}
    >
      <span class="tl-dot" aria-hidden="true" />
      <span class="tl-result__text">
        <span class="tl-result__term" lang="en" dir="auto">
          {entry.term}
          {entry.abbreviation && entry.abbreviation !== entry.term && (
            <span class="tl-result__abbr"> · {entry.abbreviation}</span>
          )}
          {owner !== undefined && <span class="tl-result__owner"> · {owner}</span>}
        </span>
        {local && (
          <span class="tl-result__local" lang={local.lang} dir="auto">
            {local.term}
          </span>
        )}
        <span class="tl-result__definition" lang={local?.definition ? local.lang : 'en'} dir="auto">
          {local?.definition ?? entry.definition}
        </span>
      </span>
      {count !== undefined && count > 0 && (
        <span class="tl-page__count" title={t('glossary_on_page_title')}>
          {formatNumber(count)}
        </span>
      )}
    </div>
  );
}

/** What to do when nothing matches: the query, in its own direction, and a way back. */
function noResults({
  query,
  categoryLabel,
  onClear,
}: Pick<ResultsProps, 'query' | 'categoryLabel' | 'onClear'>) {
  // The query is an element (<q>, its own direction); the words go around it.
  const noMatch =
    categoryLabel !== null
      ? tAround('glossary_no_match_in_category', SLOT, categoryLabel)
      : tAround('glossary_no_match', SLOT);
  return (
    <div class="tl-empty tl-empty--results" data-testid="no-results">
      <p>
        {query.trim() ? (
          <>
            {noMatch[0]}
            <q dir="auto">{query.trim()}</q>
            {noMatch[1]}
          </>
        ) : (
          t('glossary_empty_category')
        )}
      </p>
      <p class="tl-note">{t('glossary_no_match_hint')}</p>
      <button type="button" class="tl-button" onClick={onClear}>
        {t('glossary_clear_search')}
      </button>
    </div>
  );
}

import type { Ref } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { CATEGORIES, type Category, type Entry } from '../../src/glossary/schema';
import { plural, t } from '../../src/i18n';
import { AlphaIndex } from './AlphaIndex';
import { isNavigationKey, moveActive, optionId } from './combobox';
import { type ResultListProps, Results } from './GlossaryResults';

export interface GlossarySectionProps extends ResultListProps {
  query: string;
  onQuery: (query: string) => void;
  category: Category | null;
  onCategory: (category: Category | null) => void;
  categoryLabels: Record<Category, string>;
  inputRef?: Ref<HTMLInputElement> | undefined;
}

/**
 * Brings the active option into view, but only when the keyboard (or the index) moved it: on
 * first render or on hover, scrolling would jump the popup around.
 */
function useScrollToActive(active: Entry | undefined) {
  const listRef = useRef<HTMLDivElement>(null);
  const keyboardMoved = useRef(false);
  // A letter of the index puts its first entry at the top, not merely in view.
  const jumped = useRef(false);
  useEffect(() => {
    const list = listRef.current;
    if (!keyboardMoved.current || !active || !list) return;
    keyboardMoved.current = false;
    const toTop = jumped.current;
    jumped.current = false;
    const el = list.querySelector<HTMLElement>(`#${CSS.escape(optionId(active.id))}`);
    if (!el) return;
    if (list.scrollHeight <= list.clientHeight) {
      // Full-page view: the list does not scroll itself, the page does.
      el.scrollIntoView?.({ block: toTop ? 'start' : 'nearest' });
    } else if (toTop || el.offsetTop < list.scrollTop) {
      list.scrollTop = el.offsetTop;
    } else if (el.offsetTop + el.offsetHeight > list.scrollTop + list.clientHeight) {
      list.scrollTop = el.offsetTop + el.offsetHeight - list.clientHeight;
    }
  }, [active]);
  const markMoved = (toTop = false) => {
    keyboardMoved.current = true;
    if (toTop) jumped.current = true;
  };
  return { listRef, markMoved };
}

/** Arrows and page keys move through the results, Enter opens the active one, Esc clears. */
function onSearchKey(event: KeyboardEvent, props: GlossarySectionProps, clear: () => void) {
  const { results, activeIndex } = props;
  const active = results[activeIndex];
  if (isNavigationKey(event.key)) {
    event.preventDefault();
    if (results.length > 0) props.onActiveIndex(moveActive(event.key, activeIndex, results.length));
  } else if (event.key === 'Enter' && active) {
    event.preventDefault();
    props.onOpen(active.id);
  } else if (event.key === 'Escape' && (props.query || props.category)) {
    // First Esc clears the search; only an empty box lets Esc close the popup.
    event.preventDefault();
    event.stopPropagation();
    clear();
  }
}

/** Search box, category chips and a listbox of results (combobox pattern: focus stays in the box). */
export function GlossarySection(props: GlossarySectionProps) {
  const { query, results, activeIndex, onActiveIndex, inputRef } = props;
  const active = results[activeIndex];
  const { listRef, markMoved } = useScrollToActive(active);
  const clear = () => {
    props.onQuery('');
    props.onCategory(null);
  };

  const summary = plural(
    query.trim() ? 'glossary_summary_matches' : 'glossary_summary_entries',
    results.length,
  );

  return (
    <section class="tl-section tl-glossary" aria-labelledby="tl-glossary-heading">
      <h2 id="tl-glossary-heading" class="tl-section__heading">
        {t('glossary_heading')}
      </h2>
      <SearchBox
        query={query}
        onQuery={props.onQuery}
        expanded={results.length > 0}
        activeId={active?.id}
        onKeyDown={(event) => {
          markMoved();
          onSearchKey(event, props, clear);
        }}
        inputRef={inputRef}
      />
      <CategoryChips
        category={props.category}
        labels={props.categoryLabels}
        onCategory={props.onCategory}
      />
      {!query.trim() && (
        <AlphaIndex
          entries={results}
          controls="tl-results"
          onJump={(index) => {
            markMoved(true);
            onActiveIndex(index);
            // Back in the search box: arrows go on from that entry and Enter opens it.
            if (inputRef && typeof inputRef === 'object') inputRef.current?.focus();
          }}
        />
      )}
      <p class="tl-results-summary" role="status">
        {summary}
      </p>
      <Results
        listRef={listRef}
        query={query}
        categoryLabel={props.category ? props.categoryLabels[props.category] : null}
        onClear={clear}
        results={results}
        activeIndex={activeIndex}
        onActiveIndex={onActiveIndex}
        onOpen={props.onOpen}
        pageCounts={props.pageCounts}
        owners={props.owners}
      />
    </section>
  );
}

interface SearchBoxProps {
  query: string;
  onQuery: (query: string) => void;
  /** Whether the listbox has options. */
  expanded: boolean;
  activeId: string | undefined;
  onKeyDown: (event: KeyboardEvent) => void;
  inputRef: Ref<HTMLInputElement> | undefined;
}

function SearchBox({ query, onQuery, expanded, activeId, onKeyDown, inputRef }: SearchBoxProps) {
  return (
    <div class="tl-search">
      <svg class="tl-search__icon" viewBox="0 0 20 20" aria-hidden="true">
        <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" stroke-width="2" />
        <path d="m13 13 4.5 4.5" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
      </svg>
      <input
        ref={inputRef}
        type="search"
        class="tl-search__input"
        // biome-ignore lint/a11y/noRedundantRoles: no list attribute is rendered, so the role is needed
        role="combobox"
        // Preact types require `list` with role=combobox; the results are our listbox, not a datalist.
        list={undefined}
        aria-label={t('glossary_search_label')}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls="tl-results"
        aria-activedescendant={activeId !== undefined ? optionId(activeId) : undefined}
        placeholder={t('glossary_search_placeholder')}
        autoComplete="off"
        spellcheck={false}
        dir="auto"
        value={query}
        onInput={(e) => onQuery(e.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
    </div>
  );
}

interface CategoryChipsProps {
  category: Category | null;
  labels: Record<Category, string>;
  onCategory: (category: Category | null) => void;
}

/** "All" and one toggle per category; pressing the pressed one goes back to all. */
function CategoryChips({ category, labels, onCategory }: CategoryChipsProps) {
  return (
    <fieldset class="tl-chips">
      <legend class="tl-visually-hidden">{t('glossary_category_legend')}</legend>
      <button
        type="button"
        class="tl-chip tl-chip--button"
        aria-pressed={category === null}
        onClick={() => onCategory(null)}
      >
        {t('glossary_category_all')}
      </button>
      {CATEGORIES.map((c) => (
        <button
          type="button"
          key={c}
          class="tl-chip tl-chip--button"
          data-category={c}
          aria-pressed={category === c}
          onClick={() => onCategory(category === c ? null : c)}
        >
          <span class="tl-dot" aria-hidden="true" />
          {labels[c]}
        </button>
      ))}
    </fieldset>
  );
}

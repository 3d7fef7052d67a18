import type { Ref } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { localEntry } from '../../src/glossary/localised-all';
import { CATEGORIES, type Category, type Entry } from '../../src/glossary/schema';
import { formatNumber, plural, SLOT, t, tAround } from '../../src/i18n';
import { AlphaIndex } from './AlphaIndex';

export interface GlossarySectionProps {
  query: string;
  onQuery: (query: string) => void;
  category: Category | null;
  onCategory: (category: Category | null) => void;
  categoryLabels: Record<Category, string>;
  results: readonly Entry[];
  activeIndex: number;
  onActiveIndex: (index: number) => void;
  onOpen: (id: string) => void;
  /** Occurrences on the current page by entry id, when known. */
  pageCounts?: ReadonlyMap<string, number> | undefined;
  /** "Your term" or a pack's name, for entries that are not the built-in glossary's. */
  owners?: ReadonlyMap<string, string> | undefined;
  inputRef?: Ref<HTMLInputElement> | undefined;
}

const optionId = (id: string) => `tl-option-${id}`;

/** Search box, category chips and a listbox of results (combobox pattern: focus stays in the box). */
export function GlossarySection({
  query,
  onQuery,
  category,
  onCategory,
  categoryLabels,
  results,
  activeIndex,
  onActiveIndex,
  onOpen,
  pageCounts,
  owners,
  inputRef,
}: GlossarySectionProps) {
  const listRef = useRef<HTMLDivElement>(null);
  const active = results[activeIndex];

  // Scroll only when the keyboard moved the selection: on first render or on hover, scrolling
  // would jump the popup around.
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

  const onKeyDown = (event: KeyboardEvent) => {
    const last = results.length - 1;
    keyboardMoved.current = true;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (last >= 0) onActiveIndex(activeIndex >= last ? 0 : activeIndex + 1);
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (last >= 0) onActiveIndex(activeIndex <= 0 ? last : activeIndex - 1);
        break;
      case 'PageDown':
        event.preventDefault();
        if (last >= 0) onActiveIndex(Math.min(last, activeIndex + 8));
        break;
      case 'PageUp':
        event.preventDefault();
        if (last >= 0) onActiveIndex(Math.max(0, activeIndex - 8));
        break;
      case 'Enter':
        if (active) {
          event.preventDefault();
          onOpen(active.id);
        }
        break;
      case 'Escape':
        // First Esc clears the search; only an empty box lets Esc close the popup.
        if (query || category) {
          event.preventDefault();
          event.stopPropagation();
          onQuery('');
          onCategory(null);
        }
        break;
    }
  };

  const summary = plural(
    query.trim() ? 'glossary_summary_matches' : 'glossary_summary_entries',
    results.length,
  );
  // The query is an element (<q>, its own direction); the words go around it.
  const noMatch = category
    ? tAround('glossary_no_match_in_category', SLOT, categoryLabels[category])
    : tAround('glossary_no_match', SLOT);

  return (
    <section class="tl-section tl-glossary" aria-labelledby="tl-glossary-heading">
      <h2 id="tl-glossary-heading" class="tl-section__heading">
        {t('glossary_heading')}
      </h2>
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
          aria-expanded={results.length > 0}
          aria-controls="tl-results"
          aria-activedescendant={active ? optionId(active.id) : undefined}
          placeholder={t('glossary_search_placeholder')}
          autoComplete="off"
          spellcheck={false}
          dir="auto"
          value={query}
          onInput={(e) => onQuery(e.currentTarget.value)}
          onKeyDown={onKeyDown}
        />
      </div>
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
            {categoryLabels[c]}
          </button>
        ))}
      </fieldset>
      {!query.trim() && (
        <AlphaIndex
          entries={results}
          controls="tl-results"
          onJump={(index) => {
            keyboardMoved.current = true;
            jumped.current = true;
            onActiveIndex(index);
            // Back in the search box: arrows go on from that entry and Enter opens it.
            if (inputRef && typeof inputRef === 'object') inputRef.current?.focus();
          }}
        />
      )}
      <p class="tl-results-summary" role="status">
        {summary}
      </p>
      {results.length === 0 ? (
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
          <button
            type="button"
            class="tl-button"
            onClick={() => {
              onQuery('');
              onCategory(null);
            }}
          >
            {t('glossary_clear_search')}
          </button>
        </div>
      ) : (
        <div
          ref={listRef}
          id="tl-results"
          class="tl-results"
          role="listbox"
          aria-label={t('glossary_results_label')}
        >
          {results.map((entry, index) => {
            const count = pageCounts?.get(entry.id);
            const local = localEntry(entry.id);
            return (
              // biome-ignore lint/a11y/useKeyWithClickEvents: keyboard handled by the combobox input
              <div
                key={entry.id}
                id={optionId(entry.id)}
                role="option"
                // Options are never tabbed to: focus stays in the search box (aria-activedescendant).
                tabIndex={-1}
                aria-selected={index === activeIndex}
                class="tl-result"
                data-category={entry.category}
                onClick={() => onOpen(entry.id)}
                onMouseMove={() => index !== activeIndex && onActiveIndex(index)}
              >
                <span class="tl-dot" aria-hidden="true" />
                <span class="tl-result__text">
                  <span class="tl-result__term" lang="en" dir="auto">
                    {entry.term}
                    {entry.abbreviation && entry.abbreviation !== entry.term && (
                      <span class="tl-result__abbr"> · {entry.abbreviation}</span>
                    )}
                    {owners?.has(entry.id) && (
                      <span class="tl-result__owner"> · {owners.get(entry.id)}</span>
                    )}
                  </span>
                  {local && (
                    <span class="tl-result__local" lang={local.lang} dir="auto">
                      {local.term}
                    </span>
                  )}
                  <span
                    class="tl-result__definition"
                    lang={local?.definition ? local.lang : 'en'}
                    dir="auto"
                  >
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
          })}
        </div>
      )}
    </section>
  );
}

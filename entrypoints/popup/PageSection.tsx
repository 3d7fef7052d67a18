import { localEntry } from '../../src/glossary/localised-all';
import type { Entry } from '../../src/glossary/schema';
import { formatNumber, plural, t } from '../../src/i18n';
import { type Unavailable, unavailableText } from './page-access';

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
        {t('popup_page_heading')}
        {page.status === 'ready' && total > 0 && (
          <span class="tl-count-badge">{formatNumber(total)}</span>
        )}
      </h2>
      {page.status === 'loading' && (
        <p class="tl-empty" aria-busy="true">
          {t('popup_page_loading')}
        </p>
      )}
      {page.status === 'unavailable' && (
        <p class="tl-empty" data-testid="page-unavailable">
          {unavailableText(page.reason)} {t('popup_unavailable_glossary_works')}
        </p>
      )}
      {page.status === 'off' && (
        <p class="tl-empty">{page.paused ? t('popup_page_paused') : t('popup_page_off')}</p>
      )}
      {page.status === 'ready' && total === 0 && <p class="tl-empty">{t('popup_page_empty')}</p>}
      {page.status === 'ready' && total > 0 && (
        <ul class="tl-page__list">
          {page.entries.map(({ entry, count }) => {
            const local = localEntry(entry.id);
            return (
              <li class="tl-page__item" key={entry.id} data-category={entry.category}>
                <button
                  type="button"
                  class="tl-page__reveal"
                  title={t('popup_page_reveal_title')}
                  onClick={() => onReveal(entry.id)}
                >
                  <span class="tl-dot" aria-hidden="true" />
                  <span class="tl-page__term" lang={local?.lang ?? 'en'} dir="auto">
                    {local?.term ?? entry.term}
                  </span>
                  {/* Word order differs (tr "bu sayfada 3 kez"): the digits show, the sentence is read. */}
                  <span class="tl-page__count">
                    <span aria-hidden="true">{formatNumber(count)}</span>
                    <span class="tl-visually-hidden">{plural('popup_page_item_count', count)}</span>
                  </span>
                </button>
                <button
                  type="button"
                  class="tl-icon-button"
                  aria-label={t('popup_page_definition_label', local?.term ?? entry.term)}
                  title={t('popup_page_definition_title')}
                  onClick={() => onOpen(entry.id)}
                >
                  {/* Mirrored in right-to-left layouts (style.css). */}
                  <span aria-hidden="true">›</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

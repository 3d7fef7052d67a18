import { useId } from 'preact/hooks';
import { t } from '../../src/i18n';

export interface HiddenTermsProps {
  /** Hidden entries, already resolved to display terms (unknown ids show the id). */
  terms: readonly { id: string; term: string }[];
  onRestore: (id: string) => void;
  onRestoreAll: () => void;
}

export function HiddenTerms({ terms, onRestore, onRestoreAll }: HiddenTermsProps) {
  const ids = useId();
  return (
    <section class="tl-card" aria-labelledby={`${ids}-h`}>
      <div class="tl-card__head">
        <h2 id={`${ids}-h`}>{t('options_hidden_heading')}</h2>
        {terms.length > 1 && (
          <button type="button" class="tl-button tl-button--small" onClick={onRestoreAll}>
            {t('options_hidden_restore_all')}
          </button>
        )}
      </div>
      {terms.length === 0 ? (
        <p class="tl-empty">{t('options_hidden_empty')}</p>
      ) : (
        <ul class="tl-site-list" aria-label={t('options_hidden_list_label')}>
          {terms.map(({ id, term }) => (
            <li key={id} class="tl-site-row">
              <span class="tl-site-row__host" dir="auto">
                {term}
              </span>
              <button
                type="button"
                class="tl-button tl-button--small"
                aria-label={t('options_hidden_restore_label', term)}
                onClick={() => onRestore(id)}
              >
                {t('options_hidden_restore')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

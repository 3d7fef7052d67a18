import { useId } from 'preact/hooks';
import { t } from '../../src/i18n';

export interface NotTermsProps {
  /** Phrases marked "Not a term here", with their site. */
  items: readonly { host: string; phrase: string }[];
  onRemove(host: string, phrase: string): void;
}

/** The phrases hidden per site from the popover, each with a way back. Props only. */
export function NotTerms({ items, onRemove }: NotTermsProps) {
  const ids = useId();
  return (
    <section class="tl-card" aria-labelledby={`${ids}-h`}>
      <h2 id={`${ids}-h`}>{t('packs_not_terms_heading')}</h2>
      {items.length === 0 ? (
        <p class="tl-empty">{t('packs_not_terms_empty')}</p>
      ) : (
        <ul class="tl-site-list" aria-label={t('packs_not_terms_heading')}>
          {items.map(({ host, phrase }) => (
            <li key={`${host} ${phrase}`} class="tl-site-row">
              <span class="tl-site-row__host" dir="auto">
                {phrase} <span class="tl-hint">· {host}</span>
              </span>
              <button
                type="button"
                class="tl-button tl-button--small"
                aria-label={t('packs_not_terms_remove_label', phrase, host)}
                onClick={() => onRemove(host, phrase)}
              >
                {t('packs_not_terms_remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

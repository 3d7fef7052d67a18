import { t } from '../../src/i18n';
import type { UserEntry } from '../../src/packs/schema';

export interface TermListProps {
  terms: readonly UserEntry[];
  onEdit(entry: UserEntry): void;
  onDelete(id: string): void;
}

/** The reader's own terms, each with Edit and Delete. Props only. */
export function TermList({ terms, onEdit, onDelete }: TermListProps) {
  if (terms.length === 0) return <p class="tl-empty">{t('myterms_empty')}</p>;
  return (
    <ul class="tl-site-list" aria-label={t('myterms_heading')} data-testid="term-list">
      {terms.map((entry) => (
        <li key={entry.id} class="tl-site-row">
          <span class="tl-site-row__host" dir="auto">
            {entry.term}
          </span>
          <span class="tl-button-row">
            <button
              type="button"
              class="tl-button tl-button--small"
              aria-label={t('myterms_edit_label', entry.term)}
              onClick={() => onEdit(entry)}
            >
              {t('myterms_edit')}
            </button>
            <button
              type="button"
              class="tl-button tl-button--small"
              aria-label={t('myterms_delete_label', entry.term)}
              onClick={() => onDelete(entry.id)}
            >
              {t('myterms_delete')}
            </button>
          </span>
        </li>
      ))}
    </ul>
  );
}

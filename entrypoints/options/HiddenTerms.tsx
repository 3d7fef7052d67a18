import { useId } from 'preact/hooks';

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
        <h2 id={`${ids}-h`}>Hidden terms</h2>
        {terms.length > 1 && (
          <button type="button" class="tl-button tl-button--small" onClick={onRestoreAll}>
            Restore all
          </button>
        )}
      </div>
      {terms.length === 0 ? (
        <p class="tl-empty">
          No hidden terms. Choose “Hide this term” in a term’s explanation to stop highlighting it.
        </p>
      ) : (
        <ul class="tl-site-list" aria-label="Hidden terms">
          {terms.map(({ id, term }) => (
            <li key={id} class="tl-site-row">
              <span class="tl-site-row__host" dir="auto">
                {term}
              </span>
              <button
                type="button"
                class="tl-button tl-button--small"
                aria-label={`Restore ${term}`}
                onClick={() => onRestore(id)}
              >
                Restore
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

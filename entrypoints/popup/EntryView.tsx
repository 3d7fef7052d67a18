import type { Ref } from 'preact';
import { CATEGORY_LABELS } from '../../src/glossary/categories';
import { entryById, glossary } from '../../src/glossary/glossary';
import { localEntry } from '../../src/glossary/localised-all';
import type { Entry } from '../../src/glossary/schema';
import { t } from '../../src/i18n';
import { EntryDetails } from '../../src/ui/EntryDetails';

export interface EntryViewProps {
  entry: Entry;
  /** The entry Back returns to; null when Back returns to the list. */
  previousId: string | null;
  lookup: (id: string) => Entry | undefined;
  /** "Your term" or a pack's name; undefined for the built-in glossary's entries. */
  owner: string | undefined;
  /** Occurrences on the page by entry id, when the page answered. */
  pageCounts: ReadonlyMap<string, number> | undefined;
  backRef: Ref<HTMLButtonElement>;
  onBack: () => void;
  onOpen: (id: string) => void;
  onReveal: (id: string) => void;
}

/** One entry in full, with a way back to the one before it or to the list. */
export function EntryView({ entry, previousId, lookup, owner, pageCounts, ...on }: EntryViewProps) {
  return (
    <div class="tl-entry-view">
      <button ref={on.backRef} type="button" class="tl-back" onClick={on.onBack}>
        <span class="tl-back__arrow" aria-hidden="true">
          ←
        </span>{' '}
        {previousId !== null ? t('popup_back_to', termOf(previousId, lookup)) : t('popup_back')}
      </button>
      {owner !== undefined && (
        <p class="tl-entry-owner" data-testid="owner">
          {owner}
        </p>
      )}
      <EntryDetails
        entry={entry}
        examples={entry.examples}
        related={entry.related.flatMap((id) => entryById(id) ?? [])}
        onRelated={on.onOpen}
        pageCount={pageCounts ? (pageCounts.get(entry.id) ?? 0) : undefined}
        articleTitle={glossary.article.title}
        categoryLabel={CATEGORY_LABELS[entry.category]}
        local={localEntry(entry.id)}
        localOf={localEntry}
        onShowOnPage={pageCounts ? () => on.onReveal(entry.id) : undefined}
      />
    </div>
  );
}

/** The entry's term in the interface language, else as written (English, or the reader's own). */
function termOf(id: string, lookup: (id: string) => Entry | undefined): string {
  return localEntry(id)?.term ?? lookup(id)?.term ?? id;
}

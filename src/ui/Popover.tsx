import type { Entry, Example } from '../glossary/schema';
import { t } from '../i18n';
import type { Sentence } from '../text/sentence';
import { EntryDetails } from './EntryDetails';

export interface PopoverSentence {
  sentence: Sentence;
  /** True for the occurrence the popover is anchored to. */
  current?: boolean;
}

export interface PopoverProps {
  entry: Entry;
  categoryLabel: string;
  articleTitle: string;
  related: readonly Entry[];
  /** Occurrences of this entry on the page. */
  pageCount: number;
  /** Up to three sentences from the page, in reading order. */
  pageSentences: readonly PopoverSentence[];
  /** Pinned popovers are labelled dialogs; hover popovers are plain, announced groups. */
  pinned: boolean;
  canGoBack: boolean;
  /** Layout direction of the page; the entry text itself is always English, left to right. */
  dir?: 'ltr' | 'rtl';
  onBack(): void;
  onRelated(id: string): void;
  onReveal(index: number): void;
  /** Absent for the reader's own and packs' entries: they are not in the reference. */
  onOpenInReference?: (() => void) | undefined;
  /** Whose entry this is ("Your term", a pack's name); null for the built-in glossary. */
  owner?: string | null | undefined;
  /** The entry's note (plain text). */
  note?: string | undefined;
  /** "Not a term here": hides this phrase on this site. */
  onNotATerm?: (() => void) | undefined;
  onHideTerm(): void;
  onDisableSite(): void;
  onClose(): void;
}

/** The popover shows at most two article examples, so it stays short enough to read at a glance. */
export const MAX_EXAMPLES = 2;

export const popoverTitleId = (entry: Pick<Entry, 'id'>): string => `tl-entry-${entry.id}`;

function Marked({ sentence }: { sentence: Sentence }) {
  const { text, markStart, markEnd } = sentence;
  return (
    <>
      {text.slice(0, markStart)}
      <mark>{text.slice(markStart, markEnd)}</mark>
      {text.slice(markEnd)}
    </>
  );
}

/** Popover content: the shared entry view plus page sentences and actions. Props only. */
export function Popover(props: PopoverProps) {
  const { entry, pinned, pageSentences } = props;
  const examples: readonly Example[] = entry.examples.slice(0, MAX_EXAMPLES);
  return (
    <div
      class="tl-popover"
      // Spread because the role is dynamic: both roles support aria-labelledby, which the linter
      // cannot tell from a conditional expression.
      {...{ role: pinned ? 'dialog' : 'group', 'aria-labelledby': popoverTitleId(entry) }}
      // Focus goes to the dialog itself (not its first button) so screen readers read its label.
      tabIndex={-1}
      dir={props.dir ?? 'ltr'}
      data-pinned={pinned ? '' : undefined}
      data-category={entry.category}
    >
      <div class="tl-popover__bar">
        {props.canGoBack && (
          <button type="button" class="tl-button tl-button--quiet" onClick={props.onBack}>
            <span aria-hidden="true" class="tl-back-arrow">
              ←
            </span>{' '}
            Back
          </button>
        )}
        <button
          type="button"
          class="tl-button tl-button--quiet tl-popover__close"
          aria-label="Close"
          title="Close (Esc)"
          onClick={props.onClose}
        >
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <div class="tl-popover__body" lang="en" dir="ltr">
        <EntryDetails
          entry={entry}
          examples={examples}
          related={props.related}
          onRelated={props.onRelated}
          pageCount={props.pageCount}
          articleTitle={props.articleTitle}
          categoryLabel={props.categoryLabel}
        />
        {props.owner && (
          <p class="tl-popover__owner" data-testid="owner">
            {props.owner}
          </p>
        )}
        {props.note && (
          <p class="tl-popover__note" dir="auto">
            {props.note}
          </p>
        )}
        {pageSentences.length > 0 && (
          <section class="tl-page" aria-labelledby="tl-page-heading">
            <h3 id="tl-page-heading" class="tl-entry__subheading">
              On this page
            </h3>
            <ul class="tl-page__list">
              {pageSentences.map((item, index) => (
                <li key={`${index}:${item.sentence.text}`}>
                  <button
                    type="button"
                    class="tl-page__sentence"
                    aria-current={item.current ? 'true' : undefined}
                    onClick={() => props.onReveal(index)}
                  >
                    <Marked sentence={item.sentence} />
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )}
        <div class="tl-popover__actions">
          {props.onOpenInReference && (
            <button type="button" class="tl-button" onClick={props.onOpenInReference}>
              Open in reference
            </button>
          )}
          {props.onNotATerm && (
            <button type="button" class="tl-button" onClick={props.onNotATerm}>
              {t('myterms_not_a_term')}
            </button>
          )}
          <button type="button" class="tl-button" onClick={props.onHideTerm}>
            Hide this term
          </button>
          <button type="button" class="tl-button" onClick={props.onDisableSite}>
            Turn off on this site
          </button>
        </div>
      </div>
    </div>
  );
}

import type { ComponentChildren } from 'preact';
import type { Entry, Example } from '../glossary/schema';
import { SLOT, t, tAround, uiDir, uiLocale } from '../i18n';
import type { Sentence } from '../text/sentence';
import { EntryDetails, entryHeadingId, type LocalEntry } from './EntryDetails';

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
  /** Direction of the popover's interface (default: the catalogue's); the page's does not matter. */
  dir?: 'ltr' | 'rtl';
  /** The entry in the interface language, when data/lang has it. */
  local?: LocalEntry | undefined;
  /** The same for related entries. */
  localOf?: ((id: string) => LocalEntry | undefined) | undefined;
  /** The words as found on the page (any script), shown when they differ from the term. */
  foundForm?: string | undefined;
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
  /** The reading memory (seen before, I know this term), shown above the actions. */
  memory?: ComponentChildren;
}

/** The popover shows at most two article examples, so it stays short enough to read at a glance. */
export const MAX_EXAMPLES = 2;

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

const fold = (s: string) => s.trim().toLocaleLowerCase();

/** The page's words when they are not just the term again (an alias, an inflected or other-language form). */
function shownForm(props: PopoverProps): string | undefined {
  const form = props.foundForm?.trim();
  if (!form) return undefined;
  const same = [props.entry.term, props.local?.term].some(
    (term) => term && fold(term) === fold(form),
  );
  return same ? undefined : form;
}

// The parts below are plain functions called from Popover, not components: the same element
// tree as one component, with no extra component instances on the popover's open path.

/** Back (after following a related term) and close. */
function bar(props: PopoverProps) {
  return (
    <div class="tl-popover__bar">
      {props.canGoBack && (
        <button type="button" class="tl-button tl-button--quiet" onClick={props.onBack}>
          <span aria-hidden="true" class="tl-back-arrow">
            ←
          </span>{' '}
          {t('popover_back')}
        </button>
      )}
      <button
        type="button"
        class="tl-button tl-button--quiet tl-popover__close"
        aria-label={t('popover_close_label')}
        title={t('popover_close_title')}
        onClick={props.onClose}
      >
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}

function foundForm(form: string) {
  const foundLabel = tAround('popover_found_form', SLOT);
  return (
    <p class="tl-popover__found" data-testid="found-form">
      {foundLabel[0]}
      {/* Its own script and direction, whatever the interface's. */}
      <bdi class="tl-popover__form" dir="auto">
        {form}
      </bdi>
      {foundLabel[1]}
    </p>
  );
}

/** "On this page": each sentence a button that scrolls to its occurrence. */
function sentenceList({ pageSentences, onReveal }: PopoverProps) {
  return (
    <ul class="tl-page__list">
      {pageSentences.map((item, index) => (
        <li key={`${index}:${item.sentence.text}`}>
          <button
            type="button"
            class="tl-page__sentence"
            aria-current={item.current ? 'true' : undefined}
            onClick={() => onReveal(index)}
            dir="auto"
          >
            <Marked sentence={item.sentence} />
          </button>
        </li>
      ))}
    </ul>
  );
}

function actions(props: PopoverProps) {
  return (
    <div class="tl-popover__actions">
      {props.onOpenInReference && (
        <button type="button" class="tl-button" onClick={props.onOpenInReference}>
          {t('popover_open_in_reference')}
        </button>
      )}
      {props.onNotATerm && (
        <button type="button" class="tl-button" onClick={props.onNotATerm}>
          {t('myterms_not_a_term')}
        </button>
      )}
      <button type="button" class="tl-button" onClick={props.onHideTerm}>
        {t('popover_hide_term')}
      </button>
      <button type="button" class="tl-button" onClick={props.onDisableSite}>
        {t('popover_turn_off_site')}
      </button>
    </div>
  );
}

/** Popover content: the shared entry view plus page sentences and actions. Props only. */
export function Popover(props: PopoverProps) {
  const { entry, pinned } = props;
  const examples: readonly Example[] = entry.examples.slice(0, MAX_EXAMPLES);
  const form = shownForm(props);
  return (
    <div
      class="tl-popover"
      // Spread because the role is dynamic: both roles support aria-labelledby, which the linter
      // cannot tell from a conditional expression.
      {...{ role: pinned ? 'dialog' : 'group', 'aria-labelledby': entryHeadingId(entry) }}
      // Focus goes to the dialog itself (not its first button) so screen readers read its label.
      tabIndex={-1}
      dir={props.dir ?? uiDir()}
      lang={uiLocale()}
      data-pinned={pinned ? '' : undefined}
      data-category={entry.category}
    >
      {bar(props)}
      <div class="tl-popover__body">
        {form && foundForm(form)}
        <EntryDetails
          local={props.local}
          localOf={props.localOf}
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
        {props.pageSentences.length > 0 && (
          <section class="tl-page" aria-labelledby="tl-page-heading">
            <h3 id="tl-page-heading" class="tl-entry__subheading">
              {t('popover_page_heading')}
            </h3>
            {sentenceList(props)}
          </section>
        )}
        {props.memory}
        {actions(props)}
      </div>
    </div>
  );
}

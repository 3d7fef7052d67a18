import type { LocalEntry } from '../glossary/localised';
import { type Entry, surfaceForms } from '../glossary/schema';
import { plural, SLOT, t, tAround } from '../i18n';
import { splitEmphasis } from './emphasis';

export type { LocalEntry };

export interface EntryExample {
  text: string;
  section: string;
}

export interface EntryDetailsProps {
  entry: Entry;
  examples: readonly EntryExample[];
  related: readonly Entry[];
  onRelated: (id: string) => void;
  /** Occurrences on the current page; undefined when the page cannot be asked. */
  pageCount?: number | undefined;
  /** Title of the reference article the examples quote. */
  articleTitle?: string | undefined;
  /** Human label of the entry's category (e.g. CATEGORY_LABELS[entry.category]). */
  categoryLabel?: string | undefined;
  /** Level of the term heading, so the component fits the host page's outline. */
  headingLevel?: 2 | 3 | undefined;
  /** Offered next to the page count when present (popup: scroll the tab to the term). */
  onShowOnPage?: (() => void) | undefined;
  /** The entry in the interface language (data/lang), when that language has it. */
  local?: LocalEntry | undefined;
  /** The same for related entries, so their chips read in the interface language too. */
  localOf?: ((id: string) => LocalEntry | undefined) | undefined;
}

function pageCountText(count: number): string {
  return count === 0 ? t('entry_page_count_none') : plural('entry_page_count', count);
}

type HeadingTag = 'h2' | 'h3' | 'h4';

/** The reader's own language leads; the English term (what search and the article use) follows. */
function TermHeading({
  entry,
  local,
  id,
  Heading,
}: {
  entry: Entry;
  local: LocalEntry | undefined;
  id: string;
  Heading: HeadingTag;
}) {
  const english = (
    <>
      {entry.term}
      {entry.abbreviation && entry.abbreviation !== entry.term && (
        <span class="tl-entry__abbr"> ({entry.abbreviation})</span>
      )}
    </>
  );
  if (!local) {
    return (
      <Heading id={id} class="tl-entry__term" lang="en" dir="auto">
        {english}
      </Heading>
    );
  }
  return (
    <>
      <Heading id={id} class="tl-entry__term" lang={local.lang} dir="auto">
        {local.term}
      </Heading>
      <p class="tl-entry__english" lang="en" dir="ltr">
        {english}
      </p>
    </>
  );
}

/** Sentences quoted from the reference article (English), with the term emphasised. */
function Examples({
  entry,
  examples,
  articleTitle,
  SubHeading,
}: {
  entry: Entry;
  examples: readonly EntryExample[];
  articleTitle: string | undefined;
  SubHeading: HeadingTag;
}) {
  const forms = surfaceForms(entry);
  const quoted = tAround('entry_quoted_from', SLOT);
  return (
    <section class="tl-entry__examples" aria-label={t('entry_examples_heading')}>
      <SubHeading class="tl-entry__subheading">{t('entry_examples_heading')}</SubHeading>
      {examples.map((example) => (
        <figure class="tl-example" key={`${example.section}|${example.text}`}>
          <blockquote class="tl-example__quote" lang="en" dir="auto">
            {splitEmphasis(example.text, forms).map((segment, i) =>
              segment.mark ? <mark key={i}>{segment.text}</mark> : segment.text,
            )}
          </blockquote>
          <figcaption class="tl-example__source">
            <span aria-hidden="true">§ </span>
            <span class="tl-visually-hidden">{t('entry_example_section_label')} </span>
            <span lang="en" dir="auto">
              {example.section}
            </span>
          </figcaption>
        </figure>
      ))}
      <p class="tl-entry__attribution">
        {quoted[0]}
        {articleTitle ? (
          <cite lang="en" dir="ltr">
            {articleTitle}
          </cite>
        ) : (
          <cite>{t('entry_reference_article_fallback')}</cite>
        )}
        {quoted[1]}
      </p>
    </section>
  );
}

/** The id of an entry's heading, which the popover's dialog is labelled by too. */
export const entryHeadingId = (entry: Pick<Entry, 'id'>): string => `tl-entry-${entry.id}`;

// The parts below are plain functions called from EntryDetails, not components: the same
// element tree as one component, with no extra component instances on the popover's open path.

/** Category, page count and the popup's "Show on page". */
function meta({ entry, pageCount, categoryLabel, onShowOnPage }: EntryDetailsProps) {
  return (
    <p class="tl-entry__meta">
      <span class="tl-chip tl-chip--static" data-category={entry.category}>
        <span class="tl-dot" aria-hidden="true" />
        {categoryLabel ?? entry.category}
      </span>
      {pageCount !== undefined && (
        <span class="tl-entry__count" data-testid="page-count">
          {pageCountText(pageCount)}
        </span>
      )}
      {onShowOnPage && pageCount !== undefined && pageCount > 0 && (
        <button type="button" class="tl-link-button" onClick={onShowOnPage}>
          {t('entry_show_on_page')}
        </button>
      )}
    </p>
  );
}

/** The interface language's definition when there is one, else the English. */
function definition({ entry, local }: EntryDetailsProps) {
  return local?.definition ? (
    <p class="tl-entry__definition" lang={local.lang} dir="auto">
      {local.definition}
    </p>
  ) : (
    <p class="tl-entry__definition" lang="en" dir="auto">
      {entry.definition}
    </p>
  );
}

/** Related entries as chips that switch to them. */
function relatedNav({ related, localOf, onRelated }: EntryDetailsProps, SubHeading: HeadingTag) {
  return (
    <nav class="tl-entry__related" aria-label={t('entry_related_label')}>
      <SubHeading class="tl-entry__subheading">{t('entry_related_heading')}</SubHeading>
      <ul class="tl-related-list">
        {related.map((other) => {
          const name = localOf?.(other.id);
          return (
            <li key={other.id}>
              <button
                type="button"
                class="tl-chip tl-chip--button"
                data-category={other.category}
                onClick={() => onRelated(other.id)}
              >
                <span class="tl-dot" aria-hidden="true" />
                <span lang={name?.lang ?? 'en'} dir="auto">
                  {name?.term ?? other.term}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** Definition, quoted article examples and related entries of one glossary entry. Props only. */
export function EntryDetails(props: EntryDetailsProps) {
  const { entry, examples, related, headingLevel = 2 } = props;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const SubHeading = headingLevel === 2 ? 'h3' : 'h4';
  const headingId = entryHeadingId(entry);

  return (
    <article class="tl-entry" aria-labelledby={headingId} data-category={entry.category}>
      <header class="tl-entry__header">
        <TermHeading entry={entry} local={props.local} id={headingId} Heading={Heading} />
        {meta(props)}
      </header>

      {definition(props)}

      {examples.length > 0 && (
        <Examples
          entry={entry}
          examples={examples}
          articleTitle={props.articleTitle}
          SubHeading={SubHeading}
        />
      )}

      {related.length > 0 && relatedNav(props, SubHeading)}
    </article>
  );
}

import { type Entry, surfaceForms } from '../glossary/schema';
import { splitEmphasis } from './emphasis';

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
}

function pageCountText(count: number): string {
  if (count === 0) return 'Not on this page';
  return count === 1 ? '1 time on this page' : `${count} times on this page`;
}

/** The id of an entry's heading, which the popover's dialog is labelled by too. */
export const entryHeadingId = (entry: Pick<Entry, 'id'>): string => `tl-entry-${entry.id}`;

/** Definition, quoted article examples and related entries of one glossary entry. Props only. */
export function EntryDetails({
  entry,
  examples,
  related,
  onRelated,
  pageCount,
  articleTitle,
  categoryLabel,
  headingLevel = 2,
  onShowOnPage,
}: EntryDetailsProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const SubHeading = headingLevel === 2 ? 'h3' : 'h4';
  const forms = surfaceForms(entry);
  const headingId = entryHeadingId(entry);

  return (
    <article class="tl-entry" aria-labelledby={headingId} data-category={entry.category}>
      <header class="tl-entry__header">
        <Heading id={headingId} class="tl-entry__term" dir="auto">
          {entry.term}
          {entry.abbreviation && entry.abbreviation !== entry.term && (
            <span class="tl-entry__abbr"> ({entry.abbreviation})</span>
          )}
        </Heading>
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
              Show on page
            </button>
          )}
        </p>
      </header>

      <p class="tl-entry__definition" dir="auto">
        {entry.definition}
      </p>

      {examples.length > 0 && (
        <section class="tl-entry__examples" aria-label="In the reference article">
          <SubHeading class="tl-entry__subheading">In the reference article</SubHeading>
          {examples.map((example) => (
            <figure class="tl-example" key={`${example.section}|${example.text}`}>
              <blockquote class="tl-example__quote" dir="auto">
                {splitEmphasis(example.text, forms).map((segment, i) =>
                  segment.mark ? <mark key={i}>{segment.text}</mark> : segment.text,
                )}
              </blockquote>
              <figcaption class="tl-example__source">
                <span aria-hidden="true">§ </span>
                <span class="tl-visually-hidden">Section: </span>
                {example.section}
              </figcaption>
            </figure>
          ))}
          <p class="tl-entry__attribution">
            Quoted from <cite>{articleTitle ?? 'the reference article'}</cite>
          </p>
        </section>
      )}

      {related.length > 0 && (
        <nav class="tl-entry__related" aria-label="Related entries">
          <SubHeading class="tl-entry__subheading">Related</SubHeading>
          <ul class="tl-related-list">
            {related.map((other) => (
              <li key={other.id}>
                <button
                  type="button"
                  class="tl-chip tl-chip--button"
                  data-category={other.category}
                  onClick={() => onRelated(other.id)}
                >
                  <span class="tl-dot" aria-hidden="true" />
                  {other.term}
                </button>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </article>
  );
}

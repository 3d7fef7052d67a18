/**
 * The options page's live preview: while the reader types a term, show where it would be
 * highlighted in a sample text. Takes a draft as it stands (blank or half-typed fields are
 * skipped, nothing is validated) and compiles a matcher for that one entry.
 */
import { compileMatcher } from '../matcher';
import type { UserEntry } from './schema';
import { entryForms } from './terms';

export type EntryDraft = Partial<Pick<UserEntry, 'term' | 'abbreviation' | 'aliases' | 'forms'>>;

/** A highlighted span of the sample: UTF-16 offsets, end exclusive, and the text it covers. */
export interface PreviewSpan {
  start: number;
  end: number;
  text: string;
}

const ID = 'preview';

/** The draft's surface forms, as the matcher will read them once the entry is saved. */
export function draftForms(draft: EntryDraft): string[] {
  const forms = entryForms({
    id: ID,
    term: draft.term ?? '',
    aliases: draft.aliases ?? [],
    abbreviation: draft.abbreviation,
    forms: draft.forms,
    category: 'cooperation',
    definition: '',
  });
  return forms.map((f) => f.trim()).filter((f) => f !== '');
}

export function previewMatches(draft: EntryDraft, sample: string): PreviewSpan[] {
  const forms = draftForms(draft);
  if (forms.length === 0 || sample === '') return [];
  const matcher = compileMatcher([{ id: ID, forms }]);
  return matcher
    .scan(sample)
    .map(({ start, end }) => ({ start, end, text: sample.slice(start, end) }));
}

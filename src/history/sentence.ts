import { type Sentence, sentenceAround } from '../text/sentence';

/*
 * The sentence a lookup keeps. Cutting sentences is page-sentences.ts's job (lazy, reused
 * Intl.Segmenter with a regex fallback, whitespace collapsed, shortened around the mark with
 * "…"); history only asks for a longer window than the popover's. That module is pure strings
 * apart from `blockOffsets`, so it can move to a shared folder without changes.
 */

export type { Sentence };

/** The longest sentence kept, before the "…" added on either side of a shortened one. */
export const SENTENCE_MAX_LENGTH = 600;
/** What a stored sentence may measure: the window plus an ellipsis on each side. */
export const STORED_SENTENCE_MAX_LENGTH = SENTENCE_MAX_LENGTH + 2;

/** The sentence of a block's `text` around the match [start, end), as history keeps it. */
export function lookupSentence(text: string, start: number, end: number): Sentence {
  return sentenceAround(text, start, end, SENTENCE_MAX_LENGTH);
}

/**
 * Where `form` stands in `sentence`: at `formAt` if it really stands there (a form can occur
 * twice in a sentence), else its first occurrence; -1 when it is not there.
 */
export function formOffset(sentence: string, form: string, formAt?: number): number {
  if (form === '') return -1;
  if (formAt !== undefined && sentence.startsWith(form, formAt)) return formAt;
  return sentence.indexOf(form);
}

/**
 * Brings a sentence received from a content script into the stored shape: whitespace collapsed,
 * one sentence, at most the stored length, with the offset of `form` (already whitespace
 * collapsed) in it. Null when `form` is not in the sentence: such a lookup is malformed.
 */
export function fitSentence(
  sentence: string,
  form: string,
  formAt?: number,
): { sentence: string; formAt: number } | null {
  const at = formOffset(sentence, form, formAt);
  if (at < 0) return null;
  const fitted = sentenceAround(sentence, at, at + form.length, SENTENCE_MAX_LENGTH);
  const found = fitted.text.slice(fitted.markStart, fitted.markEnd) === form;
  return found ? { sentence: fitted.text, formAt: fitted.markStart } : null;
}

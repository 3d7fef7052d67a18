/** Tokens and keys of short strings (forms, tests): the tokenizer's view, as plain data. */

import type { Language } from './lang/languages';
import { canonicalWord } from './lang/reduce';
import { createTokenBuffer, TokenFlag, tokenize } from './tokenize';

/** Tokens of a (short) string, as plain objects; for forms, tests and debugging. */
export interface Token {
  start: number;
  end: number;
  key: string;
  upper: boolean;
  word: boolean;
}

export function tokens(text: string): Token[] {
  const buf = createTokenBuffer(16);
  tokenize(text, buf);
  const out: Token[] = [];
  for (let t = 0; t < buf.count; t++) {
    const flags = buf.flags[t] as number;
    out.push({
      start: buf.start[t] as number,
      end: buf.end[t] as number,
      key: buf.keys[t] as string,
      upper: (flags & TokenFlag.Upper) !== 0,
      word: (flags & TokenFlag.Word) !== 0,
    });
  }
  return out;
}

/**
 * Canonical key of a surface form: two forms with the same key are the same form to the matcher
 * (e.g. "Counter‑Terrorism" and "counter terrorism" → "counter terrorism"; "U.S." → "u.s";
 * Arabic "التعاون" → "تعاون"). Returned in NFC so it reads naturally in error messages.
 */
export function normalizeForm(form: string, lang: Language = 'en'): string {
  return tokens(form)
    .map((t) => (t.word ? canonicalWord(t.key, lang) : t.key))
    .join(' ')
    .normalize('NFC');
}

import { casePattern, isAbbreviation } from './case-guard';
import { buildGate } from './gate-needles';
import { bitOf, type Language } from './lang/languages';
import { canonicalWord } from './lang/reduce';
import type { NeedleForm } from './needle-atoms';
import { buildNeedles } from './needles';
import { createTokenBuffer, TokenFlag, tokenize } from './tokenize';
import type { Form, FormSpec, MatcherOptions, MatcherTables, MatcherTerm } from './types';
import { encodeVlq } from './vlq';
import { Vocabulary } from './vocabulary';

/** Bit of a form's meta word marking a context-gated form (below it: its language's bit). */
export const GATED_BIT = 256;

const spec = (form: Form): FormSpec => (typeof form === 'string' ? { text: form } : form);

/** One form as the matcher stores it: canonical word keys, with case patterns where needed. */
export interface CompiledForm {
  keys: string[];
  /** Per word: the case pattern of an abbreviation, else null. */
  patterns: (string | null)[];
}

const buf = createTokenBuffer(16);

/** The words of a form as stored (see lang/reduce.ts for the canonical keys). */
export function compileForm(text: string, lang: Language, caseGuard = true): CompiledForm {
  tokenize(text, buf);
  const keys: string[] = [];
  const patterns: (string | null)[] = [];
  for (let t = 0; t < buf.count; t++) {
    const key = buf.keys[t] as string;
    const word = ((buf.flags[t] as number) & TokenFlag.Word) !== 0;
    keys.push(word ? canonicalWord(key, lang) : key);
    const original = text.slice(buf.start[t], buf.end[t]);
    patterns.push(caseGuard && word && isAbbreviation(original) ? casePattern(original) : null);
  }
  return { keys, patterns };
}

/**
 * Compiles terms to tables. A form claimed by two entries keeps the first (the glossary's data
 * tests forbid that); the same form in several languages of one entry matches in all of them.
 */
export function buildMatcherTables(
  terms: readonly MatcherTerm[],
  options: MatcherOptions = {},
): MatcherTables {
  const caseGuard = options.caseGuard !== false;
  const vocab = new Vocabulary();
  const numbers: number[] = [];
  const patterns: string[] = [];
  const seen = new Set<string>();
  /** Distinct forms whatever their language, for `formCount`. */
  const forms = new Set<string>();
  const needleForms: NeedleForm[] = [];
  terms.forEach((term, termIndex) => {
    for (const form of term.forms) {
      const { text, lang = 'en', gated = false } = spec(form);
      const compiled = compileForm(text, lang, caseGuard);
      if (compiled.keys.length === 0) continue;
      // The same form in another language still counts: its words take that language's endings.
      const signature = `${lang} ${compiled.keys.join(' ')} ${compiled.patterns.join(' ')}`;
      if (seen.has(signature)) continue;
      seen.add(signature);
      forms.add(compiled.keys.join(' '));
      needleForms.push({ keys: compiled.keys.slice(0, 2), lang });
      numbers.push(termIndex, bitOf(lang) + (gated ? GATED_BIT : 0), compiled.keys.length);
      compiled.keys.forEach((key, i) => {
        const pattern = compiled.patterns[i] ?? null;
        numbers.push(vocab.add(key) * 2 + (pattern === null ? 0 : 1));
        if (pattern !== null) patterns.push(pattern);
      });
    }
  });
  return {
    version: 2,
    terms: terms.map((t) => t.id),
    keys: vocab.keys.join('\n'),
    forms: encodeVlq(numbers),
    patterns,
    formCount: forms.size,
    prefilter: options.prefilter === false ? null : buildNeedles(needleForms),
    gate: options.prefilter === false || options.gate === false ? null : buildGate(needleForms),
  };
}

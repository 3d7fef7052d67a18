import { casePattern, isAbbreviation } from './case-guard';
import type { GateData } from './gate';
import { buildGate } from './gate-needles';
import { bitOf, LANGUAGES, type Language } from './lang/languages';
import { canonicalWord } from './lang/reduce';
import type { NeedleForm } from './needle-atoms';
import { buildNeedles } from './needles';
import { createTokenBuffer, TokenFlag, tokenize } from './tokenize';
import type { Form, FormSpec, MatcherOptions, MatcherTables, MatcherTerm } from './types';
import { decodeVlq, encodeVlq } from './vlq';
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
 * Compiles terms to tables, a batch at a time, and appends compiled tables after them: the
 * background compiles a reader's 10,000 entries in slices, then adds the build's glossary, so a
 * page matches every source in one pass. Where two sources hold the same form the trie keeps the
 * first (trie.ts), and longest match still wins across all of them because they share one trie.
 * A form claimed twice by terms keeps the first (the glossary's data tests forbid that); the same
 * form in several languages of one entry matches in all of them.
 */
export class TablesBuilder {
  private readonly vocab = new Vocabulary();
  private readonly terms: string[] = [];
  private readonly numbers: number[] = [];
  private readonly patterns: string[] = [];
  private readonly seen = new Set<string>();
  /** Distinct forms whatever their language, for `formCount`. */
  private readonly forms = new Set<string>();
  /** First two keys and language of each distinct form start, for the needles. */
  private readonly needleForms = new Map<string, NeedleForm>();
  private needleCache: string | undefined;

  constructor(private readonly caseGuard = true) {}

  add(terms: readonly MatcherTerm[]): this {
    for (const term of terms) {
      const termIndex = this.terms.push(term.id) - 1;
      for (const form of term.forms) this.addForm(termIndex, spec(form));
    }
    return this;
  }

  private addForm(termIndex: number, { text, lang = 'en', gated = false }: FormSpec): void {
    const compiled = compileForm(text, lang, this.caseGuard);
    if (compiled.keys.length === 0) return;
    const joined = compiled.keys.join(' ');
    // The same form in another language still counts: its words take that language's endings.
    const cased = compiled.patterns.some((p) => p !== null);
    const signature = `${lang} ${joined}${cased ? ` ${compiled.patterns.join(' ')}` : ''}`;
    if (this.seen.has(signature)) return;
    this.seen.add(signature);
    this.noteForm(compiled.keys, joined, lang);
    const { numbers } = this;
    numbers.push(termIndex, bitOf(lang) + (gated ? GATED_BIT : 0), compiled.keys.length);
    compiled.keys.forEach((key, i) => {
      const pattern = compiled.patterns[i] ?? null;
      numbers.push(this.vocab.add(key) * 2 + (pattern === null ? 0 : 1));
      if (pattern !== null) this.patterns.push(pattern);
    });
  }

  /** Counts a form (its keys, and them joined by spaces) and notes its start for the needles. */
  private noteForm(keys: readonly string[], joined: string, lang: Language): void {
    this.forms.add(joined);
    const start = keys.length > 2 ? `${keys[0]} ${keys[1]}` : joined;
    const needleKey = `${lang} ${start}`;
    if (!this.needleForms.has(needleKey)) {
      this.needleForms.set(needleKey, { keys: keys.slice(0, 2), lang });
    }
    this.needleCache = undefined;
  }

  /** Appends compiled tables (the build's glossary) after everything added so far. */
  addTables(part: MatcherTables): this {
    if (part.version !== 2) throw new Error(`matcher tables version ${part.version} unknown`);
    const keys = part.keys === '' ? [] : part.keys.split('\n');
    const remap = keys.map((key) => this.vocab.add(key));
    const termBase = this.terms.length;
    this.terms.push(...part.terms);
    this.patterns.push(...part.patterns);
    const numbers = decodeVlq(part.forms);
    for (let i = 0; i < numbers.length; ) {
      const term = numbers[i++] as number;
      const meta = numbers[i++] as number;
      const length = numbers[i++] as number;
      this.numbers.push(termBase + term, meta, length);
      const words: string[] = [];
      for (let w = 0; w < length; w++) {
        const code = numbers[i++] as number;
        const key = remap[code >> 1] as number;
        this.numbers.push(key * 2 + (code & 1));
        words.push(this.vocab.keys[key] as string);
      }
      this.noteForm(words, words.join(' '), LANGUAGE_OF_BIT.get(meta & (GATED_BIT - 1)) ?? 'en');
    }
    return this;
  }

  /**
   * The pre-filter's needles for everything added so far: the one step that reads all forms at
   * once, so a caller working in slices calls it in a slice of its own before `tables`.
   */
  needles(): string | null {
    this.needleCache ??= buildNeedles([...this.needleForms.values()]) ?? '';
    return this.needleCache === '' ? null : this.needleCache;
  }

  /** The frame gate (see `buildGate`) for everything added so far. */
  gate(): GateData | null {
    return buildGate([...this.needleForms.values()]);
  }

  tables(options: MatcherOptions = {}): MatcherTables {
    const noFilter = options.prefilter === false;
    return {
      version: 2,
      terms: [...this.terms],
      keys: this.vocab.keys.join('\n'),
      forms: encodeVlq(this.numbers),
      patterns: [...this.patterns],
      formCount: this.forms.size,
      prefilter: noFilter ? null : this.needles(),
      gate: noFilter || options.gate === false ? null : this.gate(),
    };
  }
}

const LANGUAGE_OF_BIT = new Map<number, Language>(LANGUAGES.map((l) => [bitOf(l), l]));

export function buildMatcherTables(
  terms: readonly MatcherTerm[],
  options: MatcherOptions = {},
): MatcherTables {
  return new TablesBuilder(options.caseGuard !== false).add(terms).tables(options);
}

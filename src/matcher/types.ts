import type { GateData } from './gate';
import type { Language } from './lang/languages';

/** A surface form with what the matcher should know about it. */
export interface FormSpec {
  text: string;
  /** The language the form is written in (default English: it then matches in any text). */
  lang?: Language;
  /** Matches only where the page carries defence context (decided by the highlighter). */
  gated?: boolean;
}

export type Form = string | FormSpec;

export interface MatcherTerm {
  id: string;
  forms: readonly Form[];
}

/** UTF-16 offsets into the original text, end exclusive. */
export interface Match {
  start: number;
  end: number;
  id: string;
  /** The form found needs context to be shown (see FormSpec.gated). */
  gated?: true;
}

export interface Matcher {
  /**
   * The matches in `text`; `languages` (a mask from lang/languages.ts) says which languages'
   * forms may match: those of the language the text is read as.
   */
  scan(text: string, languages?: number): Match[];
  /**
   * Scans part of `text`, so a caller can spread a very long text over several time slices:
   * starts at `from` (0 or a `next` returned before), reads about `maxChars` characters and
   * returns the matches that no later text can change plus where to resume (`text.length` when
   * done). Concatenating the parts' matches gives exactly `scan(text)`.
   */
  scanPart(
    text: string,
    from: number,
    maxChars: number,
    languages?: number,
  ): { matches: Match[]; next: number };
  /**
   * False when `text` certainly holds no match, decided by one native search (the pre-filter):
   * far cheaper than a scan, so a page's thousands of texts without terms cost next to nothing.
   */
  mayMatch(text: string): boolean;
  /** Number of distinct normalised forms compiled (duplicates across entries count once). */
  readonly formCount: number;
}

export interface MatcherOptions {
  /**
   * When true (default), an abbreviation (a form word with two or more capitals: "NATO", "MoU",
   * "GCC") matches only as written or in capitals, and never inside code-like text
   * ("GCC_VERSION", "$GCC"), so "sofa", "Mou" or a compiler's name are not read as terms.
   */
  caseGuard?: boolean;
  /**
   * When true (default), a native RegExp finds where matches can start and the tokenizer only
   * reads windows around those places (see prefilter.ts). Same matches either way; false exists
   * for the tests that prove it.
   */
  prefilter?: boolean;
  /** When false, no frame gate is built (tables merged into others never need their own). */
  gate?: boolean;
}

export interface LoadOptions {
  /**
   * Entry ids whose forms no longer match (terms the reader hid): dropped at load, so hiding a
   * term costs no compile, and a shorter form inside a hidden one matches again.
   */
  exclude?: ReadonlySet<string>;
}

/**
 * A compiled matcher as plain data: what `buildMatcherTables` computes and `loadMatcher` runs.
 * JSON-safe and compact, so the build can compile the glossary once and ship the result: every
 * page's content script carries it, and loading it costs a fraction of compiling.
 */
export interface MatcherTables {
  version: 2;
  /** Entry ids, in the order the terms were given. */
  terms: string[];
  /** Vocabulary keys (canonical form words), joined by line feeds; a key's index is its id. */
  keys: string;
  /**
   * The forms, as VLQ numbers (vlq.ts): per form its term index, its language's bit plus 256
   * when gated, its length, then per word `2 × key index`, plus 1 for an abbreviation whose case
   * pattern comes next in `patterns`.
   */
  forms: string;
  /** Case patterns of abbreviation words, in the order `forms` meets them ("ULU" for "MoU"). */
  patterns: string[];
  formCount: number;
  /** The pre-filter's needles (see prefilter.ts), or null when scanning reads everything. */
  prefilter: string | null;
  /** The frame gate (see `buildGate`), or null with no pre-filter. */
  gate: GateData | null;
}

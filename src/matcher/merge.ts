import { bitOf, LANGUAGES, type Language } from './lang/languages';
import type { NeedleForm } from './needle-atoms';
import { buildNeedles } from './needles';
import { GATED_BIT } from './tables';
import type { MatcherTables } from './types';
import { decodeVlq, encodeVlq } from './vlq';
import { Vocabulary } from './vocabulary';

/**
 * Joins compiled tables into one, so several sources (the reader's terms, packs, the built-in
 * glossary) match in a single pass over the text. Parts are added in priority order: where two
 * parts hold the same form the trie keeps the first (trie.ts), and longest match still wins
 * across all of them because they share one trie. Each `add` costs only its own part, so a big
 * set compiled in slices can be merged slice by slice without one long task.
 *
 * The pre-filter is built once over every part's forms, as `buildMatcherTables` would over the
 * same forms: an alternation of each part's own needles finds the same places but is not
 * factored, and measured 20 times slower to search with a hundred parts.
 */
export class TablesMerger {
  private readonly vocab = new Vocabulary();
  private readonly terms: string[] = [];
  /** Each part's forms, encoded as it is added: VLQ needs no separators, so they concatenate. */
  private readonly encoded: string[] = [];
  private readonly patterns: string[] = [];
  private readonly forms = new Set<string>();
  /** First two keys and language of each distinct form start, for the needles. */
  private readonly needleForms = new Map<string, NeedleForm>();
  private needles: string | null | undefined;

  add(part: MatcherTables): this {
    if (part.version !== 2) throw new Error(`matcher tables version ${part.version} unknown`);
    const keys = part.keys === '' ? [] : part.keys.split('\n');
    const remap = keys.map((key) => this.vocab.add(key));
    const termBase = this.terms.length;
    this.terms.push(...part.terms);
    this.patterns.push(...part.patterns);
    const numbers = decodeVlq(part.forms);
    const out: number[] = [];
    for (let i = 0; i < numbers.length; ) {
      const term = numbers[i++] as number;
      const meta = numbers[i++] as number;
      const length = numbers[i++] as number;
      out.push(termBase + term, meta, length);
      let signature = '';
      const start: number[] = [];
      for (let w = 0; w < length; w++) {
        const code = numbers[i++] as number;
        const key = remap[code >> 1] as number;
        out.push(key * 2 + (code & 1));
        signature += `${key} `;
        if (w < 2) start.push(key);
      }
      this.forms.add(signature);
      const lang = LANGUAGE_OF_BIT.get(meta & (GATED_BIT - 1)) ?? 'en';
      const needleKey = `${lang} ${start.join(' ')}`;
      if (!this.needleForms.has(needleKey)) {
        this.needleForms.set(needleKey, {
          keys: start.map((k) => this.vocab.keys[k] as string),
          lang,
        });
      }
    }
    this.encoded.push(encodeVlq(out));
    this.needles = undefined;
    return this;
  }

  /**
   * The pre-filter's needles for everything added so far: the one step that reads all forms at
   * once. A caller working in slices calls it in a slice of its own before `finish`.
   */
  buildNeedles(): string | null {
    this.needles ??= buildNeedles([...this.needleForms.values()]);
    return this.needles;
  }

  finish(): MatcherTables {
    const prefilter = this.buildNeedles();
    return {
      version: 2,
      terms: [...this.terms],
      keys: this.vocab.keys.join('\n'),
      forms: this.encoded.join(''),
      patterns: [...this.patterns],
      formCount: this.forms.size,
      prefilter,
      // Frames are gated by the build's glossary gate (src/content/frame-gate.ts), not this one.
      gate: null,
    };
  }
}

const LANGUAGE_OF_BIT = new Map<number, Language>(LANGUAGES.map((l) => [bitOf(l), l]));

/** The tables of `parts` as one, first part first. */
export function mergeTables(parts: readonly MatcherTables[]): MatcherTables {
  const merger = new TablesMerger();
  for (const part of parts) merger.add(part);
  return merger.finish();
}

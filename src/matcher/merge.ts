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
 * The pre-filter of the result is the union of the parts' needles: each part's RegExp finds
 * every place one of its forms may start, so their alternation finds every place any may.
 */
export class TablesMerger {
  private readonly vocab = new Vocabulary();
  private readonly terms: string[] = [];
  private readonly numbers: number[] = [];
  private readonly patterns: string[] = [];
  private readonly forms = new Set<string>();
  private readonly guarded: string[] = [];
  private readonly open: string[] = [];
  /** A part with forms but no pre-filter: the result must read everything too. */
  private unfiltered = false;

  add(part: MatcherTables): this {
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
      let signature = '';
      for (let w = 0; w < length; w++) {
        const code = numbers[i++] as number;
        const key = remap[code >> 1] as number;
        this.numbers.push(key * 2 + (code & 1));
        signature += `${key} `;
      }
      this.forms.add(signature);
    }
    if (numbers.length > 0 && part.prefilter === null) this.unfiltered = true;
    if (part.prefilter !== null) {
      const [guarded = '', open = ''] = part.prefilter.split('\n');
      if (guarded) this.guarded.push(guarded);
      if (open) this.open.push(open);
    }
    return this;
  }

  finish(): MatcherTables {
    const none = this.guarded.length === 0 && this.open.length === 0;
    return {
      version: 2,
      terms: [...this.terms],
      keys: this.vocab.keys.join('\n'),
      forms: encodeVlq(this.numbers),
      patterns: [...this.patterns],
      formCount: this.forms.size,
      prefilter:
        this.unfiltered || none ? null : `${this.guarded.join('|')}\n${this.open.join('|')}`,
      // Frames are gated by the build's glossary gate (src/content/frame-gate.ts), not this one.
      gate: null,
    };
  }
}

/** The tables of `parts` as one, first part first. */
export function mergeTables(parts: readonly MatcherTables[]): MatcherTables {
  const merger = new TablesMerger();
  for (const part of parts) merger.add(part);
  return merger.finish();
}

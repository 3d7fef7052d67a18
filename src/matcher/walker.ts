import { caseMatches, casePattern, touchesCode } from './case-guard';
import { ALL_LANGUAGES, formLanguagesIn } from './lang/languages';
import { reductions } from './lang/reduce';
import { slowKey, type TokenBuffer, TokenFlag } from './tokenize';
import { isGated, type Trie } from './trie';
import type { Match } from './types';

/**
 * Walks the trie over a buffer of tokens. A token stands for its own key and, when that is no
 * form word, for the keys it may have come from (lang/reduce.ts: plurals, case endings,
 * clitics); the walk tries each, so it explores a few paths where the old single-key walk had
 * one. Reused across calls (the engine scans thousands of small blocks): no allocation per token
 * unless a token needs reducing.
 */
/** Words whose alternatives are kept at most; a long page's vocabulary fits easily. */
const CACHE_SIZE = 4096;

export class TokenWalker {
  /** Per token: where its alternative keys start and end in `alts`. */
  private altFrom = new Int32Array(256);
  private altTo = new Int32Array(256);
  private alts: number[] = [];
  /** Per token: its case pattern, computed when an abbreviation asks for it. */
  private cases: (string | undefined)[] = [];
  private text = '';
  private languages = ALL_LANGUAGES;
  // Result of the last `longestFrom` (fields rather than an object: nothing to allocate).
  private foundEnd = -1;
  private foundTerm = -1;
  private foundMeta = 0;
  /** The last `longestFrom` reached the end of the buffer with a longer form still possible. */
  ranOut = false;

  constructor(
    private readonly trie: Trie,
    private readonly buf: TokenBuffer,
  ) {}

  /** Whether a word could reduce to some key: its start is the start of one. */
  private readonly mayBeKey = (candidate: string): boolean => {
    const { prefixes } = this.trie;
    return (
      prefixes.has(candidate.slice(0, 3)) ||
      prefixes.has(candidate.slice(0, 2)) ||
      prefixes.has(candidate.slice(0, 1))
    );
  };

  /** Reads the buffer's tokens of `text` (just tokenized), finding alternatives where needed. */
  prepare(text: string, languages: number): void {
    const { buf, trie } = this;
    this.text = text;
    if (languages !== this.languages) {
      this.languages = languages;
      this.ruleLangs = formLanguagesIn(languages);
      this.cache = this.caches.get(this.ruleLangs) ?? new Map();
      this.caches.set(this.ruleLangs, this.cache);
    }
    this.cases.length = 0;
    if (this.altFrom.length < buf.count) {
      this.altFrom = new Int32Array(buf.start.length);
      this.altTo = new Int32Array(buf.start.length);
    }
    this.alts.length = 0;
    for (let t = 0; t < buf.count; t++) {
      this.altFrom[t] = this.alts.length;
      if (((buf.flags[t] as number) & TokenFlag.Word) !== 0) {
        const own = buf.vocab[t] as number;
        // A form word may still be an inflection of another ("accords": Abraham Accords, and
        // the plural of "accord").
        const key =
          own >= 0
            ? (trie.vocab.keys[own] as string)
            : slowKey(text, buf.start[t] as number, buf.keyEnd[t] as number);
        for (const id of this.alternativesOf(key)) this.alts.push(id);
      }
      this.altTo[t] = this.alts.length;
    }
  }

  /**
   * Words recur on a page ("NATO" a hundred times): their alternatives are kept, per set of
   * languages whose rules were tried (an English block tries English rules only).
   */
  private cache = new Map<string, readonly number[]>();
  private readonly caches = new Map<number, Map<string, readonly number[]>>([
    [ALL_LANGUAGES, this.cache],
  ]);
  private ruleLangs = ALL_LANGUAGES;

  /** Vocabulary ids a word's key may stand for besides its own (see lang/reduce.ts). */
  private alternativesOf(key: string): readonly number[] {
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const { trie } = this;
    const ids: number[] = [];
    const reduced = reductions(key, this.mayBeKey, this.ruleLangs);
    reduced.keys.forEach((candidate, i) => {
      const id = trie.vocab.lookup(candidate);
      // Only a word of a form in a language the rule belongs to ("tatbikatta" is not an
      // English plural of anything).
      if (id < 0 || ((trie.keyLangs[id] as number) & (reduced.langs[i] as number)) === 0) return;
      if (!ids.includes(id)) ids.push(id);
    });
    if (this.cache.size >= CACHE_SIZE) this.cache.clear();
    this.cache.set(key, ids);
    return ids;
  }

  /** Whether token `t` may take part in any form (most tokens do not). */
  known(t: number): boolean {
    return (
      (this.buf.vocab[t] as number) >= 0 || (this.altTo[t] as number) > (this.altFrom[t] as number)
    );
  }

  /** The abbreviation guard for token `k` entering `node`. */
  private caseAllows(node: number, k: number): boolean {
    const patterns = this.trie.patterns[node];
    if (patterns === undefined) return true;
    const { buf, text } = this;
    const start = buf.start[k] as number;
    if (touchesCode(text, start, buf.end[k] as number)) return false;
    this.cases[k] ??= casePattern(text, start, buf.keyEnd[k] as number);
    const pattern = this.cases[k] as string;
    return patterns.some((p) => caseMatches(p, pattern));
  }

  private step(node: number, key: number, k: number, first: number): void {
    const { trie } = this;
    const child = trie.edges.get(node * trie.stride + key);
    if (child === undefined || !this.caseAllows(child, k)) return;
    const term = trie.ends[child] as number;
    if (term >= 0 && k > this.foundEnd && ((trie.meta[child] as number) & this.languages) !== 0) {
      this.foundEnd = k;
      this.foundTerm = term;
      this.foundMeta = trie.meta[child] as number;
    }
    this.walk(child, k + 1, first);
  }

  private walk(node: number, k: number, first: number): void {
    const { buf, trie } = this;
    if (trie.hasChildren[node] !== 1) return;
    if (k >= buf.count) {
      this.ranOut = true;
      return;
    }
    const own = buf.vocab[k] as number;
    if (own >= 0) {
      this.step(node, own, k, first);
      // A Persian plural written apart ("همکاری های نظامی") belongs to the word before it.
      if (k > first && trie.detached[own] === 1) this.walk(node, k + 1, first);
    }
    for (let a = this.altFrom[k] as number; a < (this.altTo[k] as number); a++) {
      this.step(node, this.alts[a] as number, k, first);
    }
  }

  /** The longest form starting at token `t`: its last token, or -1 (see `ranOut`). */
  longestFrom(t: number): number {
    this.foundEnd = -1;
    this.foundTerm = -1;
    this.ranOut = false;
    this.walk(0, t, t);
    return this.foundEnd;
  }

  /** The match `longestFrom` found, from token `t` to its last token. */
  match(t: number): Match {
    const { buf, trie } = this;
    const match: Match = {
      start: buf.start[t] as number,
      end: buf.end[this.foundEnd] as number,
      id: trie.termIds[this.foundTerm] as string,
    };
    if (isGated(this.foundMeta)) match.gated = true;
    return match;
  }
}

/**
 * The compiled matcher: a trie whose edges are normalised word tokens.
 *
 * Scanning tokenises the text once (see normalize.ts) and, from each token, walks the trie as far
 * as the following tokens allow, remembering the longest complete form; a match resumes scanning
 * after its last token. Overlaps go to the longer match (in characters), ties to the earlier one.
 * Because edges are whole tokens, matches start and end on word boundaries by construction, and
 * the work per token is bounded by the longest form's length in tokens, not by the glossary size.
 */

import { createTokenBuffer, type TokenBuffer, TokenFlag, tokenize } from './normalize';
import { Vocabulary } from './vocabulary';

export interface MatcherTerm {
  id: string;
  forms: readonly string[];
}

/** UTF-16 offsets into the original text, end exclusive. */
export interface Match {
  start: number;
  end: number;
  id: string;
}

export interface Matcher {
  scan(text: string): Match[];
  /**
   * Scans part of `text`, so a caller can spread a very long text over several time slices:
   * starts at `from` (0 or a `next` returned before), reads about `maxChars` characters and
   * returns the matches that no later text can change plus where to resume (`text.length` when
   * done). Concatenating the parts' matches gives exactly `scan(text)`.
   */
  scanPart?(text: string, from: number, maxChars: number): { matches: Match[]; next: number };
  /** Number of distinct normalised forms compiled (duplicates across entries count once). */
  readonly formCount: number;
}

/** What `compileMatcher` returns: a Matcher that always supports `scanPart`. */
export type PartMatcher = Matcher & Required<Pick<Matcher, 'scanPart'>>;

export interface MatcherOptions {
  /**
   * When true (default), a form word with two or more capitals ("US", "NATO", "MoU", "U.S.")
   * only matches text words that contain a capital, so the pronoun "us" or a "sofa" are not
   * read as "US" or "SOFA" while "Nato" and "NATO's" still are.
   */
  acronymGuard?: boolean;
}

interface TrieNode {
  /** Children by vocabulary index of the next token's key. */
  children: Map<number, TrieNode> | null;
  /** Entry id when a form ends here. */
  id: string | null;
  /** The edge into this node needs a text word with a capital (see `acronymGuard`). */
  strict: boolean;
}

function newNode(strict: boolean): TrieNode {
  return { children: null, id: null, strict };
}

function countUpper(s: string): number {
  let count = 0;
  for (const ch of s) if (ch !== ch.toLowerCase()) count++;
  return count;
}

/**
 * Plurals and possessives of a form's last word: agreements, taxes, treaties, alliance's,
 * alliances', treaties'. Abbreviations take them too ("MoUs", "SOFAs", "NATO's").
 */
export function inflections(key: string): string[] {
  // Consonant + y only takes -ies ("treaties", not "treatys"); vowel + y takes -s ("surveys").
  const consonantY = key.length > 1 && key.endsWith('y') && !/[aeiouy]y$/.test(key);
  const plurals = consonantY ? [`${key.slice(0, -1)}ies`] : [`${key}s`, `${key}es`];
  return [...plurals, ...plurals.map((p) => `${p}'`), `${key}'s`, `${key}'`];
}

export function compileMatcher(
  terms: readonly MatcherTerm[],
  options: MatcherOptions = {},
): PartMatcher {
  const guard = options.acronymGuard !== false;
  const vocab = new Vocabulary();
  const root = newNode(false);
  /** For a vocabulary index: the indices of the last-word keys it is a plural/possessive of. */
  const bases: (number[] | undefined)[] = [];
  let formCount = 0;
  /** Longest form in tokens: how far a decision at one token can look ahead. */
  let maxTokens = 1;

  // One token buffer for every form: compiling runs once per page, cold (interpreted), so
  // per-form allocations (token objects, typed arrays) are a large share of its cost.
  const formBuf: TokenBuffer = createTokenBuffer(16);
  for (const term of terms) {
    for (const form of term.forms) {
      tokenize(form, formBuf);
      const n = formBuf.count;
      if (n === 0) continue;
      if (n > maxTokens) maxTokens = n;
      let node = root;
      let lastKey = '';
      let lastWord = false;
      for (let t = 0; t < n; t++) {
        const key = formBuf.keys[t] as string;
        const flags = formBuf.flags[t] as number;
        const word = (flags & TokenFlag.Word) !== 0;
        // Only words with a capital can have two: skip counting for the rest.
        const strict =
          guard &&
          word &&
          (flags & TokenFlag.Upper) !== 0 &&
          countUpper(form.slice(formBuf.start[t], formBuf.end[t])) >= 2;
        const index = vocab.add(key);
        if (node.children === null) node.children = new Map();
        let child = node.children.get(index);
        if (child === undefined) {
          child = newNode(strict);
          node.children.set(index, child);
        } else if (!strict) {
          // Shared edge: the lenient spelling wins, so no form is made harder to match.
          child.strict = false;
        }
        node = child;
        lastKey = key;
        lastWord = word;
      }
      if (node.id === null) {
        // First entry to claim a form keeps it; duplicates are a data error caught by the
        // glossary's own tests (via normalizeForm).
        node.id = term.id;
        formCount++;
      }
      if (lastWord) {
        const base = vocab.lookup(lastKey);
        for (const variant of inflections(lastKey)) {
          const index = vocab.add(variant);
          const list = bases[index] ?? [];
          if (!list.includes(base)) list.push(base);
          bases[index] = list;
        }
      }
    }
  }

  // Reused across calls: the engine scans thousands of small blocks.
  const buf: TokenBuffer = createTokenBuffer(1024);

  // Result of the last `longestFrom` call (kept in closure variables to avoid allocating).
  let foundEnd = -1;
  let foundId: string | null = null;

  /** Longest form starting at token `t` of `buf`: sets foundEnd (token index) and foundId. */
  function longestFrom(t: number): void {
    const count = buf.count;
    const ids = buf.vocab;
    const flags = buf.flags;
    let children: Map<number, TrieNode> | null = root.children;
    foundEnd = -1;
    foundId = null;
    for (let k = t; k < count && children !== null; k++) {
      const x = ids[k] as number;
      if (x < 0) return;
      const upper = ((flags[k] as number) & TokenFlag.Upper) !== 0;
      const inflected = bases[x];
      if (inflected !== undefined) {
        // The token is a plural/possessive: it can end a form whose last word is its base.
        for (const base of inflected) {
          const node = children.get(base);
          if (node !== undefined && node.id !== null && (upper || !node.strict)) {
            foundEnd = k;
            foundId = node.id;
            break;
          }
        }
      }
      const child = children.get(x);
      if (child === undefined || (child.strict && !upper)) return;
      if (child.id !== null) {
        foundEnd = k;
        foundId = child.id;
      }
      children = child.children;
    }
  }

  /**
   * The greedy pass over tokens [0, buf.count) of the last `tokenize`; stops before token
   * `limit` and returns the first token it did not decide (buf.count when it finished).
   */
  function matchTokens(matches: Match[], limit: number): number {
    const count = buf.count;
    const starts = buf.start;
    const ends = buf.end;
    const ids = buf.vocab;
    let t = 0;
    while (t < limit) {
      // Most words are in no form: skip them without a call.
      if ((ids[t] as number) < 0) {
        t++;
        continue;
      }
      longestFrom(t);
      const end = foundEnd;
      const id = foundId;
      if (id === null) {
        t++;
        continue;
      }
      // Longest wins across different starts too: if a match starting inside this one runs
      // past its end and is longer ("strategic [defense cooperation agreement]" with forms
      // "strategic defense" and "defense cooperation agreement"), give way to it.
      const length = (ends[end] as number) - (starts[t] as number);
      let yieldTo = false;
      for (let s = t + 1; s <= end && !yieldTo; s++) {
        longestFrom(s);
        yieldTo = foundEnd > end && (ends[foundEnd] as number) - (starts[s] as number) > length;
      }
      if (yieldTo) {
        t++;
        continue;
      }
      matches.push({ start: starts[t] as number, end: ends[end] as number, id });
      t = end + 1;
    }
    return Math.min(t, count);
  }

  function scan(text: string): Match[] {
    const matches: Match[] = [];
    if (root.children === null || text.length === 0) return matches;
    tokenize(text, buf, vocab);
    matchTokens(matches, buf.count);
    return matches;
  }

  /** A cut point: an ASCII space, tab or line break, which only ever separates tokens. */
  function isCut(c: number): boolean {
    return c === 32 || c === 10 || c === 9 || c === 13 || c === 12;
  }

  function scanPart(
    text: string,
    from: number,
    maxChars: number,
  ): { matches: Match[]; next: number } {
    const n = text.length;
    const matches: Match[] = [];
    if (root.children === null || from >= n) return { matches, next: n };
    let to = n;
    if (n - from > maxChars * 1.5) {
      // Cut at a separator near from + maxChars, so no token straddles the cut.
      const want = from + Math.max(1, maxChars);
      let cut = -1;
      for (let i = want, stop = Math.min(n, want + 256); i < stop && cut < 0; i++) {
        if (isCut(text.charCodeAt(i))) cut = i;
      }
      for (let i = want - 1, stop = from + (maxChars >> 1); i > stop && cut < 0; i--) {
        if (isCut(text.charCodeAt(i))) cut = i;
      }
      if (cut > from) to = cut;
    }
    tokenize(text, buf, vocab, from, to);
    if (to === n) {
      matchTokens(matches, buf.count);
      return { matches, next: n };
    }
    // A decision at token t reads at most 2 * maxTokens tokens ahead (its own longest form,
    // then the yield check from inside it), so decisions before `limit` are final.
    const limit = buf.count - 2 * maxTokens - 1;
    if (limit <= 0) {
      // Too few tokens to decide anything (a run without separators): finish in one go.
      tokenize(text, buf, vocab, from, n);
      matchTokens(matches, buf.count);
      return { matches, next: n };
    }
    const t = matchTokens(matches, limit);
    // The pass stops at a token start: the tokenizer keeps no state across tokens, so resuming
    // there reads the same tokens as one whole pass would.
    return { matches, next: t < buf.count ? (buf.start[t] as number) : to };
  }

  return { scan, scanPart, formCount };
}

/**
 * The compiled matcher: a trie whose edges are normalised word tokens.
 *
 * Scanning tokenises the text once (see normalize.ts) and, from each token, walks the trie as far
 * as the following tokens allow, remembering the longest complete form; a match resumes scanning
 * after its last token. Overlaps go to the longer match (in characters), ties to the earlier one.
 * Because edges are whole tokens, matches start and end on word boundaries by construction, and
 * the work per token is bounded by the longest form's length in tokens, not by the glossary size.
 */

import {
  CharClass,
  classAt,
  createTokenBuffer,
  type TokenBuffer,
  TokenFlag,
  tokenize,
} from './normalize';
import { buildNeedles, isUnsafeHit, prefilterRegExp } from './prefilter';
import { hashKey, Vocabulary } from './vocabulary';

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
  scanPart(text: string, from: number, maxChars: number): { matches: Match[]; next: number };
  /** Number of distinct normalised forms compiled (duplicates across entries count once). */
  readonly formCount: number;
  /**
   * False when `text` certainly holds no match, decided by one native search (the pre-filter):
   * far cheaper than a scan, so a page's thousands of texts without terms cost next to nothing.
   */
  mayMatch(text: string): boolean;
}

export interface MatcherOptions {
  /**
   * When true (default), a form word with two or more capitals ("US", "NATO", "MoU", "U.S.")
   * only matches text words that contain a capital, so the pronoun "us" or a "sofa" are not
   * read as "US" or "SOFA" while "Nato" and "NATO's" still are.
   */
  acronymGuard?: boolean;
  /**
   * When true (default), a native RegExp finds where matches can start and the tokenizer only
   * reads windows around those places (see prefilter.ts). Same matches either way; false exists
   * for the tests that prove it.
   */
  prefilter?: boolean;
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

/**
 * A compiled matcher as plain data: what `buildMatcherTables` computes and `loadMatcher` runs.
 * JSON-safe, so the build can compile the glossary once and ship the result (see
 * src/glossary/matcher.ts): loading it costs a fraction of compiling on a page where the code
 * is still cold.
 */
export interface MatcherTables {
  version: 1;
  /** Entry ids, in the order the terms were given: which terms these tables are for. */
  terms: string[];
  /** Vocabulary keys by index, and their hashes (see vocabulary.ts). */
  keys: string[];
  hashes: number[];
  /** Per trie node (0 is the root): index in `terms` of the entry whose form ends there, or -1. */
  ends: number[];
  /** Per trie node: 1 when the edge into it needs a text word with a capital (acronym guard). */
  strict: number[];
  /** Trie edges as flat triples: parent node, vocabulary index of the token, child node. */
  edges: number[];
  /** Flat pairs: vocabulary index of a plural/possessive, vocabulary index of its base key. */
  bases: number[];
  formCount: number;
  /** The pre-filter's needles (see prefilter.ts), or null when scanning reads everything. */
  prefilter: string | null;
}

export function buildMatcherTables(
  terms: readonly MatcherTerm[],
  options: MatcherOptions = {},
): MatcherTables {
  const guard = options.acronymGuard !== false;
  const vocab = new Vocabulary();
  const ends: number[] = [-1];
  const strictness: number[] = [0];
  /** Child node by `${parent}:${vocabulary index}`. */
  const edges = new Map<string, number>();
  const edgeList: number[] = [];
  /** For a vocabulary index: the indices of the last-word keys it is a plural/possessive of. */
  const bases: (number[] | undefined)[] = [];
  let formCount = 0;
  /** Each form's first two keys, for the pre-filter's needles. */
  const starts: string[][] = [];

  const formBuf: TokenBuffer = createTokenBuffer(16);
  terms.forEach((term, termIndex) => {
    for (const form of term.forms) {
      tokenize(form, formBuf);
      const n = formBuf.count;
      if (n === 0) continue;
      starts.push(formBuf.keys.slice(0, Math.min(n, 2)));
      let node = 0;
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
        const edge = `${node}:${index}`;
        let child = edges.get(edge);
        if (child === undefined) {
          child = ends.length;
          ends.push(-1);
          strictness.push(strict ? 1 : 0);
          edges.set(edge, child);
          edgeList.push(node, index, child);
        } else if (!strict) {
          // Shared edge: the lenient spelling wins, so no form is made harder to match.
          strictness[child] = 0;
        }
        node = child;
        lastKey = key;
        lastWord = word;
      }
      if (ends[node] === -1) {
        // First entry to claim a form keeps it; duplicates are a data error caught by the
        // glossary's own tests (via normalizeForm).
        ends[node] = termIndex;
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
  });
  const basePairs: number[] = [];
  bases.forEach((list, index) => {
    for (const base of list ?? []) basePairs.push(index, base);
  });
  const needles = options.prefilter === false ? null : buildNeedles(starts);
  return {
    version: 1,
    terms: terms.map((t) => t.id),
    keys: [...vocab.keys],
    hashes: vocab.keys.map(hashKey),
    ends,
    strict: strictness,
    edges: edgeList,
    bases: basePairs,
    formCount,
    prefilter: needles,
  };
}

export function compileMatcher(
  terms: readonly MatcherTerm[],
  options: MatcherOptions = {},
): Matcher {
  return loadMatcher(buildMatcherTables(terms, options));
}

export interface LoadOptions {
  /**
   * Entry ids whose forms no longer match (terms the reader hid): dropped at load, so hiding a
   * term costs no compile, and a shorter form inside a hidden one matches again.
   */
  exclude?: ReadonlySet<string>;
}

/** A matcher over tables from `buildMatcherTables` (possibly compiled at build time). */
export function loadMatcher(tables: MatcherTables, options: LoadOptions = {}): Matcher {
  const vocab = Vocabulary.load(tables.keys, tables.hashes);
  const termIds = tables.terms;
  const nodeEnds = Int32Array.from(tables.ends);
  const exclude = options.exclude;
  if (exclude && exclude.size > 0) {
    for (let i = 0; i < nodeEnds.length; i++) {
      const term = nodeEnds[i] as number;
      if (term >= 0 && exclude.has(termIds[term] as string)) nodeEnds[i] = -1;
    }
  }
  const nodeStrict = Uint8Array.from(tables.strict);
  const nodeCount = nodeEnds.length;
  // One map for every edge, keyed parent * stride + token (small integers hash fastest).
  const stride = Math.max(1, tables.keys.length);
  const edgeMap = new Map<number, number>();
  const hasChildren = new Uint8Array(nodeCount);
  const edges = tables.edges;
  for (let i = 0; i + 2 < edges.length; i += 3) {
    const parent = edges[i] as number;
    edgeMap.set(parent * stride + (edges[i + 1] as number), edges[i + 2] as number);
    hasChildren[parent] = 1;
  }
  const bases: (number[] | undefined)[] = [];
  for (let i = 0; i + 1 < tables.bases.length; i += 2) {
    const index = tables.bases[i] as number;
    const list = bases[index];
    if (list) list.push(tables.bases[i + 1] as number);
    else bases[index] = [tables.bases[i + 1] as number];
  }
  const formCount = tables.formCount;
  const empty = edgeMap.size === 0;

  // Reused across calls: the engine scans thousands of small blocks.
  const buf: TokenBuffer = createTokenBuffer(1024);

  // Result of the last `longestFrom` call (kept in closure variables to avoid allocating).
  let foundEnd = -1;
  let foundId: string | null = null;
  /** The last `longestFrom` stopped at the end of the buffer with a longer form still possible. */
  let ranOut = false;

  /** Longest form starting at token `t` of `buf`: sets foundEnd (token index) and foundId. */
  function longestFrom(t: number): void {
    const count = buf.count;
    const ids = buf.vocab;
    const flags = buf.flags;
    let node = 0;
    foundEnd = -1;
    foundId = null;
    ranOut = false;
    let k = t;
    for (; k < count && hasChildren[node] === 1; k++) {
      const x = ids[k] as number;
      if (x < 0) return;
      const upper = ((flags[k] as number) & TokenFlag.Upper) !== 0;
      const from = node * stride;
      const inflected = bases[x];
      if (inflected !== undefined) {
        // The token is a plural/possessive: it can end a form whose last word is its base.
        for (const base of inflected) {
          const c = edgeMap.get(from + base);
          if (c !== undefined && (nodeEnds[c] as number) >= 0 && (upper || nodeStrict[c] === 0)) {
            foundEnd = k;
            foundId = termIds[nodeEnds[c] as number] as string;
            break;
          }
        }
      }
      const child = edgeMap.get(from + x);
      if (child === undefined || (nodeStrict[child] === 1 && !upper)) return;
      const end = nodeEnds[child] as number;
      if (end >= 0) {
        foundEnd = k;
        foundId = termIds[end] as string;
      }
      node = child;
    }
    ranOut = k >= count && hasChildren[node] === 1;
  }

  /**
   * The greedy pass over tokens [0, buf.count) of the last `tokenize`. Returns the first token it
   * could not decide: one whose longest match, or a longer one starting inside it, might run past
   * the last token read (`longestFrom` ran out); buf.count when it decided them all. With `final`
   * (the tokens reach the end of the text) nothing more can come and every token is decided.
   */
  function matchTokens(matches: Match[], final: boolean): number {
    const count = buf.count;
    const starts = buf.start;
    const ends = buf.end;
    const ids = buf.vocab;
    let t = 0;
    while (t < count) {
      // Most words are in no form: skip them without a call.
      if ((ids[t] as number) < 0) {
        t++;
        continue;
      }
      longestFrom(t);
      if (ranOut && !final) return t;
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
        if (ranOut && !final) return t;
        yieldTo = foundEnd > end && (ends[foundEnd] as number) - (starts[s] as number) > length;
      }
      if (yieldTo) {
        t++;
        continue;
      }
      matches.push({ start: starts[t] as number, end: ends[end] as number, id });
      t = end + 1;
    }
    return count;
  }

  /** A cut point: an ASCII space, tab or line break, which only ever separates tokens. */
  function isCut(c: number): boolean {
    return c === 32 || c === 10 || c === 9 || c === 13 || c === 12;
  }

  /**
   * Tokenizes [from, to) (a token start and a cut, or the end of the text) and decides what it
   * can; returns the offset of the first undecided token: `from` when nothing could be decided,
   * `to` when everything was.
   */
  function decide(text: string, from: number, to: number, matches: Match[]): number {
    tokenize(text, buf, vocab, from, to);
    const t = matchTokens(matches, to === text.length);
    // The pass stops at a token start: the tokenizer keeps no state across tokens, so resuming
    // there reads the same tokens as one whole pass would.
    return t < buf.count ? (buf.start[t] as number) : to;
  }

  const pre = tables.prefilter === null ? null : prefilterRegExp(tables.prefilter);
  /**
   * How far past a hit a window first reads: a few words, about the longest form. The window
   * grows only when that is too few to decide the hit's own word, so text between hits is never
   * read (on a page dense with terms, most of it).
   */
  const WINDOW = 64;

  /**
   * Scans from `from` through windows around the pre-filter's hits until past `from + maxChars`;
   * returns where to resume (`text.length` when done). Text between windows holds no possible
   * match start (see prefilter.ts), so skipping it changes nothing.
   */
  function scanWindows(text: string, from: number, maxChars: number, matches: Match[]): number {
    const re = pre as RegExp;
    const n = text.length;
    const stop = from + maxChars;
    let pos = from;
    while (pos < n && pos < stop) {
      re.lastIndex = pos;
      const hit = re.exec(text);
      if (hit === null) return n;
      const h = hit.index;
      // Start after the last separator before the hit: the hit may be inside the match's token.
      let s = h;
      while (s > pos && !isCut(text.charCodeAt(s - 1))) s--;
      if (isUnsafeHit(text.charCodeAt(h))) {
        // The hidden character may be in a form's second word, whose needle then failed: start
        // a word earlier, so the form's first word is read too. By the tokenizer's classes, as
        // the gap may hold any separator (" — ") or invisible character.
        while (s > pos) {
          const c = classAt(text, s - 1);
          if (c !== CharClass.Sep && c !== CharClass.Drop) break;
          s--;
        }
        while (s > pos && classAt(text, s - 1) !== CharClass.Sep) s--;
      }
      for (let reach = WINDOW; ; reach *= 2) {
        let e = h + reach;
        if (e >= n) e = n;
        else while (e < n && !isCut(text.charCodeAt(e))) e++;
        const next = decide(text, s, e, matches);
        if (next > h) {
          pos = next;
          break;
        }
        // Too few tokens to decide the hit's own word: read further.
      }
    }
    return pos;
  }

  function mayMatch(text: string): boolean {
    if (empty) return false;
    if (pre === null) return true;
    pre.lastIndex = 0;
    return pre.test(text);
  }

  function scan(text: string): Match[] {
    const matches: Match[] = [];
    if (empty || text.length === 0) return matches;
    if (pre !== null) {
      scanWindows(text, 0, text.length, matches);
      return matches;
    }
    tokenize(text, buf, vocab);
    matchTokens(matches, true);
    return matches;
  }

  function scanPart(
    text: string,
    from: number,
    maxChars: number,
  ): { matches: Match[]; next: number } {
    const n = text.length;
    const matches: Match[] = [];
    if (empty || from >= n) return { matches, next: n };
    if (pre !== null) return { matches, next: scanWindows(text, from, maxChars, matches) };
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
    const next = decide(text, from, to, matches);
    if (next > from || to === n) return { matches, next };
    // Too few tokens to decide anything (a run without separators): finish in one go.
    return { matches, next: decide(text, from, n, matches) };
  }

  return { scan, scanPart, mayMatch, formCount };
}

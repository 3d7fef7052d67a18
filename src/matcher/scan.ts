/**
 * The compiled matcher: a trie whose edges are normalised word keys (trie.ts), walked from each
 * token as far as the following tokens allow, remembering the longest complete form; a match
 * resumes scanning after its last token. Overlaps go to the longer match (in characters), ties
 * to the earlier one. Because edges are whole tokens, matches start and end on word boundaries
 * by construction, and the work per token is bounded by the longest form, not the glossary.
 */

import { CharClass, classAt } from './chars';
import { ALL_LANGUAGES, bitOf } from './lang/languages';
import { isUnsafeHit, prefilterRegExp } from './prefilter';
import { buildMatcherTables } from './tables';
import { createTokenBuffer, tokenize } from './tokenize';
import { loadTrie } from './trie';
import type {
  LoadOptions,
  Match,
  Matcher,
  MatcherOptions,
  MatcherTables,
  MatcherTerm,
} from './types';
import { TokenWalker } from './walker';

export function compileMatcher(
  terms: readonly MatcherTerm[],
  options: MatcherOptions = {},
): Matcher {
  return loadMatcher(buildMatcherTables(terms, options));
}

/** A cut point: an ASCII space, tab or line break, which only ever separates tokens. */
function isCut(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 12;
}

/**
 * How far past a hit a window first reads: a few words, about the longest form. The window grows
 * only when that is too few to decide the hit's own word, so text between hits is never read.
 */
const WINDOW = 64;

/**
 * The greedy pass over the walker's tokens. Returns the first token it could not decide: one
 * whose longest match, or a longer one starting inside it, might run past the last token read
 * (the walk ran out); the token count when it decided them all. With `final` (the tokens reach
 * the end of the text) nothing more can come and every token is decided.
 */
function matchTokens(
  w: TokenWalker,
  count: number,
  ends: Int32Array,
  starts: Int32Array,
  matches: Match[],
  final: boolean,
): number {
  let t = 0;
  while (t < count) {
    // Most words are in no form: skip them without a walk.
    if (!w.known(t)) {
      t++;
      continue;
    }
    const end = w.longestFrom(t);
    if (w.ranOut && !final) return t;
    if (end < 0) {
      t++;
      continue;
    }
    const found = w.match(t);
    // Longest wins across different starts too: if a match starting inside this one runs past
    // its end and is longer ("strategic [defense cooperation agreement]" with forms "strategic
    // defense" and "defense cooperation agreement"), give way to it.
    const length = found.end - found.start;
    let yieldTo = false;
    for (let s = t + 1; s <= end && !yieldTo; s++) {
      if (!w.known(s)) continue;
      const other = w.longestFrom(s);
      if (w.ranOut && !final) return t;
      yieldTo = other > end && (ends[other] as number) - (starts[s] as number) > length;
    }
    if (yieldTo) {
      t++;
      continue;
    }
    matches.push(found);
    t = end + 1;
  }
  return count;
}

/** Where a window around a hit at `h` starts: the word before, when the hit may hide it. */
function windowStart(text: string, h: number, pos: number): number {
  // After the last separator before the hit: the hit may be inside the match's token.
  let s = h;
  while (s > pos && !isCut(text.charCodeAt(s - 1))) s--;
  if (isUnsafeHit(text.charCodeAt(h))) {
    // The hidden character may be in a form's second word, whose needle then failed: start a
    // word earlier, so the form's first word is read too. By the tokenizer's classes, as the
    // gap may hold any separator (" — ") or invisible character.
    while (s > pos) {
      const c = classAt(text, s - 1);
      if (c !== CharClass.Sep && c !== CharClass.Drop) break;
      s--;
    }
    while (s > pos && classAt(text, s - 1) !== CharClass.Sep) s--;
  }
  return s;
}

/** Where to end a part that starts at `from`: a separator near `from + maxChars`. */
function partEnd(text: string, from: number, maxChars: number): number {
  const n = text.length;
  if (n - from <= maxChars * 1.5) return n;
  const want = from + Math.max(1, maxChars);
  for (let i = want, stop = Math.min(n, want + 256); i < stop; i++)
    if (isCut(text.charCodeAt(i))) return i;
  for (let i = want - 1, stop = from + (maxChars >> 1); i > stop; i--)
    if (isCut(text.charCodeAt(i))) return i;
  return n;
}

/** What one loaded matcher scans with: its trie, token buffer, walker and pre-filters. */
interface ScanState {
  trie: ReturnType<typeof loadTrie>;
  buf: ReturnType<typeof createTokenBuffer>;
  walker: TokenWalker;
  /** The needles' source (tables.prefilter); null without a pre-filter. */
  needles: string | null;
  pre: RegExp | null;
  /** English text needs only English forms' needles: compiled once a page earns them. */
  preEn: RegExp | null;
  /** English text scanned with every language's needles so far. */
  enChars: number;
}

const EN = bitOf('en');
/**
 * English text read with every language's needles (a superset) also stops at the other
 * languages' hits, which the decision drops; the English needles skip those, but compiling them
 * costs more than an article's English text loses to the extra hits (measured: README,
 * Performance). Past this much English text a page has earned them.
 */
const EN_NEEDLES_AFTER = 200_000;

/**
 * Tokenizes [from, to) (a token start and a cut, or the end of the text) and decides what it
 * can; returns the offset of the first undecided token: `from` when nothing could be decided,
 * `to` when everything was.
 */
function decide(
  st: ScanState,
  text: string,
  from: number,
  to: number,
  matches: Match[],
  languages: number,
): number {
  const { buf, walker } = st;
  tokenize(text, buf, st.trie.vocab, from, to);
  walker.prepare(text, languages);
  const t = matchTokens(walker, buf.count, buf.end, buf.start, matches, to === text.length);
  // The pass stops at a token start: the tokenizer keeps no state across tokens, so resuming
  // there reads the same tokens as one whole pass would.
  return t < buf.count ? (buf.start[t] as number) : to;
}

/** The needles for `chars` of text read as `languages`. */
function needlesFor(st: ScanState, languages: number, chars: number): RegExp {
  if (languages !== EN) return st.pre as RegExp;
  if (st.preEn !== null) return st.preEn;
  st.enChars += chars;
  if (st.enChars <= EN_NEEDLES_AFTER) return st.pre as RegExp;
  st.preEn = prefilterRegExp(st.needles as string, 'en');
  return st.preEn;
}

/**
 * Scans from `from` through windows around the pre-filter's hits until past `from + maxChars`;
 * returns where to resume (`text.length` when done). Text between windows holds no possible
 * match start (see prefilter.ts), so skipping it changes nothing.
 */
function scanWindows(
  st: ScanState,
  text: string,
  from: number,
  maxChars: number,
  matches: Match[],
  languages: number,
): number {
  const n = text.length;
  const stop = from + maxChars;
  const re = needlesFor(st, languages, Math.min(n, stop) - from);
  let pos = from;
  while (pos < n && pos < stop) {
    re.lastIndex = pos;
    const hit = re.exec(text);
    if (hit === null) return n;
    const h = hit.index;
    const s = windowStart(text, h, pos);
    for (let reach = WINDOW; ; reach *= 2) {
      let e = h + reach;
      if (e >= n) e = n;
      else while (e < n && !isCut(text.charCodeAt(e))) e++;
      const next = decide(st, text, s, e, matches, languages);
      if (next > h) {
        pos = next;
        break;
      }
      // Too few tokens to decide the hit's own word: read further.
    }
  }
  return pos;
}

/** Without a pre-filter: [from, about from + maxChars) in one tokenizer run. */
function scanPartWhole(st: ScanState, text: string, from: number, maxChars: number, langs: number) {
  const n = text.length;
  const matches: Match[] = [];
  const to = partEnd(text, from, maxChars);
  const next = decide(st, text, from, to, matches, langs);
  if (next > from || to === n) return { matches, next };
  // Too few tokens to decide anything (a run without separators): finish in one go.
  return { matches, next: decide(st, text, from, n, matches, langs) };
}

/** A matcher over tables from `buildMatcherTables` (possibly compiled at build time). */
export function loadMatcher(tables: MatcherTables, options: LoadOptions = {}): Matcher {
  const trie = loadTrie(tables, options);
  const empty = trie.edges.size === 0;
  const buf = createTokenBuffer(1024);
  const needles = tables.prefilter;
  const pre = needles === null ? null : prefilterRegExp(needles);
  const st: ScanState = {
    trie,
    buf,
    walker: new TokenWalker(trie, buf),
    needles,
    pre,
    preEn: null,
    enChars: 0,
  };
  return {
    formCount: trie.formCount,
    mayMatch(text) {
      if (empty) return false;
      if (pre === null) return true;
      pre.lastIndex = 0;
      return pre.test(text);
    },
    scan(text, languages = ALL_LANGUAGES) {
      const matches: Match[] = [];
      if (empty || text.length === 0) return matches;
      if (pre !== null) scanWindows(st, text, 0, text.length, matches, languages);
      else decide(st, text, 0, text.length, matches, languages);
      return matches;
    },
    scanPart(text, from, maxChars, languages = ALL_LANGUAGES) {
      const matches: Match[] = [];
      if (empty || from >= text.length) return { matches, next: text.length };
      if (pre === null) return scanPartWhole(st, text, from, maxChars, languages);
      return { matches, next: scanWindows(st, text, from, maxChars, matches, languages) };
    },
  };
}

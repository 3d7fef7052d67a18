import { UNSAFE_CHARS } from './unsafe-chars';

/**
 * The frame gate (see `buildGate` in prefilter.ts) as the content script loads it. Its own
 * module with nothing to import but the unsafe class: every frame evaluates it.
 */
export interface GateData {
  /** RegExp source for text with non-ASCII characters. */
  pattern: string;
  /** Words that may start a match as they stand (space-separated, lower case). */
  words: string;
  /** Two words that may start a match together ("great power"; separated by `|`). */
  pairs: string;
  /** Starts of words that may start a match (space-separated, lower case, 1–5 letters). */
  starts: string;
}

function hasNonAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return true;
  return false;
}
const WORD = /[a-z0-9]+/g;

/** Endings the tokenizer reads back (lang/latin.ts), with what replaces them: plurals, feminines, enclitics. */
const ENDINGS: readonly (readonly [string, string])[] = [
  ['s', ''],
  ['es', ''],
  ['ies', 'y'],
  ['x', ''],
  ['e', ''],
  ['aux', 'al'],
  ['nya', ''],
  ['lah', ''],
  ['kah', ''],
];

/** A word and the words it may be an inflection of. */
function bases(w: string): string[] {
  const out = [w];
  for (const [ending, put] of ENDINGS) {
    if (w.length > ending.length && w.endsWith(ending)) out.push(w.slice(0, -ending.length) + put);
  }
  return out;
}

/** False when `text` certainly holds no term; cheap, and compiles a RegExp only for non-ASCII text. */
export function createGate(data: GateData): (text: string) => boolean {
  let words: Set<string> | null = null;
  let pairs: Set<string> | null = null;
  let starts: Set<string> | null = null;
  let re: RegExp | null = null;
  return (text) => {
    if (hasNonAscii(text)) {
      re ??= new RegExp(`${data.pattern}|[^\\u0000-\\u007f](?<=[${UNSAFE_CHARS}])`, 'i');
      return re.test(text);
    }
    words ??= new Set(data.words.split(' '));
    pairs ??= new Set(data.pairs.split('|'));
    starts ??= new Set(data.starts.split(' '));
    let previous: string[] = [];
    for (const w of text.toLowerCase().match(WORD) ?? []) {
      for (let n = Math.min(5, w.length); n > 0; n--) if (starts.has(w.slice(0, n))) return true;
      const now = bases(w);
      for (const b of now) {
        if (words.has(b)) return true;
        for (const a of previous) if (pairs.has(`${a} ${b}`)) return true;
      }
      previous = now;
    }
    return false;
  };
}

/** A gate stored as JSON (the build's, the reader's), or null when there is none. */
export function parseGate(raw: string | null | undefined): ((text: string) => boolean) | null {
  const data = raw == null ? null : (JSON.parse(raw) as GateData | null);
  return data === null ? null : createGate(data);
}

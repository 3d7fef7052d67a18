import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compileMatcher,
  type Match,
  type MatcherTerm,
  normalizeForm,
  tokens,
} from '../../../src/matcher';
import { matcher, TERMS, text } from './arbitraries';

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
function codePointBefore(s: string, i: number): string {
  if (i <= 0) return '';
  const low = s.charCodeAt(i - 1);
  return low >= 0xdc00 && low <= 0xdfff && i >= 2 ? s.slice(i - 2, i) : s.slice(i - 1, i);
}
function codePointAt(s: string, i: number): string {
  const cp = s.codePointAt(i);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}

/** English spellings of one word key: plurals and possessives (spelt out independently). */
function spellings(word: string): string[] {
  // "treaty" -> "treaties" (never "treatys"); "survey" -> "surveys".
  const plurals = /[^aeiouy]y$/.test(word)
    ? [`${word.slice(0, -1)}ies`]
    : [`${word}s`, `${word}es`];
  return [word, `${word}'s`, `${word}'`, ...plurals, ...plurals.map((p) => `${p}'`)];
}

/** Whether text key `text` spells form word `form` (itself, or a plural or possessive of it). */
const spells = (form: string, text: string) => form === text || spellings(form).includes(text);

/** Whether a matched text is one of an entry's forms, each word possibly inflected. */
function isFormOf(id: string, matched: string): boolean {
  const words = normalizeForm(matched).split(' ');
  return (TERMS.find((t) => t.id === id)?.forms ?? []).some((f) => {
    const formWords = normalizeForm(f as string).split(' ');
    return (
      formWords.length === words.length && formWords.every((w, i) => spells(w, words[i] as string))
    );
  });
}

/**
 * Brute-force reference: the longest form at every token (trying every form against the
 * following tokens, each word possibly inflected), then, left to right, keep a match unless one
 * starting inside it runs past its end and is longer. No trie, no hashing, no case guard.
 */
function referenceScan(terms: readonly MatcherTerm[], input: string): Match[] {
  const forms = terms.flatMap((t) => t.forms.map((f) => ({ id: t.id, toks: tokens(f as string) })));
  const toks = tokens(input);
  const longest = toks.map((_, t) => {
    let best: { last: number; id: string; exact: boolean } | null = null;
    for (const form of forms) {
      const n = form.toks.length;
      if (n === 0 || t + n > toks.length) continue;
      let ok = true;
      for (let k = 0; k < n && ok; k++) {
        const f = form.toks[k];
        const x = toks[t + k]?.key ?? '';
        ok = f?.key === x || (f?.word === true && spells(f.key, x));
      }
      if (!ok) continue;
      const exact = toks[t + n - 1]?.key === form.toks[n - 1]?.key;
      const last = t + n - 1;
      if (best === null || last > best.last || (last === best.last && exact && !best.exact)) {
        best = { last, id: form.id, exact };
      }
    }
    return best;
  });
  const span = (t: number, last: number) => (toks[last]?.end ?? 0) - (toks[t]?.start ?? 0);
  const out: Match[] = [];
  for (let t = 0; t < toks.length; ) {
    const best = longest[t];
    if (!best) {
      t++;
      continue;
    }
    let beaten = false;
    for (let s = t + 1; s <= best.last; s++) {
      const other = longest[s];
      if (other && other.last > best.last && span(s, other.last) > span(t, best.last))
        beaten = true;
    }
    if (beaten) {
      t++;
      continue;
    }
    out.push({ start: toks[t]?.start ?? -1, end: toks[best.last]?.end ?? -1, id: best.id });
    t = best.last + 1;
  }
  return out;
}

// Generous timeout: property runs are CPU-bound and CI machines may be busy.
describe('matcher properties', { timeout: 60_000 }, () => {
  it('generates texts that do contain matches (the properties below are not vacuous)', () => {
    const counts = fc.sample(text, { numRuns: 200, seed: 1 }).map((s) => matcher.scan(s).length);
    expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThan(300);
  });

  it('matches lie in bounds, are sorted, do not overlap and sit on word boundaries', () => {
    fc.assert(
      fc.property(text, (s) => {
        let prevEnd = 0;
        for (const m of matcher.scan(s)) {
          expect(m.start).toBeGreaterThanOrEqual(prevEnd);
          expect(m.end).toBeGreaterThan(m.start);
          expect(m.end).toBeLessThanOrEqual(s.length);
          expect(WORD_CHAR.test(codePointBefore(s, m.start))).toBe(false);
          expect(WORD_CHAR.test(codePointAt(s, m.end))).toBe(false);
          prevEnd = m.end;
        }
      }),
      { numRuns: 500 },
    );
  });

  it("each match normalises to one of its entry's forms, words possibly inflected", () => {
    fc.assert(
      fc.property(text, (s) => {
        for (const m of matcher.scan(s)) {
          expect(isFormOf(m.id, s.slice(m.start, m.end)), s.slice(m.start, m.end)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('agrees with a brute-force reference matcher', () => {
    const unguarded = compileMatcher(TERMS, { caseGuard: false });
    fc.assert(
      fc.property(text, (s) => {
        expect(unguarded.scan(s)).toEqual(referenceScan(TERMS, s));
      }),
      { numRuns: 500 },
    );
  });

  it('the case guard changes nothing in upper case and rejects all-lower-case abbreviations', () => {
    const unguarded = compileMatcher(TERMS, { caseGuard: false });
    fc.assert(
      fc.property(text, (s) => {
        const upper = s.toUpperCase();
        expect(matcher.scan(upper)).toEqual(unguarded.scan(upper));
        const lower = s.toLowerCase();
        for (const m of matcher.scan(lower)) expect(['us', 'nato', 'mou']).not.toContain(m.id);
      }),
      { numRuns: 300 },
    );
  });

  it('a scan is not affected by the previous one (buffers are reused)', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        const fresh = compileMatcher(TERMS).scan(b);
        matcher.scan(a);
        expect(matcher.scan(b)).toEqual(fresh);
      }),
      { numRuns: 200 },
    );
  });

  it('scanning in parts (any part size) gives exactly the whole scan', () => {
    fc.assert(
      fc.property(
        fc.array(text, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 120 }),
        (texts, maxChars) => {
          const whole = texts.join(' ');
          const parts: Match[] = [];
          for (let from = 0; from < whole.length; ) {
            const r = matcher.scanPart(whole, from, maxChars);
            expect(r.next).toBeGreaterThan(from); // always progresses
            parts.push(...r.matches);
            from = r.next;
          }
          expect(parts).toEqual(matcher.scan(whole));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('really splits a long text into parts', () => {
    const long = Array.from(
      { length: 200 },
      (_, i) => `Item ${i}: NATO intelligence sharing.`,
    ).join(' ');
    let rounds = 0;
    let found = 0;
    for (let from = 0; from < long.length; rounds++) {
      const r = matcher.scanPart(long, from, 500);
      found += r.matches.length;
      from = r.next;
    }
    expect(rounds).toBeGreaterThan(10);
    expect(found).toBe(400);
  });
});

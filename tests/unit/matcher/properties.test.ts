import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compileMatcher,
  type Match,
  type MatcherTerm,
  mapAllToPieces,
  mapToPieces,
  normalizeForm,
  piecesToOffsets,
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

/** Keys of a form plus plural/possessive spellings of its last word, spelt out independently. */
function acceptedKeys(form: string): string[] {
  const key = normalizeForm(form);
  const words = key.split(' ');
  const last = words.pop() ?? '';
  // "treaty" -> "treaties" (never "treatys"); "survey" -> "surveys".
  const stems = /[^aeiouy]y$/.test(last)
    ? [last, `${last.slice(0, -1)}ies`]
    : [last, `${last}s`, `${last}es`];
  const endings = stems.flatMap((s) => [s, `${s}'`]).concat([`${last}'s`]);
  return endings.map((e) => [...words, e].join(' '));
}
const ACCEPTED = new Map(TERMS.map((t) => [t.id, new Set(t.forms.flatMap(acceptedKeys))]));

/**
 * Brute-force reference: the longest form at every token (trying every form against the
 * following tokens, last word possibly inflected), then, left to right, keep a match unless one
 * starting inside it runs past its end and is longer. No trie, no hashing, no acronym guard.
 */
function referenceScan(terms: readonly MatcherTerm[], input: string): Match[] {
  const forms = terms.flatMap((t) => t.forms.map((f) => ({ id: t.id, toks: tokens(f) })));
  const toks = tokens(input);
  const longest = toks.map((_, t) => {
    let best: { last: number; id: string; exact: boolean } | null = null;
    for (const form of forms) {
      const n = form.toks.length;
      if (n === 0 || t + n > toks.length) continue;
      let ok = true;
      for (let k = 0; k < n - 1 && ok; k++) ok = toks[t + k]?.key === form.toks[k]?.key;
      if (!ok) continue;
      const lastForm = form.toks[n - 1];
      const lastText = toks[t + n - 1]?.key ?? '';
      const exact = lastText === lastForm?.key;
      if (
        !exact &&
        !(lastForm?.word && acceptedKeys(lastForm.key).includes(normalizeForm(lastText)))
      ) {
        continue;
      }
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

  it("each match normalises to one of its entry's forms, or a plural/possessive of one", () => {
    fc.assert(
      fc.property(text, (s) => {
        for (const m of matcher.scan(s)) {
          expect(ACCEPTED.get(m.id)).toContain(normalizeForm(s.slice(m.start, m.end)));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('agrees with a brute-force reference matcher', () => {
    const unguarded = compileMatcher(TERMS, { acronymGuard: false });
    fc.assert(
      fc.property(text, (s) => {
        expect(unguarded.scan(s)).toEqual(referenceScan(TERMS, s));
      }),
      { numRuns: 500 },
    );
  });

  it('the acronym guard changes nothing in upper case and rejects all-lower-case acronyms', () => {
    const unguarded = compileMatcher(TERMS, { acronymGuard: false });
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

  it('a text split into pieces at arbitrary offsets maps matches to pieces and back losslessly', () => {
    const split = text.chain((s) =>
      fc.uniqueArray(fc.integer({ min: 0, max: s.length }), { maxLength: 8 }).map((cuts) => {
        // Repeated or boundary cuts give empty pieces, as empty Text nodes do.
        const points = [0, ...cuts.sort((x, y) => x - y), s.length];
        if (cuts.length > 0 && cuts[0] === 0) points.splice(1, 0, 0);
        return points.slice(1).map((p, i) => s.slice(points[i], p));
      }),
    );
    fc.assert(
      fc.property(split, (pieces) => {
        const whole = pieces.join('');
        const matches = matcher.scan(whole);
        const lengths = pieces.map((p) => p.length);
        const positions = mapAllToPieces(lengths, matches);
        matches.forEach((m, i) => {
          const pos = positions[i];
          if (pos === undefined) throw new Error('missing position');
          expect(mapToPieces(lengths, m)).toEqual(pos);
          expect(piecesToOffsets(lengths, pos)).toEqual({ start: m.start, end: m.end });
          expect(pos.startOffset).toBeLessThan(lengths[pos.startPiece] ?? 0);
          expect(pos.endOffset).toBeGreaterThan(0);
          // Reading the pieces between the two positions gives back the matched text.
          let read = '';
          for (let p = pos.startPiece; p <= pos.endPiece; p++) {
            const piece = pieces[p] ?? '';
            const from = p === pos.startPiece ? pos.startOffset : 0;
            const to = p === pos.endPiece ? pos.endOffset : piece.length;
            read += piece.slice(from, to);
          }
          expect(read).toEqual(whole.slice(m.start, m.end));
        });
      }),
      { numRuns: 500 },
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

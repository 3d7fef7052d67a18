import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { glossary, surfaceForms } from '../../../src/glossary/glossary';
import { compileMatcher, type MatcherTerm } from '../../../src/matcher';
import { CharClass, classifyCodePoint } from '../../../src/matcher/normalize';
import { buildPrefilter, computeUnsafeChars, needleSource } from '../../../src/matcher/prefilter';
import { UNSAFE_CHARS } from '../../../src/matcher/unsafe-chars';
import { caseOf, JOINERS, PHRASES, SUFFIXES, TERMS, WORDS } from './arbitraries';

const GENERATED = path.resolve(__dirname, '../../../src/matcher/unsafe-chars.ts');

describe('the unsafe-character table', () => {
  it('is what the tokenizer implies (UPDATE_GENERATED=1 rewrites it)', { timeout: 60_000 }, () => {
    const computed = computeUnsafeChars(classifyCodePoint, {
      word: CharClass.Word,
      drop: CharClass.Drop,
      dot: CharClass.Dot,
    });
    if (process.env.UPDATE_GENERATED === '1' && computed !== UNSAFE_CHARS) {
      const source = readFileSync(GENERATED, 'utf8');
      writeFileSync(
        GENERATED,
        source.replace(/'[^']*';\s*$/, `'${computed.replace(/\\/g, '\\\\')}';\n`),
      );
    }
    expect(UNSAFE_CHARS).toBe(computed);
  });

  it.each([
    ['soft hyphen', '\u00ad'],
    ['zero-width space', '\u200b'],
    ['accented letter', 'é'],
    ['ligature', 'ﬁ'],
    ['full-width letter', 'Ｎ'],
    ['full-width full stop', '．'],
    ['Kelvin sign', '\u212a'],
    ['mathematical bold A (high surrogate)', '\ud835'],
    ['underscore', '_'],
  ])('flags a %s', (_, ch) => {
    expect(buildPrefilter(['x'])?.test(`a ${ch} b`)).toBe(true);
  });

  it.each([
    ['no-break space', '\u00a0'],
    ['curly quotes', '\u201c\u201d'],
    ['dashes', '\u2013\u2014'],
    ['Cyrillic', 'оборона'],
    ['Arabic', 'الأمن'],
    ['CJK', '防衛'],
    ['combining accent alone', '\u0301'],
  ])('lets %s through (it cannot hide an ASCII needle)', (_, ch) => {
    const re = buildPrefilter(['x']) as RegExp;
    re.lastIndex = 0;
    expect(re.test(`a ${ch} b`)).toBe(false);
  });
});

describe('needles', () => {
  const hits = (keys: string[], text: string): number[] => {
    const re = buildPrefilter(keys) as RegExp;
    const out: number[] = [];
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) out.push(m.index);
    return out;
  };

  it('find a key as a whole word, in any case, with its plurals and possessives', () => {
    const text = "Agreement, AGREEMENTS; agreement’s agreements' disagreement agreementx";
    expect(hits(['agreement'], text)).toEqual([0, 11, 23, 35]);
  });

  it('spell out consonant + y plurals and inner dots and apostrophes', () => {
    expect(hits(['treaty'], 'treaty treaties treatys')).toEqual([0, 7, 16]);
    expect(hits(['u.s'], 'U.S. us U-S')).toEqual([0]);
    expect(hits(["o'neill"], 'O’Neill oneill')).toEqual([0]);
  });

  it('refuse keys they cannot stand for, so that glossary gets no pre-filter', () => {
    expect(needleSource('défense')).toBeNull();
    expect(needleSource('(')).toBeNull();
    expect(buildPrefilter(['defense', 'مجلس'])).toBeNull();
    expect(buildPrefilter([])).toBeNull();
  });
});

// Terms whose first keys are plain ASCII, so the pre-filter is on; the text arbitrary below mixes
// their words with every kind of character that can hide one from a needle.
const ASCII_TERMS: MatcherTerm[] = TERMS.filter((t) => t.id !== 'fr' && t.id !== 'ar').concat([
  { id: 'pol2', forms: ['policy'] },
  { id: 'us2', forms: ['U.S. policy'] },
]);
const HIDERS = [
  'ﬁ',
  'Ｎ',
  'ＮＡＴＯ',
  'Ｕ．Ｓ．',
  'ｄefense',
  '\u212aey',
  'déf',
  '_',
  '𝐝efense',
  '\u00ad',
];
const wordish = fc
  .tuple(
    fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom(...WORDS, 'policy', 'policies') },
      { weight: 2, arbitrary: fc.constantFrom(...HIDERS) },
      { weight: 3, arbitrary: fc.constantFrom(...PHRASES) },
      { weight: 3, arbitrary: fc.constantFrom('the', 'a', 'of', 'report', 'said', 'minister') },
    ),
    fc.constantFrom(...SUFFIXES),
    caseOf,
  )
  .map(([w, suffix, cased]) => cased(w) + suffix);
/** Long texts, sparse or dense in terms, so windows both stand alone and run into each other. */
const longText = fc
  .array(fc.tuple(wordish, fc.constantFrom(...JOINERS, ' ', ' ', ' ')), {
    minLength: 1,
    maxLength: 400,
  })
  .map((parts) => parts.map(([w, j]) => w + j).join(''));

describe('scanning with the pre-filter', { timeout: 60_000 }, () => {
  const withPre = compileMatcher(ASCII_TERMS);
  const without = compileMatcher(ASCII_TERMS, { prefilter: false });

  it('is on for these terms and for the shipped glossary', () => {
    expect(withPre.prefiltered).toBe(true);
    expect(without.prefiltered).toBe(false);
    const terms = glossary.entries.map((e) => ({ id: e.id, forms: surfaceForms(e) }));
    expect(compileMatcher(terms).prefiltered).toBe(true);
  });

  it('finds exactly what a full scan finds', () => {
    fc.assert(
      fc.property(longText, (s) => {
        expect(withPre.scan(s)).toEqual(without.scan(s));
      }),
      { numRuns: 400 },
    );
  });

  it('finds exactly what a full scan finds when read in parts of any size', () => {
    fc.assert(
      fc.property(longText, fc.integer({ min: 1, max: 600 }), (s, maxChars) => {
        const parts = [];
        for (let from = 0; from < s.length; ) {
          const part = withPre.scanPart(s, from, maxChars);
          expect(part.next).toBeGreaterThan(from);
          parts.push(...part.matches);
          from = part.next;
        }
        expect(parts).toEqual(without.scan(s));
      }),
      { numRuns: 300 },
    );
  });

  it('reads further when a hit is followed by a long run without separators', () => {
    for (const text of [
      `NATO ${'x'.repeat(3000)} defense cooperation`,
      `defense${'\u00a0'.repeat(700)}cooperation agreement`,
      `arms-treaty-${'y-'.repeat(2000)}arms`,
    ]) {
      expect(withPre.scan(text)).toEqual(without.scan(text));
      const parts = [];
      for (let from = 0; from < text.length; ) {
        const part = withPre.scanPart(text, from, 50);
        parts.push(...part.matches);
        from = part.next;
      }
      expect(parts).toEqual(without.scan(text));
    }
  });

  it('rules out only texts without matches, over many texts at once', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(longText, fc.constant('')), { maxLength: 12 }), (texts) => {
        const flags = withPre.candidates(texts);
        expect(flags).toHaveLength(texts.length);
        texts.forEach((t, i) => {
          if (flags[i] === 0) expect(without.scan(t)).toEqual([]);
        });
      }),
      { numRuns: 300 },
    );
    // And it does rule texts out: plain prose without terms costs nothing more.
    expect([...withPre.candidates(['the minister said', 'arms treaty', 'a report'])]).toEqual([
      0, 1, 0,
    ]);
    expect([...without.candidates(['the minister said', 'arms treaty'])]).toEqual([1, 1]);
  });

  it('finds what a full scan finds in the reference article', () => {
    const article = readFileSync(path.resolve(__dirname, '../../../data/article.md'), 'utf8');
    const terms = glossary.entries.map((e) => ({ id: e.id, forms: surfaceForms(e) }));
    const full = compileMatcher(terms, { prefilter: false }).scan(article);
    expect(full.length).toBeGreaterThan(20);
    expect(compileMatcher(terms).scan(article)).toEqual(full);
  });
});

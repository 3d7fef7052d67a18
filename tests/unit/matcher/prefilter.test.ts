import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { glossary } from '../../../src/glossary/glossary';
import { glossaryTerms } from '../../../src/glossary/matcher';
import { surfaceForms } from '../../../src/glossary/schema';
import { buildMatcherTables, compileMatcher, type MatcherTerm } from '../../../src/matcher';
import { CharClass, classifyCodePoint, foldCodePoint } from '../../../src/matcher/chars';
import { bitOf, type Language } from '../../../src/matcher/lang/languages';
import { needleSource } from '../../../src/matcher/needle-atoms';
import { buildNeedles } from '../../../src/matcher/needles';
import { prefilterRegExp } from '../../../src/matcher/prefilter';
import { computeSepChars, computeUnsafeChars } from '../../../src/matcher/prefilter-chars';
import { SEP_CHARS, UNSAFE_CHARS } from '../../../src/matcher/unsafe-chars';
import { caseOf, JOINERS, PHRASES, SUFFIXES, TERMS, WORDS } from './arbitraries';

const GENERATED = path.resolve(__dirname, '../../../src/matcher/unsafe-chars.ts');

/** What every needle spells itself (see prefilter.ts): the Turkish i's and other digits. */
const vouched = (cp: number) =>
  cp === 0x131 || cp === 0x130 || (cp >= 0x660 && cp <= 0x669) || (cp >= 0x6f0 && cp <= 0x6f9);

/** The pre-filter for forms given by their keys (English unless a language is given). */
function buildPrefilter(forms: string[][], lang: Language = 'en'): RegExp | null {
  const needles = buildNeedles(forms.map((keys) => ({ keys, lang })));
  return needles === null ? null : prefilterRegExp(needles);
}

/** The generated module for these tables (see src/matcher/unsafe-chars.ts). */
function generatedModule(unsafe: string, sep: string): string {
  const literal = (body: string) => `'${body.replace(/\\/g, '\\\\')}'`;
  return `/**
 * Generated: the pre-filter's "unsafe" characters and the tokenizer's separators (see
 * computeUnsafeChars and computeSepChars in prefilter-chars.ts), as bodies of RegExp character
 * classes. Rewrite with \`UPDATE_GENERATED=1 npx vitest run tests/unit/matcher/prefilter.test.ts\`; that
 * test fails when these tables no longer match the tokenizer.
 */
export const UNSAFE_CHARS =
  ${literal(unsafe)};

export const SEP_CHARS = ${literal(sep)};
`;
}

describe('the generated character tables', () => {
  it('are what the tokenizer implies (UPDATE_GENERATED=1 rewrites them)', {
    timeout: 60_000,
  }, () => {
    const unsafe = computeUnsafeChars(
      classifyCodePoint,
      foldCodePoint,
      { word: CharClass.Word, drop: CharClass.Drop, dot: CharClass.Dot },
      vouched,
    );
    const sep = computeSepChars(classifyCodePoint, CharClass.Sep);
    if (process.env.UPDATE_GENERATED === '1' && (unsafe !== UNSAFE_CHARS || sep !== SEP_CHARS)) {
      writeFileSync(GENERATED, generatedModule(unsafe, sep));
    }
    expect(UNSAFE_CHARS).toBe(unsafe);
    expect(SEP_CHARS).toBe(sep);
  });

  it.each([
    ['soft hyphen', '\u00ad'],
    ['zero-width space', '\u200b'],
    ['ligature', 'ﬁ'],
    ['full-width letter', 'Ｎ'],
    ['full-width full stop', '．'],
    ['Kelvin sign', '\u212a'],
    ['mathematical bold A (high surrogate)', '\ud835'],
  ])('flags a %s', (_, ch) => {
    expect(buildPrefilter([['x']])?.test(`a ${ch} b`)).toBe(true);
  });

  it.each([
    ['no-break space', '\u00a0'],
    ['curly quotes', '\u201c\u201d'],
    ['dashes', '\u2013\u2014'],
    ['Cyrillic', 'оборона'],
    ['Arabic', 'الأمن'],
    ['CJK', '防衛'],
    ['combining accent alone', '\u0301'],
    // Its key keeps the accent ("de\u0301fense"), so it never spells an ASCII key.
    ['accented letter', 'é'],
    // A punctuation token: the lookbehind already lets a needle after it through.
    ['underscore', '_'],
  ])('lets %s through (it cannot hide an ASCII needle)', (_, ch) => {
    const re = buildPrefilter([['x']]) as RegExp;
    re.lastIndex = 0;
    expect(re.test(`a ${ch} b`)).toBe(false);
  });
});

describe('needles', () => {
  const hits = (keys: string[], text: string, lang: Language = 'en'): number[] => {
    const re = buildPrefilter(
      keys.map((k) => k.split(' ')),
      lang,
    ) as RegExp;
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

  it('spell out the second key after a key that only starts longer forms', () => {
    const text =
      'United States, united  kingdom, UNITED\u00a0STATES’ United-States. united\u2014states united statesman';
    expect(hits(['united states'], text)).toEqual([0, 32, 47, 62]);
    // A key that is also a form on its own stays a one-word needle.
    expect(hits(['united states', 'united'], 'united kingdom')).toEqual([0]);
    // An abbreviation keeps its final dot before the separator; an accented key its ASCII start.
    expect(hits(['u.s saudi'], 'U.S.-Saudi, US Saudi')).toEqual([0]);
    // A second key a needle cannot spell leaves the first key a needle of its own.
    expect(hits(['defense attache\u0301'], 'defense attaché, defense force')).toEqual([0, 17]);
  });

  it('spell the start of other keys, open where endings attach, in every folded spelling', () => {
    expect(hits(['défense'], 'DÉFENSES de\u0301fense defense')).toEqual([0, 9]);
    expect(hits(['işbirliği'], 'İŞBİRLİKLERİ işbirliğini ISBIRLIGI', 'tr')).toEqual([0, 13]);
    expect(hits(['kerjasama'], 'kerjasamanya', 'ms')).toEqual([0]);
    // Arabic: the start of the word, after any proclitic, whatever alef or heh is written.
    expect(hits(['تعاون'], 'والتعاون تعاونهما', 'ar')).toEqual([3, 9]);
    expect(hits(['امن'], 'الأمن', 'ar')).toEqual([2]);
    expect(hits(['defense 5g'], 'defense ٥G')).toEqual([0]);
  });

  it('spell the start of the second key after another language’s key that only starts forms', () => {
    // Turkish "AB" (the EU) starts longer forms only: "about" and "AB'nin" alone are no hits.
    const text = "AB savunma, AB'nin  savunması, ab-savunma, about them, AB'nin, AB ve";
    expect(hits(['ab savunma'], text, 'tr')).toEqual([0, 12, 31]);
    // The second word after an elided article; a key that is a form alone stays open.
    expect(hits(['coopération état'], "coopérations d’État, coopération d'", 'fr')).toEqual([0]);
    expect(hits(['otan', 'otan alliance'], 'otanien', 'fr')).toEqual([0]);
  });

  it('have no needle of their own for keys they cannot stand for', () => {
    expect(needleSource('défense')).toBeNull();
    expect(needleSource('(')).toBeNull();
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
  // Second words hidden: the needle that spells "defense cooperation" cannot see these.
  'ｃooperation',
  'sha\u00adring',
  'ｏf',
  'polic\u00ady',
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
    expect(buildMatcherTables(ASCII_TERMS).prefilter).not.toBeNull();
    expect(buildMatcherTables(ASCII_TERMS, { prefilter: false }).prefilter).toBeNull();
    const terms = glossary.entries.map((e) => ({ id: e.id, forms: surfaceForms(e) }));
    expect(buildMatcherTables(terms).prefilter).not.toBeNull();
  });

  it('finds exactly what a full scan finds', () => {
    fc.assert(
      fc.property(longText, (s) => {
        expect(withPre.scan(s)).toEqual(without.scan(s));
      }),
      { numRuns: Number(process.env.RUNS ?? 400) },
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
      { numRuns: Number(process.env.RUNS ?? 300) },
    );
  });

  it('reads a form whose second word hides from the needle that spells it', () => {
    // Sparse text, so no earlier window happens to cover the form's first word.
    const filler = 'the minister said '.repeat(20);
    for (const form of [
      'defense ｃooperation',
      'defense \u00adcooperation',
      'defense\u2014\u00adcooperation',
      'status ｏf forces agreement',
      'security polic\u00ady',
      'U.S.\u2013ＮＡＴＯ alliance',
      // Found by the property below: a gap that is no ASCII space either.
      'strategic \u2014 𝐝efense',
      'strategic\u00a0\u00ad\u2014𝐝efense',
    ]) {
      const text = `${filler}${form} ${filler}`;
      const found = without.scan(text);
      expect(found.length, form).toBe(1);
      expect(withPre.scan(text), form).toEqual(found);
    }
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

  it('rules out only texts without matches', () => {
    fc.assert(
      fc.property(fc.oneof(longText, fc.constant('')), (text) => {
        if (!withPre.mayMatch(text)) expect(without.scan(text)).toEqual([]);
      }),
      { numRuns: 500 },
    );
    // And it does rule texts out: plain prose without terms costs nothing more.
    expect(['the minister said', 'arms treaty', 'a report'].map(withPre.mayMatch)).toEqual([
      false,
      true,
      false,
    ]);
    expect(['the minister said', 'arms treaty'].map(without.mayMatch)).toEqual([true, true]);
  });

  it('finds the same in English text before and after the English needles are compiled', () => {
    // Every language's forms, so that the other languages' open prefixes ("isl") hit English text.
    const terms = glossaryTerms();
    const article = readFileSync(path.resolve(__dirname, '../../../data/article.md'), 'utf8');
    const en = bitOf('en');
    const expected = compileMatcher(terms, { prefilter: false }).scan(article, en);
    expect(expected.length).toBeGreaterThan(20);
    const matcher = compileMatcher(terms);
    // Well past the English text after which the matcher compiles English needles of its own.
    for (let read = 0; read < 400_000; read += article.length) {
      expect(matcher.scan(article, en)).toEqual(expected);
    }
  });

  it('finds what a full scan finds in the reference article', () => {
    const article = readFileSync(path.resolve(__dirname, '../../../data/article.md'), 'utf8');
    const terms = glossary.entries.map((e) => ({ id: e.id, forms: surfaceForms(e) }));
    const full = compileMatcher(terms, { prefilter: false }).scan(article);
    expect(full.length).toBeGreaterThan(20);
    expect(compileMatcher(terms).scan(article)).toEqual(full);
  });
});

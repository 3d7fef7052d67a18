import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { glossary } from '../../../src/glossary/glossary';
import { buildShipped, glossaryTerms } from '../../../src/glossary/matcher';
import { shippedGlossary } from '../../../src/glossary/shipped';
import { shippedGate } from '../../../src/glossary/shipped-gate';
import { compileMatcher, type Language, normalizeForm, textMask } from '../../../src/matcher';

const TEXT =
  'Bilateral defence agreements and intelligence sharing with NATO, plus counter-terrorism.';
const { shipped: built, gate } = buildShipped();
const frameGate = shippedGate(JSON.stringify(gate));
const raw = JSON.stringify(built);

describe('the shipped glossary', () => {
  it('matches exactly what compiling the glossary matches', () => {
    const matches = shippedGlossary(raw).matcher([]).scan(TEXT);
    expect(matches).toEqual(compileMatcher(glossaryTerms()).scan(TEXT));
    expect(matches.map((m) => m.id)).toContain('intelligence-sharing');
  });

  it('leaves hidden entries out without compiling, so shorter forms inside them match again', () => {
    const shipped = shippedGlossary(raw);
    const text = 'A defense cooperation agreement was signed.';
    expect(
      shipped
        .matcher([])
        .scan(text)
        .map((m) => m.id),
    ).toEqual(['defense-cooperation-agreement']);
    expect(
      shipped
        .matcher(['defense-cooperation-agreement'])
        .scan(text)
        .map((m) => m.id),
    ).toEqual(['defense-cooperation']);
  });

  it('knows every entry’s category and refuses unknown ids', () => {
    const shipped = shippedGlossary(raw);
    for (const e of glossary.entries) expect(shipped.categoryOf(e.id)).toBe(e.category);
    expect(() => shipped.categoryOf('nope')).toThrow('Unknown glossary entry id: nope');
  });

  it('says so when the build left the tables out or broke them', () => {
    expect(() => shippedGlossary(undefined).matcher([])).toThrow('built without');
    const wrong = JSON.stringify({ ...built, categories: built.categories.slice(1) });
    expect(() => shippedGlossary(wrong).categoryOf('nato')).toThrow('unreadable');
  });

  it.each([
    ['Scores from last night’s games.', false],
    ['Great deals on shoes, free shipping today', false],
    ['Subscribe to our newsletter', false],
    ['NATO ministers met.', true],
    ['The defence ministers met.', true],
    ['Les ministres de l’OTAN', true],
    ['İŞBİRLİĞİ', true],
    ['مرحبا بكم في موقعنا', false],
    ['والتعاون العسكري', true],
    ['ＮＡＴＯ', true],
  ])('lets a frame with %j through: %s', (text, through) => {
    expect(frameGate(text)).toBe(through);
  });

  it('lets every text through without a gate', () => {
    expect(shippedGate(undefined)('anything')).toBe(true);
  });
});

describe('gated forms in other languages', () => {
  const matcher = compileMatcher(glossaryTerms());
  const scan = (text: string, lang: Language | null) =>
    matcher.scan(text, textMask(lang)).map((m) => [text.slice(m.start, m.end), m.id, !!m.gated]);

  it('a language file that repeats a gated form ("GCC" in ms and id) keeps it gated', () => {
    const notes = 'GCC 14 adds new warnings; set GCC_VERSION before you build.';
    for (const lang of ['en', 'ms', 'id', null] as const) {
      expect(scan(notes, lang), String(lang)).toEqual([['GCC', 'gulf-cooperation-council', true]]);
    }
    expect(scan('Sofa beds: our SOFA range', 'fr')).toEqual([
      ['SOFA', 'status-of-forces-agreement', true],
    ]);
    // The entry's other forms stay ungated in every language.
    expect(scan('Majlis Kerjasama Teluk bersidang.', 'ms')).toEqual([
      ['Majlis Kerjasama Teluk', 'gulf-cooperation-council', false],
    ]);
  });

  it('every form that an entry gates in English is gated in every language', () => {
    for (const term of glossaryTerms()) {
      const entry = glossary.entries.find((e) => e.id === term.id);
      const gated = new Set((entry?.gatedForms ?? []).map((f) => normalizeForm(f)));
      for (const form of term.forms) {
        if (typeof form === 'string' || !gated.has(normalizeForm(form.text))) continue;
        expect(form.gated, `${term.id}: ${form.lang ?? 'en'} "${form.text}"`).toBe(true);
      }
    }
  });
});

describe('the frame gate', () => {
  const matcher = compileMatcher(glossaryTerms());
  // Words of real forms in every language, cut, inflected and joined with filler, so that texts
  // sit on both sides of the gate.
  const formWords = [
    ...new Set(
      glossaryTerms().flatMap((t) =>
        t.forms.flatMap((f) => (typeof f === 'string' ? f : f.text).split(/\s+/)),
      ),
    ),
  ];
  const word = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...formWords) },
    { weight: 2, arbitrary: fc.constantFrom('the', 'free', 'great', 'deals', 'shoes', 'secure') },
    { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
  );
  const suffix = fc.constantFrom('', '', 's', 'es', "'s", "'ya", 'nya', 'ها', 'ات');
  const text = fc
    .array(fc.tuple(word, suffix, fc.constantFrom(' ', ' ', '-', ', ', '. ')), { maxLength: 12 })
    .map((parts) => parts.map(([w, s, j]) => w + s + j).join(''));

  it('never turns away a text that holds a term', () => {
    fc.assert(
      fc.property(text, (s) => {
        if (!frameGate(s)) expect(matcher.scan(s)).toEqual([]);
      }),
      { numRuns: Number(process.env.RUNS ?? 2000) },
    );
  });
});

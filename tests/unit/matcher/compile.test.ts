import { describe, expect, it } from 'vitest';
import { compileMatcher, type MatcherTerm } from '../../../src/matcher';

const TERMS: MatcherTerm[] = [
  { id: 'dca', forms: ['defense cooperation agreement'] },
  { id: 'dc', forms: ['defense cooperation', 'defence cooperation'] },
  { id: 'ct', forms: ['counter-terrorism', 'counterterrorism'] },
  { id: 'coop', forms: ['co-operation'] },
  { id: 'usa', forms: ['U.S.–Saudi Arabia alliance', 'US-Saudi alliance'] },
  { id: 'arms', forms: ['arms'] },
  { id: 'treaty', forms: ['treaty'] },
  { id: 'agreement', forms: ['agreement'] },
  { id: 'alliance', forms: ['alliance'] },
  { id: 'tax', forms: ['tax'] },
  { id: 'mou', forms: ['MoU', 'memorandum of understanding'] },
  { id: 'sofa', forms: ['SOFA', 'status of forces agreement'] },
  { id: 'nato', forms: ['NATO'] },
  { id: 'us', forms: ['U.S.'] },
  { id: 'is', forms: ['intelligence sharing'] },
  { id: 'fin', forms: ['financing'] },
  { id: 'defense-fr', forms: ['défense'] },
  { id: 'gcc', forms: ['مجلس التعاون'] },
  { id: 'ru', forms: ['оборонное сотрудничество'] },
  { id: 'rd', forms: ['R&D'] },
  { id: 'survey', forms: ['survey'] },
  { id: 'sd', forms: ['strategic defense'] },
];

/** A text and its expected matches as [matched text, id] pairs. */
type Row = [string, [string, string][]];

const matcher = compileMatcher(TERMS);
/** Matches as [matched text, id] pairs, which keeps rows readable. */
const scan = (text: string) => matcher.scan(text).map((m) => [text.slice(m.start, m.end), m.id]);

describe('compileMatcher', () => {
  it('counts distinct forms', () => {
    expect(matcher.formCount).toBe(27);
    // The same form twice (after normalisation) counts once; the first entry keeps it.
    const dup = compileMatcher([
      { id: 'a', forms: ['Counter-Terrorism'] },
      { id: 'b', forms: ['counter terrorism', ''] },
    ]);
    expect(dup.formCount).toBe(1);
    expect(dup.scan('counter terrorism')).toEqual([{ start: 0, end: 17, id: 'a' }]);
  });

  it('returns UTF-16 offsets into the original text', () => {
    expect(matcher.scan('New arms treaty.')).toEqual([
      { start: 4, end: 8, id: 'arms' },
      { start: 9, end: 15, id: 'treaty' },
    ]);
  });

  it('finds nothing without terms or text', () => {
    expect(compileMatcher([]).scan('arms treaty')).toEqual([]);
    expect(matcher.scan('')).toEqual([]);
  });

  describe.each<[string, Row[]]>([
    [
      'hyphens, dashes and spaces',
      [
        ['counter-terrorism', [['counter-terrorism', 'ct']]],
        ['counter terrorism', [['counter terrorism', 'ct']]],
        ['Counter\u2011Terrorism', [['Counter\u2011Terrorism', 'ct']]],
        ['counter\u2013terrorism', [['counter\u2013terrorism', 'ct']]],
        ['counter\u00a0terrorism', [['counter\u00a0terrorism', 'ct']]],
        ['counter \u2014 terrorism', [['counter \u2014 terrorism', 'ct']]],
        ['counter\nterrorism', [['counter\nterrorism', 'ct']]],
        ['counterterrorism', [['counterterrorism', 'ct']]],
        ['counter\u00adterrorism', [['counter\u00adterrorism', 'ct']]],
        ['counter\u200bterrorism', [['counter\u200bterrorism', 'ct']]],
        ['co-operation', [['co-operation', 'coop']]],
        ['co operation', [['co operation', 'coop']]],
        ['cooperation', []], // not given as an alias
        ['intelligence\u202fsharing', [['intelligence\u202fsharing', 'is']]],
      ],
    ],
    [
      'abbreviations with dots',
      [
        ['the U.S. said', [['U.S.', 'us']]],
        ['the U.S said', [['U.S', 'us']]],
        ['with the U.S.', [['U.S.', 'us']]],
        ['U.S.-Saudi Arabia alliance', [['U.S.-Saudi Arabia alliance', 'usa']]],
        ['U.S.\u2013Saudi Arabia alliance', [['U.S.\u2013Saudi Arabia alliance', 'usa']]],
        ['US-Saudi alliance', [['US-Saudi alliance', 'usa']]],
        ['US\u2013Saudi alliance', [['US\u2013Saudi alliance', 'usa']]],
        [
          'U.S.-Saudi alliance',
          [
            ['U.S.', 'us'],
            ['Saudi alliance'.slice(6), 'alliance'],
          ],
        ],
        ['the US said', []], // "US" is not a form; "U.S." is
      ],
    ],
    [
      'plurals and possessives of the last word',
      [
        ['agreements', [['agreements', 'agreement']]],
        ['treaties', [['treaties', 'treaty']]],
        ['taxes', [['taxes', 'tax']]],
        ["alliance's", [["alliance's", 'alliance']]],
        ['alliance’s', [['alliance’s', 'alliance']]],
        ['alliances’ goals', [['alliances’', 'alliance']]],
        ["treaties' terms", [["treaties'", 'treaty']]],
        ['arms’ flow', [['arms’', 'arms']]],
        ['defense cooperation agreements', [['defense cooperation agreements', 'dca']]],
        ['defence cooperation’s future', [['defence cooperation’s', 'dc']]],
        ['MoUs', [['MoUs', 'mou']]],
        ['MOUs', [['MOUs', 'mou']]],
        ['SOFAs', [['SOFAs', 'sofa']]],
        ['NATO’s', [['NATO’s', 'nato']]],
        ['status of forces agreements', [['status of forces agreements', 'sofa']]],
        // Only the last word inflects.
        ['defenses cooperation', [['defenses cooperation', 'dc']]], // any word may be inflected
        ['memoranda of understanding', []],
        // Consonant + y only takes -ies.
        ['treatys', []],
        ['surveys', [['surveys', 'survey']]],
      ],
    ],
    [
      'whole words by Unicode rules',
      [
        ['disarms', []],
        ['armsX', []],
        ['Xarms', []],
        ['arms2', []],
        ['armsé', []],
        ['éarms', []],
        ['armsال', []], // Arabic letter follows
        ['الarms', []],
        ['armsы', []], // Cyrillic
        ['arms\u0301', []], // combining mark
        ['(arms)', [['arms', 'arms']]],
        ['«arms»', [['arms', 'arms']]],
        [
          'arms, treaty',
          [
            ['arms', 'arms'],
            ['treaty', 'treaty'],
          ],
        ],
        ['مجلس التعاون الخليجي', [['مجلس التعاون', 'gcc']]],
        ['والمجلس التعاون', []],
        ['оборонное сотрудничество', [['оборонное сотрудничество', 'ru']]],
        ['Оборонное Сотрудничество', [['Оборонное Сотрудничество', 'ru']]],
        ['R&D budget', [['R&D', 'rd']]],
      ],
    ],
    [
      'case and compatibility forms',
      [
        ['DEFENSE COOPERATION', [['DEFENSE COOPERATION', 'dc']]],
        ['DÉFENSE', [['DÉFENSE', 'defense-fr']]],
        ['de\u0301fense', [['de\u0301fense', 'defense-fr']]], // combining acute
        ['defense', []], // accents are not folded away
        ['ﬁnancing', [['ﬁnancing', 'fin']]], // ligature: 1 UTF-16 unit for 2 letters
        ['the ＮＡＴＯ summit', [['ＮＡＴＯ', 'nato']]],
        [
          'ﬁnancing arms',
          [
            ['ﬁnancing', 'fin'],
            ['arms', 'arms'],
          ],
        ], // offsets after it
        [
          '𝐍𝐀𝐓𝐎 arms',
          [
            ['𝐍𝐀𝐓𝐎', 'nato'],
            ['arms', 'arms'],
          ],
        ], // surrogate pairs
        ['fi\u00adnancing', [['fi\u00adnancing', 'fin']]],
      ],
    ],
    [
      'case guard: an abbreviation matches as written or in capitals, never in code',
      [
        ['NATO', [['NATO', 'nato']]],
        ['Nato', []], // a spelling of its own: the glossary lists it where the press uses it
        ['nato', []],
        ['a sofa', []],
        ['Sofa beds', []],
        ['the SOFA', [['SOFA', 'sofa']]],
        ['help us', []],
        ['an MoU', [['MoU', 'mou']]],
        ['an MOU', [['MOU', 'mou']]],
        ['three MoUs', [['MoUs', 'mou']]],
        ['mou', []],
        ['Mou', []],
        ['mous', []],
        ["nato's", []],
        ["NATO's", [["NATO's", 'nato']]],
        // A Turkish ending counts only on a name the Turkish forms have (languages.test.ts).
        ['NATO’ya', []],
        ['NATO_VERSION', []],
        ['$NATO', []],
        ['NATO/EU', [['NATO', 'nato']]],
        ['(NATO)', [['NATO', 'nato']]],
        ['NATO-led', [['NATO', 'nato']]],
      ],
    ],
    [
      'longest match wins, no overlaps',
      [
        ['defense cooperation agreement', [['defense cooperation agreement', 'dca']]],
        ['defense cooperation talks', [['defense cooperation', 'dc']]],
        [
          'defense cooperation agreement agreement',
          [
            ['defense cooperation agreement', 'dca'],
            ['agreement', 'agreement'],
          ],
        ],
        ['defense cooperation\u2014agreement', [['defense cooperation\u2014agreement', 'dca']]],
        // Backtracks to the longest complete form when a longer one fails.
        ['status of forces', []],
        ['status of forces agreement', [['status of forces agreement', 'sofa']]],
        ['status of agreement', [['agreement', 'agreement']]],
        // Across different starts, the longer match wins; ties go to the earlier one.
        ['strategic defense cooperation agreement', [['defense cooperation agreement', 'dca']]],
        ['strategic defense cooperation', [['defense cooperation', 'dc']]], // 19 chars > 17
        ['strategic defense talks', [['strategic defense', 'sd']]],
        ['strategic defense', [['strategic defense', 'sd']]],
      ],
    ],
    [
      'sentence punctuation is a hard boundary',
      [
        ['defense. Cooperation', []],
        ['defense, cooperation', []],
        ['defense; cooperation', []],
        ['defense: cooperation', []],
        ['defense (cooperation)', []],
        ['defense / cooperation', []],
        ['"defense" cooperation', []],
        ["'defense' cooperation", []],
        ['defense… cooperation', []],
        [
          'defense cooperation. Agreement',
          [
            ['defense cooperation', 'dc'],
            ['Agreement', 'agreement'],
          ],
        ],
      ],
    ],
  ])('%s', (_name, rows) => {
    it.each<Row>(rows)('%j', (text, expected) => {
      expect(scan(text)).toEqual(expected);
    });
  });

  it('can turn the case guard off', () => {
    const plain = compileMatcher([{ id: 'nato', forms: ['NATO'] }], { caseGuard: false });
    expect(plain.scan('nato')).toEqual([{ start: 0, end: 4, id: 'nato' }]);
  });

  it('keeps state between calls clean', () => {
    const long = 'arms '.repeat(5000);
    expect(matcher.scan(long)).toHaveLength(5000);
    expect(matcher.scan('treaty')).toEqual([{ start: 0, end: 6, id: 'treaty' }]);
  });
});

import { describe, expect, it } from 'vitest';
import { normalizeForm, tokens } from '../../../src/matcher';
import { ASCII_CLASSES, classifyCodePoint } from '../../../src/matcher/chars';
import { hashKey, Vocabulary } from '../../../src/matcher/vocabulary';

describe('normalizeForm', () => {
  it.each([
    ['Counter-Terrorism', 'counter terrorism'],
    ['counter terrorism', 'counter terrorism'],
    ['Counter\u2011Terrorism', 'counter terrorism'], // non-breaking hyphen
    ['counter\u2013terrorism', 'counter terrorism'], // en dash
    ['counter \u2014 terrorism', 'counter terrorism'], // spaced em dash: one separator
    ['counter\u00a0\u202fterrorism', 'counter terrorism'], // NBSP + narrow NBSP run
    ['counter\u2212terrorism', 'counter terrorism'], // minus sign
    ['  counter   terrorism  ', 'counter terrorism'],
    ['counterterrorism', 'counterterrorism'], // a separate alias, not the same key
    ['coun\u00adter\u200bter\u200dror\u2060ism\ufeff', 'counterterrorism'], // invisible chars
    ['Alliance’s', "alliance's"],
    ['Alliance‘s', "alliance's"],
    ['Alliance\u02bcs', "alliance's"],
    ['Alliance′s', "alliance's"],
    ['U.S.', 'u.s'],
    ['U.S', 'u.s'],
    ['U.S.\u2013Saudi Arabia alliance', 'u.s saudi arabia alliance'],
    ['DÉFENSE', 'défense'],
    ['de\u0301fense', 'défense'], // combining accent = precomposed
    ['ﬁnancing', 'financing'], // NFKC ligature
    ['ＮＡＴＯ', 'nato'], // full-width letters
    ['R&D', 'r & d'],
    ['R & D', 'r & d'],
    ['Status of Forces Agreement (SOFA)', 'status of forces agreement ( sofa )'],
    ['Ядерное оружие', 'ядерное оружие'],
    ['مجلس التعاون', 'مجلس التعاون'],
    ['', ''],
    ['\u2014', ''],
  ])('%j -> %j', (form, key) => {
    expect(normalizeForm(form)).toEqual(key);
  });
});

describe('tokens', () => {
  const spans = (text: string) => tokens(text).map((t) => [text.slice(t.start, t.end), t.key]);
  it.each([
    [
      'defense cooperation',
      [
        ['defense', 'defense'],
        ['cooperation', 'cooperation'],
      ],
    ],
    [
      'U.S. ally',
      [
        ['U.S.', 'u.s'],
        ['ally', 'ally'],
      ],
    ],
    // A sentence's full stop is punctuation, not part of the word.
    [
      'defense. Cooperation',
      [
        ['defense', 'defense'],
        ['.', '.'],
        ['Cooperation', 'cooperation'],
      ],
    ],
    [
      'alliances’ goals',
      [
        ['alliances’', "alliances'"],
        ['goals', 'goals'],
      ],
    ],
    // A closing quote after a word not ending in "s" is punctuation.
    [
      "'treaty'",
      [
        ["'", "'"],
        ['treaty', 'treaty'],
        ["'", "'"],
      ],
    ],
    [
      '1.5 bn',
      [
        ['1.5', '1.5'],
        ['bn', 'bn'],
      ],
    ],
    ['arms\u00ad', [['arms', 'arms']]], // trailing soft hyphen is not part of the span
    ['armsال', [['armsال', 'armsال']]], // Arabic letters are word characters
    [
      '𝐍𝐀𝐓𝐎 pact',
      [
        ['𝐍𝐀𝐓𝐎', 'nato'],
        ['pact', 'pact'],
      ],
    ], // astral math letters
  ] as const)('%j', (text, expected) => {
    expect(spans(text)).toEqual(expected);
  });

  it('flags tokens with a capital', () => {
    expect(tokens('NATO nato Été été').map((t) => t.upper)).toEqual([true, false, true, false]);
  });
});

describe('Vocabulary', () => {
  it('finds every key after growing, and nothing else', () => {
    const vocab = new Vocabulary();
    const keys = Array.from({ length: 5000 }, (_, i) => `k${i.toString(36)}`);
    const indices = keys.map((k) => vocab.add(k));
    expect(indices).toEqual(keys.map((_, i) => i));
    expect(vocab.add('k0')).toBe(0); // adding again returns the existing index
    expect(keys.every((k, i) => vocab.lookup(k) === i)).toBe(true);
    expect(vocab.lookup('missing')).toBe(-1);
    expect(vocab.hasHash(hashKey('k1'))).toBe(true);
  });

  it.each([
    ['xx NATO xx', 3, 7, 'nato', true], // compared lower-cased, in place
    ['xx NATOS xx', 3, 8, 'nato', false], // length must agree
    ['xx NAT0 xx', 3, 7, 'nato', false],
  ])('findSlice(%j, %i, %i) for %j -> %s', (text, start, end, key, found) => {
    const vocab = new Vocabulary();
    vocab.add('other');
    const index = vocab.add(key);
    const h = hashKey(text.slice(start, end).toLowerCase());
    expect(vocab.findSlice(h, text, start, end)).toBe(found ? index : -1);
  });
});

describe('character classes', () => {
  it('spells out ASCII exactly as classifyCodePoint classifies it', () => {
    const computed = Array.from({ length: 128 }, (_, c) => classifyCodePoint(c)).join('');
    expect(ASCII_CLASSES).toBe(computed);
  });
});

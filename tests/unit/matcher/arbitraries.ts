/** Shared fast-check arbitraries and terms for the matcher's property tests. */
import fc from 'fast-check';
import { compileMatcher, type MatcherTerm } from '../../../src/matcher';

// Words chosen so that no form word is a plural of another (which would make the reference's
// tie-breaking differ from the matcher's for reasons unrelated to correctness).
export const WORDS = [
  'defense',
  'cooperation',
  'agreement',
  'arms',
  'treaty',
  'alliance',
  'U.S.',
  'NATO',
  'MoU',
  'intelligence',
  'sharing',
  'counter',
  'terrorism',
  'status',
  'of',
  'forces',
  'security',
  'policy',
  'strategic',
  'défense',
  'ﬁnancing',
  'مجلس',
  'الأمن',
];

export const TERMS: MatcherTerm[] = [
  { id: 'dca', forms: ['defense cooperation agreement'] },
  { id: 'dc', forms: ['defense cooperation', 'security cooperation'] },
  { id: 'ag', forms: ['agreement'] },
  { id: 'arms', forms: ['arms', 'arms control'] },
  { id: 'treaty', forms: ['treaty', 'arms treaty'] },
  { id: 'al', forms: ['alliance', 'U.S.–NATO alliance'] },
  { id: 'us', forms: ['U.S.'] },
  { id: 'nato', forms: ['NATO'] },
  { id: 'mou', forms: ['MoU'] },
  { id: 'is', forms: ['intelligence sharing', 'intelligence'] },
  { id: 'ct', forms: ['counter-terrorism', 'counter terrorism cooperation'] },
  { id: 'sofa', forms: ['status of forces agreement'] },
  { id: 'pol', forms: ['security policy'] },
  // Overlaps other forms from a later start: exercises longest-wins across starts.
  { id: 'sd', forms: ['strategic defense', 'agreement of forces'] },
  { id: 'fr', forms: ['défense'] },
  { id: 'fin', forms: ['financing'] },
  { id: 'ar', forms: ['مجلس الأمن'] },
];
export const matcher = compileMatcher(TERMS);

export const JOINERS = [
  ' ',
  ' ',
  ' ',
  ' ',
  ' ',
  ' ',
  '-',
  '\u2013',
  '\u2011',
  '\u00a0',
  ' \u2014 ',
  '. ',
  ', ',
  '',
  '\u00ad',
  '\u200b',
  '’',
  "'",
  '\n',
  ' (',
  ') ',
];
export const PHRASES = [
  'strategic defense',
  'strategic defense cooperation',
  'defense cooperation agreement',
  'status of forces agreement of forces',
  'agreement of',
  'security cooperation',
  'arms treaty',
  'counter terrorism cooperation',
  'U.S.–NATO alliance',
  'intelligence sharing',
];
export const SUFFIXES = ['', '', '', '', '', '', 's', 'es', "'s", '’s', "s'", 'X', 'é', 'ال'];
export const NOISE = ['the', 'dis', 'x', 'é', 'ал', '2', '𝐀'];

export const caseOf = fc.constantFrom(
  (s: string) => s,
  (s: string) => s.toUpperCase(),
  (s: string) => s.toLowerCase(),
  (s: string) => s.charAt(0).toUpperCase() + s.slice(1),
);
export const word = fc
  .tuple(
    fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom(...WORDS) },
      { weight: 1, arbitrary: fc.constantFrom(...NOISE) },
      // Whole forms and their heads/tails, so that overlapping candidates are common.
      { weight: 3, arbitrary: fc.constantFrom(...PHRASES) },
    ),
    fc.constantFrom(...SUFFIXES),
    caseOf,
  )
  .map(([w, suffix, cased]) => cased(w) + suffix);
/** News-like text dense with (near-)matches. */
export const text = fc
  .array(fc.tuple(word, fc.constantFrom(...JOINERS)), { minLength: 1, maxLength: 30, size: 'max' })
  .map((parts) => parts.map(([w, j]) => w + j).join(''));

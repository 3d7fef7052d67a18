import { describe, expect, it } from 'vitest';
import {
  type Capture,
  createLookup,
  isRepeat,
  type Lookup,
  parseLookup,
  REPEAT_WINDOW_MS,
  TITLE_MAX_LENGTH,
} from '../../../src/history/record';
import { STORED_SENTENCE_MAX_LENGTH } from '../../../src/history/sentence';
import { lookup } from './fixtures';

describe('parseLookup', () => {
  it('accepts a well-formed record, with or without id and lang', () => {
    expect(parseLookup(lookup())).toEqual(lookup());
    expect(parseLookup(lookup({ id: 7, lang: 'en-GB' }))).toEqual(lookup({ id: 7, lang: 'en-GB' }));
  });

  it('drops unknown fields', () => {
    expect(parseLookup({ ...lookup(), extra: 'x' })).toEqual(lookup());
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['a string', 'garbage'],
    ['an array', [lookup()]],
    ['an empty object', {}],
    ['id zero', lookup({ id: 0 })],
    ['id not an integer', lookup({ id: 1.5 })],
    ['entryId not kebab-case', lookup({ entryId: 'Not An Id' })],
    ['entryId a number', { ...lookup(), entryId: 5 }],
    ['empty term', lookup({ term: '' })],
    ['empty form', lookup({ form: '' })],
    ['empty sentence', lookup({ sentence: '' })],
    [
      'sentence too long',
      lookup({ sentence: 'x'.repeat(STORED_SENTENCE_MAX_LENGTH + 1), formAt: undefined }),
    ],
    ['formAt not at the form', lookup({ formAt: 3 })],
    ['formAt negative', lookup({ formAt: -1 })],
    ['title too long', lookup({ title: 't'.repeat(TITLE_MAX_LENGTH + 1) })],
    ['title missing', { ...lookup(), title: undefined }],
    ['url not http(s)', lookup({ url: 'file:///a.html' })],
    ['url with credentials', lookup({ url: 'https://me:pw@example.com/' })],
    ['url not normalised', lookup({ url: 'HTTPS://EXAMPLE.COM/' })],
    ['site not normalised', lookup({ site: 'WWW.Example.com' })],
    ['site a URL', lookup({ site: 'https://example.com/' })],
    ['time a string', { ...lookup(), time: '2026-03-10' }],
    ['time NaN', lookup({ time: Number.NaN })],
    ['time negative', lookup({ time: -1 })],
    ['time infinite', lookup({ time: Number.POSITIVE_INFINITY })],
    ['unknown category', { ...lookup(), category: 'gossip' }],
    ['lang not a language tag', lookup({ lang: 'en GB' })],
  ])('rejects %s', (_name, raw) => {
    expect(parseLookup(raw)).toBeNull();
  });
});

describe('createLookup', () => {
  const capture: Capture = {
    entryId: 'status-of-forces-agreement',
    form: 'SOFA',
    sentence: '  The   SOFA was signed\nin May. ',
    formAt: 6,
    title: '  Troops\n and treaties ',
    url: 'https://user:pw@www.example.com/news/sofa?session=abc#top',
    lang: 'en-GB',
  };
  const context = {
    entry: { term: 'Status of forces agreement', category: 'agreement' as const },
    time: Date.UTC(2026, 0, 2),
    keepQuery: false,
  };

  it('builds a clean record from a capture', () => {
    expect(createLookup(capture, context)).toEqual<Lookup>({
      entryId: 'status-of-forces-agreement',
      term: 'Status of forces agreement',
      form: 'SOFA',
      sentence: 'The SOFA was signed in May.',
      formAt: 4,
      title: 'Troops and treaties',
      url: 'https://www.example.com/news/sofa',
      site: 'example.com',
      time: Date.UTC(2026, 0, 2),
      category: 'agreement',
      lang: 'en-GB',
    });
  });

  it.each<[string, Partial<Capture>, Partial<typeof context>, Partial<Lookup> | null]>([
    [
      'keeps the query when asked',
      {},
      { keepQuery: true },
      { url: 'https://www.example.com/news/sofa?session=abc#top' },
    ],
    ['refuses a non-web page', { url: 'file:///sofa.html' }, {}, null],
    ['refuses a form not in the sentence', { form: 'NATO', formAt: undefined }, {}, null],
    [
      'collapses whitespace inside the form',
      { form: ' SOFA\n', formAt: undefined },
      {},
      { form: 'SOFA', formAt: 4 },
    ],
    [
      'clips a long title with an ellipsis',
      { title: 'T'.repeat(500) },
      {},
      { title: `${'T'.repeat(TITLE_MAX_LENGTH - 1)}…` },
    ],
    ['refuses an invalid time', {}, { time: -5 }, null],
  ])('%s', (_name, captureOverrides, contextOverrides, expected) => {
    const result = createLookup(
      { ...capture, ...captureOverrides },
      { ...context, ...contextOverrides },
    );
    if (expected === null) expect(result).toBeNull();
    else expect(result).toMatchObject(expected);
  });

  it('drops a malformed lang rather than the lookup', () => {
    const result = createLookup({ ...capture, lang: 'not a tag' }, context);
    expect(result).not.toBeNull();
    expect(result && 'lang' in result).toBe(false);
  });

  it('caps a very long sentence around the form', () => {
    const sentence = `${'word '.repeat(400)}SOFA ${'more '.repeat(400)}.`;
    const result = createLookup({ ...capture, sentence, formAt: undefined }, context);
    expect(result?.sentence.length).toBeLessThanOrEqual(STORED_SENTENCE_MAX_LENGTH);
    expect(result?.sentence.slice(result.formAt, (result.formAt ?? 0) + 4)).toBe('SOFA');
  });
});

describe('isRepeat', () => {
  const first = lookup();
  it.each<[string, Partial<Lookup>, number | undefined, boolean]>([
    ['the same lookup a minute later', { time: first.time + 60_000 }, undefined, true],
    ['just inside the window', { time: first.time + REPEAT_WINDOW_MS - 1 }, undefined, true],
    ['at the end of the window', { time: first.time + REPEAT_WINDOW_MS }, undefined, false],
    [
      'another sentence',
      { sentence: 'Allies value intelligence sharing.', formAt: 13 },
      undefined,
      false,
    ],
    ['another page', { url: 'https://news.example.com/b' }, undefined, false],
    ['another entry', { entryId: 'nato' }, undefined, false],
    ['a custom window', { time: first.time + 5_000 }, 1_000, false],
  ])('%s -> %s', (_name, overrides, windowMs, expected) => {
    expect(isRepeat(first, lookup(overrides), windowMs)).toBe(expected);
  });
});

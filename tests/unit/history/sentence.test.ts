import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  fitSentence,
  formOffset,
  lookupSentence,
  SENTENCE_MAX_LENGTH,
  STORED_SENTENCE_MAX_LENGTH,
} from '../../../src/history/sentence';

describe('lookupSentence', () => {
  it('keeps the sentence around the match, whitespace collapsed', () => {
    const text = 'A first one.  The  joint\n exercise began. A last one.';
    const start = text.indexOf('exercise');
    const s = lookupSentence(text, start, start + 'exercise'.length);
    expect(s.text).toBe('The joint exercise began.');
    expect(s.text.slice(s.markStart, s.markEnd)).toBe('exercise');
  });

  it('caps a long sentence at the history length with an ellipsis on each side', () => {
    const text = `${'word '.repeat(300)}treaty ${'more '.repeat(300)}end.`;
    const start = text.indexOf('treaty');
    const s = lookupSentence(text, start, start + 6);
    expect(s.text.length).toBeLessThanOrEqual(STORED_SENTENCE_MAX_LENGTH);
    expect(s.text.length).toBeGreaterThan(SENTENCE_MAX_LENGTH - 10);
    expect(s.text.startsWith('…')).toBe(true);
    expect(s.text.endsWith('…')).toBe(true);
    expect(s.text.slice(s.markStart, s.markEnd)).toBe('treaty');
  });

  it('keeps a sentence the popover would shorten (over 220 characters)', () => {
    const sentence = `The treaty ${'covers many clauses '.repeat(15)}today.`;
    expect(sentence.length).toBeGreaterThan(220);
    expect(lookupSentence(sentence, 4, 10).text).toBe(sentence);
  });
});

describe('formOffset', () => {
  it.each<[string, string, number | undefined, number]>([
    ['NATO and NATO', 'NATO', 9, 9],
    ['NATO and NATO', 'NATO', undefined, 0],
    ['NATO and NATO', 'NATO', 3, 0],
    ['NATO and NATO', 'NATO', 99, 0],
    ['no such term', 'NATO', undefined, -1],
    ['anything', '', 0, -1],
  ])('%j, %j at %s -> %s', (sentence, form, at, expected) => {
    expect(formOffset(sentence, form, at)).toBe(expected);
  });
});

describe('fitSentence', () => {
  it.each<
    [string, string, string, number | undefined, { sentence: string; formAt: number } | null]
  >([
    [
      'a clean sentence',
      'The SOFA was signed.',
      'SOFA',
      4,
      { sentence: 'The SOFA was signed.', formAt: 4 },
    ],
    [
      'a wrong offset is corrected',
      'The SOFA was signed.',
      'SOFA',
      0,
      { sentence: 'The SOFA was signed.', formAt: 4 },
    ],
    [
      'the second of two is kept',
      'A MoU and a MoU.',
      'MoU',
      12,
      { sentence: 'A MoU and a MoU.', formAt: 12 },
    ],
    [
      'whitespace collapsed',
      '  The   SOFA\nwas signed. ',
      'SOFA',
      undefined,
      { sentence: 'The SOFA was signed.', formAt: 4 },
    ],
    [
      'cut to the sentence with the form',
      'Before. The SOFA was signed. After.',
      'SOFA',
      undefined,
      { sentence: 'The SOFA was signed.', formAt: 4 },
    ],
    ['form missing: malformed', 'Nothing here.', 'SOFA', undefined, null],
  ])('%s', (_name, sentence, form, at, expected) => {
    expect(fitSentence(sentence, form, at)).toEqual(expected);
  });

  it('caps a huge sentence from a content script', () => {
    const fitted = fitSentence(`${'x '.repeat(2000)}NATO ${'y '.repeat(2000)}`, 'NATO');
    expect(fitted?.sentence.length).toBeLessThanOrEqual(STORED_SENTENCE_MAX_LENGTH);
    expect(fitted?.sentence.slice(fitted.formAt, fitted.formAt + 4)).toBe('NATO');
  });
});

describe('the segmenter behind it', () => {
  const original = Intl.Segmenter;
  afterEach(() => {
    Object.defineProperty(Intl, 'Segmenter', {
      value: original,
      configurable: true,
      writable: true,
    });
    vi.resetModules();
  });

  it('is created on first use, once, not on import', async () => {
    let created = 0;
    class Counting extends original {
      constructor(...args: ConstructorParameters<typeof Intl.Segmenter>) {
        super(...args);
        created++;
      }
    }
    Object.defineProperty(Intl, 'Segmenter', {
      value: Counting,
      configurable: true,
      writable: true,
    });
    vi.resetModules();
    const fresh = await import('../../../src/history/sentence');
    expect(created).toBe(0);
    fresh.lookupSentence('One. Two NATO. Three.', 9, 13);
    fresh.lookupSentence('Again. NATO here.', 7, 11);
    expect(created).toBe(1);
  });

  it('falls back to punctuation when Intl.Segmenter is missing', async () => {
    Reflect.deleteProperty(Intl, 'Segmenter');
    expect('Segmenter' in Intl).toBe(false);
    vi.resetModules();
    const fresh = await import('../../../src/history/sentence');
    const text = 'First part. Then NATO grew! Last?';
    const start = text.indexOf('NATO');
    expect(fresh.lookupSentence(text, start, start + 4).text).toBe('Then NATO grew!');
  });
});

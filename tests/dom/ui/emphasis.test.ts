import { describe, expect, it } from 'vitest';
import { splitEmphasis } from '../../../src/ui/emphasis';

const marked = (text: string, forms: string[]) =>
  splitEmphasis(text, forms)
    .filter((s) => s.mark)
    .map((s) => s.text);

describe('splitEmphasis', () => {
  it.each([
    ['Defense cooperation is key.', ['defense cooperation'], ['Defense cooperation']],
    ['strategic alliances for survival', ['strategic alliance'], ['strategic alliances']],
    ["the alliance's reach", ['alliance'], ["alliance's"]],
    ['the allies’ goals', ['allies'], ['allies']],
    ['MoUs were signed', ['MoU'], ['MoUs']],
    ['a mountain of MoU text', ['MoU'], ['MoU']],
    [
      'counter-terrorism and cybersecurity',
      ['counter-terrorism', 'cybersecurity'],
      ['counter-terrorism', 'cybersecurity'],
    ],
    // Longest form wins; the shorter one inside it is not marked again.
    [
      'defense cooperation agreement',
      ['defense cooperation', 'defense cooperation agreement'],
      ['defense cooperation agreement'],
    ],
    [
      'intelligence sharing, shared intelligence',
      ['intelligence sharing', 'shared intelligence'],
      ['intelligence sharing', 'shared intelligence'],
    ],
    ['nothing here', ['treaty'], []],
  ])('%j', (text, forms, expected) => {
    expect(marked(text, forms)).toEqual(expected);
  });

  it('keeps every character, in order', () => {
    const text = 'Through defense cooperation, nations cooperate.';
    const segments = splitEmphasis(text, ['defense cooperation', 'cooperate']);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments.filter((s) => s.mark).map((s) => s.text)).toEqual([
      'defense cooperation',
      'cooperate',
    ]);
  });
});

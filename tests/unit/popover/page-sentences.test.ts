import { describe, expect, it } from 'vitest';
import { blockOffsets, pageSentences } from '../../../src/popover/view/page-sentences';
import { sentenceAround } from '../../../src/text/sentence';

/** Renders a Sentence with brackets around the mark, for one-line expectations. */
function show(text: string, needle: string, occurrence = 0, max?: number): string {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(needle, start + 1);
  const s = sentenceAround(text, start, start + needle.length, max);
  return `${s.text.slice(0, s.markStart)}[${s.text.slice(s.markStart, s.markEnd)}]${s.text.slice(s.markEnd)}`;
}

describe('sentenceAround', () => {
  const para =
    'Defense cooperation is a pillar. Islamic nations share intelligence with allies! Is that new? Yes.';
  it.each([
    ['first sentence', para, 'Defense cooperation', 0, '[Defense cooperation] is a pillar.'],
    [
      'middle sentence',
      para,
      'intelligence',
      0,
      'Islamic nations share [intelligence] with allies!',
    ],
    ['question', para, 'new', 0, 'Is that [new]?'],
    ['single sentence block', 'NATO expands', 'NATO', 0, '[NATO] expands'],
    ['second occurrence', 'A MoU. Then a MoU again.', 'MoU', 1, 'Then a [MoU] again.'],
    [
      'whitespace collapsed',
      'The  \n  joint   exercise\tbegan.',
      'exercise',
      0,
      'The joint [exercise] began.',
    ],
    [
      'leading whitespace trimmed',
      '   \n The SOFA was signed.',
      'SOFA',
      0,
      'The [SOFA] was signed.',
    ],
    [
      'abbreviation with dots',
      'The U.S.-Saudi alliance grew. It lasted.',
      'alliance',
      0,
      'The U.S.-Saudi [alliance] grew.',
    ],
  ])('%s', (_name, text, needle, occurrence, expected) => {
    expect(show(text, needle, occurrence)).toBe(expected);
  });

  it('shortens long sentences around the mark, cutting at spaces', () => {
    const long = `${'word '.repeat(60)}treaty ${'more '.repeat(60)}end.`;
    const result = show(long, 'treaty', 0, 80);
    expect(result.length).toBeLessThanOrEqual(82);
    expect(result.startsWith('…')).toBe(true);
    expect(result.endsWith('…')).toBe(true);
    expect(result).toContain('[treaty]');
    expect(result).not.toMatch(/…\S*wor…|\bwor\b|\bmor\b/);
  });

  it('keeps a mark at the very start of a long sentence', () => {
    const long = `Treaty ${'clause '.repeat(80)}.`;
    expect(show(long, 'Treaty', 0, 60).startsWith('[Treaty]')).toBe(true);
  });

  it('clamps out-of-range offsets', () => {
    const s = sentenceAround('Short text.', 50, 60);
    expect(s.markStart).toBe(s.markEnd);
    expect(s.markEnd).toBeLessThanOrEqual(s.text.length);
  });
});

describe('blockOffsets and pageSentences', () => {
  function setup(html: string) {
    document.body.innerHTML = html;
    return document.body;
  }
  function rangeOf(node: Text, text: string, nth = 0) {
    let start = -1;
    for (let i = 0; i <= nth; i++) start = (node.data as string).indexOf(text, start + 1);
    const init = {
      startContainer: node,
      startOffset: start,
      endContainer: node,
      endOffset: start + text.length,
    };
    // happy-dom has no StaticRange; the code under test only reads these four fields.
    return (
      typeof StaticRange === 'function' ? new StaticRange(init) : { ...init, collapsed: false }
    ) as AbstractRange;
  }

  it('measures offsets across inline elements', () => {
    setup('<p id="p">A <b>joint</b> military exercise began.</p>');
    const p = document.getElementById('p') as HTMLElement;
    const text = p.childNodes[2] as Text; // " military exercise began."
    expect(blockOffsets(p, rangeOf(text, 'exercise'))).toEqual({ start: 17, end: 25 });
  });

  it('returns null for a range outside the block', () => {
    setup('<p id="a">One treaty.</p><p id="b">Two.</p>');
    const a = (document.getElementById('a') as HTMLElement).firstChild as Text;
    const b = document.getElementById('b') as HTMLElement;
    expect(blockOffsets(b, rangeOf(a, 'treaty'))).toBeNull();
  });

  it('yields up to three distinct sentences, one per sentence', () => {
    setup(
      '<p id="a">A treaty. Another treaty and a treaty.</p><p id="b">Third treaty. Fourth treaty.</p>',
    );
    const a = document.getElementById('a') as HTMLElement;
    const b = document.getElementById('b') as HTMLElement;
    const ta = a.firstChild as Text;
    const tb = b.firstChild as Text;
    const occ = [
      { block: a, range: rangeOf(ta, 'treaty', 0), n: 1 },
      { block: a, range: rangeOf(ta, 'treaty', 1), n: 2 },
      { block: a, range: rangeOf(ta, 'treaty', 2), n: 3 },
      { block: b, range: rangeOf(tb, 'treaty', 0), n: 4 },
      { block: b, range: rangeOf(tb, 'treaty', 1), n: 5 },
    ];
    const result = pageSentences(occ, 3);
    expect(result.map((r) => [r.occurrence.n, r.sentence.text])).toEqual([
      [1, 'A treaty.'],
      [2, 'Another treaty and a treaty.'],
      [4, 'Third treaty.'],
    ]);
  });

  it('is empty when there are no occurrences', () => {
    expect(pageSentences([], 3)).toEqual([]);
  });
});

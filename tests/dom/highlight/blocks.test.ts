import { beforeEach, describe, expect, it } from 'vitest';
import { locate } from '../../../src/highlight/blocks';
import { occurrenceIn, type Segment } from '../../../src/highlight/segment';
import { installFakes, rangeText, spyMatcher, TERMS, segmentsOf as walk } from './fakes';

beforeEach(() => {
  installFakes();
  document.body.innerHTML = '';
});

function segmentsOf(html: string): Segment[] {
  document.body.innerHTML = html;
  return walk(document);
}

const texts = (html: string) => segmentsOf(html).map((s) => s.text);

/** Every matched text on the page, through segments and ranges as the engine does it. */
function found(html: string): string[] {
  const m = spyMatcher(TERMS);
  return segmentsOf(html).flatMap((seg) =>
    m.scan(seg.text).map((x) => rangeText(occurrenceIn(seg, x.start, x.end, x.id).range)),
  );
}

describe('block collection', () => {
  it.each([
    ['<p>intelligence <em>sharing</em></p>', ['intelligence sharing']],
    ['<p><a href="#">bilateral</a> defence agreement</p>', ['bilateral defence agreement']],
    ['<p>in<b>telli</b>gence <span><i>sha</i>ring</span> now</p>', ['intelligence sharing']],
    ['<ul><li>NATO</li><li>defence cooperation</li></ul>', ['NATO', 'defence cooperation']],
  ])('finds terms split over inline elements: %s', (html, expected) => {
    expect(found(html)).toEqual(expected);
  });

  it.each([
    '<p>intelligence</p><p>sharing</p>',
    '<p>intelligence<br>sharing</p>',
    '<div>intelligence<div>x</div>sharing</div>',
    '<div>intelligence <p>sharing</p></div>',
    '<table><tr><td>intelligence</td><td>sharing</td></tr></table>',
    '<h2>intelligence</h2>sharing',
    '<li>intelligence<ul><li>sharing</li></ul></li>',
    '<p>intelligence <code>x</code> sharing</p>',
  ])('never crosses a block boundary: %s', (html) => {
    expect(found(html)).toEqual([]);
  });

  it('keeps text after a nested block in its own segment of the outer block', () => {
    expect(texts('<div>one<p>two</p>three</div>')).toEqual(['one', 'two', 'three']);
  });

  it.each([
    ['script', '<script>var s = "NATO";</script>'],
    ['style', '<style>/* NATO */</style>'],
    ['noscript', '<noscript>NATO</noscript>'],
    ['template', '<template><p>NATO</p></template>'],
    ['textarea', '<textarea>NATO</textarea>'],
    ['select/option', '<select><option>NATO</option></select>'],
    ['code', '<p><code>NATO</code></p>'],
    ['pre', '<pre>NATO</pre>'],
    ['svg', '<svg><text>NATO</text></svg>'],
    ['contenteditable', '<div contenteditable>NATO</div>'],
    ['contenteditable=true', '<div contenteditable="true"><p>NATO</p></div>'],
    ['contenteditable=plaintext-only', '<div contenteditable="plaintext-only">NATO</div>'],
    ['hidden', '<p hidden>NATO</p>'],
    ['extension UI', '<termlight-popover data-termlight-ui><p>NATO</p></termlight-popover>'],
    ['inside extension UI', '<div data-termlight-ui=""><span><b>NATO</b></span></div>'],
  ])('skips %s', (_name, html) => {
    expect(found(html)).toEqual([]);
  });

  it.each([
    ['contenteditable=false', '<div contenteditable="false">NATO</div>'],
    ['aria-hidden (still visible to sighted readers)', '<p aria-hidden="true">NATO</p>'],
    ['hidden=until-found (find-in-page reveals it)', '<p hidden="until-found">NATO</p>'],
  ])('does not skip %s', (_name, html) => {
    expect(found(html)).toEqual(['NATO']);
  });

  it('enters open shadow roots, nested ones too, and keeps light children', () => {
    document.body.innerHTML = '<div id="host">light NATO</div>';
    const host = document.getElementById('host') as HTMLElement;
    const sr = host.attachShadow({ mode: 'open' });
    sr.innerHTML = '<p>intelligence <em>sharing</em></p><span id="inner"></span>';
    const inner = sr.getElementById('inner') as HTMLElement;
    inner.attachShadow({ mode: 'open' }).innerHTML = 'defence cooperation';
    const seen: ShadowRoot[] = [];
    const segs = walk(document, { mode: 'deep', onShadowRoot: (r) => seen.push(r) });
    // Shadow roots come after the tree that hosts them (reading order is the caller's).
    expect(segs.map((s) => s.text)).toEqual([
      'light NATO',
      'intelligence sharing',
      'defence cooperation',
    ]);
    expect(seen).toEqual([sr, inner.shadowRoot]);
    expect(segs[2]?.key).toBe(inner.shadowRoot);
    expect(segs[2]?.block).toBe(inner);
  });

  it("'own' mode stays out of nested blocks", () => {
    document.body.innerHTML = '<div id="d">a <b>b</b><p>c</p>d</div>';
    const d = document.getElementById('d') as HTMLElement;
    expect(walk(d, { mode: 'own' }).map((s) => s.text)).toEqual(['a b', 'd']);
  });

  it('maps offsets back to Text nodes (ends at node boundaries stay in the earlier node) and text', () => {
    const [seg] = segmentsOf('<p>ab<em>cd</em>ef</p>');
    if (!seg) throw new Error('no segment');
    const o = occurrenceIn(seg, 2, 4, 'x'); // exactly "cd"
    const r = o.range;
    expect(r.startContainer).toBe(seg.nodes[1]);
    expect(r.startOffset).toBe(0);
    expect(r.endContainer).toBe(seg.nodes[1]);
    expect(r.endOffset).toBe(2);
    expect(o.text).toBe('cd');
    const o2 = occurrenceIn(seg, 1, 5, 'x');
    expect(rangeText(o2.range)).toBe('bcde');
    expect(o2.text).toBe('bcde');
  });

  it('locate() finds the owning block and refuses skipped contexts', () => {
    document.body.innerHTML = '<p id="p">x <em id="e">y</em></p><pre><b id="b">z</b></pre>';
    const em = document.getElementById('e') as HTMLElement;
    expect(locate(em.firstChild as Text)?.key).toBe(document.getElementById('p'));
    expect(locate(document.getElementById('b') as HTMLElement)).toBeNull();
    expect(locate(document.createElement('p'))).toBeNull(); // detached
  });
});

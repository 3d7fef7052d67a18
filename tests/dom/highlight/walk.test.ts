import { beforeEach, describe, expect, it } from 'vitest';
import type { BlockKey } from '../../../src/highlight/blocks';
import { walkSegments } from '../../../src/highlight/walk';
import { segmentsOf } from './fakes';

beforeEach(() => {
  document.body.innerHTML = '';
});

/** `html` in the body with a shadow root holding `inner` on #host; returns that root. */
function withShadow(html: string, inner: string): ShadowRoot {
  document.body.innerHTML = html;
  const host = document.getElementById('host') as HTMLElement;
  const sr = host.attachShadow({ mode: 'open' });
  sr.innerHTML = inner;
  return sr;
}

/** The element #id once `html` is in the body with a shadow root holding `inner` on #host. */
function shadowed(html: string, inner: string, id: string): Element {
  withShadow(html, inner);
  return document.getElementById(id) as Element;
}

const keyName = (key: BlockKey) =>
  key.nodeType === 11
    ? `#shadow(${(key as ShadowRoot).host.id})`
    : (key as Element).id || (key as Element).localName;

describe('walk starts and callbacks', () => {
  it.each<{
    name: string;
    start: () => Element | ShadowRoot | Document;
    mode?: 'own' | 'deep';
    texts: string[];
    blocks: string[];
    shadowRoots: number;
  }>([
    {
      name: 'a document: its root element, then the shadow roots met',
      start: () =>
        shadowed('<p id="a">one</p><div id="host">two</div>', 'three', 'a').ownerDocument,
      texts: ['one', 'two', 'three'],
      blocks: ['html', 'body', 'a', 'host', '#shadow(host)'],
      shadowRoots: 1,
    },
    {
      name: 'a document without a root element: nothing',
      start: () => {
        const empty = document.implementation.createHTMLDocument();
        empty.documentElement.remove();
        return empty;
      },
      texts: [],
      blocks: [],
      shadowRoots: 0,
    },
    {
      name: 'a shadow root: its own key, the host its block',
      start: () => withShadow('<div id="host"></div>', 'inside <b>it</b>'),
      texts: ['inside it'],
      blocks: ['#shadow(host)'],
      shadowRoots: 0,
    },
    {
      name: 'an inline start: its text is left to its container',
      start: () => {
        document.body.innerHTML = '<p id="p">a <span id="s">b<p id="q">c</p></span></p>';
        return document.getElementById('s') as Element;
      },
      texts: ['c'],
      blocks: ['q'],
      shadowRoots: 0,
    },
    {
      name: 'a skipped start: nothing, no block',
      start: () => {
        document.body.innerHTML = '<div id="d"><code id="c"><p id="p">x</p></code></div>';
        return document.getElementById('c') as Element;
      },
      texts: [],
      blocks: [],
      shadowRoots: 0,
    },
    {
      name: "'own' mode: nested blocks split the run and are not entered, nor shadow roots",
      start: () => shadowed('<div id="host">a<p id="n">b</p>c</div>', 'd', 'host'),
      mode: 'own',
      texts: ['a', 'c'],
      blocks: ['host'],
      shadowRoots: 0,
    },
  ])('$name', ({ start, mode, texts, blocks, shadowRoots }) => {
    const root = start();
    const entered: string[] = [];
    let roots = 0;
    const segs = segmentsOf(root, {
      ...(mode ? { mode } : {}),
      onBlock: (key) => entered.push(keyName(key)),
      onShadowRoot: () => roots++,
    });
    expect(segs.map((s) => s.text)).toEqual(texts);
    expect(entered).toEqual(blocks);
    expect(roots).toBe(shadowRoots);
  });

  it.each([
    [
      'a run ending at a skipped element that shows text',
      '<p>a <code>x</code> b</p>',
      ['a ', ' b'],
    ],
    ['a run going on over an invisible element', '<p>a <script>x</script>b</p>', ['a b']],
    ['a run going on over a hidden element', '<p>a <input hidden>b</p>', ['a b']],
    ['a run ending at a br', '<p>a<br>b</p>', ['a', 'b']],
    ['a whitespace-only run dropped', '<p> <b>\n</b> </p><p>x</p>', ['x']],
  ])('%s', (_name, html, texts) => {
    document.body.innerHTML = html;
    expect(segmentsOf(document).map((s) => s.text)).toEqual(texts);
  });

  // Nodes walked: head, body, then a <p> and its Text per paragraph.
  it.each([
    [0, 0],
    [254, 0],
    [255, 1],
    [600, 2],
  ])('yields a checkpoint every 512 nodes (%i paragraphs: %i)', (paragraphs, yields) => {
    document.body.innerHTML = '<p>t</p>'.repeat(paragraphs);
    const walk = walkSegments(document);
    let steps = 0;
    for (let step = walk.next(); !step.done; step = walk.next()) {
      expect(step.value).toBeNull();
      steps++;
    }
    expect(steps).toBe(yields);
  });
});

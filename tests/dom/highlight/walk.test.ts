import { beforeEach, describe, expect, it } from 'vitest';
import type { BlockKey } from '../../../src/highlight/blocks';
import { walkSegments } from '../../../src/highlight/walk';
import { segmentsOf } from './fakes';

beforeEach(() => {
  document.body.innerHTML = '';
});

const keyName = (key: BlockKey) =>
  key.nodeType === 11
    ? `#shadow(${(key as ShadowRoot).host.id})`
    : (key as Element).id || (key as Element).localName;

interface StartCase {
  name: string;
  /** The body; a shadow root holding `shadow` is attached to its #host. */
  html: string;
  shadow?: string;
  /** Where the walk starts: the document, one without a root element, #host's shadow root, #id. */
  start: 'document' | 'no root' | 'shadow root' | `#${string}`;
  mode?: 'own' | 'deep';
  texts: string[];
  blocks: string[];
  shadowRoots: number;
}

function startOf(c: StartCase): Element | ShadowRoot | Document {
  document.body.innerHTML = c.html;
  const host = document.getElementById('host');
  if (host && c.shadow !== undefined) host.attachShadow({ mode: 'open' }).innerHTML = c.shadow;
  if (c.start === 'document') return document;
  if (c.start === 'shadow root') return host?.shadowRoot as ShadowRoot;
  if (c.start === 'no root') {
    const empty = document.implementation.createHTMLDocument();
    empty.documentElement.remove();
    return empty;
  }
  return document.querySelector(c.start) as Element;
}

describe('walk starts and callbacks', () => {
  it.each<StartCase>([
    {
      name: 'a document: its root element, then the shadow roots met',
      html: '<p id="a">one</p><div id="host">two</div>',
      shadow: 'three',
      start: 'document',
      texts: ['one', 'two', 'three'],
      blocks: ['html', 'body', 'a', 'host', '#shadow(host)'],
      shadowRoots: 1,
    },
    {
      name: 'a document without a root element: nothing',
      html: '',
      start: 'no root',
      texts: [],
      blocks: [],
      shadowRoots: 0,
    },
    {
      name: 'a shadow root: its own key, the host its block',
      html: '<div id="host"></div>',
      shadow: 'inside <b>it</b>',
      start: 'shadow root',
      texts: ['inside it'],
      blocks: ['#shadow(host)'],
      shadowRoots: 0,
    },
    {
      name: 'an inline start: its text is left to its container',
      html: '<div id="d">a <span id="s">b<div id="q">c</div></span></div>',
      start: '#s',
      texts: ['c'],
      blocks: ['q'],
      shadowRoots: 0,
    },
    {
      name: 'a skipped start: nothing, no block',
      html: '<div id="d"><code id="c"><p id="p">x</p></code></div>',
      start: '#c',
      texts: [],
      blocks: [],
      shadowRoots: 0,
    },
    {
      name: "'own' mode: nested blocks split the run and are not entered, nor shadow roots",
      html: '<div id="host">a<p id="n">b</p>c</div>',
      shadow: 'd',
      start: '#host',
      mode: 'own',
      texts: ['a', 'c'],
      blocks: ['host'],
      shadowRoots: 0,
    },
  ])('$name', (c) => {
    const entered: string[] = [];
    let roots = 0;
    const segs = segmentsOf(startOf(c), {
      ...(c.mode ? { mode: c.mode } : {}),
      onBlock: (key) => entered.push(keyName(key)),
      onShadowRoot: () => roots++,
    });
    expect(segs.map((s) => s.text)).toEqual(c.texts);
    expect(entered).toEqual(c.blocks);
    expect(roots).toBe(c.shadowRoots);
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

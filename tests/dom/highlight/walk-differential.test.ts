import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Segment } from '../../../src/highlight/segment';
import { segmentsOf } from './fakes';
import { referenceWalk } from './reference-walk';

// Random documents from the tags and attributes the walk treats differently: blocks, inline
// elements, skipped tags that split the text or not, br, and skip attributes.
const TAGS = [
  'p',
  'div',
  'li',
  'td',
  'h2',
  'section',
  'button',
  'label', // blocks
  'span',
  'em',
  'a',
  'b',
  'x-widget', // inline
  'code',
  'img',
  'input',
  'textarea',
  'svg', // skipped, split the text
  'script',
  'style',
  'template',
  'rt', // skipped, invisible
  'br',
];
const ATTRS = [
  '',
  '',
  '',
  '',
  ' class="x"',
  ' hidden',
  ' hidden="until-found"',
  ' contenteditable',
  ' contenteditable="false"',
  ' data-termlight-ui',
  ' id="y"',
];
const TEXTS = ['alpha ', 'beta', ' ', '', 'gamma delta', '\n  ', 'x'];

type Tree = { tag: string; attr: string; kids: Tree[] } | string;
const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...TEXTS),
    fc.record({
      tag: fc.constantFrom(...TAGS),
      attr: fc.constantFrom(...ATTRS),
      kids: fc.array(tie('node'), { maxLength: 5 }),
    }),
  ),
})).node;

const VOID = new Set(['br', 'img', 'input']);
function html(t: Tree): string {
  if (typeof t === 'string') return t;
  if (VOID.has(t.tag)) return `<${t.tag}${t.attr}>`;
  return `<${t.tag}${t.attr}>${t.kids.map(html).join('')}</${t.tag}>`;
}

const describeSeg = (s: Segment) => ({
  key: s.key,
  block: s.block,
  nodes: s.nodes,
  starts: s.starts,
  parts: [...s.parts],
  text: s.text,
});
type Described = ReturnType<typeof describeSeg>;
const all = (gen: Generator<Segment | null>) => [...gen].filter((s) => s !== null).map(describeSeg);

/**
 * The segments the walk gives (for `mayHold`), in the order of `reference`: the walk takes open
 * shadow roots after their host's tree, the reference where the host stands.
 */
function walked(
  root: Element | Document,
  options: Parameters<typeof segmentsOf>[1],
  reference: readonly Described[],
): Described[] {
  const order = new Map(reference.map((s, i) => [s.nodes[0], i]));
  const rank = (s: Described) => order.get(s.nodes[0]) ?? -1;
  return segmentsOf(root, options)
    .map(describeSeg)
    .sort((a, b) => rank(a) - rank(b));
}

describe('the block walk', () => {
  it('finds the same segments as the reference walk on random documents', () => {
    fc.assert(
      fc.property(fc.array(tree, { maxLength: 6 }), fc.nat(), (trees, pick) => {
        document.body.innerHTML = trees.map(html).join('');
        // A shadow root on one element, with content of its own.
        const hosts = [...document.body.querySelectorAll('div, span, section')];
        const host = hosts[pick % Math.max(1, hosts.length)];
        if (host && !host.shadowRoot) {
          host.attachShadow({ mode: 'open' }).innerHTML = html(trees[0] ?? 'shadow text');
        }
        const reference = all(referenceWalk(document, { mode: 'deep' }));
        expect(walked(document, {}, reference)).toEqual(reference);
        // Each segment's own text is what the pre-filter is asked about.
        const some = (text: string) => text.includes('a');
        expect(walked(document, { mayHold: some }, reference)).toEqual(
          reference.filter((s) => some(s.text)),
        );
        for (const el of document.body.querySelectorAll('p, div, li, section')) {
          const own = all(referenceWalk(el, { mode: 'own' }));
          expect(walked(el, { mode: 'own' }, own)).toEqual(own);
          const deep = all(referenceWalk(el, { mode: 'deep' }));
          expect(walked(el, { mode: 'deep' }, deep)).toEqual(deep);
        }
      }),
      { numRuns: 400 },
    );
  });
});

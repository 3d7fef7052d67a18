import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHighlighter } from '../../../src/highlight/highlighter';
import { WINDOW_THRESHOLD } from '../../../src/highlight/range-window';
import type { Highlighter } from '../../../src/highlight/types';
import {
  categoryOf,
  installFakeIntersectionObserver,
  installFakes,
  rangeText,
  spyMatcher,
  startTestHighlighter,
  TERMS,
} from './fakes';

let registry: ReturnType<typeof installFakes>;
let controller: AbortController;
beforeEach(() => {
  registry = installFakes();
  controller = new AbortController();
  document.body.innerHTML = '';
});
afterEach(() => controller.abort());

async function start(html: string, painter: 'css' | 'dom' = 'css') {
  document.body.innerHTML = html;
  const matcher = spyMatcher(TERMS);
  const h = startHighlighter({
    root: document,
    matcher,
    categoryOf,
    signal: controller.signal,
    painter,
  });
  await h.idle();
  matcher.calls.length = 0;
  return { h, matcher };
}

const texts = (h: Highlighter) => h.occurrences().map((o) => rangeText(o.range));
const painted = () =>
  [...registry.entries()]
    .filter(([name]) => !/flash|active/.test(name))
    .reduce((n, [, hl]) => n + hl.size, 0);

describe('mutations', () => {
  it('scans added paragraphs once, without rescanning the page', async () => {
    const { h, matcher } = await start('<main id="m"><p>NATO one</p><p>nothing</p></main>');
    const p = document.createElement('p');
    p.innerHTML = 'new <em>intelligence</em> sharing';
    document.getElementById('m')?.append(p);
    await h.idle();
    expect(texts(h)).toEqual(['NATO', 'intelligence sharing']);
    expect(matcher.calls).toEqual(['new intelligence sharing']);
    expect(painted()).toBe(2);
  });

  it('keeps reading order when content is inserted before, between and removed', async () => {
    const { h } = await start('<main id="m"><p id="b">intelligence sharing</p></main>');
    const m = document.getElementById('m') as HTMLElement;
    m.prepend(Object.assign(document.createElement('p'), { textContent: 'NATO first' }));
    m.append(Object.assign(document.createElement('p'), { textContent: 'defence cooperation' }));
    await h.idle();
    expect(h.occurrences().map((o) => o.text)).toEqual([
      'NATO',
      'intelligence sharing',
      'defence cooperation',
    ]);
    const mid = Object.assign(document.createElement('p'), { textContent: 'NATO again' });
    document.getElementById('b')?.after(mid);
    document.getElementById('b')?.remove();
    await h.idle();
    expect(h.occurrences().map((o) => o.text)).toEqual(['NATO', 'NATO', 'defence cooperation']);
  });

  it('keeps reading order over many scattered insertions (merge, not re-sort)', async () => {
    const html = Array.from({ length: 60 }, (_, i) => `<p data-n="${i * 10}">NATO ${i * 10}</p>`);
    const { h } = await start(`<main id="m">${html.join('')}</main>`);
    const m = document.getElementById('m') as HTMLElement;
    // Insert out of order, in one pass: after paragraphs 55, 3, 30, 0 and 59, plus one at the top.
    for (const at of [55, 3, 30, 0, 59, -1]) {
      const p = document.createElement('p');
      const n = at < 0 ? -5 : at * 10 + 5;
      p.dataset.n = String(n);
      p.textContent = `NATO ${n}`;
      if (at < 0) m.prepend(p);
      else m.children[at + (at > 3 ? 1 : 0)]?.after(p);
    }
    await h.idle();
    const got = h.occurrences().map((o) => Number(o.block.getAttribute('data-n')));
    const dom = [...m.children].map((p) => Number(p.getAttribute('data-n')));
    expect(got).toEqual(dom);
    expect(got).toHaveLength(66);
  });

  it('drops occurrences of removed nodes and removed text', async () => {
    const { h } = await start('<p id="a">NATO</p><p id="b">x <b id="t">NATO</b> y</p>');
    document.getElementById('a')?.remove();
    await h.idle();
    expect(texts(h)).toEqual(['NATO']);
    document.getElementById('t')?.firstChild?.remove();
    await h.idle();
    expect(texts(h)).toEqual([]);
    expect(painted()).toBe(0);
  });

  it('edited text re-scans only its own block', async () => {
    const { h, matcher } = await start(
      '<div><p>NATO</p><p id="e">plain text</p><p>defence cooperation</p></div>',
    );
    const t = document.getElementById('e')?.firstChild as Text;
    t.data = 'plain NATO text';
    await h.idle();
    expect(matcher.calls).toEqual(['plain NATO text']);
    expect(texts(h)).toEqual(['NATO', 'NATO', 'defence cooperation']);
    t.data = 'gone';
    await h.idle();
    expect(texts(h)).toEqual(['NATO', 'defence cooperation']);
    expect(painted()).toBe(2);
  });

  it('keeps up with infinite scroll: batches of appended paragraphs, each scanned once', async () => {
    const io = installFakeIntersectionObserver();
    const { h, matcher } = await start('<div id="feed"></div>');
    const feed = document.getElementById('feed') as HTMLElement;
    for (let batch = 0; batch < 20; batch++) {
      const frag = document.createDocumentFragment();
      for (let i = 0; i < 100; i++) {
        const p = document.createElement('p');
        p.textContent = `Item ${batch}-${i}: NATO and shared intelligence.`;
        frag.append(p);
      }
      feed.append(frag);
      await new Promise((r) => setTimeout(r, 0));
    }
    await h.idle();
    expect(h.occurrences()).toHaveLength(4000);
    expect(matcher.calls).toHaveLength(2000);
    // Past WINDOW_THRESHOLD ranges, only blocks near the viewport keep theirs registered.
    expect(painted()).toBeLessThanOrEqual(WINDOW_THRESHOLD + 200);
    const near = new Set([...feed.children].slice(1000, 1010));
    io.report((el) => near.has(el));
    expect(painted()).toBe(20);
    io.report(() => true);
    expect(painted()).toBe(4000);
    // Removed blocks drop their ranges whether registered or not.
    feed.replaceChildren();
    await h.idle();
    expect(painted()).toBe(0);
    expect(h.occurrences()).toHaveLength(0);
  });

  it('handles single-page-app navigation (body content replaced)', async () => {
    const { h } = await start('<div id="app"><p>NATO</p></div>');
    const newBody = document.createElement('body');
    newBody.innerHTML = '<div><p>defence cooperation</p></div>';
    document.documentElement.replaceChild(newBody, document.body);
    await h.idle();
    expect(texts(h)).toEqual(['defence cooperation']);
    expect(painted()).toBe(1);
  });

  it('ignores mutations inside the extension UI and skipped contexts', async () => {
    const { h, matcher } = await start('<p>x</p><pre id="pre"></pre>');
    const host = document.createElement('termlight-popover');
    host.setAttribute('data-termlight-ui', '');
    host.innerHTML = '<p>NATO</p>';
    document.body.append(host);
    await h.idle();
    host.querySelector('p')?.append(' more NATO');
    (document.getElementById('pre') as HTMLElement).textContent = 'NATO';
    await h.idle();
    expect(matcher.calls).toEqual([]);
    expect(h.occurrences()).toEqual([]);
  });

  it('observes open shadow roots found during the scan', async () => {
    document.body.innerHTML = '<div id="host"></div>';
    const sr = (document.getElementById('host') as HTMLElement).attachShadow({ mode: 'open' });
    sr.innerHTML = '<p>NATO</p>';
    const h = await startTestHighlighter(controller.signal);
    expect(texts(h)).toEqual(['NATO']);
    const p = document.createElement('p');
    p.textContent = 'intelligence sharing';
    sr.append(p);
    await h.idle();
    expect(texts(h)).toEqual(['NATO', 'intelligence sharing']);
  });

  it('stops observing on abort', async () => {
    const { h, matcher } = await start('<p>NATO</p>');
    controller.abort();
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'NATO' }));
    await new Promise((r) => setTimeout(r, 10));
    await h.idle();
    expect(matcher.calls).toEqual([]);
    expect(registry.size).toBe(0);
  });
});

describe('mutations with the DOM painter', () => {
  it('ignores its own marks, re-wraps edited blocks and still restores the page', async () => {
    installFakes({ css: false });
    const { h, matcher } = await start(
      '<div id="d"><p id="a">NATO and NATO</p><p>defence cooperation</p></div>',
      'dom',
    );
    expect(matcher.calls).toEqual([]); // painting the marks caused no rescan
    const a = document.getElementById('a') as HTMLElement;
    // The page edits text inside one of our marks (as a framework re-render might).
    const firstMark = a.querySelector('mark') as HTMLElement;
    (firstMark.firstChild as Text).data = 'intelligence sharing';
    await h.idle();
    expect(matcher.calls).toEqual(['intelligence sharing and NATO']);
    expect(texts(h)).toEqual(['intelligence sharing', 'NATO', 'defence cooperation']);
    const p = document.createElement('p');
    p.textContent = 'More NATO.';
    document.getElementById('d')?.append(p);
    await h.idle();
    expect(document.querySelectorAll('mark[data-termlight]')).toHaveLength(4);
    controller.abort();
    expect(document.body.innerHTML).toBe(
      '<div id="d"><p id="a">intelligence sharing and NATO</p><p>defence cooperation</p><p>More NATO.</p></div>',
    );
    expect(a.childNodes).toHaveLength(1);
  });
});

describe('reading order is made only when asked', () => {
  it('a pass reports a change without sorting; counts need no sort; occurrences() sorts', async () => {
    document.body.innerHTML =
      '<main><p>NATO one</p><p>intelligence sharing and NATO</p><p>NATO again</p></main>';
    let changes = 0;
    const compare = Node.prototype.compareDocumentPosition;
    let compared = 0;
    Node.prototype.compareDocumentPosition = function (this: Node, other: Node) {
      compared++;
      return compare.call(this, other);
    };
    try {
      const h = startHighlighter({
        root: document,
        matcher: spyMatcher(TERMS),
        categoryOf,
        signal: controller.signal,
        onChange: () => changes++,
      });
      await h.idle();
      expect(changes).toBeGreaterThan(0);
      const counts = h.counts();
      expect(compared).toBe(0);
      const ordered = h.occurrences();
      expect(compared).toBeGreaterThan(0);
      const byId = new Map<string, number>();
      for (const o of ordered) byId.set(o.id, (byId.get(o.id) ?? 0) + 1);
      expect(counts).toEqual(byId);
      expect(ordered.map((o) => rangeText(o.range))).toEqual([
        'NATO',
        'intelligence sharing',
        'NATO',
        'NATO',
      ]);
    } finally {
      Node.prototype.compareDocumentPosition = compare;
    }
  });
});

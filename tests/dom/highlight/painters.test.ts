import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { FoundOccurrence } from '../../../src/highlight/occurrence';
import { createCssPainter } from '../../../src/highlight/painter-css';
import { WINDOW_THRESHOLD } from '../../../src/highlight/range-window';
import type { Occurrence } from '../../../src/highlight/types';
import {
  categoryOf,
  installFakeIntersectionObserver,
  installFakes,
  rangeText,
  startTestHighlighter,
} from './fakes';

let registry: ReturnType<typeof installFakes>;
beforeEach(() => {
  registry = installFakes();
  document.body.innerHTML = '';
});

/** The node structure (including Text node boundaries), stricter than outerHTML. */
function shape(n: Node): string {
  if (n.nodeType === 3) return `#${JSON.stringify((n as Text).data)}`;
  return `<${n.nodeName}>${[...n.childNodes].map(shape).join('')}</>`;
}

/** The occurrence of "NATO" that starts `block`'s text. */
function natoIn(block: Element): Occurrence {
  const text = block.firstChild as Text;
  const range = new StaticRange({
    startContainer: text,
    startOffset: 0,
    endContainer: text,
    endOffset: 4,
  });
  return { id: 'nato', range, block, text: 'NATO' };
}

describe('CSS painter', () => {
  it('registers one highlight per category plus flash/active, and removes them on abort', async () => {
    registry.set(
      'page-own',
      new (globalThis as never as { Highlight: new () => never }).Highlight(),
    );
    document.body.innerHTML =
      '<p>NATO and intelligence <em>sharing</em>.</p><p>A defense cooperation agreement.</p>';
    const before = document.documentElement.outerHTML;
    const sheetsBefore = document.adoptedStyleSheets.length;
    const controller = new AbortController();
    const h = await startTestHighlighter(controller.signal);
    const names = [...registry.keys()].filter((n) => n.startsWith('termlight-')).sort();
    expect(names).toEqual([
      'termlight-active',
      'termlight-agreement',
      'termlight-capability',
      'termlight-cooperation',
      'termlight-flash',
      'termlight-operation',
      'termlight-organisation',
      'termlight-strategy',
    ]);
    expect([...(registry.get('termlight-organisation') ?? [])].map(rangeText)).toEqual(['NATO']);
    expect([...(registry.get('termlight-cooperation') ?? [])].map(rangeText)).toEqual([
      'intelligence sharing',
    ]);
    expect([...(registry.get('termlight-agreement') ?? [])].map(rangeText)).toEqual([
      'defense cooperation agreement',
    ]);
    expect(h.occurrences().map((o) => o.text)).toEqual([
      'NATO',
      'intelligence sharing',
      'defense cooperation agreement',
    ]);
    expect(document.documentElement.outerHTML).toBe(before);
    // Default styles ship as manifest CSS: no adopted sheet (its style recalc costs 60-90 ms).
    expect(document.adoptedStyleSheets.length).toBe(sheetsBefore);

    controller.abort();
    expect([...registry.keys()]).toEqual(['page-own']);
    expect(document.adoptedStyleSheets.length).toBe(sheetsBefore);
    expect(h.occurrences()).toEqual([]);
  });

  it('adopts a sheet only for custom colours, and switches style by highlight names', async () => {
    document.body.innerHTML = '<p>NATO and a defense cooperation agreement.</p>';
    const sheetsBefore = document.adoptedStyleSheets.length;
    const controller = new AbortController();
    const h = await startTestHighlighter(controller.signal);
    const organisation = registry.get('termlight-organisation');
    h.setStyle('underline');
    expect(document.adoptedStyleSheets.length).toBe(sheetsBefore);
    expect(registry.has('termlight-organisation')).toBe(false);
    expect(registry.get('termlight-u-organisation')).toBe(organisation);
    expect([...(registry.get('termlight-u-agreement') ?? [])].map(rangeText)).toEqual([
      'defense cooperation agreement',
    ]);
    h.setStyle('underline', { agreement: '#123456' });
    expect(document.adoptedStyleSheets.length).toBe(sheetsBefore + 1);
    const css = [...(document.adoptedStyleSheets.at(-1)?.cssRules ?? [])].map((r) => r.cssText);
    expect(css.join('\n')).toContain('#123456');
    expect(css.join('\n')).not.toContain('termlight-strategy');
    h.setStyle('background', {});
    expect(document.adoptedStyleSheets.length).toBe(sheetsBefore);
    expect(registry.get('termlight-organisation')).toBe(organisation);
    expect(registry.has('termlight-u-organisation')).toBe(false);
    controller.abort();
    expect([...registry.keys()].filter((n) => n.startsWith('termlight-'))).toEqual([]);
  });

  it('holds what it is given until release: removed ones never show, windowing waits', () => {
    const io = installFakeIntersectionObserver();
    const count = WINDOW_THRESHOLD + 500;
    document.body.innerHTML = '<p>NATO</p>'.repeat(count);
    const blocks = [...document.querySelectorAll('p')];
    const all = blocks.map(natoIn);
    const painted = () => registry.get('termlight-organisation')?.size ?? 0;
    const painter = createCssPainter(document, categoryOf);
    painter.add(all.slice(0, 10)); // the viewport, shown at once
    expect(painted()).toBe(10);
    painter.hold?.();
    for (const o of all.slice(10)) painter.add([o]);
    painter.remove(all.slice(10, 20));
    // Nothing more registered while held, and no observer started (its first run is costly).
    expect(painted()).toBe(10);
    expect(io.live.size).toBe(0);
    painter.release?.();
    // Past the threshold: the blocks shown before stay, the rest wait for the observer.
    expect(io.live.size).toBe(1);
    expect(painted()).toBe(10);
    const near = new Set<Element>(blocks.slice(15, 40));
    io.report((el) => near.has(el));
    // Blocks 15-19 lost their occurrences while held: 20 of the 25 near blocks show theirs.
    expect(painted()).toBe(20);
    painter.dispose();
  });

  it('makes a range only for the occurrences it shows (windowing leaves the rest unmade)', () => {
    const io = installFakeIntersectionObserver();
    const count = WINDOW_THRESHOLD + 500;
    document.body.innerHTML = '<p>NATO</p>'.repeat(count);
    const blocks = [...document.querySelectorAll('p')];
    const all = blocks.map((p) => {
      const t = p.firstChild as Text;
      return new FoundOccurrence('nato', p, 'NATO', t, 0, t, 4);
    });
    const made = () => all.filter((o) => o.madeRange !== null).length;
    const painter = createCssPainter(document, categoryOf);
    painter.hold?.();
    painter.add(all);
    painter.release?.();
    expect(made()).toBe(0);
    io.report((el) => blocks.indexOf(el as HTMLParagraphElement) < 30);
    expect(made()).toBe(30);
    expect(registry.get('termlight-organisation')?.size).toBe(30);
    // Removing (or scrolling away from) occurrences never shown makes no range for them either.
    painter.remove(all.slice(20));
    expect(made()).toBe(30);
    expect(registry.get('termlight-organisation')?.size).toBe(20);
    painter.dispose();
  });

  it('releases everything at once below the windowing threshold', () => {
    document.body.innerHTML = '<p>NATO</p><p>NATO</p>';
    const painter = createCssPainter(document, categoryOf);
    painter.hold?.();
    painter.add([...document.querySelectorAll('p')].map(natoIn));
    expect(registry.get('termlight-organisation')?.size).toBe(0);
    painter.release?.();
    expect(registry.get('termlight-organisation')?.size).toBe(2);
    painter.dispose();
  });

  it('flash adds to termlight-flash and clears after a while', async () => {
    document.body.innerHTML = '<p>NATO</p>';
    const controller = new AbortController();
    const h = await startTestHighlighter(controller.signal);
    const [o] = h.occurrences();
    if (!o) throw new Error('no occurrence');
    h.flash(o);
    expect(registry.get('termlight-flash')?.size).toBe(1);
    h.setActive(o);
    expect(registry.get('termlight-active')?.size).toBe(1);
    controller.abort();
    expect(registry.size).toBe(0);
  });
});

describe('DOM painter', () => {
  it('switches style with a class on its marks; custom colours only add a sheet', async () => {
    document.body.innerHTML = '<p>NATO and a defense cooperation agreement.</p>';
    const sheetsBefore = document.adoptedStyleSheets.length;
    const controller = new AbortController();
    const h = await startTestHighlighter(controller.signal, { painter: 'dom', style: 'underline' });
    const marks = () => [...document.querySelectorAll('mark.termlight')];
    expect(marks().length).toBe(2);
    expect(marks().every((m) => m.classList.contains('termlight-u'))).toBe(true);
    expect(document.adoptedStyleSheets.length).toBe(sheetsBefore);
    h.setStyle('background', { organisation: '#abcdef' });
    expect(marks().some((m) => m.classList.contains('termlight-u'))).toBe(false);
    expect(document.adoptedStyleSheets.length).toBe(sheetsBefore + 1);
    controller.abort();
    expect(marks()).toEqual([]);
    expect(document.adoptedStyleSheets.length).toBe(sheetsBefore);
  });

  it('wraps matches in marks and restores the page exactly on abort', async () => {
    installFakes({ css: false });
    document.body.innerHTML =
      '<p>NATO, NATO and intelligence <em>sharing</em> <a href="#">bilateral</a> defence agreement.</p>';
    const before = shape(document.body);
    const html = document.body.innerHTML;
    const controller = new AbortController();
    const h = await startTestHighlighter(controller.signal, { painter: undefined });
    const marks = [...document.querySelectorAll('mark[data-termlight]')];
    expect(marks.map((m) => m.textContent)).toEqual([
      'NATO',
      'NATO',
      'intelligence ',
      'sharing',
      'bilateral',
      ' defence agreement',
    ]);
    expect(marks[0]?.className).toBe('termlight termlight-organisation');
    expect(h.occurrences().map((o) => [o.id, rangeText(o.range)])).toEqual([
      ['nato', 'NATO'],
      ['nato', 'NATO'],
      ['intelligence-sharing', 'intelligence sharing'],
      ['bilateral-defense-agreement', 'bilateral defence agreement'],
    ]);
    expect(h.occurrenceFor(marks[3] as Element)?.id).toBe('intelligence-sharing');
    controller.abort();
    expect(document.body.innerHTML).toBe(html);
    expect(shape(document.body)).toBe(before);
  });

  it('wrap then unwrap is an identity on random fixtures (property)', async () => {
    installFakes({ css: false });
    const word = fc.constantFrom(
      'NATO',
      'intelligence',
      'sharing',
      'defence',
      'defense',
      'cooperation',
      'agreement',
      'bilateral',
      'the',
      'and',
      ' ',
      ', ',
      'NATO’s',
    );
    const leaf = fc.array(word, { minLength: 1, maxLength: 6 }).map((ws) => ws.join(' '));
    const node: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        fc
          .tuple(
            fc.constantFrom('p', 'em', 'span', 'b', 'a', 'div', 'li', 'code'),
            fc.array(tie('node'), { minLength: 0, maxLength: 4 }),
          )
          .map(([tag, kids]) => `<${tag}>${kids.join('')}</${tag}>`),
        fc.constant('<br>'),
      ),
    })).node;
    await fc.assert(
      fc.asyncProperty(fc.array(node, { minLength: 1, maxLength: 5 }), async (parts) => {
        document.body.innerHTML = parts.join('');
        const html = document.body.outerHTML;
        const before = shape(document.body);
        const controller = new AbortController();
        const _h = await startTestHighlighter(controller.signal, { painter: 'dom' });
        // Painting must not change the text a reader sees.
        expect(document.body.textContent).toBe(
          (() => {
            const d = document.createElement('body');
            d.innerHTML = parts.join('');
            return d.textContent;
          })(),
        );
        controller.abort();
        expect(document.body.outerHTML).toBe(html);
        expect(shape(document.body)).toBe(before);
      }),
      { numRuns: 150 },
    );
  });
});

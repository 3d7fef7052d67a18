import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installFakes, startTestHighlighter } from './fakes';

let registry: ReturnType<typeof installFakes>;
let controller: AbortController;
// Loosely typed: tests install and remove caret APIs that happy-dom lacks.
const doc = document as unknown as Record<string, unknown>;
beforeEach(() => {
  registry = installFakes();
  controller = new AbortController();
});
afterEach(() => {
  controller.abort();
  delete doc.caretPositionFromPoint;
  delete doc.caretRangeFromPoint;
});

async function setup() {
  document.body.innerHTML = '<p id="p">See NATO here and NATO there.</p>';
  const h = await startTestHighlighter(controller.signal);
  const text = document.getElementById('p')?.firstChild as Text;
  // Fake layout: character i occupies x in [10i, 10i + 10), y in [0, 20).
  vi.spyOn(Range.prototype, 'getClientRects').mockImplementation(function (this: Range) {
    const left = this.startOffset * 10;
    const right = this.endOffset * 10;
    return [{ left, right, top: 0, bottom: 20 }] as unknown as DOMRectList;
  });
  return { h, text };
}

describe('hit-test', () => {
  it('uses the caret position and the range rectangles (caretPositionFromPoint)', async () => {
    const { h, text } = await setup();
    doc.caretPositionFromPoint = (x: number) => ({ offsetNode: text, offset: Math.round(x / 10) });
    expect(h.occurrenceAt(45, 10)?.range.startOffset).toBe(4); // first "NATO" at 4..8
    expect(h.occurrenceAt(185, 10)?.range.startOffset).toBe(18); // second at 18..22
    expect(h.occurrenceAt(25, 10)).toBeNull(); // "e" of "See"
    expect(h.occurrenceAt(45, 50)).toBeNull(); // below the line: caret snaps, rects decide
  });

  it('falls back to caretRangeFromPoint', async () => {
    const { h, text } = await setup();
    doc.caretRangeFromPoint = (x: number) => {
      const r = document.createRange();
      r.setStart(text, Math.round(x / 10));
      return r;
    };
    expect(h.occurrenceAt(60, 5)?.text).toBe('NATO');
  });

  it('prefers highlightsFromPoint when it returns ranges', async () => {
    const { h } = await setup();
    const second = h.occurrences()[1];
    const hl = registry.get('termlight-organisation');
    Object.assign(registry, {
      highlightsFromPoint: () => [{ highlight: hl, ranges: [second?.range] }],
    });
    doc.caretPositionFromPoint = () => {
      throw new Error('caret path must not be used');
    };
    expect(h.occurrenceAt(1, 1)).toBe(second);
  });

  it('returns null when there is no caret API and nothing else to go on', async () => {
    const { h } = await setup();
    expect(h.occurrenceAt(45, 10)).toBeNull();
  });

  it('occurrenceFor maps Text nodes and elements to their occurrence', async () => {
    const { h, text } = await setup();
    expect(h.occurrenceFor(text)?.text).toBe('NATO');
    expect(h.occurrenceFor(document.getElementById('p') as HTMLElement)?.range.startOffset).toBe(4);
  });
});

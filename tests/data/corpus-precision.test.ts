// @vitest-environment happy-dom
// Highlights on the saved real pages of ../shared/corpus (read in place), through the same
// gating simulation as recall-precision.test.ts: pages about other subjects get none, and the
// figures for every page are printed for the README.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { glossary } from '../../src/glossary/glossary';
import { GatingSimulator } from './gating';

const CORPUS = resolve(process.cwd(), '../shared/corpus');
/** Pages with no defence subject: a film office, a French and an Arabic general news page. */
const ORDINARY = [
  'trafilatura--eval__regiolanda.de.filmbuero.html',
  'readability--lemonde-1.html',
  'trafilatura--eval__assabah.com.tn.article.html',
];
/** Pages that mention defence in passing or at length: reported, not judged. */
const OTHERS = [
  'readability--wikipedia-2.html',
  'readability--yahoo-2.html',
  'aebench--7916ecca969ffdd8.html',
];
const BLOCKS = 'p,li,h1,h2,h3,h4,h5,h6,td,th,dd,dt,figcaption,blockquote,caption';
const sim = new GatingSimulator(glossary.entries);

/** The page's title and the text of its innermost blocks (script and style left out). */
function readPage(file: string) {
  const html = readFileSync(resolve(CORPUS, file), 'utf8');
  const doc = new DOMParser().parseFromString(
    html.replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ''),
    'text/html',
  );
  const blocks: string[] = [];
  for (const el of doc.querySelectorAll(BLOCKS)) {
    if (el.querySelector(BLOCKS)) continue;
    const text = (el.textContent ?? '').trim();
    if (text) blocks.push(text);
  }
  return { title: doc.title, blocks };
}

function measure(file: string) {
  const page = readPage(file);
  const chars = page.blocks.reduce((n, b) => n + b.length, 0);
  const shown = sim.page(page).shown.flat();
  const per10k = (shown.length * 10_000) / chars;
  console.log(
    `${file}: ${shown.length} highlight(s) in ${chars} chars (${per10k.toFixed(2)} per 10k)` +
      (shown.length ? `: ${[...new Set(shown.map((o) => o.text))].join(' | ')}` : ''),
  );
  return { chars, shown, per10k };
}

describe.skipIf(!existsSync(CORPUS))('precision on the saved corpus pages', () => {
  it.each(ORDINARY)('%s: no highlight on a page about something else', (file) => {
    const { chars, shown } = measure(file);
    expect(chars).toBeGreaterThan(3000);
    expect(shown).toEqual([]);
  });

  it.each(OTHERS)(
    '%s: a few highlights where defence comes up (figures for the README)',
    (file) => {
      // Loose on purpose: a flood (a common word turned into a term) fails, a new entry does not.
      const { chars, per10k } = measure(file);
      expect(chars).toBeGreaterThan(3000);
      expect(per10k).toBeLessThan(10);
    },
  );
});

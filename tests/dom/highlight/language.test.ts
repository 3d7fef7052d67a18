import { describe, expect, it } from 'vitest';
import { createLanguageReader } from '../../../src/highlight/language';
import type { Segment } from '../../../src/highlight/segment';
import { bitOf } from '../../../src/matcher/lang/languages';

/** A segment of `block` holding `text` (the reader looks at nothing else). */
const seg = (block: Element, text: string) => ({ block, text }) as unknown as Segment;

function page(html: string): Document {
  document.documentElement.setAttribute('lang', 'en');
  document.title = 'Defence news';
  document.body.innerHTML = html;
  return document;
}

describe('createLanguageReader', () => {
  it('reads a short text in the nearest declared language, else the page’s', () => {
    const doc = page(
      '<div lang="fr"><section><p id="fr">OTAN</p></section></div><p id="en">NATO</p>',
    );
    const read = createLanguageReader(doc);
    expect(read(seg(doc.getElementById('fr') as Element, 'OTAN'))).toBe(bitOf('fr'));
    expect(read(seg(doc.getElementById('en') as Element, 'NATO'))).toBe(bitOf('en'));
  });

  it('crosses shadow boundaries to the host’s language', () => {
    const doc = page('<div lang="tr"><span id="host"></span></div>');
    const root = (doc.getElementById('host') as Element).attachShadow({ mode: 'open' });
    root.innerHTML = '<p>NATO</p>';
    const read = createLanguageReader(doc);
    expect(read(seg(root.querySelector('p') as Element, 'NATO'))).toBe(bitOf('tr'));
  });

  it('sees a language the page changes after the task that read it', async () => {
    const doc = page('<main id="main" lang="en"><p id="a">NATO</p><p id="b">NATO</p></main>');
    const read = createLanguageReader(doc);
    const p = (id: string) => doc.getElementById(id) as Element;
    expect(read(seg(p('a'), 'NATO'))).toBe(bitOf('en'));
    p('main').setAttribute('lang', 'ms');
    await new Promise((r) => setTimeout(r, 0));
    expect(read(seg(p('b'), 'NATO'))).toBe(bitOf('ms'));
    expect(read(seg(p('a'), 'NATO'))).toBe(bitOf('ms'));
  });
});

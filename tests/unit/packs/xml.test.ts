/**
 * The XML adapter against happy-dom's DOMParser (what unit tests run) and against documents
 * shaped exactly as Chromium and Firefox return them for a parse error (fixtures copied from the
 * real browsers), since happy-dom imitates only Chromium's shape.
 */
import { describe, expect, it } from 'vitest';
import { childElements, escapeXml, langOf, parseXml, xmlParseError } from '../../../src/packs/xml';
import chromium from '../../fixtures/packs/parsererror-chromium.xml?raw';
import chromiumNotXml from '../../fixtures/packs/parsererror-chromium-not-xml.xml?raw';
import firefox from '../../fixtures/packs/parsererror-firefox.xml?raw';

const happyDom = (text: string) => new DOMParser().parseFromString(text, 'application/xml');

describe('parseXml with happy-dom', () => {
  it('reads namespaced elements by local name, and xml:lang', () => {
    const parsed = parseXml(
      '<tbx xmlns="urn:iso:std:iso:30042:ed-2" xmlns:b="urn:b"><b:x xml:lang="fr">a &amp; b &lt;c&gt;</b:x></tbx>',
    );
    if (!parsed.ok) throw new Error('expected XML');
    const [x] = childElements(parsed.root, 'x');
    expect(x?.textContent).toBe('a & b <c>');
    expect(langOf(x as Element)).toBe('fr');
  });

  it('reads decoded text whatever encoding its declaration names, after a BOM', () => {
    expect(parseXml('\ufeff<?xml version="1.0" encoding="UTF-16"?><a/>').ok).toBe(true);
  });

  it.each([
    ['<a><b></a>', { line: 1, column: 11 }],
    // Chromium says column 17 for this one (see the fixture); the line is what matters.
    ['<tbx>\n  <text>\n    <body></text>\n</tbx>', { line: 3, column: 18 }],
    ['term,definition\nNATO,alliance', { line: 1, column: 1 }],
    ['<a></a><b/>', { line: 1, column: 8 }],
  ])('reports %j with its place', (text, place) => {
    const parsed = parseXml(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toMatchObject({ code: 'xml-syntax', ...place });
  });

  it('says so where there is no parser (an MV3 service worker)', () => {
    const parsed = parseXml('<a/>', null);
    expect(parsed.ok || parsed.problem.code).toBe('xml-syntax');
  });
});

describe('xmlParseError on real browsers’ documents', () => {
  it.each([
    [
      'Chromium',
      chromium,
      { line: 3, column: 17, message: 'Unexpected closing tag: text != body' },
    ],
    [
      'Chromium, not XML',
      chromiumNotXml,
      { line: 1, column: 1, message: 'Unexpected characters outside the root element: t' },
    ],
    ['Firefox', firefox, { line: 3, column: 13, message: 'mismatched tag. Expected: </body>.' }],
  ])('%s', (_name, serialized, expected) => {
    expect(xmlParseError(happyDom(serialized))).toEqual({ code: 'xml-syntax', ...expected });
  });

  it('ignores an element named parsererror in another namespace', () => {
    expect(xmlParseError(happyDom('<a xmlns="urn:x"><parsererror/></a>'))).toBeNull();
  });
});

describe('escapeXml', () => {
  it('escapes markup and the whitespace attribute values would fold', () => {
    expect(escapeXml('<a href="x">&</a>\t\n\r')).toBe(
      '&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;&#9;&#10;&#13;',
    );
  });
});

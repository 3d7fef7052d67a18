/**
 * A thin adapter over the platform XML parser, reading only what happy-dom (the unit tests'
 * DOM), Chromium and Firefox agree on. Measured differences, which this module designs around:
 *
 * - Parse errors: every engine returns a document holding a `<parsererror>` element rather than
 *   throwing, in engine-specific shapes. Chromium (and happy-dom, which imitates it) put it, in the
 *   XHTML namespace, inside the root ("error on line 3 at column 17: …"); Firefox returns it as
 *   the root, in its own namespace ("Line Number 3, Column 13:"). Both are read here; the tests
 *   hold verbatim Chromium and Firefox output (tests/fixtures/packs/parsererror-*.xml).
 * - happy-dom accepts undefined entities (`&nope;`) and rejects CDATA sections and internal DTD
 *   subsets, all unlike browsers; the TBX tests stay clear of those, and `toTbx` never writes them.
 * - happy-dom's `getElementsByTagNameNS('*', …)` finds nothing and `xml:lang` has no namespace
 *   there, so elements are found by walking `children` by `localName`, and the language is read
 *   with `getAttribute('xml:lang')`, which works in all three.
 *
 * With those kept out, the three agree: the TBX fixtures, and a pack full of markup, quotes,
 * `]]>` and RTL text written by `toTbx`, parse to identical packs in happy-dom, Chromium 156
 * and Firefox ESR 153 (checked by running this module in both browsers).
 *
 * DOMParser exists in pages (the options page) but not in an MV3 service worker: parse TBX
 * where a document is, or pass a parser in.
 */
import type { ImportProblem } from './problems';

export type XmlParse = (text: string) => Document;

/** Where the engines put their `<parsererror>`: XHTML (Chromium, WebKit, happy-dom), Firefox's own. */
const ERROR_NAMESPACES: ReadonlySet<string | null> = new Set([
  'http://www.w3.org/1999/xhtml',
  'http://www.mozilla.org/newlayout/xml/parsererror.xml',
]);

/** The platform's parser, or null where there is none (a service worker). */
export function platformXmlParser(): XmlParse | null {
  if (typeof DOMParser !== 'function') return null;
  const parser = new DOMParser();
  return (text) => parser.parseFromString(text, 'application/xml');
}

function errorElement(doc: Document): Element | null {
  const root = doc.documentElement;
  if (root?.localName === 'parsererror' && ERROR_NAMESPACES.has(root.namespaceURI)) return root;
  for (const el of Array.from(doc.getElementsByTagName('parsererror'))) {
    if (ERROR_NAMESPACES.has(el.namespaceURI)) return el;
  }
  return null;
}

/** The parse error a document reports, with line and column when the engine gives them. */
export function xmlParseError(doc: Document): ImportProblem | null {
  const el = errorElement(doc);
  if (el === null) return null;
  const text = el.textContent ?? '';
  const firefox = /Line Number (\d+), Column (\d+)/.exec(text);
  const chromium = /line (\d+) at column (\d+):\s*([^\n]*)/.exec(text);
  const found = firefox ?? chromium;
  let reason = 'the file is not well-formed XML';
  if (firefox) reason = /XML Parsing Error:\s*([^\n]*)/.exec(text)?.[1] ?? reason;
  else if (chromium) reason = (chromium[3] as string).replace(/Below is a rendering.*$/, '');
  return {
    code: 'xml-syntax',
    message: reason.trim() || 'the file is not well-formed XML',
    ...(found && { line: Number(found[1]), column: Number(found[2]) }),
  };
}

/** Parses XML text (already decoded: an `encoding` in its declaration is ignored by all three). */
export function parseXml(
  text: string,
  parse: XmlParse | null = platformXmlParser(),
): { ok: true; root: Element } | { ok: false; problem: ImportProblem } {
  if (parse === null) {
    return {
      ok: false,
      problem: { code: 'xml-syntax', message: 'no XML parser here: read TBX in an extension page' },
    };
  }
  const doc = parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const problem = xmlParseError(doc);
  if (problem !== null) return { ok: false, problem };
  return { ok: true, root: doc.documentElement };
}

/** Child elements whose local name is one of `names` (any namespace), in document order. */
export function childElements(el: Element, ...names: string[]): Element[] {
  return Array.from(el.children).filter((child) => names.includes(child.localName));
}

export function firstChild(el: Element, ...names: string[]): Element | undefined {
  return childElements(el, ...names)[0];
}

/** The element's own `xml:lang` (or the older bare `lang`), if any. */
export function langOf(el: Element): string | null {
  return el.getAttribute('xml:lang') ?? el.getAttribute('lang');
}

/** Text for element content and attribute values alike. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"\t\n\r]/g, (c) => ESCAPES[c] as string);
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

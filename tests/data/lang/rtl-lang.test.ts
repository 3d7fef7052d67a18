// @vitest-environment node
// Checks the Arabic, Persian and Urdu language data against the glossary, the example sentences
// and the HTML fixtures, using the reference model of the matcher rules in rtl-model.ts.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { beforeAll, describe, expect, it } from 'vitest';
import { glossary, surfaceForms } from '../../../src/glossary/glossary';
import { compileMatcher } from '../../../src/matcher';
import {
  type CompiledForm,
  candidates,
  compileFile,
  compileForm,
  crossings,
  type LangFile,
  type ModelOptions,
  type RtlLang,
  scan,
  surface,
} from './rtl-model';

const LANGS: RtlLang[] = ['ar', 'fa', 'ur'];

/** Ids being added to the English glossary on another branch; accepted before they land. */
const PENDING_IDS = ['military-exercise', 'defense-agreement'];

/** Concepts every language must cover with term, forms and definition. */
const REQUIRED = [
  'defense-cooperation',
  'military-collaboration',
  'intelligence-sharing',
  'counter-terrorism',
  'technology-transfer',
  'cybersecurity',
  'military-exercise',
  'military-training',
  'arms-sale',
  'defense-agreement',
  'bilateral-defense-agreement',
  'memorandum-of-understanding',
  'strategic-partnership',
  'regional-stability',
  'security-assistance',
  'peacekeeping',
  'nato',
  'gulf-cooperation-council',
  'organisation-of-islamic-cooperation',
  'islamic-military-counter-terrorism-coalition',
];

const ARTICLE_IDS = glossary.entries.filter((e) => e.source === 'article').map((e) => e.id);
const KNOWN_IDS = new Set([...glossary.entries.map((e) => e.id), ...PENDING_IDS]);

interface SentenceFile {
  lang: string;
  sentences: { text: string; expect: string[] }[];
  negatives: string[];
}

const read = (rel: string) =>
  readFileSync(fileURLToPath(new URL(`../../../${rel}`, import.meta.url)), 'utf8');

const data = Object.fromEntries(
  LANGS.map((l) => [l, JSON.parse(read(`data/lang/${l}.json`)) as LangFile]),
) as Record<RtlLang, LangFile>;
const sentences = Object.fromEntries(
  LANGS.map((l) => [l, JSON.parse(read(`tests/data/lang/${l}.sentences.json`)) as SentenceFile]),
) as Record<RtlLang, SentenceFile>;

const STRICT: ModelOptions = {};
const LENIENT: ModelOptions = { lenient: true };
const compiled = (lang: RtlLang, opts: ModelOptions) => compileFile(lang, data[lang], opts);

const ids = (ms: { id: string }[]) => [...new Set(ms.map((m) => m.id))].sort();

/** A definition's sentences: split after . ! ? ؟ or the Urdu full stop ۔ */
const sentenceCount = (s: string) =>
  s.split(/(?<=[.!?؟۔])\s+/u).filter((x) => x.trim() !== '').length;

describe.each(LANGS)('data/lang/%s.json', (lang) => {
  const file = data[lang];
  const entries = Object.entries(file.entries);

  it('has the fixed shape', () => {
    expect(file.version).toBe(1);
    expect(file.lang).toBe(lang);
    expect(sentences[lang].lang).toBe(lang);
    for (const [id, e] of entries) {
      expect(Object.keys(e).sort(), id).toEqual(['definition', 'forms', 'term']);
      expect(typeof e.term === 'string' && e.term.trim() !== '', id).toBe(true);
      expect(Array.isArray(e.forms), id).toBe(true);
      for (const f of e.forms) expect(typeof f === 'string' && f.trim() !== '', id).toBe(true);
      expect(e.term, id).toBe(e.term.trim());
    }
  });

  it('uses only glossary ids (or the two pending ones)', () => {
    for (const [id] of entries) expect(KNOWN_IDS.has(id), id).toBe(true);
  });

  it('covers the 30 article entries and the 20 required concepts', () => {
    expect(ARTICLE_IDS).toHaveLength(30);
    for (const id of [...ARTICLE_IDS, ...REQUIRED]) {
      expect(file.entries[id], id).toBeDefined();
    }
    for (const id of REQUIRED) expect(file.entries[id]?.forms.length, id).toBeGreaterThan(0);
  });

  it('gives every entry a definition of 1 to 3 sentences in its own script', () => {
    for (const [id, e] of entries) {
      const d = e.definition;
      expect(/[.۔]$/u.test(d), `${id}: ends with a full stop`).toBe(true);
      const n = sentenceCount(d);
      expect(n >= 1 && n <= 3, `${id}: ${n} sentences`).toBe(true);
      expect(/[\u0600-\u06ff]/u.test(d), id).toBe(true);
      expect(/[A-Za-z]/.test(d), `${id}: Latin letters in the definition`).toBe(false);
    }
  });

  it('lists no form twice and never gives one form to two entries', () => {
    const owner = new Map<string, string>();
    for (const [id, e] of entries) {
      for (const f of surface(e)) {
        const key = compileForm(lang, id, f, LENIENT)
          .words.map((w) => [...w][0])
          .join(' ');
        const prev = owner.get(key);
        expect(prev === undefined, `${f}: ${prev} and ${id}`).toBe(true);
        owner.set(key, id);
      }
    }
    // A form read as text must not be matched in full by a form of another entry (the
    // generated article, proclitics and suffixes could make two different spellings collide).
    const forms = compiled(lang, LENIENT);
    for (const [id, e] of entries) {
      for (const f of surface(e)) {
        for (const m of candidates(f, forms, LENIENT)) {
          if (m.start === 0 && m.end === f.length)
            expect(m.id, `${f} also read as ${m.form}`).toBe(id);
        }
      }
    }
  });

  it('has no single-word form (a single word is too generic)', () => {
    // Names, acronyms and words that only ever mean the concept.
    const allowed = new Set([
      'الناتو',
      'ناتو',
      'رزمایش',
      'تفاهم‌نامه',
      'صلح‌بان',
      'صلح‌بانان',
      'کلاه‌آبی',
      'ضدتروریسم',
      'ضدتروریستی',
      'نیٹو',
      'ڈیٹرنس',
      'ڈیٹرنٹ',
    ]);
    for (const [id, e] of entries) {
      for (const f of surface(e)) {
        if (f.trim().split(/\s+/).length === 1) expect(allowed.has(f), `${id}: ${f}`).toBe(true);
      }
    }
  });
});

describe.each(LANGS)('tests/data/lang/%s.sentences.json', (lang) => {
  const file = sentences[lang];
  const forms = compiled(lang, STRICT);

  it('has at least 50 sentences and 15 negatives, all distinct', () => {
    expect(file.sentences.length).toBeGreaterThanOrEqual(50);
    expect(file.negatives.length).toBeGreaterThanOrEqual(15);
    const texts = [...file.sentences.map((s) => s.text), ...file.negatives];
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('expect lists exactly the entries the rules find in each sentence', () => {
    for (const s of file.sentences) {
      for (const id of s.expect) expect(data[lang].entries[id], `${s.text}: ${id}`).toBeDefined();
      expect(ids(scan(s.text, forms, STRICT)), s.text).toEqual([...new Set(s.expect)].sort());
    }
  });

  it('reads the same under the lenient rules', () => {
    const lenient = compiled(lang, LENIENT);
    for (const s of file.sentences) {
      expect(ids(scan(s.text, lenient, LENIENT)), s.text).toEqual([...new Set(s.expect)].sort());
    }
  });

  it('has no sentence where two entries overlap without one containing the other', () => {
    for (const s of file.sentences) {
      const c = crossings(candidates(s.text, forms, STRICT));
      expect(
        c.map(([a, b]) => `${a.form} / ${b.form}`),
        s.text,
      ).toEqual([]);
    }
  });

  it('exercises every term and form in at least one sentence, and it survives overlaps', () => {
    const used = new Set<string>();
    for (const s of file.sentences) {
      for (const m of scan(s.text, forms, STRICT)) used.add(`${m.id}\u0000${m.form}`);
    }
    const missing = forms.filter((f) => !used.has(`${f.id}\u0000${f.form}`));
    expect(missing.map((f) => `${f.id}: ${f.form}`)).toEqual([]);
  });

  it('finds nothing in the negatives, with any of the three languages, strict or lenient', () => {
    const all: [RtlLang, ModelOptions, CompiledForm[]][] = LANGS.flatMap((l) => [
      [l, STRICT, compiled(l, STRICT)] as [RtlLang, ModelOptions, CompiledForm[]],
      [l, LENIENT, compiled(l, LENIENT)] as [RtlLang, ModelOptions, CompiledForm[]],
    ]);
    for (const n of file.negatives) {
      for (const [l, opts, fs] of all) {
        expect(
          scan(n, fs, opts).map((m) => `${l}: ${m.form}`),
          n,
        ).toEqual([]);
      }
    }
  });
});

// Fixtures --------------------------------------------------------------------------------------

const english = compileMatcher(glossary.entries.map((e) => ({ id: e.id, forms: surfaceForms(e) })));

/** `expected-ids[lang]: a b c` lines of the fixture's leading comment; `*` for the whole page. */
function expectedIds(html: string): Record<string, string[]> {
  const comment = /^\s*(?:<!doctype html>\s*)?<!--([\s\S]*?)-->/i.exec(html)?.[1] ?? '';
  const out: Record<string, string[]> = {};
  for (const m of comment.matchAll(/expected-ids(?:\[([a-z]+)\])?:([^\n]*)/g)) {
    out[m[1] ?? '*'] = (m[2] ?? '').trim().split(/\s+/).filter(Boolean);
  }
  return out;
}

const SKIP = new Set(['SCRIPT', 'STYLE', 'CODE', 'TEXTAREA', 'PRE', 'NOSCRIPT', 'TITLE', 'HEAD']);
const BLOCKS = new Set(
  'P H1 H2 H3 H4 LI UL OL DIV ARTICLE SECTION HEADER FOOTER MAIN ASIDE NAV FORM FIGURE FIGCAPTION BLOCKQUOTE TABLE TR TD TH'.split(
    ' ',
  ),
);

/** Text blocks of a document (inline elements joined), each with the nearest lang attribute. */
function blocks(doc: Document): { lang: string; text: string }[] {
  const out: { lang: string; text: string }[] = [];
  const walk = (el: Element, lang: string) => {
    const own = el.getAttribute('lang') ?? lang;
    let text = '';
    for (const node of [...el.childNodes]) {
      if (node.nodeType === 3) text += node.textContent ?? '';
      else if (node.nodeType === 1) {
        const child = node as Element;
        if (SKIP.has(child.tagName)) continue;
        if (BLOCKS.has(child.tagName)) walk(child, own);
        else text += inlineText(child);
      }
    }
    if (text.trim() !== '') out.push({ lang: own, text });
  };
  const inlineText = (el: Element): string =>
    [...el.childNodes]
      .map((n) =>
        n.nodeType === 3
          ? (n.textContent ?? '')
          : SKIP.has((n as Element).tagName)
            ? ' '
            : inlineText(n as Element),
      )
      .join('');
  walk(doc.body, doc.documentElement.getAttribute('lang') ?? '');
  return out;
}

const hasArabicScript = (s: string) => /[\u0600-\u06ff]/u.test(s);

interface FixtureCase {
  file: string;
  /** Language the matcher should read Arabic-script blocks in, when the markup says otherwise. */
  readAs?: RtlLang;
}

const FIXTURES: FixtureCase[] = [
  { file: 'ar.html' },
  { file: 'ar-negative.html' },
  { file: 'fa.html' },
  { file: 'ur.html' },
  { file: 'mixed.html' },
  { file: 'wrong-lang.html', readAs: 'ar' },
];

describe.each(FIXTURES)('tests/fixtures/lang/$file', ({ file, readAs }) => {
  let html = '';
  let doc: Document;
  let expected: Record<string, string[]> = {};
  beforeAll(() => {
    html = read(`tests/fixtures/lang/${file}`);
    doc = new new Window().DOMParser().parseFromString(html, 'text/html') as unknown as Document;
    expected = expectedIds(html);
  });

  it('declares its expected ids, and they are what the rules find', () => {
    expect(expected['*'], 'expected-ids line').toBeDefined();
    const found: Record<string, Set<string>> = {};
    for (const b of blocks(doc)) {
      const tag = b.lang.split('-')[0] ?? '';
      const lang = (
        LANGS.includes(tag as RtlLang) ? tag : hasArabicScript(b.text) ? readAs : undefined
      ) as RtlLang | undefined;
      const got = lang
        ? scan(b.text, compiled(lang, STRICT), STRICT).map((m) => m.id)
        : tag === 'en'
          ? english.scan(b.text).map((m) => m.id)
          : [];
      const key = lang ?? tag;
      found[key] ??= new Set();
      for (const id of got) found[key].add(id);
    }
    const union = new Set(Object.values(found).flatMap((s) => [...s]));
    const declaredElsewhere = Object.entries(expected)
      .filter(([k]) => k !== '*' && !LANGS.includes(k as RtlLang) && k !== 'en')
      .flatMap(([, v]) => v);
    expect([...new Set([...union, ...declaredElsewhere])].sort()).toEqual(
      [...new Set(expected['*'])].sort(),
    );
    for (const [k, v] of Object.entries(expected)) {
      if (k === '*' || !(LANGS.includes(k as RtlLang) || k === 'en')) continue;
      expect([...(found[k] ?? [])].sort(), k).toEqual([...v].sort());
    }
  });

  it('keeps a form inside <code> and <textarea> (which must stay unhighlighted)', () => {
    if (file.includes('negative')) return;
    if (file === 'mixed.html') return;
    const lang = readAs ?? (doc.documentElement.getAttribute('lang') as RtlLang);
    const fs = compiled(lang, STRICT);
    for (const sel of ['code', 'textarea']) {
      const el = doc.querySelector(sel);
      expect(el, sel).not.toBeNull();
      expect(scan(el?.textContent ?? '', fs, STRICT).length, sel).toBeGreaterThan(0);
    }
  });

  it('splits one term across an inline element', () => {
    if (file.includes('negative') || file === 'mixed.html' || file === 'wrong-lang.html') return;
    const lang = doc.documentElement.getAttribute('lang') as RtlLang;
    const fs = compiled(lang, STRICT);
    // A match in the paragraph that starts outside the inline element and ends inside it, or
    // the other way round: the term really straddles the element boundary.
    const straddles = [...doc.querySelectorAll('p > b, p > strong, p > em, p > a, p > span')].some(
      (el) => {
        const p = el.parentElement as Element;
        let offset = 0;
        for (const n of [...p.childNodes]) {
          if (n === el) break;
          offset += (n.textContent ?? '').length;
        }
        const end = offset + (el.textContent ?? '').length;
        return scan(p.textContent ?? '', fs, STRICT).some(
          (m) => m.start < end && m.end > offset && (m.start < offset || m.end > end),
        );
      },
    );
    expect(straddles).toBe(true);
  });

  it('is right to left where it should be', () => {
    const root = doc.documentElement;
    if (file === 'mixed.html' || file === 'wrong-lang.html') {
      expect(root.getAttribute('lang')).toBe('en');
      expect(root.hasAttribute('dir')).toBe(false);
    } else {
      expect(root.getAttribute('dir')).toBe('rtl');
    }
  });
});

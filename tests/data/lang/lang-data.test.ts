// Self-check for the per-language data in data/lang/<tag>.json (Turkish, Malay, Indonesian,
// French): schema, ids, coverage of the article and required concepts, and that the example
// sentences, negatives and HTML fixtures agree with the forms.
//
// It runs a small reference matcher written from the rules the production matcher is meant to
// follow (see `variantsOf`): case-insensitive, Turkish dotted/dotless i folded, hyphen = space,
// whole words only, overlaps to the longer match; Turkish: text after an apostrophe ignored,
// case/possessive/plural suffixes on a form's last word; Malay/Indonesian: -nya on the last
// word; French: elision, plural and feminine endings on every word. Abbreviations (two or more
// capitals) match case-sensitively. It is a specification aid, not the production matcher.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import glossaryRaw from '../../../data/glossary.json';

type Tag = 'tr' | 'ms' | 'id' | 'fr';
const LANGS: readonly Tag[] = ['tr', 'ms', 'id', 'fr'];

interface LangEntry {
  term: string;
  forms: string[];
  definition: string;
}
interface LangFile {
  version: number;
  lang: string;
  entries: Record<string, LangEntry>;
}
interface SentenceFile {
  lang: string;
  sentences: { text: string; expect: string[] }[];
  negatives: string[];
}

// Vitest runs from the project root (happy-dom's URL rejects file: URLs).
const ROOT = `${process.cwd()}/`;
const root = (p: string) => `${ROOT}${p}`;
const readJson = <T>(p: string): T => JSON.parse(readFileSync(root(p), 'utf8')) as T;

/** Ids being added to the English glossary on another branch. */
const PENDING_IDS = ['military-exercise', 'defense-agreement'];
const glossaryIds = new Set([
  ...(glossaryRaw as { entries: { id: string }[] }).entries.map((e) => e.id),
  ...PENDING_IDS,
]);

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
const ARTICLE = (glossaryRaw as { entries: { id: string; source: string }[] }).entries
  .filter((e) => e.source === 'article')
  .map((e) => e.id);

/** Single generic words (and pairs) that must never be a form on their own. */
const GENERIC: Record<Tag, string[]> = {
  tr: [
    'işbirliği',
    'iş birliği',
    'güvenlik',
    'savunma',
    'anlaşma',
    'antlaşma',
    'ittifak',
    'ortaklık',
    'tatbikat',
    'eğitim',
    'yardım',
    'istikrar',
    'strateji',
    'terör',
    'AB',
    'ABD',
  ],
  ms: [
    'kerjasama',
    'kerja sama',
    'bekerjasama',
    'bekerja sama',
    'keselamatan',
    'pertahanan',
    'perjanjian',
    'latihan',
    'keganasan',
    'tentera',
    'ketenteraan',
    'bantuan',
    'umat Islam',
    'AS',
  ],
  id: [
    'kerja sama',
    'kerjasama',
    'bekerja sama',
    'keamanan',
    'pertahanan',
    'perjanjian',
    'latihan',
    'militer',
    'terorisme',
    'TNI',
    'bantuan',
    'umat Islam',
    'AS',
  ],
  fr: [
    'coopération',
    'sécurité',
    'accord',
    'défense',
    'alliance',
    'partenariat',
    'exercice',
    'formation',
    'aide',
    'terrorisme',
    'stratégie',
    'UE',
  ],
};

// ---------------------------------------------------------------------------------------------
// Tokens

interface Tok {
  /** Surface text of the word, Turkish i folded, apostrophe suffix / elision removed. */
  raw: string;
  /** Turkish: the word before folding (for vowel harmony), lower-cased the Turkish way. */
  orig: string;
  key: string;
  start: number;
  end: number;
  word: boolean;
}

const TOKEN_RE = /[\p{L}\p{M}\p{N}]+(?:['’ʼ][\p{L}\p{M}\p{N}]+)*|[^\s\p{L}\p{M}\p{N}\-‐‑‒–—]/gu;
const FR_ELISION = /^(?:jusqu|lorsqu|puisqu|qu|l|d|j|n|s|c|m|t)['’ʼ](?=[\p{L}])/iu;

/** Turkish i folding that keeps case information: İ → I, ı → i. */
const foldTr = (s: string) =>
  s
    .replace(/İ/g, 'I')
    .replace(/ı/g, 'i')
    .replace(/\u0307/g, '');

function tokenize(text: string, lang: Tag): Tok[] {
  const src = text.normalize('NFC');
  const out: Tok[] = [];
  for (const m of src.matchAll(TOKEN_RE)) {
    let raw = m[0];
    let orig = raw;
    const start = m.index;
    const word = /[\p{L}\p{N}]/u.test(raw);
    if (word) {
      if (lang === 'tr') {
        orig = raw.replace(/['’ʼ].*$/u, '').toLocaleLowerCase('tr');
        raw = foldTr(raw).replace(/['’ʼ].*$/u, '');
      }
      if (lang === 'fr') raw = raw.replace(FR_ELISION, '');
    }
    const key = raw.toLowerCase().replace(/[’ʼ]/g, "'");
    out.push({ raw, orig, key, start, end: start + m[0].length, word });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Generated variants of a form word (what the matcher adds by itself)

const TR_VOWELS = 'aeıioöuüâêîû';
const TR_BACK = 'aıouâû';
const TR_I: Record<string, string> = {
  a: 'ı',
  ı: 'ı',
  â: 'ı',
  o: 'u',
  u: 'u',
  û: 'u',
  e: 'i',
  i: 'i',
  î: 'i',
  ê: 'i',
  ö: 'ü',
  ü: 'ü',
};
const TR_VOICELESS = 'fstkçşhp';
const TR_SOFT: Record<string, string> = { p: 'b', ç: 'c', t: 'd', k: 'ğ' };
const TR_HARD: Record<string, string> = { b: 'p', c: 'ç', d: 't', ğ: 'k', g: 'k' };

function harmony(w: string): { A: string; I: string } {
  for (let i = w.length - 1; i >= 0; i--) {
    const v = w[i] as string;
    if (TR_VOWELS.includes(v)) return { A: TR_BACK.includes(v) ? 'a' : 'e', I: TR_I[v] as string };
  }
  return { A: 'e', I: 'i' };
}
const endsInVowel = (w: string) => TR_VOWELS.includes(w.at(-1) ?? '');

/**
 * Suffixes beyond the brief's list that the Turkish sentences use (reported to the integrator):
 * first-person plural possessive -(I)mIz with its cases ("stratejik ortaklığımızı",
 * "savunma iş birliğimizin").
 */
const TR_EXTRA_1PL = true;

/** Case endings of a stem whose last suffix is a possessive -(s)I / -lArI (buffer n). */
function trPossessed(p: string, out: Set<string>): void {
  const { A, I } = harmony(p);
  for (const s of [p, `${p}n${I}`, `${p}n${I}n`, `${p}n${A}`, `${p}nd${A}`, `${p}nd${A}n`])
    out.add(s);
  out.add(`${p}yl${A}`);
}

/** Case endings (no buffer n) of a stem ending in a consonant, e.g. -mIz or -lAr. */
function trConsonantCases(s: string, out: Set<string>): void {
  const { A, I } = harmony(s);
  const D = TR_VOICELESS.includes(s.at(-1) ?? '') ? 't' : 'd';
  for (const x of [s, `${s}${I}`, `${s}${I}n`, `${s}${A}`, `${s}${D}${A}`, `${s}${D}${A}n`])
    out.add(x);
  out.add(`${s}l${A}`);
}

function trNoun(w: string, out: Set<string>, plural = true): void {
  const { A, I } = harmony(w);
  if (endsInVowel(w)) {
    for (const s of [`${w}y${I}`, `${w}n${I}n`, `${w}y${A}`, `${w}d${A}`, `${w}d${A}n`]) out.add(s);
    out.add(`${w}yl${A}`);
    trPossessed(`${w}s${I}`, out);
    if (TR_EXTRA_1PL) trConsonantCases(`${w}m${I}z`, out);
  } else {
    const last = w.at(-1) ?? '';
    const vowelStems = [w];
    const soft = TR_SOFT[last];
    if (soft) vowelStems.push(`${w.slice(0, -1)}${last === 'k' && w.at(-2) === 'n' ? 'g' : soft}`);
    for (const s of vowelStems) {
      out.add(`${s}${I}n`);
      out.add(`${s}${A}`);
      trPossessed(`${s}${I}`, out);
      if (TR_EXTRA_1PL) trConsonantCases(`${s}${I}m${I}z`, out);
    }
    trConsonantCases(w, out);
  }
  if (plural) {
    const pl = `${w}l${A}r`;
    out.add(pl);
    trConsonantCases(pl, out);
    trPossessed(`${pl}${harmony(pl).I}`, out);
  }
}

function trVariants(w: string): Set<string> {
  const out = new Set<string>([w]);
  trNoun(w, out);
  // A last word that already carries a compound's possessive -(s)I: cases with buffer n,
  // plural possessive -lArI ("anlaşması" → "anlaşmaları"; "işbirliği" → "işbirlikleri").
  if (/[ıiuü]$/.test(w) && w.length > 2) {
    trPossessed(w, out);
    const bases: string[] = [];
    if (/[aeıioöuü]s[ıiuü]$/.test(w)) bases.push(w.slice(0, -2));
    else {
      const b = w.slice(0, -1);
      bases.push(b);
      const hard = TR_HARD[b.at(-1) ?? ''];
      if (hard) bases.push(`${b.slice(0, -1)}${hard}`);
    }
    for (const b of bases) {
      const { A, I } = harmony(b);
      trPossessed(`${b}l${A}r${harmony(`${b}l${A}r`).I}`, out);
      if (TR_EXTRA_1PL) {
        const stem = endsInVowel(b) ? `${b}m${I}z` : `${w.slice(0, -1)}${I}m${I}z`;
        trConsonantCases(stem, out);
      }
    }
  }
  return new Set([...out].map((v) => foldTr(v).toLowerCase()));
}

function frVariants(w: string): Set<string> {
  const out = new Set([w, `${w}s`, `${w}x`, `${w}e`, `${w}es`]);
  if (w.endsWith('al')) out.add(`${w.slice(0, -2)}aux`);
  return out;
}

const isStrict = (raw: string) => (raw.match(/\p{Lu}/gu) ?? []).length >= 2;

interface Pattern {
  id: string;
  form: string;
  /** Per token: accepted keys, or for a strict (abbreviation) token the exact surface text. */
  tokens: { keys: Set<string>; exact: string | null }[];
}

function compileForm(id: string, form: string, lang: Tag): Pattern {
  const toks = tokenize(form, lang);
  return {
    id,
    form,
    tokens: toks.map((t, i) => {
      const last = i === toks.length - 1;
      if (isStrict(t.raw)) return { keys: new Set([t.key]), exact: t.raw };
      let keys = new Set([t.key]);
      if (lang === 'fr') keys = frVariants(t.key);
      else if (last && lang === 'tr') keys = trVariants(t.orig);
      else if (last) keys = new Set([t.key, `${t.key}nya`]);
      return { keys, exact: null };
    }),
  };
}

interface Hit {
  id: string;
  form: string;
  start: number;
  end: number;
}

function matchAt(p: Pattern, toks: Tok[], i: number): Hit | null {
  if (i + p.tokens.length > toks.length) return null;
  for (let k = 0; k < p.tokens.length; k++) {
    const want = p.tokens[k] as Pattern['tokens'][number];
    const t = toks[i + k] as Tok;
    if (want.exact !== null ? t.raw !== want.exact : !want.keys.has(t.key)) return null;
  }
  const first = toks[i] as Tok;
  const last = toks[i + p.tokens.length - 1] as Tok;
  return { id: p.id, form: p.form, start: first.start, end: last.end };
}

/** Every place any form matches (overlaps included). */
function candidates(patterns: Pattern[], text: string, lang: Tag): Hit[] {
  const toks = tokenize(text, lang);
  const hits: Hit[] = [];
  for (let i = 0; i < toks.length; i++) {
    if (!(toks[i] as Tok).word) continue;
    for (const p of patterns) {
      const h = matchAt(p, toks, i);
      if (h) hits.push(h);
    }
  }
  return hits;
}

/** What would be highlighted: overlaps go to the longer match, ties to the earlier one. */
function highlights(patterns: Pattern[], text: string, lang: Tag): Hit[] {
  const sorted = candidates(patterns, text, lang).sort(
    (a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const kept: Hit[] = [];
  for (const h of sorted) if (!kept.some((k) => h.start < k.end && k.start < h.end)) kept.push(h);
  return kept.sort((a, b) => a.start - b.start);
}

const ids = (hits: Hit[]) => [...new Set(hits.map((h) => h.id))].sort();

// ---------------------------------------------------------------------------------------------
// Fixtures: block texts with skipped elements cut out

const BLOCK = new Set([
  'P',
  'H1',
  'H2',
  'H3',
  'LI',
  'DIV',
  'ARTICLE',
  'SECTION',
  'HEADER',
  'FOOTER',
  'BLOCKQUOTE',
  'FIGCAPTION',
  'FIGURE',
  'UL',
  'OL',
  'FORM',
  'MAIN',
  'BODY',
  'TD',
  'TR',
  'TABLE',
  'NAV',
  'TIME',
]);
const SKIP = new Set([
  'CODE',
  'TEXTAREA',
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'INPUT',
  'PRE',
]);

function pageText(body: Element): { text: string; ems: [number, number][] } {
  let text = '';
  const ems: [number, number][] = [];
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      text += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (SKIP.has(el.tagName)) {
      text += '\n|\n';
      return;
    }
    const block = BLOCK.has(el.tagName);
    if (block) text += '\n|\n';
    const from = text.length;
    for (const child of Array.from(el.childNodes)) walk(child);
    if (el.tagName === 'EM') ems.push([from, text.length]);
    if (block) text += '\n|\n';
  };
  walk(body);
  return { text, ems };
}

// ---------------------------------------------------------------------------------------------

const sentenceCount = (s: string) =>
  s.split(/(?<=[.!?])\s+(?=[\p{Lu}«"(])/u).filter((x) => x.trim().length > 0).length;

// LANG_ONLY=tr (or ms, id, fr) checks one language while its files are being edited.
const ONLY = process.env.LANG_ONLY;
for (const lang of LANGS.filter((l) => !ONLY || l === ONLY))
  describe(`data/lang/${lang}.json`, () => {
    const data = readJson<LangFile>(`data/lang/${lang}.json`);
    const corpus = readJson<SentenceFile>(`tests/data/lang/${lang}.sentences.json`);
    const entries = Object.entries(data.entries);
    const patterns = entries.flatMap(([id, e]) =>
      [e.term, ...e.forms].map((f) => compileForm(id, f, lang)),
    );

    it('has the fixed shape', () => {
      expect(data.version).toBe(1);
      expect(data.lang).toBe(lang);
      expect(corpus.lang).toBe(lang);
      for (const [id, e] of entries) {
        expect(Object.keys(e).sort(), id).toEqual(['definition', 'forms', 'term']);
        expect(typeof e.term, id).toBe('string');
        expect(Array.isArray(e.forms), id).toBe(true);
        for (const f of [e.term, ...e.forms]) {
          expect(typeof f, id).toBe('string');
          expect(f.trim(), id).toBe(f);
          expect(f.length, id).toBeGreaterThan(0);
        }
      }
    });

    it('uses only glossary ids and covers the article and the required concepts', () => {
      for (const id of Object.keys(data.entries)) expect(glossaryIds.has(id), id).toBe(true);
      for (const id of [...REQUIRED, ...ARTICLE]) expect(data.entries[id], id).toBeDefined();
      expect(ARTICLE.length).toBe(30);
    });

    it('definitions: 1–3 sentences ending with a full stop, not starting with the term', () => {
      for (const [id, e] of entries) {
        const d = e.definition;
        expect(d.trim(), id).toBe(d);
        expect(d.endsWith('.'), id).toBe(true);
        const n = sentenceCount(d);
        expect(n >= 1 && n <= 3, `${id}: ${n} sentences`).toBe(true);
        expect(d.toLowerCase().startsWith(`${e.term.toLowerCase()} `), id).toBe(false);
      }
    });

    it('no form twice, no form in two entries, no generic form', () => {
      const norm = (f: string) =>
        tokenize(f, lang)
          .map((t) => (isStrict(t.raw) ? t.raw : t.key))
          .join(' ');
      const owner = new Map<string, string>();
      const clashes: string[] = [];
      for (const [id, e] of entries) {
        for (const f of [e.term, ...e.forms]) {
          const key = norm(f);
          const other = owner.get(key);
          if (other) clashes.push(`"${f}": ${other} and ${id}`);
          else owner.set(key, id);
        }
      }
      expect(clashes).toEqual([]);
      const generic = new Set(GENERIC[lang].map((g) => norm(g)));
      for (const [id, e] of entries)
        for (const f of [e.term, ...e.forms])
          expect(generic.has(norm(f)), `${id}: ${f}`).toBe(false);
    });

    it('has enough sentences and negatives, each expect id an entry of this language', () => {
      expect(corpus.sentences.length).toBeGreaterThanOrEqual(50);
      expect(corpus.negatives.length).toBeGreaterThanOrEqual(15);
      for (const s of corpus.sentences)
        for (const id of s.expect) expect(data.entries[id], `${id} in: ${s.text}`).toBeDefined();
      const texts = [...corpus.sentences.map((s) => s.text), ...corpus.negatives];
      expect(new Set(texts).size).toBe(texts.length);
    });

    it('every term and form occurs in at least one sentence', () => {
      const seen = new Set<string>();
      for (const s of corpus.sentences)
        for (const h of candidates(patterns, s.text, lang)) seen.add(`${h.id}\u0000${h.form}`);
      const missing = patterns.filter((p) => !seen.has(`${p.id}\u0000${p.form}`));
      expect(missing.map((p) => `${p.id}: ${p.form}`)).toEqual([]);
    });

    it('each sentence highlights exactly its expect ids', () => {
      const wrong = corpus.sentences
        .map((s) => ({
          text: s.text,
          expect: [...s.expect].sort(),
          got: ids(highlights(patterns, s.text, lang)),
        }))
        .filter((r) => r.expect.join() !== r.got.join());
      expect(wrong).toEqual([]);
    });

    it('no form occurs in any negative', () => {
      const found = corpus.negatives.flatMap((n) =>
        candidates(patterns, n, lang).map((h) => `${h.form} in: ${n}`),
      );
      expect(found).toEqual([]);
    });

    const fixtures = [`${lang}.html`, `${lang}-negative.html`].filter((f) =>
      existsSync(root(`tests/fixtures/lang/${f}`)),
    );
    for (const file of fixtures)
      it(`fixture ${file}: lang, listed ids, split term, skipped contexts`, () => {
        const html = readFileSync(root(`tests/fixtures/lang/${file}`), 'utf8');
        const doc = new DOMParser().parseFromString(html, 'text/html');
        expect(doc.documentElement.getAttribute('lang')).toBe(lang);
        const comment = /<!--([\s\S]*?)-->/.exec(html)?.[1] ?? '';
        const listed = (/expect:\s*([^\n]*)/.exec(comment)?.[1] ?? '')
          .split(/[\s,]+/)
          .filter((x) => /^[a-z0-9-]+$/.test(x) && x !== 'none')
          .sort();
        const { text, ems } = pageText(doc.body);
        const hits = highlights(patterns, text, lang);
        expect(ids(hits)).toEqual(listed);
        const skipped = Array.from(doc.querySelectorAll('code, textarea')).map(
          (e) => e.textContent,
        );
        if (file.endsWith('-negative.html')) {
          expect(hits).toEqual([]);
          return;
        }
        expect(listed.length).toBeGreaterThanOrEqual(8);
        const split = hits.some((h) =>
          ems.some(([a, b]) => h.start < b && a < h.end && (h.start < a || h.end > b)),
        );
        expect(split, 'a term split across <em>').toBe(true);
        expect(doc.querySelector('code') && doc.querySelector('textarea')).toBeTruthy();
        for (const s of skipped)
          expect(candidates(patterns, s ?? '', lang).length, s ?? '').toBeGreaterThan(0);
      });
  });

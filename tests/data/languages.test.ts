// @vitest-environment node
// The glossary in other languages (data/lang/*.json) against the real matcher: every form is
// found in a sentence of its language, every sentence finds what a reader needs explained, and
// ordinary news finds nothing.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { glossary } from '../../src/glossary/glossary';
import { LANGUAGE_FILES, languageForms, type OtherLanguage } from '../../src/glossary/languages';
import { glossaryTerms } from '../../src/glossary/matcher';
import {
  compileMatcher,
  detectLanguage,
  type Language,
  normalizeForm,
  textMask,
} from '../../src/matcher';

const LANGS = Object.keys(LANGUAGE_FILES) as OtherLanguage[];

/** Concepts every language covers with a term, forms and a definition (issue 15). */
// biome-ignore format: a list
const REQUIRED = [
  'defense-cooperation', 'military-collaboration', 'intelligence-sharing', 'counter-terrorism',
  'technology-transfer', 'cybersecurity', 'military-exercise', 'military-training', 'arms-sale',
  'defense-agreement', 'bilateral-defense-agreement', 'memorandum-of-understanding',
  'strategic-partnership', 'regional-stability', 'security-assistance', 'peacekeeping', 'nato',
  'gulf-cooperation-council', 'organisation-of-islamic-cooperation',
  'islamic-military-counter-terrorism-coalition',
];
const ARTICLE_IDS = glossary.entries.filter((e) => e.source === 'article').map((e) => e.id);
const IDS = new Set(glossary.entries.map((e) => e.id));

interface SentenceFile {
  sentences: { text: string; expect: string[] }[];
  negatives: string[];
}
const sentencesOf = (lang: string): SentenceFile =>
  JSON.parse(
    readFileSync(fileURLToPath(new URL(`./lang/${lang}.sentences.json`, import.meta.url)), 'utf8'),
  );

const matcher = compileMatcher(glossaryTerms());
/** Matches in a text read as `lang` (the highlighter reads each block's language the same way). */
const scan = (text: string, lang: Language) =>
  matcher.scan(text, textMask(detectLanguage(text, lang)));

/** A definition's sentences: split after . ! ? ؟ or the Urdu full stop ۔ */
const sentenceCount = (s: string) =>
  s.split(/(?<=[.!?؟۔])\s+/u).filter((x) => x.trim() !== '').length;

describe.each(LANGS)('data/lang/%s.json', (lang) => {
  const file = LANGUAGE_FILES[lang];
  const { sentences, negatives } = sentencesOf(lang);

  it('names only glossary entries, and covers the article entries and the required concepts', () => {
    for (const id of Object.keys(file.entries)) expect(IDS.has(id), id).toBe(true);
    for (const id of [...ARTICLE_IDS, ...REQUIRED]) {
      const entry = file.entries[id];
      expect(entry?.term, `${lang} ${id}`).toBeTruthy();
      expect(entry?.definition, `${lang} ${id}`).toBeTruthy();
    }
  });

  it('gives definitions of one to three sentences, ending with a full stop', () => {
    for (const [id, entry] of Object.entries(file.entries)) {
      if (!entry.definition) continue;
      const n = sentenceCount(entry.definition);
      expect(n >= 1 && n <= 3, `${lang} ${id}: ${n} sentences`).toBe(true);
      expect(/[.!؟۔]$/u.test(entry.definition), `${lang} ${id}`).toBe(true);
    }
  });

  it('finds every form and term in a sentence of its own language, for its own entry', () => {
    const found = new Map<string, Set<string>>();
    for (const s of sentences) {
      for (const m of scan(s.text, lang)) {
        const set = found.get(m.id) ?? new Set();
        set.add(normalizeForm(s.text.slice(m.start, m.end), lang));
        found.set(m.id, set);
      }
    }
    const missing: string[] = [];
    for (const [id, entry] of Object.entries(file.entries)) {
      for (const form of languageForms(entry)) {
        const alone = scan(form, lang);
        // The form matches on its own as its entry, and in some sentence the entry is found.
        if (alone.length !== 1 || alone[0]?.id !== id || !found.has(id))
          missing.push(`${id}: ${form}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('finds in each sentence every entry a reader would want explained there', () => {
    const misses: string[] = [];
    for (const s of sentences) {
      const ids = new Set(scan(s.text, lang).map((m) => m.id));
      const lost = s.expect.filter((id) => !ids.has(id));
      if (lost.length > 0) misses.push(`${s.text} — missing ${lost.join(', ')}`);
    }
    expect(misses).toEqual([]);
  });

  it('finds nothing in ordinary news without defence content', () => {
    const hits = negatives.flatMap((n) =>
      scan(n, lang).map((m) => `${n.slice(m.start, m.end)} (${m.id})`),
    );
    expect(hits).toEqual([]);
  });
});

describe('forms across languages', () => {
  it('never give one form to two entries', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const lang of LANGS) {
      for (const [id, entry] of Object.entries(LANGUAGE_FILES[lang].entries)) {
        for (const form of languageForms(entry)) {
          const key = `${lang}:${normalizeForm(form, lang)}`;
          const other = owner.get(key);
          if (other !== undefined && other !== id) clashes.push(`${key}: ${other} and ${id}`);
          owner.set(key, id);
        }
      }
    }
    expect(clashes).toEqual([]);
  });

  it('read as their own language only (a Malay form stays out of English text)', () => {
    // "ATM" is Malaysia's armed forces in Malay and a cash machine in English.
    const atm = LANGUAGE_FILES.ms.entries;
    const anyMalayForm = Object.values(atm)[0]?.term as string;
    expect(matcher.scan(anyMalayForm, textMask('ms')).length).toBeGreaterThan(0);
    expect(matcher.scan(anyMalayForm, textMask('en'))).toEqual([]);
  });
});

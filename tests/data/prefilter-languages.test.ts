// @vitest-environment node
// The pre-filter may only skip text that holds no match: with the real glossary in every
// language, scanning through it finds exactly what scanning every token finds.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { glossary } from '../../src/glossary/glossary';
import { LANGUAGE_FILES, languageForms, type OtherLanguage } from '../../src/glossary/languages';
import { glossaryTerms } from '../../src/glossary/matcher';
import { compileMatcher, detectLanguage, type Language, textMask } from '../../src/matcher';

const LANGS = Object.keys(LANGUAGE_FILES) as OtherLanguage[];
const terms = glossaryTerms();
const filtered = compileMatcher(terms);
const everyToken = compileMatcher(terms, { prefilter: false });

function agree(text: string, lang: Language) {
  const mask = textMask(detectLanguage(text, lang));
  expect(filtered.scan(text, mask), text).toEqual(everyToken.scan(text, mask));
}

const sentences = (lang: string): { sentences: { text: string }[]; negatives: string[] } =>
  JSON.parse(
    readFileSync(fileURLToPath(new URL(`./lang/${lang}.sentences.json`, import.meta.url)), 'utf8'),
  );

describe('the pre-filter skips nothing that matches', () => {
  it.each(LANGS)('%s: test sentences, negatives and definitions', (lang) => {
    const file = sentences(lang);
    for (const { text } of file.sentences) agree(text, lang);
    for (const text of file.negatives) agree(text, lang);
    for (const entry of Object.values(LANGUAGE_FILES[lang].entries)) {
      if (entry.definition) agree(entry.definition, lang);
    }
  });

  it.each(LANGS)('%s: every form glued to letters before and after, elided, inflected', (lang) => {
    for (const entry of Object.values(LANGUAGE_FILES[lang].entries)) {
      for (const form of languageForms(entry)) {
        for (const text of [
          `x${form} a`,
          `be${form}nya dan`,
          `l'${form}s`,
          `d’${form}`,
          `ال${form}`,
          `و${form}ات`,
          `${form}'nın ve ${form}lerini`,
          `(${form}).`,
          `snake_${form} «${form}»`,
        ]) {
          agree(text, lang);
        }
      }
    }
  });

  it('English: every entry’s definition and examples, and forms glued to words', () => {
    for (const entry of glossary.entries) {
      agree(entry.definition, 'en');
      for (const ex of entry.examples ?? []) agree(typeof ex === 'string' ? ex : ex.text, 'en');
      for (const alias of [entry.term, ...(entry.aliases ?? [])]) {
        agree(`re${alias} and un${alias}s, ${alias}'s, x_${alias}`, 'en');
      }
    }
  });
});

import { lazy } from '../../util/lazy';
import { foldWord } from '../chars';
import { bitOf } from './languages';
import { addReduced, type Reduced } from './latin';

const ARABIC_SCRIPT = bitOf('ar') | bitOf('fa') | bitOf('ur');

/**
 * How Arabic-script words change in the news we read, as rules that undo a change (see
 * latin.ts for why rules may misfire safely). Keys are folded (chars.ts): ة is ه, ى and ی are
 * ي, alef forms are ا, and harakat are gone.
 */

const AL = lazy(() => foldWord('ال'));

/**
 * Proclitics, alone and combined: the conjunctions و ف, the prepositions ب ل ك and the article,
 * with ل + ال written لل (وبالتعاون، للتعاون، فالتعاون).
 */
const PREFIXES = lazy((): readonly string[] => {
  const out = new Set<string>();
  for (const conj of ['', 'و', 'ف']) {
    for (const prep of ['', 'ب', 'ل', 'ك']) {
      for (const article of ['', 'ال']) {
        if (conj + prep + article === '') continue;
        // ل followed by the article drops the article's alef.
        const joined = prep === 'ل' && article ? `${conj}لل` : conj + prep + article;
        out.add(foldWord(joined));
      }
    }
  }
  return [...out].sort((a, b) => b.length - a.length);
});

/** [suffix, replacement]: plurals, duals and agreement back to the form as written. */
const SUFFIXES = lazy((): readonly (readonly [string, string])[] =>
  (
    [
      ['ات', 'ة'], // اتفاقيات → اتفاقية
      ['تان', 'ة'], // اتفاقيتان
      ['تين', 'ة'],
      ['تا', 'ة'], // مذكرتا تفاهم
      ['تي', 'ة'],
      ['ية', 'ي'], // العسكرية → العسكري
      ['يون', 'ي'],
      ['يين', 'ي'],
      ['ان', ''],
      ['ين', ''],
      ['ون', ''],
      // Attached pronouns on the first noun: تعاونهما، مناوراتها.
      ['هما', ''],
      ['هم', ''],
      ['ها', ''],
      ['نا', ''],
      ['كم', ''],
      // Persian plural and ezafe (ZWNJ is dropped, so they are attached): همکاری‌های → همکاری.
      ['هایی', ''],
      ['های', ''],
      ['ای', ''],
      ['ی', ''],
    ] as const
  ).map(([s, r]) => [foldWord(s), foldWord(r)] as const),
);

const MIN_STEM = 2;

/** The word without its article, for forms of Arabic words ("التعاون" → "تعاون"). */
export function withoutArticle(key: string): string {
  const al = AL();
  return key.startsWith(al) && key.length - al.length >= MIN_STEM ? key.slice(al.length) : key;
}

/** Letters at the start of a word that `keep` judges it by (reduce.ts: its first three). */
const KEPT_START = 3;

/**
 * Keys an Arabic-script word may have come from: without proclitics and the article, and
 * without one or two endings (a pronoun, then a plural: مناوراتها → مناورات → مناورة). A stem
 * whose start `keep` rejects is not pursued while its endings leave that start as it is: most
 * words of a page start no key, and each candidate would cost a string and a lookup.
 */
export function arabicReductions(
  key: string,
  out: Reduced,
  keep: (candidate: string) => boolean = () => true,
): void {
  const stems = [key];
  for (const p of PREFIXES()) {
    if (key.startsWith(p) && key.length - p.length >= MIN_STEM) stems.push(key.slice(p.length));
  }
  const add = (k: string) => {
    if (k !== key) addReduced(out, k, ARABIC_SCRIPT);
  };
  for (const stem of stems) {
    const hopeless = stem.length >= KEPT_START && !keep(stem);
    if (!hopeless) add(stem);
    for (const [suffix, then] of SUFFIXES()) {
      if (!stem.endsWith(suffix) || stem.length - suffix.length < MIN_STEM) continue;
      const kept = stem.length - suffix.length;
      if (hopeless && kept >= KEPT_START) continue;
      const once = stem.slice(0, -suffix.length) + then;
      add(once);
      for (const [s2, t2] of SUFFIXES()) {
        if (once.endsWith(s2) && once.length - s2.length >= MIN_STEM) {
          add(once.slice(0, -s2.length) + t2);
        }
      }
    }
  }
}

/** Standalone Persian suffixes written after a space instead of a ZWNJ: همکاری های نظامی. */
export const DETACHED_SUFFIXES = lazy((): readonly string[] => ['ها', 'های', 'هایی'].map(foldWord));

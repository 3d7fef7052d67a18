/**
 * A small reference model of the rules the Arabic-script matcher is specified to apply
 * (see the language data brief): letter folding, ignored marks, Arabic proclitics and article,
 * Arabic feminine dual/plural and nisba adjectives, Persian plural and ezafe suffixes, and plain
 * whole-token matching for Urdu. It exists only so the data tests can check the language files
 * (every form is exercised by a sentence, negatives stay silent, no two entries share a form);
 * the extension's matcher is written separately and must agree with these rules.
 */

export type RtlLang = 'ar' | 'fa' | 'ur';

export interface LangEntry {
  term: string;
  forms: string[];
  definition: string;
}

export interface LangFile {
  version: number;
  lang: string;
  entries: Record<string, LangEntry>;
}

export interface ModelOptions {
  /**
   * Strict reading: only the foldings and generated affixes the brief lists. The lenient reading
   * also decomposes (NFKD, so ئ ؤ lose their hamza as well) and chains the generated suffixes
   * (الدفاعيتين, همکاری‌هایی), which a generous matcher might do: negatives must stay silent
   * under both readings, while every form must be found under the strict one.
   */
  lenient?: boolean;
}

export interface Token {
  key: string;
  start: number;
  end: number;
  /** Punctuation token (one character), never part of a form. */
  punct: boolean;
}

export interface ModelMatch {
  start: number;
  end: number;
  id: string;
  form: string;
}

const FOLD: Record<string, string> = {
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ٱ: 'ا',
  ى: 'ي',
  ی: 'ي',
  ک: 'ك',
  ة: 'ه',
  ہ: 'ه',
  ۀ: 'ه',
  ۃ: 'ه',
  ھ: 'ه',
  // NFKD turns ۀ into U+06D5 + hamza, and ۂ into ہ + hamza: fold what is left too.
  ە: 'ه',
};

function isDropped(cp: number): boolean {
  return (
    (cp >= 0x064b && cp <= 0x065f) ||
    cp === 0x0670 ||
    cp === 0x0640 ||
    (cp >= 0x06d6 && cp <= 0x06ed && cp !== 0x06e5 && cp !== 0x06e6) ||
    /\p{Cf}/u.test(String.fromCodePoint(cp))
  );
}

function foldChar(ch: string): string {
  const cp = ch.codePointAt(0) as number;
  if (cp >= 0x0660 && cp <= 0x0669) return String(cp - 0x0660);
  if (cp >= 0x06f0 && cp <= 0x06f9) return String(cp - 0x06f0);
  return FOLD[ch] ?? ch.toLowerCase();
}

const WORD = /[\p{L}\p{M}\p{N}]/u;
const SEP = /[\s\-\u2010-\u2015\u2212]/u;

/** Tokens of `text` with their spans in the original string. */
export function tokenize(text: string, opts: ModelOptions = {}): Token[] {
  const out: Token[] = [];
  let key = '';
  let start = -1;
  let end = -1;
  const flush = () => {
    if (key !== '') out.push({ key, start, end, punct: false });
    key = '';
    start = -1;
  };
  let i = 0;
  for (const ch of text) {
    const at = i;
    i += ch.length;
    const parts = opts.lenient ? [...ch.normalize('NFKD')] : [ch];
    for (const p of parts) {
      const cp = p.codePointAt(0) as number;
      if (isDropped(cp)) continue;
      if (WORD.test(p)) {
        if (start < 0) start = at;
        key += foldChar(p);
        end = i;
      } else if (SEP.test(p)) {
        flush();
      } else {
        flush();
        out.push({ key: p, start: at, end: i, punct: true });
      }
    }
  }
  flush();
  return out;
}

/** Normalised word keys of a form (a form never contains punctuation). */
export function formWords(form: string, opts: ModelOptions = {}): string[] {
  return tokenize(form, opts).map((t) => t.key);
}

/** The raw word of a form at position i, before folding (to see ة and ي as written). */
function rawWords(form: string): string[] {
  return form
    .split(/[\s\-\u2010-\u2015\u2212]+/u)
    .map((w) => [...w].filter((c) => !isDropped(c.codePointAt(0) as number)).join(''))
    .filter((w) => w !== '');
}

function arSuffixes(raw: string, key: string, lenient: boolean): string[] {
  const out = [key];
  if (raw.endsWith('ة')) {
    const base = key.slice(0, -1);
    out.push(`${base}تان`, `${base}تين`, `${base}ات`);
  }
  if (raw.endsWith('ي')) {
    out.push(`${key}ه`, `${key}ون`, `${key}ين`);
    if (lenient) out.push(`${key}تان`, `${key}تين`, `${key}ات`);
  }
  return out;
}

/** Every text token an Arabic form word accepts at position `index` of its form. */
function arVariants(raw: string, key: string, index: number, lenient: boolean): Set<string> {
  const core = key.startsWith('ال') && key.length > 3 ? key.slice(2) : key;
  const rawCore = raw.replace(/^[اأإآٱ]ل/u, '');
  const stems = arSuffixes(rawCore === raw ? raw : rawCore, core, lenient);
  const withArticle = stems.flatMap((s) => [s, `ال${s}`]);
  if (index > 0) return new Set(withArticle);
  const inner = new Set<string>(withArticle);
  for (const s of stems) {
    for (const p of ['ب', 'ك']) {
      inner.add(`${p}${s}`);
      inner.add(`${p}ال${s}`);
    }
    inner.add(`ل${s}`);
    inner.add(`لل${s}`);
  }
  const all = new Set(inner);
  for (const x of inner) {
    all.add(`و${x}`);
    all.add(`ف${x}`);
  }
  return all;
}

function faVariants(key: string, lenient: boolean): Set<string> {
  const out = new Set([key, `${key}ها`, `${key}هاي`, `${key}ي`, `${key}اي`]);
  if (lenient) out.add(`${key}هايي`);
  return out;
}

export interface CompiledForm {
  id: string;
  form: string;
  words: Set<string>[];
}

export function compileForm(
  lang: RtlLang,
  id: string,
  form: string,
  opts: ModelOptions = {},
): CompiledForm {
  const keys = formWords(form, opts);
  const raws = rawWords(form);
  const lenient = opts.lenient === true;
  const words = keys.map((k, i) => {
    if (lang === 'ar') return arVariants(raws[i] ?? k, k, i, lenient);
    if (lang === 'fa') return faVariants(k, lenient);
    return new Set([k]);
  });
  return { id, form, words };
}

export function surface(entry: LangEntry): string[] {
  return [entry.term, ...entry.forms];
}

export function compileFile(
  lang: RtlLang,
  file: LangFile,
  opts: ModelOptions = {},
): CompiledForm[] {
  return Object.entries(file.entries).flatMap(([id, e]) =>
    surface(e).map((f) => compileForm(lang, id, f, opts)),
  );
}

/** Every place a form matches, before overlaps are resolved. */
export function candidates(text: string, forms: CompiledForm[], opts: ModelOptions = {}) {
  const toks = tokenize(text, opts);
  const out: ModelMatch[] = [];
  for (let i = 0; i < toks.length; i++) {
    for (const f of forms) {
      if (i + f.words.length > toks.length) continue;
      let ok = true;
      for (let j = 0; j < f.words.length; j++) {
        const t = toks[i + j] as Token;
        if (t.punct || !(f.words[j] as Set<string>).has(t.key)) {
          ok = false;
          break;
        }
      }
      if (ok) {
        const last = toks[i + f.words.length - 1] as Token;
        out.push({ start: (toks[i] as Token).start, end: last.end, id: f.id, form: f.form });
      }
    }
  }
  return out;
}

/** Resolved matches: the longer match (in characters) wins an overlap, ties go to the earlier. */
export function resolve(all: ModelMatch[]): ModelMatch[] {
  const sorted = [...all].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: ModelMatch[] = [];
  for (const m of sorted) {
    if (kept.every((k) => m.end <= k.start || m.start >= k.end)) kept.push(m);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** Pairs of candidates of different entries that overlap without one containing the other. */
export function crossings(all: ModelMatch[]): [ModelMatch, ModelMatch][] {
  const out: [ModelMatch, ModelMatch][] = [];
  for (const a of all) {
    for (const b of all) {
      if (a.id === b.id || a.start >= b.start) continue;
      if (b.start < a.end && b.end > a.end) out.push([a, b]);
    }
  }
  return out;
}

export function scan(text: string, forms: CompiledForm[], opts: ModelOptions = {}) {
  return resolve(candidates(text, forms, opts));
}

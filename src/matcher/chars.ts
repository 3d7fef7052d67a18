/**
 * Characters as the matcher reads them: a class per code point (what separates, joins or
 * vanishes) and a fold (the key a letter contributes). Folding is by script, the same for every
 * language, so a text's language never has to be known to read it:
 * - case, compatibility forms (NFKD: ligatures, full-width letters) and accents kept as marks;
 * - Turkish dotted and dotless i: İ, I, ı and i are all "i";
 * - Arabic script: harakat, Quranic marks and tatweel vanish; hamza carriers decompose; alef
 *   forms, yeh forms (ى ي ی), kaf forms (ك ک) and heh forms (ه ة ہ ۀ ۃ ھ) fold to one letter;
 * - Arabic-Indic and Persian digits are digits 0–9.
 */

/**
 * Character classes. A const object rather than a `const enum`, which isolated-module builds
 * (Vite, Vitest) cannot inline across files. `Other` characters become punctuation tokens.
 */
export const CharClass = {
  Other: 0,
  /** Letter, mark or digit of any script. */
  Word: 1,
  /** Whitespace, hyphen or dash: separates tokens, never part of one. */
  Sep: 2,
  /** Invisible or optional character (soft hyphen, ZWNJ, harakat, tatweel): skipped. */
  Drop: 3,
  /** Apostrophe of any shape: part of a word between letters ("alliance's", "l'OTAN"). */
  Apos: 4,
  /** Full stop: part of a word between letters and after abbreviations ("U.S."). */
  Dot: 5,
} as const;
export type CharClass = (typeof CharClass)[keyof typeof CharClass];

const WORD_RE = /^[\p{L}\p{N}\p{M}]$/u;
const SPACE_RE = /^\s$/u;
const FORMAT_RE = /^\p{Cf}$/u;
// Hyphens and dashes that must read as a separator. U+2011 (non-breaking hyphen) and the
// full-width/small variants are included explicitly because their NFKC forms differ.
const DASHES = new Set([
  0x2d, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe58, 0xfe63, 0xff0d,
]);
export const APOSTROPHES: ReadonlySet<number> = new Set([
  0x27, 0x2018, 0x2019, 0x02bc, 0x2032, 0xff07,
]);

/** Marks that are optional in writing: Arabic harakat and Quranic signs, the dot above of "i̇". */
export function isOptionalMark(cp: number): boolean {
  return (
    (cp >= 0x064b && cp <= 0x065f) ||
    cp === 0x0670 ||
    (cp >= 0x06d6 && cp <= 0x06ed) ||
    cp === 0x0640 || // tatweel: stretches a joined word, means nothing
    cp === 0x0307
  );
}

/** Class of a code point, computed (uncached): see `classOf`. */
export function classifyCodePoint(cp: number): CharClass {
  if (DASHES.has(cp)) return CharClass.Sep;
  if (APOSTROPHES.has(cp)) return CharClass.Apos;
  if (isOptionalMark(cp)) return CharClass.Drop;
  const ch = String.fromCodePoint(cp);
  // Checked before whitespace: U+FEFF matches \s in JavaScript but is an invisible marker.
  if (FORMAT_RE.test(ch)) return CharClass.Drop;
  if (SPACE_RE.test(ch)) return CharClass.Sep;
  if (WORD_RE.test(ch)) return CharClass.Word;
  const compat = ch.normalize('NFKC');
  if (compat === '.') return CharClass.Dot;
  if (compat === ' ') return CharClass.Sep;
  return CharClass.Other;
}

/** Class cache for the BMP (0 = not yet computed, else class + 1); astral code points use a Map. */
export const bmpClass = new Uint8Array(0x10000);
const astralClass = new Map<number, CharClass>();

/**
 * ASCII's classes, one digit each (what `classifyCodePoint` gives; a test keeps them equal):
 * written out because every frame's content script would otherwise build them with Unicode
 * RegExps at load, before it knows whether the frame holds any text at all.
 */
export const ASCII_CLASSES =
  '00000000022222000000000000000000200000040000025011111111110000000111111111111111111111111110000001111111111111111111111111100000';
for (let c = 0; c < 128; c++) bmpClass[c] = ASCII_CLASSES.charCodeAt(c) - 48 + 1;

/** Class of a code point (not a surrogate half). */
export function classOf(cp: number): CharClass {
  if (cp < 0x10000) {
    const cached = bmpClass[cp] as number;
    if (cached !== 0) return (cached - 1) as CharClass;
    const cls = classifyCodePoint(cp);
    bmpClass[cp] = cls + 1;
    return cls;
  }
  let cls = astralClass.get(cp);
  if (cls === undefined) {
    cls = classifyCodePoint(cp);
    astralClass.set(cp, cls);
  }
  return cls;
}

/** Class of the code point starting at `i` (a lone surrogate is `Other`). */
export function classAt(text: string, i: number): CharClass {
  const c = text.charCodeAt(i);
  if (c < 128) return ((bmpClass[c] as number) - 1) as CharClass;
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return classOf(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000);
  }
  return classOf(c);
}

/** Letters folded after NFKD and lower-casing, by script (see the module comment). */
// biome-ignore format: a table
const SCRIPT_FOLDS: ReadonlyMap<number, string> = new Map([
  [0x0131, 'i'], // ı dotless i
  [0x0671, '\u0627'], // ٱ alef wasla
  [0x0649, '\u064a'], [0x06cc, '\u064a'], [0x06d2, '\u064a'], // ى ی ے → ي
  [0x06a9, '\u0643'], // ک → ك
  [0x0629, '\u0647'], [0x06c1, '\u0647'], [0x06c0, '\u0647'], [0x06c3, '\u0647'],
  [0x06be, '\u0647'], [0x06d5, '\u0647'], // ة ہ ۀ ۃ ھ ە → ه
]);

/** Digits of other scripts with their ASCII value (NFKD leaves them alone). */
function digitOf(cp: number): string | null {
  if (cp >= 0x0660 && cp <= 0x0669) return String.fromCharCode(48 + cp - 0x0660);
  if (cp >= 0x06f0 && cp <= 0x06f9) return String.fromCharCode(48 + cp - 0x06f0);
  return null;
}

const foldCache = new Map<number, string>();
/** BMP folds in pages of 256 code points, made when first met (a script's letters share pages). */
const bmpFolds: ((string | undefined)[] | undefined)[] = new Array(256).fill(undefined);
/** Code points whose fold differs from their NFKD form, i.e. capitals (filled by foldCodePoint). */
export const upperSet = new Set<number>();

/** Normalised key of one word character: NFKD, lower case, then the script folds. */
export function foldCodePoint(cp: number): string {
  // An array for the BMP: the tokenizer asks once per non-ASCII character, and indexing costs a
  // fraction of a Map lookup (Arabic text is all such characters).
  let folded = cp < 0x10000 ? bmpFolds[cp >> 8]?.[cp & 0xff] : foldCache.get(cp);
  if (folded === undefined) {
    const compat = String.fromCodePoint(cp).normalize('NFKD');
    const lower = compat.toLowerCase();
    if (lower !== compat) upperSet.add(cp);
    folded = digitOf(cp) ?? '';
    if (folded === '') {
      for (const ch of lower) {
        const c = ch.codePointAt(0) as number;
        if (isOptionalMark(c)) continue;
        folded += SCRIPT_FOLDS.get(c) ?? ch;
      }
    }
    if (cp < 0x10000) {
      bmpFolds[cp >> 8] ??= new Array<string | undefined>(256).fill(undefined);
      (bmpFolds[cp >> 8] as (string | undefined)[])[cp & 0xff] = folded;
    } else foldCache.set(cp, folded);
  }
  return folded;
}

/** True for a code point of the Arabic script blocks (Arabic, Supplement, Presentation Forms). */
export function isArabicScript(cp: number): boolean {
  return (
    (cp >= 0x0600 && cp <= 0x06ff) ||
    (cp >= 0x0750 && cp <= 0x077f) ||
    (cp >= 0x08a0 && cp <= 0x08ff) ||
    (cp >= 0xfb50 && cp <= 0xfdff) ||
    (cp >= 0xfe70 && cp <= 0xfeff)
  );
}

/** The key of a word as the tokenizer builds it (apostrophes straightened, dots kept). */
export function foldWord(word: string): string {
  let key = '';
  for (const ch of word) {
    const cp = ch.codePointAt(0) as number;
    const cls = classOf(cp);
    if (cls === CharClass.Word) key += foldCodePoint(cp);
    else if (cls === CharClass.Apos) key += "'";
    else if (cls === CharClass.Dot) key += '.';
  }
  return key;
}

/**
 * The generated character classes of the pre-filter (unsafe-chars.ts), computed from the
 * tokenizer's own classes and folds. Slow (every code point): for the test that keeps the
 * generated table honest, never called at run time.
 */

const hex = (c: number) => `\\u${c.toString(16).padStart(4, '0')}`;

/** Code units [0x80, 0x10000) flagged in `units`, as a RegExp class body of ranges. */
function classBody(units: Uint8Array, from: number): string {
  let out = '';
  for (let c = from; c < 0x10000; c++) {
    if (!units[c]) continue;
    let end = c;
    while (end + 1 < 0x10000 && units[end + 1]) end++;
    out += end === c ? hex(c) : end === c + 1 ? hex(c) + hex(end) : `${hex(c)}-${hex(end)}`;
    c = end;
  }
  return out;
}

/**
 * Computes the unsafe class (the source of `UNSAFE_CHARS`): non-ASCII characters that can make a
 * token's key differ from its ASCII spelling while staying ASCII (a ligature, a full-width
 * letter), or vanish from it (invisible characters), or stand for a dot; as a RegExp class body
 * over UTF-16 code units. Astral characters are matched by their high surrogate, and unassigned
 * code points count as unsafe, since a newer browser may give them a decomposition. Characters
 * every needle spells out itself (`vouched`: the Turkish i's, other scripts' digits, Arabic
 * harakat) are left out: they would otherwise make every Turkish or Arabic word a hit.
 */
export function computeUnsafeChars(
  classify: (cp: number) => number,
  fold: (cp: number) => string,
  classes: { word: number; drop: number; dot: number },
  vouched: (cp: number) => boolean,
): string {
  const unassigned = /^\p{Cn}$/u;
  const ascii = (s: string) => [...s].every((c) => c.charCodeAt(0) < 0x80);
  const unsafe = (cp: number): boolean => {
    if (vouched(cp)) return false;
    const ch = String.fromCodePoint(cp);
    if (unassigned.test(ch)) return true;
    const cls = classify(cp);
    if (cls === classes.drop || cls === classes.dot) return true;
    // A letter whose key keeps something non-ASCII (an accent) can never spell a plain key.
    return cls === classes.word && ascii(fold(cp));
  };
  const units = new Uint8Array(0x10000);
  for (let cp = 0x80; cp <= 0x10ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    if (!unsafe(cp)) continue;
    units[cp < 0x10000 ? cp : 0xd800 + ((cp - 0x10000) >> 10)] = 1;
  }
  return classBody(units, 0x80);
}

/**
 * Computes the separator class (the source of `SEP_CHARS`): every character the tokenizer reads
 * as a separator (whitespace, hyphens and dashes), as a RegExp class body. Throws if one is
 * astral, which a class over code units could not express. Slow, like `computeUnsafeChars`.
 */
export function computeSepChars(classify: (cp: number) => number, sep: number): string {
  const units = new Uint8Array(0x10000);
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    if (classify(cp) !== sep) continue;
    if (cp >= 0x10000) throw new Error(`astral separator U+${cp.toString(16)}`);
    units[cp] = 1;
  }
  return classBody(units, 0);
}

/**
 * Non-negative integers as a compact string: 5 bits per character (base 32 digits `0-9a-v`)
 * with upper-case `G-V` marking a final digit — so a list needs no separators. The matcher's
 * shipped tables are mostly small integers, and every page's content script carries them.
 */

const DIGITS = '0123456789abcdefghijklmnopqrstuv';
const FINAL = 'GHIJKLMNOPQRSTUVWXYZ+/@#$%&*!?~^'; // 32 distinct non-digit characters

export function encodeVlq(values: readonly number[]): string {
  let out = '';
  for (const value of values) {
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`not a count: ${value}`);
    // Most values are one digit: no array, no join.
    let digits = FINAL[value & 31] as string;
    for (let v = Math.floor(value / 32); v > 0; v = Math.floor(v / 32)) {
      digits = (DIGITS[v & 31] as string) + digits;
    }
    out += digits;
  }
  return out;
}

const VALUE = new Int8Array(128).fill(-1);
const IS_FINAL = new Uint8Array(128);
for (let i = 0; i < 32; i++) {
  VALUE[DIGITS.charCodeAt(i)] = i;
  VALUE[FINAL.charCodeAt(i)] = i;
  IS_FINAL[FINAL.charCodeAt(i)] = 1;
}

export function decodeVlq(text: string): number[] {
  const out: number[] = [];
  let v = 0;
  let open = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const d = c < 128 ? (VALUE[c] as number) : -1;
    if (d < 0) throw new SyntaxError(`not a table digit at ${i}`);
    v = v * 32 + d;
    open = IS_FINAL[c] !== 1;
    if (!open) {
      out.push(v);
      v = 0;
    }
  }
  if (open) throw new SyntaxError('table ends inside a number');
  return out;
}

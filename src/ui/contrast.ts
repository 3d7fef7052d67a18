/** WCAG 2.x contrast helpers, pure, for the options page's colour check. */

export type Rgb = readonly [r: number, g: number, b: number];

/** Parses `#rgb`, `#rrggbb` (what `<input type="color">` yields) and `rgb(r, g, b)`. */
export function parseColor(input: string): Rgb | null {
  const value = input.trim().toLowerCase();
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(value);
  if (short) {
    const [, r = '', g = '', b = ''] = short;
    return [Number.parseInt(r + r, 16), Number.parseInt(g + g, 16), Number.parseInt(b + b, 16)];
  }
  const long = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/.exec(value);
  if (long) {
    const [, r = '', g = '', b = ''] = long;
    return [Number.parseInt(r, 16), Number.parseInt(g, 16), Number.parseInt(b, 16)];
  }
  const fn = /^rgba?\(\s*(\d{1,3})\s*[,\s]\s*(\d{1,3})\s*[,\s]\s*(\d{1,3})\s*(?:[,/].*)?\)$/.exec(
    value,
  );
  if (fn) {
    const rgb = [Number(fn[1]), Number(fn[2]), Number(fn[3])] as const;
    return rgb.every((c) => c <= 255) ? rgb : null;
  }
  return null;
}

function channel(c: number): number {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

export function relativeLuminance([r, g, b]: Rgb): number {
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** Contrast ratio between two colours, 1 to 21; null when either colour cannot be parsed. */
export function contrastRatio(a: string, b: string): number | null {
  const ca = parseColor(a);
  const cb = parseColor(b);
  if (!ca || !cb) return null;
  const la = relativeLuminance(ca);
  const lb = relativeLuminance(cb);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** WCAG AA for body text. */
export const MIN_TEXT_CONTRAST = 4.5;

/** Typical page text: near-black on light pages, near-white on dark ones. */
export const DARK_TEXT = '#1a1a1a';
export const LIGHT_TEXT = '#f2f2f2';

export interface ContrastReport {
  darkText: number;
  lightText: number;
  /** True when at least one of the two common page text colours is readable over the colour. */
  readable: boolean;
}

/** How readable page text is when painted over `background`. */
export function textContrast(background: string): ContrastReport | null {
  const darkText = contrastRatio(background, DARK_TEXT);
  const lightText = contrastRatio(background, LIGHT_TEXT);
  if (darkText === null || lightText === null) return null;
  return {
    darkText,
    lightText,
    readable: darkText >= MIN_TEXT_CONTRAST || lightText >= MIN_TEXT_CONTRAST,
  };
}

/** "4.5:1" style, rounded down so a display of 4.5 never hides a failing 4.49. */
export function formatRatio(ratio: number): string {
  return `${Math.floor(ratio * 10) / 10}:1`;
}

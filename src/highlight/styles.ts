import { DEFAULT_CATEGORY_COLORS } from '../glossary/categories';
import { CATEGORIES, type Category } from '../glossary/schema';
import { DOCUMENT_NODE } from '../util/nodes';
import type { CategoryColors, HighlightStyle } from './types';

/** Class and attribute of the DOM painter's marks (the attribute holds the entry id). */
export const MARK_CLASS = 'termlight';
export const MARK_ATTRIBUTE = 'data-termlight';
export const HIGHLIGHT_PREFIX = 'termlight-';
export const UNDERLINE_PREFIX = 'termlight-u-';
export const FLASH_NAME = 'termlight-flash';
export const ACTIVE_NAME = 'termlight-active';
/** Class the DOM painter puts on its marks in the underline style. */
export const UNDERLINE_CLASS = 'termlight-u';

/**
 * Each style has its own highlight names, so the static content-script stylesheet can hold both
 * and switching style only re-registers highlights (no stylesheet change, no style recalc).
 */
export function highlightName(category: Category, style: HighlightStyle = 'background'): string {
  return `${style === 'underline' ? UNDERLINE_PREFIX : HIGHLIGHT_PREFIX}${category}`;
}

/** Darker "ink" per category for the underline, readable on white. */
const INK: Record<Category, string> = {
  agreement: '#8a6100',
  cooperation: '#1e7a3c',
  capability: '#2f5fb3',
  strategy: '#8e3a86',
  organisation: '#a35214',
  operation: '#1f7a7a',
};

/**
 * User colours end up in CSS text, so only plain colour syntax is accepted (no `;`, `{`, `}`
 * or quotes that could break out of the declaration).
 */
export function safeColor(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const v = value.trim();
  return /^(#[0-9a-fA-F]{3,8}|[a-zA-Z]+|(rgb|rgba|hsl|hsla|oklch|oklab|lab|lch)\([-0-9.,%\s/a-z]*\))$/.test(
    v,
  )
    ? v
    : undefined;
}

interface Paint {
  light: string;
  dark: string;
}

/** Declarations for one category in light and dark colour schemes. */
function paintFor(category: Category, style: HighlightStyle, colors?: CategoryColors): Paint {
  const custom = safeColor(colors?.[category]);
  const tint = custom ?? DEFAULT_CATEGORY_COLORS[category];
  const ink = custom ? `color-mix(in srgb, ${custom} 55%, black)` : INK[category];
  if (style === 'underline') {
    return {
      light: `text-decoration: underline 2px ${ink}; text-decoration-skip-ink: none;`,
      dark: `text-decoration: underline 2px ${tint}; text-decoration-skip-ink: none;`,
    };
  }
  // Light translucent tints keep the page's own text colour above contrast thresholds on light
  // pages; on dark pages a low-alpha darker tint keeps light text readable. A tint only: any
  // text-decoration in a ::highlight() makes Chromium recompute every text fragment's ink
  // overflow in each frame that changes a highlight (every time windowing registers ranges while
  // the reader scrolls). Readers who want a line choose the underline style.
  return {
    light: `background-color: color-mix(in srgb, ${tint} 80%, transparent);`,
    dark: `background-color: color-mix(in srgb, ${ink} 45%, transparent);`,
  };
}

const STYLES: readonly HighlightStyle[] = ['background', 'underline'];

/** Category rules for both styles and both painters; only categories in `only` when given. */
function categoryRules(colors: CategoryColors | undefined, only?: readonly Category[]) {
  const light: string[] = [];
  const dark: string[] = [];
  for (const c of only ?? CATEGORIES) {
    for (const style of STYLES) {
      const p = paintFor(c, style, colors);
      const mark =
        style === 'underline'
          ? `mark.${UNDERLINE_CLASS}.${HIGHLIGHT_PREFIX}${c}`
          : `mark.${HIGHLIGHT_PREFIX}${c}`;
      // A mark in the underline style must drop the background its category class gives it.
      const reset = style === 'underline' ? ' background-color: transparent;' : '';
      light.push(`::highlight(${highlightName(c, style)}) { ${p.light} }`);
      light.push(`${mark} { ${p.light}${reset} }`);
      dark.push(`::highlight(${highlightName(c, style)}) { ${p.dark} }`);
      dark.push(`${mark} { ${p.dark}${reset} }`);
    }
  }
  return { light, dark };
}

function sheetText(light: string[], dark: string[]): string {
  if (light.length === 0) return '';
  return `${light.join('\n')}\n@media (prefers-color-scheme: dark) {\n${dark.join('\n')}\n}\n`;
}

/**
 * The default stylesheet for both painters and both styles: `::highlight()` rules for the CSS
 * painter, classes for the DOM painter's marks. It ships as the content script's manifest CSS
 * (src/highlight/highlights.css, checked against this function by a test), which the browser
 * injects before the page is built: adopting a sheet with `::highlight()` rules later forces a
 * full-document style recalc.
 */
export function buildDefaultStylesheet(): string {
  const { light, dark } = categoryRules(undefined);
  // The UA's mark colours go first, so the category rules (equal specificity) override them;
  // flash/active come last so they win on marks.
  light.unshift(`mark.${MARK_CLASS} { background: none; color: inherit; }`);
  light.push(
    `::highlight(${FLASH_NAME}) { background-color: #ffd400; color: #111; }`,
    `mark.${MARK_CLASS}.${FLASH_NAME} { background-color: #ffd400; color: #111; }`,
    `::highlight(${ACTIVE_NAME}) { text-decoration: underline 3px #111; }`,
    `mark.${MARK_CLASS}.${ACTIVE_NAME} { text-decoration: underline 3px #111; }`,
  );
  dark.push(
    `::highlight(${FLASH_NAME}) { background-color: #8a6d00; color: #fff; }`,
    `mark.${MARK_CLASS}.${FLASH_NAME} { background-color: #8a6d00; color: #fff; }`,
    `::highlight(${ACTIVE_NAME}) { text-decoration: underline 3px #fff; }`,
    `mark.${MARK_CLASS}.${ACTIVE_NAME} { text-decoration: underline 3px #fff; }`,
  );
  return `/* Generated by buildDefaultStylesheet() in src/highlight/styles.ts; a test keeps them equal. */\n${sheetText(light, dark)}`;
}

/** Rules for the user's custom colours only ('' when there are none). */
export function buildOverrideStylesheet(colors?: CategoryColors): string {
  const custom = CATEGORIES.filter((c) => safeColor(colors?.[c]) !== undefined);
  // The usual case, on every page load: nothing to build.
  if (custom.length === 0) return '';
  const { light, dark } = categoryRules(colors, custom);
  return sheetText(light, dark);
}

/**
 * A constructed stylesheet adopted by the document (and shadow roots): styles without adding a
 * single node to the page.
 */
export interface AdoptedSheet {
  update(css: string): void;
  adoptInto(root: DocumentOrShadowRoot): void;
  dispose(): void;
}

/** Adopts `css` into `root`; null where constructed sheets are unavailable. */
export function createAdoptedSheet(
  root: DocumentOrShadowRoot & Node,
  css: string,
): AdoptedSheet | null {
  const doc = root.nodeType === DOCUMENT_NODE ? (root as Document) : root.ownerDocument;
  const view = doc?.defaultView;
  const Sheet = (view as (Window & typeof globalThis) | null)?.CSSStyleSheet;
  if (!Sheet) return null;
  let sheet: CSSStyleSheet;
  try {
    sheet = new Sheet();
    sheet.replaceSync(css);
  } catch {
    return null;
  }
  const roots: DocumentOrShadowRoot[] = [];
  const adopt = (root: DocumentOrShadowRoot) => {
    if (roots.includes(root)) return;
    try {
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      roots.push(root);
    } catch (e) {
      // Firefox content scripts see the page through Xray wrappers; report once, keep going.
      console.warn('[termlight] could not adopt stylesheet', e);
    }
  };
  adopt(root);
  return {
    update(next) {
      sheet.replaceSync(next);
    },
    adoptInto: adopt,
    dispose() {
      for (const root of roots) {
        try {
          root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
        } catch {
          // The root is gone or no longer accessible; nothing left to clean.
        }
      }
      roots.length = 0;
    },
  };
}

/**
 * Styles for a painter: the defaults come from the manifest CSS, so the document gets an adopted
 * sheet only when the user has custom colours (a one-off style recalc for those users). Shadow
 * trees do not see document rules: each gets one sheet with the defaults plus the overrides.
 */
export interface PainterStyles {
  setColors(colors?: CategoryColors): void;
  adoptInto(root: ShadowRoot): void;
  dispose(): void;
}

export function createPainterStyles(doc: Document, colors?: CategoryColors): PainterStyles {
  let overrideCss = buildOverrideStylesheet(colors);
  let docSheet: AdoptedSheet | null = null;
  let shadowSheet: AdoptedSheet | null = null;
  const shadowCss = () => `${buildDefaultStylesheet()}${overrideCss}`;
  const syncDocument = () => {
    if (overrideCss && docSheet) docSheet.update(overrideCss);
    else if (overrideCss) docSheet = createAdoptedSheet(doc, overrideCss);
    else {
      docSheet?.dispose();
      docSheet = null;
    }
  };
  syncDocument();
  return {
    setColors(next) {
      const css = buildOverrideStylesheet(next);
      if (css === overrideCss) return;
      overrideCss = css;
      syncDocument();
      shadowSheet?.update(shadowCss());
    },
    adoptInto(root) {
      if (shadowSheet) shadowSheet.adoptInto(root);
      else shadowSheet = createAdoptedSheet(root, shadowCss());
    },
    dispose() {
      docSheet?.dispose();
      shadowSheet?.dispose();
      docSheet = shadowSheet = null;
    },
  };
}

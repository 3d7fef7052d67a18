import { CATEGORIES, type Category } from '../glossary/schema';
import { DEFAULT_CATEGORY_COLORS } from '../ui/category-colors';
import type { CategoryColors, HighlightStyle } from './types';

export const HIGHLIGHT_PREFIX = 'termlight-';
export const FLASH_NAME = 'termlight-flash';
export const ACTIVE_NAME = 'termlight-active';

export function highlightName(category: Category): string {
  return `${HIGHLIGHT_PREFIX}${category}`;
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
  // pages; on dark pages a low-alpha darker tint keeps light text readable.
  return {
    light: `background-color: color-mix(in srgb, ${tint} 80%, transparent); text-decoration: underline 1px ${ink};`,
    dark: `background-color: color-mix(in srgb, ${ink} 45%, transparent); text-decoration: underline 1px ${tint};`,
  };
}

/**
 * The stylesheet for both painters: `::highlight()` rules for the CSS painter and classes for
 * the DOM painter's marks. Highlight rules have no effect once our names leave the registry.
 */
export function buildStylesheet(style: HighlightStyle, colors?: CategoryColors): string {
  const light: string[] = [
    'mark.termlight { background: none; color: inherit; }',
    `::highlight(${FLASH_NAME}) { background-color: #ffd400; color: #111; }`,
    'mark.termlight.termlight-flash { background-color: #ffd400; color: #111; }',
    `::highlight(${ACTIVE_NAME}) { text-decoration: underline 3px #111; }`,
    'mark.termlight.termlight-active { text-decoration: underline 3px #111; }',
  ];
  const dark: string[] = [
    `::highlight(${FLASH_NAME}) { background-color: #8a6d00; color: #fff; }`,
    'mark.termlight.termlight-flash { background-color: #8a6d00; color: #fff; }',
    `::highlight(${ACTIVE_NAME}) { text-decoration: underline 3px #fff; }`,
    'mark.termlight.termlight-active { text-decoration: underline 3px #fff; }',
  ];
  for (const c of CATEGORIES) {
    const p = paintFor(c, style, colors);
    // Category rules come first so flash/active (equal specificity, later) win on marks.
    light.unshift(
      `::highlight(${highlightName(c)}) { ${p.light} }`,
      `mark.termlight-${c} { ${p.light} }`,
    );
    dark.unshift(
      `::highlight(${highlightName(c)}) { ${p.dark} }`,
      `mark.termlight-${c} { ${p.dark} }`,
    );
  }
  return `${light.join('\n')}\n@media (prefers-color-scheme: dark) {\n${dark.join('\n')}\n}\n`;
}

/**
 * A constructed stylesheet adopted by the document (and shadow roots): styles without adding a
 * single node to the page. Returns null where constructed sheets are unavailable.
 */
export interface AdoptedSheet {
  update(css: string): void;
  adoptInto(root: DocumentOrShadowRoot): void;
  dispose(): void;
}

export function createAdoptedSheet(doc: Document, css: string): AdoptedSheet | null {
  const view = doc.defaultView;
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
  adopt(doc);
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

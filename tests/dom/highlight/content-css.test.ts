import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORY_COLORS } from '../../../src/glossary/categories';
import { CATEGORIES } from '../../../src/glossary/schema';
import {
  buildDefaultStylesheet,
  buildOverrideStylesheet,
  highlightName,
} from '../../../src/highlight/styles';

const cssFile = path.resolve(__dirname, '../../../src/highlight/highlights.css');
const shipped = readFileSync(cssFile, 'utf8');

/** Without comments and with single spaces: the file is formatted by Biome, the generator is not. */
function canonical(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};:,()])\s*/g, '$1')
    .trim();
}

/** Top-level (light) rules of a stylesheet text, selector -> declarations. */
function lightRules(css: string): Map<string, string> {
  const out = new Map<string, string>();
  const top = canonical(css).split('@media')[0] ?? '';
  for (const m of top.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    out.set((m[1] as string).trim(), (m[2] as string).trim());
  }
  return out;
}

describe('content-script CSS (src/highlight/highlights.css)', () => {
  it('is exactly what buildDefaultStylesheet() generates', () => {
    // After a change, write buildDefaultStylesheet() to the file (then `biome check --write`).
    expect(canonical(shipped)).toBe(canonical(buildDefaultStylesheet()));
  });

  it('uses DEFAULT_CATEGORY_COLORS for every category background', () => {
    const rules = lightRules(shipped);
    for (const c of CATEGORIES) {
      const decl = rules.get(`::highlight(${highlightName(c, 'background')})`);
      expect(decl, c).toBeDefined();
      const tint = /background-color:color-mix\(in srgb,(#[0-9a-f]+) 80%/i.exec(decl ?? '')?.[1];
      expect(tint, c).toBe(DEFAULT_CATEGORY_COLORS[c]);
      // A decoration would make every frame that changes a highlight recompute the whole page's
      // ink overflow (see paintFor): the default style is a tint only.
      expect(decl, c).not.toMatch(/text-decoration/);
      expect(rules.get(`mark.termlight-${c}`)).toBe(decl);
    }
  });

  it('holds both styles under distinct names, flash/active and dark variants', () => {
    const rules = lightRules(shipped);
    for (const c of CATEGORIES) {
      expect(highlightName(c, 'underline')).toBe(`termlight-u-${c}`);
      expect(rules.get(`::highlight(termlight-u-${c})`)).toMatch(/text-decoration:underline 2px/);
    }
    expect(rules.has('::highlight(termlight-flash)')).toBe(true);
    expect(rules.has('::highlight(termlight-active)')).toBe(true);
    const dark = canonical(shipped).split('@media(prefers-color-scheme:dark)')[1] ?? '';
    for (const c of CATEGORIES) {
      expect(dark).toContain(`::highlight(termlight-${c})`);
      expect(dark).toContain(`::highlight(termlight-u-${c})`);
    }
  });

  it('override sheet holds only the custom categories, and nothing without custom colours', () => {
    expect(buildOverrideStylesheet()).toBe('');
    expect(buildOverrideStylesheet({})).toBe('');
    expect(buildOverrideStylesheet({ strategy: 'red;}' })).toBe('');
    const css = buildOverrideStylesheet({ strategy: '#123456' });
    expect(css).toContain('::highlight(termlight-strategy)');
    expect(css).toContain('::highlight(termlight-u-strategy)');
    expect(css).toContain('#123456');
    expect(css).not.toContain('termlight-agreement');
  });
});

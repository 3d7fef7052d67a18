import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contrastRatio, MIN_TEXT_CONTRAST } from '../../../src/ui/contrast';

const css = readFileSync(path.resolve(__dirname, '../../../src/ui/theme.css'), 'utf8');

/** Custom properties of the first `:root, :host` block after `from` (light first, then dark). */
function tokens(from: number): Record<string, string> {
  const start = css.indexOf(':root,', from);
  const block = css.slice(start, css.indexOf('}', start));
  return Object.fromEntries(
    [...block.matchAll(/--(tl-[\w-]+):\s*(#[0-9a-f]{3,6})\b/gi)].map((m) => [m[1], m[2]]),
  );
}

const schemes = {
  light: tokens(0),
  dark: tokens(css.indexOf('prefers-color-scheme: dark')),
};

// [foreground token, background token]: every text colour on every surface it is used on.
const pairs = [
  ['tl-text', 'tl-bg'],
  ['tl-text', 'tl-surface'],
  ['tl-text', 'tl-surface-hover'],
  ['tl-text', 'tl-accent-soft'],
  ['tl-muted', 'tl-bg'],
  ['tl-muted', 'tl-surface'],
  ['tl-muted', 'tl-accent-soft'],
  ['tl-accent', 'tl-bg'],
  ['tl-accent', 'tl-surface'],
  ['tl-accent-text', 'tl-accent'],
  ['tl-danger', 'tl-danger-soft'],
  ['tl-bg', 'tl-danger'],
  ['tl-success', 'tl-bg'],
  ['tl-warning', 'tl-bg'],
  ['tl-mark-text', 'tl-mark-bg'],
] as const;

describe('theme text contrast', () => {
  for (const [scheme, t] of Object.entries(schemes)) {
    it.each(pairs)(`${scheme}: %s on %s is at least 4.5:1`, (fg, bg) => {
      expect(t[fg], fg).toBeDefined();
      expect(t[bg], bg).toBeDefined();
      expect(contrastRatio(t[fg] ?? '', t[bg] ?? '')).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
    });
  }
});

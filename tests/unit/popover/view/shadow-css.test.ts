import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pinRootUnits } from '../../../../src/popover/view/shadow-css';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

describe('pinRootUnits', () => {
  it('rewrites rem lengths to pixels at the design root size', () => {
    expect(pinRootUnits('a { padding: 0.75rem 1rem; font-size: .8125rem; margin: -0.5rem }')).toBe(
      'a { padding: 12px 16px; font-size: 13px; margin: -8px }',
    );
    expect(pinRootUnits('b { inset: 0.1875rem; width: min(26rem, calc(100vw - 16px)) }')).toBe(
      'b { inset: 3px; width: min(416px, calc(100vw - 16px)) }',
    );
    expect(pinRootUnits('c { gap: 2rem }', 10)).toBe('c { gap: 20px }');
  });

  it('leaves other units and identifiers that contain "rem" alone', () => {
    const css =
      '.tl-remark, .x2rem { --tl-premium: 1em; width: 2em; height: 3vh; animation: rem 1s; }';
    expect(pinRootUnits(css)).toBe(css);
  });
});

describe('the popover stylesheets, pinned', () => {
  it('keep no rem unit once pinned (rem follows the page root inside a shadow root)', () => {
    const read = (f: string) => readFileSync(path.join(repoRoot, 'src/ui', f), 'utf8');
    const raw = `${read('theme.css')}\n${read('components.css')}\n${read('popover.css')}`;
    expect(raw).toMatch(/\drem\b/);
    const pinned = pinRootUnits(raw);
    expect(pinned).not.toMatch(/\drem\b/);
    // The definition's 0.9375rem, as designed.
    expect(pinned).toMatch(/font-size: 15px/);
  });
});

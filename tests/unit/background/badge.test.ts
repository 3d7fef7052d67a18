import { describe, expect, it } from 'vitest';
import { BADGE_OFF_COLOR, BADGE_ON_COLOR, badgeFor } from '../../../src/background/badge';

describe('badgeFor', () => {
  it.each([
    // [count, enabled, paused, text, color]
    [0, true, false, '', BADGE_ON_COLOR],
    [1, true, false, '1', BADGE_ON_COLOR],
    [7, true, false, '7', BADGE_ON_COLOR],
    [99, true, false, '99', BADGE_ON_COLOR],
    [100, true, false, '99+', BADGE_ON_COLOR],
    [3, false, false, 'off', BADGE_OFF_COLOR],
    [0, false, false, 'off', BADGE_OFF_COLOR],
    [5, true, true, 'off', BADGE_OFF_COLOR],
    [0, false, true, 'off', BADGE_OFF_COLOR],
  ])('count %i, enabled %s, paused %s -> %j', (count, enabled, paused, text, color) => {
    const badge = badgeFor({ count, enabled, paused, host: 'example.com' });
    expect(badge.text).toBe(text);
    expect(badge.color).toBe(color);
  });

  it.each([
    [{ count: 1, enabled: true, host: 'a.com' }, 'Termlight: 1 glossary term on this page'],
    [{ count: 4, enabled: true, host: 'a.com' }, 'Termlight: 4 glossary terms on this page'],
    [{ count: 0, enabled: true, host: 'a.com' }, 'Termlight: no glossary terms on this page'],
    [{ count: 0, enabled: false, host: 'a.com' }, 'Termlight is off on a.com'],
    [{ count: 0, enabled: false, host: '' }, 'Termlight is off on this site'],
    [{ count: 2, enabled: false, host: 'a.com', paused: true }, 'Termlight is paused everywhere'],
  ])('title for %j', (state, title) => {
    expect(badgeFor(state).title).toBe(title);
  });

  it('white badge text is readable on both colours (contrast >= 4.5)', () => {
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => {
        const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      }) as [number, number, number];
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    for (const color of [BADGE_ON_COLOR, BADGE_OFF_COLOR]) {
      expect(1.05 / (luminance(color) + 0.05)).toBeGreaterThanOrEqual(4.5);
    }
  });
});

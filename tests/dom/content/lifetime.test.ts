import { describe, expect, it } from 'vitest';
import { extensionLifetime } from '../../../src/content/lifetime';

describe('extensionLifetime', () => {
  it('stays open while the extension is alive', () => {
    const signal = extensionLifetime(window, () => true);
    window.dispatchEvent(new Event('focus'));
    document.dispatchEvent(new Event('visibilitychange'));
    expect(signal.aborted).toBe(false);
  });

  it.each([
    ['focus', () => window.dispatchEvent(new Event('focus'))],
    ['pageshow', () => window.dispatchEvent(new Event('pageshow'))],
    ['visibilitychange', () => document.dispatchEvent(new Event('visibilitychange'))],
  ])('aborts on %s once the extension is gone', (_name, fire) => {
    let alive = true;
    const signal = extensionLifetime(window, () => alive);
    fire();
    expect(signal.aborted).toBe(false);
    alive = false;
    fire();
    expect(signal.aborted).toBe(true);
    expect(String(signal.reason)).toMatch(/reloaded or removed/);
  });

  it('stops listening once aborted', () => {
    let checks = 0;
    const signal = extensionLifetime(window, () => {
      checks++;
      return false;
    });
    window.dispatchEvent(new Event('focus'));
    window.dispatchEvent(new Event('focus'));
    expect(signal.aborted).toBe(true);
    expect(checks).toBe(1);
  });
});

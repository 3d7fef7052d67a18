import { describe, expect, it } from 'vitest';
import { sameOriginAsTop } from '../../../src/util/frame';

describe('sameOriginAsTop', () => {
  it.each([
    ['the top frame itself', () => window, true],
    [
      'a frame whose top cannot be read',
      () =>
        ({
          get top(): Window {
            throw new Error('cross-origin');
          },
          location: window.location,
        }) as unknown as Window,
      false,
    ],
    [
      'a frame of another origin',
      () =>
        ({
          top: { location: { origin: 'https://ads.example' } },
          location: { origin: 'https://news.example' },
        }) as unknown as Window,
      false,
    ],
  ])('%s', (_name, win, expected) => {
    expect(sameOriginAsTop(win())).toBe(expected);
  });
});

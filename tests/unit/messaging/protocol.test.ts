import { describe, expect, it } from 'vitest';
import { isForOtherDirection, parseMessage, parseResponse } from '../../../src/messaging/protocol';

describe('parseMessage', () => {
  it.each([
    [
      'content-to-background',
      { type: 'content/page-state', count: 3, enabled: true, host: 'a.com' },
    ],
    ['content-to-background', { type: 'content/page-state', count: 0, enabled: false, host: '' }],
    ['popup-to-content', { type: 'popup/get-page-state' }],
    ['popup-to-content', { type: 'popup/reveal', id: 'intelligence-sharing' }],
    ['background-to-content', { type: 'background/command', command: 'next-occurrence' }],
    ['background-to-content', { type: 'background/command', command: 'previous-occurrence' }],
  ] as const)('%s accepts %j', (direction, raw) => {
    expect(parseMessage(direction, raw)).toEqual(raw);
  });

  it.each([
    ['content-to-background', null],
    ['content-to-background', 'content/page-state'],
    ['content-to-background', {}],
    ['content-to-background', { type: 'content/unknown' }],
    [
      'content-to-background',
      { type: 'content/page-state', count: -1, enabled: true, host: 'a.com' },
    ],
    [
      'content-to-background',
      { type: 'content/page-state', count: 1.5, enabled: true, host: 'a.com' },
    ],
    [
      'content-to-background',
      { type: 'content/page-state', count: '3', enabled: true, host: 'a.com' },
    ],
    ['content-to-background', { type: 'content/page-state', count: 3, host: 'a.com' }],
    ['content-to-background', { type: 'popup/get-page-state' }],
    ['popup-to-content', { type: 'popup/reveal' }],
    ['popup-to-content', { type: 'popup/reveal', id: '' }],
    ['popup-to-content', { type: 'popup/reveal', id: 7 }],
    ['popup-to-content', { type: 'background/command', command: 'next-occurrence' }],
    ['background-to-content', { type: 'background/command', command: 'rm -rf' }],
    ['background-to-content', { type: 'background/command' }],
    ['background-to-content', [{ type: 'background/command', command: 'next-occurrence' }]],
  ] as const)('%s rejects %j', (direction, raw) => {
    expect(parseMessage(direction, raw)).toBeNull();
  });

  it('strips unknown keys (they never reach handlers)', () => {
    expect(parseMessage('popup-to-content', { type: 'popup/reveal', id: 'nato', evil: 1 })).toEqual(
      {
        type: 'popup/reveal',
        id: 'nato',
      },
    );
  });
});

describe('isForOtherDirection', () => {
  it.each([
    ['popup-to-content', { type: 'background/command' }, true],
    ['background-to-content', { type: 'popup/reveal' }, true],
    ['popup-to-content', { type: 'popup/bogus' }, false],
    ['popup-to-content', { type: 'something' }, false],
    ['popup-to-content', null, false],
  ] as const)('%s, %j -> %s', (direction, raw, expected) => {
    expect(isForOtherDirection(direction, raw)).toBe(expected);
  });
});

describe('parseResponse', () => {
  const get = { type: 'popup/get-page-state' } as const;
  it('validates the page state answer', () => {
    const answer = { host: 'a.com', enabled: true, entries: [{ id: 'nato', count: 2 }] };
    expect(parseResponse(get, answer)).toEqual(answer);
    expect(parseResponse(get, { host: 'a.com', enabled: true })).toBeNull();
    expect(parseResponse(get, undefined)).toBeNull();
  });

  it('messages without an answer resolve to undefined', () => {
    expect(parseResponse({ type: 'popup/reveal', id: 'nato' }, 'whatever')).toBeUndefined();
  });
});

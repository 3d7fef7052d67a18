import { describe, expect, it } from 'vitest';
import {
  notRecordedReason,
  type RecordingContext,
  sanitizeUrl,
  shouldRecord,
  URL_MAX_LENGTH,
} from '../../../src/history/privacy';

const base: RecordingContext = {
  enabled: true,
  incognito: false,
  host: 'news.example.com',
  pausedSites: {},
};

describe('notRecordedReason / shouldRecord', () => {
  it.each<[string, Partial<RecordingContext>, ReturnType<typeof notRecordedReason>]>([
    ['an ordinary page', {}, null],
    ['a private window', { incognito: true }, 'private'],
    [
      'a private window, even with history off and the site paused',
      { incognito: true, enabled: false, pausedSites: { 'example.com': true } },
      'private',
    ],
    ['history off', { enabled: false }, 'off'],
    ['no host', { host: null }, 'not-web'],
    ['an empty host', { host: '' }, 'not-web'],
    ['a file URL', { host: 'file:///home/me/a.html' }, 'not-web'],
    ['a browser page', { host: 'chrome://settings' }, 'not-web'],
    ['the site paused', { pausedSites: { 'news.example.com': true } }, 'paused'],
    ['the parent paused', { pausedSites: { 'example.com': true } }, 'paused'],
    [
      'the host given as a URL, parent paused',
      { host: 'https://www.news.example.com/x?q', pausedSites: { 'example.com': true } },
      'paused',
    ],
    [
      'the subdomain resumed under a paused parent',
      { pausedSites: { 'example.com': true, 'news.example.com': false } },
      null,
    ],
    ['a sibling paused', { pausedSites: { 'sport.example.com': true } }, null],
    [
      'a child paused does not pause the parent',
      { host: 'example.com', pausedSites: { 'news.example.com': true } },
      null,
    ],
    ['a pause set to false', { pausedSites: { 'example.com': false } }, null],
    ['a look-alike domain', { host: 'badexample.com', pausedSites: { 'example.com': true } }, null],
  ])('%s', (_name, overrides, reason) => {
    const context = { ...base, ...overrides };
    expect(notRecordedReason(context)).toBe(reason);
    expect(shouldRecord(context)).toBe(reason === null);
  });
});

describe('sanitizeUrl', () => {
  it.each<[string, boolean, string | null]>([
    ['https://example.com/a?utm=1&sid=secret#part', false, 'https://example.com/a'],
    ['https://example.com/a?utm=1#part', true, 'https://example.com/a?utm=1#part'],
    ['https://user:pw@example.com/a?q=1', false, 'https://example.com/a'],
    ['https://user:pw@example.com/a?q=1', true, 'https://example.com/a?q=1'],
    ['https://user@example.com/', true, 'https://example.com/'],
    ['http://example.com', false, 'http://example.com/'],
    ['https://example.com/?', false, 'https://example.com/'],
    ['https://example.com/#', false, 'https://example.com/'],
    ['HTTPS://Example.COM/Path', false, 'https://example.com/Path'],
    ['file:///home/me/a.html', true, null],
    ['chrome://settings', true, null],
    ['about:blank', true, null],
    ['javascript:alert(1)', true, null],
    ['data:text/html,hi', true, null],
    ['blob:https://example.com/1234', true, null],
    ['not a url', true, null],
    ['', true, null],
  ])('%s (keep query: %s)', (url, keepQuery, expected) => {
    expect(sanitizeUrl(url, { keepQuery })).toBe(expected);
  });

  it('drops a kept query that makes the address too long, then the address itself', () => {
    const longQuery = `https://example.com/a?q=${'x'.repeat(URL_MAX_LENGTH)}`;
    expect(sanitizeUrl(longQuery, { keepQuery: true })).toBe('https://example.com/a');
    const longPath = `https://example.com/${'p'.repeat(URL_MAX_LENGTH)}`;
    expect(sanitizeUrl(longPath, { keepQuery: false })).toBeNull();
  });
});

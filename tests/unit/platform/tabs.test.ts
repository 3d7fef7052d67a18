import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { activeTab, openReference, referenceUrl, setBadge } from '../../../src/platform/tabs';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('referenceUrl', () => {
  it.each([
    [undefined, 'chrome-extension://test-extension-id/popup.html?view=full'],
    ['', 'chrome-extension://test-extension-id/popup.html?view=full'],
    ['  ', 'chrome-extension://test-extension-id/popup.html?view=full'],
    ['NATO', 'chrome-extension://test-extension-id/popup.html?view=full&q=NATO'],
    [
      'status of forces',
      'chrome-extension://test-extension-id/popup.html?view=full&q=status+of+forces',
    ],
    ['a&b=c#d', 'chrome-extension://test-extension-id/popup.html?view=full&q=a%26b%3Dc%23d'],
    [
      '“U.S.–Saudi”',
      'chrome-extension://test-extension-id/popup.html?view=full&q=%E2%80%9CU.S.%E2%80%93Saudi%E2%80%9D',
    ],
  ])('%j', (query, url) => {
    expect(referenceUrl(query)).toBe(url);
  });

  it('keeps the query readable by the popup', () => {
    const url = new URL(referenceUrl('mutual defence & SOFA'));
    expect(url.searchParams.get('view')).toBe('full');
    expect(url.searchParams.get('q')).toBe('mutual defence & SOFA');
  });
});

describe('openReference', () => {
  it('opens the full reference in a new active tab', async () => {
    await openReference('joint exercises');
    const [tab] = await fakeBrowser.tabs.query({ active: true });
    expect(tab?.url).toBe(
      'chrome-extension://test-extension-id/popup.html?view=full&q=joint+exercises',
    );
  });
});

describe('activeTab', () => {
  it('returns the active tab of the current window', async () => {
    const window = await fakeBrowser.windows.create({ focused: true });
    await fakeBrowser.tabs.create({
      url: 'https://other.com/',
      active: false,
      windowId: window?.id,
    });
    const created = await fakeBrowser.tabs.create({
      url: 'https://a.com/',
      active: true,
      windowId: window?.id,
    });
    expect(await activeTab()).toEqual({ id: created.id, url: 'https://a.com/' });
  });

  it('returns null when there is none', async () => {
    expect(await activeTab()).toBeNull();
  });
});

describe('setBadge', () => {
  it('sets text, colour and title for one tab', async () => {
    await setBadge(4, { text: '12', color: '#1f5fae', title: 'Termlight: 12 terms' });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 4 })).toBe('12');
    expect(await fakeBrowser.action.getTitle({ tabId: 4 })).toBe('Termlight: 12 terms');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({ tabId: 4 })).toEqual([
      0x1f, 0x5f, 0xae, 255,
    ]);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 5 })).toBe('');
  });

  it('does not throw for a closed tab', async () => {
    vi.spyOn(console, 'debug').mockImplementation(() => {});
    vi.spyOn(fakeBrowser.action, 'setBadgeText').mockRejectedValue(new Error('No tab with id: 4'));
    await expect(setBadge(4, { text: '1', color: '#000000', title: 't' })).resolves.toBeUndefined();
  });
});

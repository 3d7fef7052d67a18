/**
 * The popup without the "tabs" permission: browsers hide `tab.url` of ordinary pages, so the site
 * (and its switch) must come from the content script's page state. Found by the e2e site-switch
 * test: with the URL hidden the popup showed no switch at all in Chromium and Firefox.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '../../../entrypoints/popup/App';
import { sendToTab } from '../../../src/platform/messaging';
import { activeTab } from '../../../src/platform/tabs';
import { getSettings } from '../../../src/settings/store';

vi.mock('../../../src/platform/tabs', () => ({
  activeTab: vi.fn(),
  openReference: vi.fn(async () => {}),
}));
vi.mock('../../../src/platform/messaging', () => ({
  sendToTab: vi.fn(),
  observeMessages: vi.fn(),
}));

const activeTabMock = vi.mocked(activeTab);
const sendToTabMock = vi.mocked(sendToTab);

beforeEach(() => {
  fakeBrowser.reset();
  vi.clearAllMocks();
  // What tabs.query gives without "tabs" or host permission: an id, no url.
  activeTabMock.mockResolvedValue({ id: 7 });
});
afterEach(cleanup);

describe('popup: the tab URL is hidden by the browser', () => {
  it('takes the site from the content script and switches it off', async () => {
    sendToTabMock.mockImplementation(async (_tabId, message) =>
      message.type === 'popup/get-page-state'
        ? ({
            host: 'www.news.example.com',
            enabled: true,
            entries: [{ id: 'nato', count: 2 }],
          } as never)
        : (undefined as never),
    );
    render(<App full={false} initialQuery="" />);
    // The reported host is normalised like any other (www. dropped).
    const toggle = await screen.findByRole('switch', { name: /Highlight on news\.example\.com/ });
    expect(sendToTabMock).toHaveBeenCalledWith(7, { type: 'popup/get-page-state' });
    // "On this page" lists what the tab reported.
    await waitFor(() => expect(document.querySelectorAll('.tl-page__item')).toHaveLength(1));
    fireEvent.click(toggle);
    await waitFor(async () =>
      expect((await getSettings()).siteRules).toEqual({ 'news.example.com': false }),
    );
  });

  it('with no answer (a browser page, say) offers no switch and says there is no page', async () => {
    sendToTabMock.mockResolvedValue(null);
    render(<App full={false} initialQuery="" />);
    expect((await screen.findByTestId('page-unavailable')).textContent).toMatch(
      /no web page Termlight can read/,
    );
    expect(screen.queryByRole('switch')).toBeNull();
  });
});

import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { onMessage, sendToBackground, sendToTab } from '../../../src/platform/messaging';

const pageState = { type: 'content/page-state', count: 2, enabled: true, host: 'a.com' };
const ownTab = { id: fakeBrowser.runtime.id, tab: { id: 5 }, frameId: 0, url: 'https://a.com/' };

/** Delivers a raw message to the listeners like the browser would; returns the answer. */
async function deliver(raw: unknown, sender: object): Promise<{ answer: unknown; kept: boolean }> {
  let respond: (value: unknown) => void = () => {};
  const response = new Promise<unknown>((resolve) => {
    respond = resolve;
  });
  const results: unknown[] = await fakeBrowser.runtime.onMessage.trigger(raw, sender, respond);
  // `true` means "I will answer with sendResponse", as in the real API.
  const kept = results.includes(true);
  return { answer: kept ? await response : undefined, kept };
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('onMessage', () => {
  it('passes a valid message from our own content script to the handler and answers', async () => {
    const handler = vi.fn(() => undefined);
    onMessage('content-to-background', handler);
    const { kept } = await deliver(pageState, ownTab);
    expect(kept).toBe(true);
    expect(handler).toHaveBeenCalledWith(pageState, {
      tabId: 5,
      frameId: 0,
      url: 'https://a.com/',
      incognito: false,
    });
  });

  it('sends the handler result (sync or async) as the answer', async () => {
    const state = { host: 'a.com', enabled: true, entries: [] };
    onMessage('popup-to-content', async () => state);
    const { answer } = await deliver(
      { type: 'popup/get-page-state' },
      { id: fakeBrowser.runtime.id },
    );
    expect(answer).toEqual(state);
  });

  it.each([
    ['another extension', { ...ownTab, id: 'evil-extension-id' }],
    ['no sender id (a web page)', { tab: { id: 5 }, url: 'https://evil.com' }],
    ['our extension but not a tab', { id: fakeBrowser.runtime.id }],
  ])('drops a content message from %s', async (_name, sender) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const handler = vi.fn();
    onMessage('content-to-background', handler);
    const { kept } = await deliver(pageState, sender);
    expect(handler).not.toHaveBeenCalled();
    expect(kept).toBe(false);
    expect(warn).toHaveBeenCalled();
  });

  it('drops a popup message from another extension', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const handler = vi.fn();
    onMessage('popup-to-content', handler);
    await deliver({ type: 'popup/get-page-state' }, { id: 'other' });
    expect(handler).not.toHaveBeenCalled();
  });

  it.each([
    ['unknown type', { type: 'content/hello' }],
    ['wrong field types', { ...pageState, count: 'many' }],
    ['not an object', 'content/page-state'],
    ['nothing', undefined],
  ])('drops and logs an invalid message: %s', async (_name, raw) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const handler = vi.fn();
    onMessage('content-to-background', handler);
    const { kept } = await deliver(raw, ownTab);
    expect(handler).not.toHaveBeenCalled();
    expect(kept).toBe(false);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('stays quiet about messages meant for another listener in the same context', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const popup = vi.fn();
    const background = vi.fn();
    onMessage('popup-to-content', popup);
    onMessage('background-to-content', background);
    await deliver(
      { type: 'background/command', command: 'next-occurrence' },
      { id: fakeBrowser.runtime.id },
    );
    expect(background).toHaveBeenCalled();
    expect(popup).not.toHaveBeenCalled();
    expect(warn).not.toHaveBeenCalled();
  });

  it('answers undefined and logs when the handler throws', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    onMessage('popup-to-content', () => {
      throw new Error('boom');
    });
    const { answer, kept } = await deliver(
      { type: 'popup/reveal', id: 'nato' },
      { id: fakeBrowser.runtime.id },
    );
    expect(kept).toBe(true);
    expect(answer).toBeUndefined();
    expect(error).toHaveBeenCalled();
  });

  it('removes the listener when the signal aborts', async () => {
    const handler = vi.fn();
    const controller = new AbortController();
    onMessage('content-to-background', handler, controller.signal);
    controller.abort();
    expect(fakeBrowser.runtime.onMessage.hasListeners()).toBe(false);
    await deliver(pageState, ownTab);
    expect(handler).not.toHaveBeenCalled();
  });

  it('does not listen with an already aborted signal', () => {
    onMessage('content-to-background', vi.fn(), AbortSignal.abort());
    expect(fakeBrowser.runtime.onMessage.hasListeners()).toBe(false);
  });
});

describe('sendToTab', () => {
  it('sends to the top frame and returns the validated answer', async () => {
    const answer = { host: 'a.com', enabled: true, entries: [{ id: 'nato', count: 1 }] };
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(answer as never);
    expect(await sendToTab(3, { type: 'popup/get-page-state' })).toEqual(answer);
    expect(send).toHaveBeenCalledWith(3, { type: 'popup/get-page-state' }, { frameId: 0 });
  });

  it('returns null when no content script answers', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(
      new Error('Could not establish connection. Receiving end does not exist.'),
    );
    expect(await sendToTab(3, { type: 'popup/get-page-state' })).toBeNull();
  });

  it('returns null for a malformed answer', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ host: 1 } as never);
    expect(await sendToTab(3, { type: 'popup/get-page-state' })).toBeNull();
  });

  it('returns undefined for delivered messages without an answer', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    expect(
      await sendToTab(3, { type: 'background/command', command: 'next-occurrence' }),
    ).toBeUndefined();
  });
});

describe('sendToBackground', () => {
  it('sends the message', async () => {
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined);
    await sendToBackground({ type: 'content/page-state', count: 1, enabled: true, host: 'a.com' });
    expect(send).toHaveBeenCalledWith({
      type: 'content/page-state',
      count: 1,
      enabled: true,
      host: 'a.com',
    });
  });

  it('never rejects (background restarting)', async () => {
    vi.spyOn(console, 'debug').mockImplementation(() => {});
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(new Error('no receiver'));
    await expect(
      sendToBackground({ type: 'content/page-state', count: 0, enabled: false, host: 'a.com' }),
    ).resolves.toBeUndefined();
  });
});

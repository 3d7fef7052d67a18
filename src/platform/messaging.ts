import { browser } from 'wxt/browser';
import {
  type AnyMessage,
  type Direction,
  isForOtherDirection,
  type MessageOf,
  parseMessage,
  parseResponse,
  type ResponseOf,
} from '../messaging/protocol';

/** The parts of a runtime.MessageSender that handlers need, already checked. */
export interface Sender {
  /** The sending tab; always set for 'content-to-background'. */
  tabId?: number;
  frameId?: number;
  url?: string;
  /** The sending tab is in a private (incognito) window. */
  incognito?: boolean;
}

// Handlers of messages without an answer are naturally `() => void` or `async () => {}`.
// biome-ignore lint/suspicious/noConfusingVoidType: lets such handlers type-check as they are.
type Answer<D extends Direction> = ResponseOf<MessageOf<D>> | undefined | void;
export type MessageHandler<D extends Direction> = (
  message: MessageOf<D>,
  sender: Sender,
) => Answer<D> | Promise<Answer<D>>;

interface RawSender {
  id?: string;
  tab?: { id?: number; incognito?: boolean };
  frameId?: number;
  url?: string;
}

/** Why a sender is refused, or null when it may talk to us. */
export function senderProblem(direction: Direction, sender: RawSender): string | null {
  if (sender.id !== browser.runtime.id) return `from another extension (${String(sender.id)})`;
  // Only content scripts send content/*; they always run in a tab, extension pages do not.
  if (direction === 'content-to-background' && typeof sender.tab?.id !== 'number') {
    return 'content message not sent from a tab';
  }
  return null;
}

/** The message and its checked sender, or null (logged) when either is not acceptable. */
function accept<D extends Direction>(
  direction: D,
  raw: unknown,
  rawSender: RawSender,
  quiet = false,
): { message: MessageOf<D>; sender: Sender } | null {
  const message = parseMessage(direction, raw);
  if (message === null) {
    // Several listeners can share a context (the content script hears popup/* and background/*).
    if (!quiet && !isForOtherDirection(direction, raw)) {
      console.warn(`[termlight] dropped invalid ${direction} message`, raw);
    }
    return null;
  }
  const problem = senderProblem(direction, rawSender);
  if (problem !== null) {
    if (!quiet) console.warn(`[termlight] dropped ${message.type} ${problem}`);
    return null;
  }
  return {
    message,
    sender: {
      tabId: rawSender.tab?.id,
      frameId: rawSender.frameId,
      url: rawSender.url,
      incognito: rawSender.tab?.incognito === true,
    },
  };
}

type RawListener = (
  raw: unknown,
  sender: RawSender,
  sendResponse: (response?: unknown) => void,
) => true | undefined;

function listen(listener: RawListener, signal?: AbortSignal): void {
  browser.runtime.onMessage.addListener(listener);
  signal?.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), {
    once: true,
  });
}

/**
 * Listens for one direction's messages. Each message is validated; messages from other
 * extensions, of an unknown type or with a wrong shape are logged and dropped (and left for other
 * listeners). The handler's return value (or promise) is the answer. Stops when `signal` aborts.
 */
export function onMessage<D extends Direction>(
  direction: D,
  handler: MessageHandler<D>,
  signal?: AbortSignal,
): void {
  if (signal?.aborted) return;
  listen((raw, rawSender, sendResponse) => {
    const accepted = accept(direction, raw, rawSender);
    if (accepted === null) return undefined;
    const { message, sender } = accepted;
    // sendResponse + `return true` (rather than returning a promise) works natively in Chrome and
    // Firefox and through the polyfill, so answers arrive the same way everywhere.
    Promise.resolve()
      .then(() => handler(message, sender))
      .then(
        (response) => sendResponse(response),
        (error: unknown) => {
          console.error(`[termlight] ${message.type} handler failed`, error);
          sendResponse(undefined);
        },
      );
    return true;
  }, signal);
}

/**
 * Watches one direction's messages without answering them (the popup watching what its tab
 * reports, while the background is the one that answers). Validated like `onMessage`.
 */
export function observeMessages<D extends Direction>(
  direction: D,
  handler: (message: MessageOf<D>, sender: Sender) => void,
  signal?: AbortSignal,
): void {
  if (signal?.aborted) return;
  listen((raw, rawSender) => {
    // Quiet: this context hears all traffic and is the addressee of none of it.
    const accepted = accept(direction, raw, rawSender, true);
    if (accepted !== null) handler(accepted.message, accepted.sender);
    return undefined;
  }, signal);
}

/**
 * Content script -> background. Resolves when delivered; never rejects (the background may be
 * restarting, and a lost badge update is harmless: the next one replaces it).
 */
export async function sendToBackground(message: MessageOf<'content-to-background'>): Promise<void> {
  try {
    await browser.runtime.sendMessage(message);
  } catch (error) {
    console.debug('[termlight] background did not take the message', error);
  }
}

/**
 * Content script -> background, for messages with an answer. Resolves to the validated answer,
 * or null when the background did not answer or answered something malformed.
 */
export async function askBackground<M extends MessageOf<'content-to-background'>>(
  message: M,
): Promise<ResponseOf<M> | null> {
  try {
    const raw: unknown = await browser.runtime.sendMessage(message);
    return parseResponse(message as M & AnyMessage, raw);
  } catch {
    return null;
  }
}

/**
 * Popup or background -> the content script of a tab's top frame. Resolves to the validated answer
 * (undefined for messages without one), or null when no content script answered (browser pages,
 * the store, tabs opened before install) or the answer was malformed.
 */
export async function sendToTab<M extends MessageOf<'popup-to-content' | 'background-to-content'>>(
  tabId: number,
  message: M,
): Promise<ResponseOf<M> | null> {
  try {
    const raw: unknown = await browser.tabs.sendMessage(tabId, message, { frameId: 0 });
    return parseResponse(message as M & AnyMessage, raw);
  } catch {
    return null;
  }
}

import { browser } from 'wxt/browser';

/** False once the extension behind this script was reloaded, updated or removed. */
export function extensionAlive(): boolean {
  try {
    return browser.runtime?.id !== undefined;
  } catch {
    return false;
  }
}

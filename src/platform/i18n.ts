import { browser } from 'wxt/browser';

/**
 * One message of the catalogue the browser picked (public/_locales), with its substitutions;
 * '' when the key is unknown. The only code that reads `browser.i18n`.
 */
export function getMessage(key: string, substitutions: readonly string[] = []): string {
  try {
    // WXT types the keys from the catalogues; callers pass built keys (plural forms).
    const lookup = browser.i18n.getMessage as (key: string, subs: string[]) => string;
    return lookup(key, [...substitutions]);
  } catch {
    // An orphaned content script (extension reloaded) has no i18n left: show nothing new.
    return '';
  }
}

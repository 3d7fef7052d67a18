import { t } from '../../src/i18n';

/** Why the content script cannot be on a tab, judged from its URL alone (pure). */
export type Unavailable = 'browser' | 'store' | 'pdf' | 'no-page' | 'no-answer';

// Browsers refuse extensions on their own stores, whatever the host permissions say.
const STORE_HOSTS = new Set([
  'chromewebstore.google.com',
  'chrome.google.com',
  'addons.mozilla.org',
  'microsoftedge.microsoft.com',
]);

export type PageAccess = { ok: true } | { ok: false; reason: Unavailable };

export function pageAccess(url: string | undefined): PageAccess {
  if (!url) return { ok: false, reason: 'no-page' };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, reason: 'no-page' };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return { ok: false, reason: parsed.protocol === 'file:' ? 'no-page' : 'browser' };
  }
  if (STORE_HOSTS.has(parsed.hostname)) return { ok: false, reason: 'store' };
  if (/\.pdf$/i.test(parsed.pathname)) return { ok: false, reason: 'pdf' };
  return { ok: true };
}

/** Why the page cannot be read, in the interface language. */
export function unavailableText(reason: Unavailable): string {
  return t(`popup_unavailable_${reason.replace('-', '_')}`);
}

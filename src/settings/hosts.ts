/*
 * Hosts as site rules name them (see site-rules.ts for the decisions): normalised, punycode,
 * without `www.` and ports.
 */

const LABEL = /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

// Already-normal ASCII hosts skip URL parsing: sanitising a stored list of 5,000 sites on every
// read must stay cheap. Anything unusual (IPv4 shorthands, punycode, www.) takes the URL path.
const PLAIN_HOST = /^(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.)*[a-z_][a-z0-9_-]{0,62}$/;

function isPlainHost(text: string): boolean {
  return (
    text.length <= 253 &&
    PLAIN_HOST.test(text) &&
    !text.startsWith('www.') &&
    !text.includes('xn--') &&
    !/(?:^|\.)0x[0-9a-f]*$/.test(text) &&
    !text.endsWith('-')
  );
}

function isIp(host: string): boolean {
  return host.startsWith('[') || IPV4.test(host);
}

/**
 * 'https://News.Example.com/x' -> 'news.example.com'; also accepts a bare host, host:port or
 * host/path as typed in the options page. Returns null for anything that is not a web host.
 */
export function normalizeHost(input: string): string | null {
  if (typeof input !== 'string') return null;
  if (isPlainHost(input)) return input;
  let text = input.trim();
  if (text === '' || /\s/.test(text)) return null;
  if (text.startsWith('*.')) text = text.slice(2);
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text);
  // A bare "user@host" is more likely a mistake (or "mailto:") than a site.
  if (!hasScheme && text.includes('@')) return null;
  let url: URL;
  try {
    // Bare input gets a scheme so URL can parse it; "about:blank" then fails on its "port".
    url = new URL(hasScheme ? text : `http://${text}`);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  let host = url.hostname.toLowerCase();
  if (host.endsWith('.')) host = host.slice(0, -1);
  if (host === '' || host.length > 253) return null;
  if (isIp(host)) return host;
  const labels = host.split('.');
  if (!labels.every((label) => LABEL.test(label))) return null;
  if (labels.length > 2 && labels[0] === 'www') host = labels.slice(1).join('.');
  return host;
}

/** The host and its parents, nearest first: a.b.c -> [a.b.c, b.c, c]. IPs have no parents. */
export function hostChain(host: string): string[] {
  if (isIp(host)) return [host];
  const labels = host.split('.');
  return labels.map((_, i) => labels.slice(i).join('.'));
}

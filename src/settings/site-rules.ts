import type { Settings } from './settings';

/*
 * Per-site rules, pure (issue #5: "a subdomain follows its parent unless it has its own rule").
 *
 * Model: `siteRules` maps a normalised host to on/off. The rule that applies to a host is its own
 * rule, else the nearest parent's (news.example.com -> example.com -> com), else the mode's
 * default: on in 'deny' mode, off in 'allow' mode. The global pause beats everything.
 *
 * Decisions:
 * - `www.` is the same site as its parent: normalizeHost strips one leading `www.` (unless that
 *   would leave a bare TLD, as in `www.com`). Nobody means to turn off www.example.com but keep
 *   example.com, and a page reached both ways must behave the same.
 * - Ports are ignored (rules are by host): localhost:3000 and localhost:8080 share a rule.
 * - IP addresses and single-label hosts (localhost, intranet names) have no parents; an IPv4
 *   address is not a "subdomain" of its last octets.
 * - Internationalised names are stored in punycode (the form URL gives), so bücher.de and
 *   xn--bcher-kva.de are one rule.
 * - Only http(s) URLs name a site; other schemes (file:, chrome:, about:) give null.
 * - A leading `*.` typed by a user is dropped: subdomains follow their parent anyway.
 */

export interface AppliedRule {
  /** The host whose rule applies (the host itself or a parent). */
  host: string;
  on: boolean;
  /** True when the rule comes from a parent host ("inherited from example.com"). */
  inherited: boolean;
}

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

/** Which rule applies to `host` and where it comes from; null when no rule applies (mode default). */
export function ruleFor(
  host: string,
  rules: Readonly<Record<string, boolean>>,
): AppliedRule | null {
  const normal = normalizeHost(host);
  if (normal === null) return null;
  const chain = hostChain(normal);
  for (const [i, candidate] of chain.entries()) {
    const on = Object.hasOwn(rules, candidate) ? rules[candidate] : undefined;
    if (typeof on === 'boolean') return { host: candidate, on, inherited: i > 0 };
  }
  return null;
}

function modeDefault(mode: Settings['mode']): boolean {
  return mode !== 'allow';
}

/** Whether Termlight highlights on `host` (a host or URL). Unknown/invalid hosts are off. */
export function isSiteEnabled(
  host: string,
  settings: Pick<Settings, 'paused' | 'mode' | 'siteRules'>,
): boolean {
  if (settings.paused) return false;
  if (normalizeHost(host) === null) return false;
  return ruleFor(host, settings.siteRules)?.on ?? modeDefault(settings.mode);
}

/**
 * Turns `host` on or off and keeps rules minimal: the host gets its own rule only when it differs
 * from what it would inherit (parent rule or mode default). Rules of its subdomains are kept, as
 * they are the user's explicit choices. Does not touch `paused`. Invalid hosts change nothing.
 */
export function setSiteEnabled(settings: Settings, host: string, on: boolean): Settings {
  const normal = normalizeHost(host);
  if (normal === null) return settings;
  const { [normal]: _own, ...others } = settings.siteRules;
  const parent = hostChain(normal).slice(1);
  const inherited = parent.length > 0 ? ruleFor(parent[0] as string, others) : null;
  const inheritedOn = inherited?.on ?? modeDefault(settings.mode);
  const siteRules = on === inheritedOn ? others : { ...others, [normal]: on };
  return { ...settings, siteRules };
}

/**
 * The keyboard command and the context menu flip the site. While paused, "toggle" means "I want
 * it here": unpause and make sure the site is on.
 */
export function toggleSite(settings: Settings, host: string): Settings {
  if (normalizeHost(host) === null) return settings;
  if (settings.paused) return { ...setSiteEnabled(settings, host, true), paused: false };
  return setSiteEnabled(settings, host, !isSiteEnabled(host, settings));
}

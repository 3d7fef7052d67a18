import { hostChain, normalizeHost } from './hosts';
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
  const own = on === inheritedOn ? undefined : on;
  // Unchanged rules give back the same object, so callers can tell "nothing to do".
  const current = Object.hasOwn(settings.siteRules, normal)
    ? settings.siteRules[normal]
    : undefined;
  if (current === own) return settings;
  const siteRules = own === undefined ? others : { ...others, [normal]: own };
  return { ...settings, siteRules };
}

/** Drops `host`'s own rule (it then follows its parent or the mode). Invalid hosts change nothing. */
export function clearSiteRule(settings: Settings, host: string): Settings {
  const normal = normalizeHost(host);
  if (normal === null || !Object.hasOwn(settings.siteRules, normal)) return settings;
  const { [normal]: _removed, ...siteRules } = settings.siteRules;
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

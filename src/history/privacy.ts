import { normalizeHost } from '../settings/hosts';
import { ruleFor } from '../settings/site-rules';

/*
 * When a lookup may be written to history, and what of its address is kept. Pure: whether the
 * tab is private, the settings and the host arrive as plain data from the background.
 *
 * Decisions:
 * - A private (incognito) window never records, whatever the settings say: that is what the
 *   reader expects of a private window, and the history outlives it.
 * - Paused sites are modelled exactly like site rules (host -> true/false, see site-rules.ts):
 *   a pause on example.com covers news.example.com unless that subdomain has its own entry
 *   (`false` = record here after all). A plain list of hosts is `{ [host]: true }` each.
 * - Only http(s) pages are recorded; the same test as site rules (normalizeHost) decides.
 * - Addresses lose user name and password always, and query and fragment unless the reader
 *   chose to keep them: queries carry session ids, e-mail addresses and search terms.
 */

export type NotRecordedReason = 'private' | 'off' | 'not-web' | 'paused';

export interface RecordingContext {
  /** The history setting. */
  enabled: boolean;
  /** The lookup happened in a private (incognito) window. */
  incognito: boolean;
  /** The page's host or URL. */
  host: string | null | undefined;
  /** host -> paused (true) or explicitly recorded (false); subdomains follow their parent. */
  pausedSites: Readonly<Record<string, boolean>>;
}

/** Why a lookup is not recorded, or null when it may be. The first reason that applies wins. */
export function notRecordedReason(context: RecordingContext): NotRecordedReason | null {
  if (context.incognito) return 'private';
  if (!context.enabled) return 'off';
  if (!context.host || normalizeHost(context.host) === null) return 'not-web';
  if (ruleFor(context.host, context.pausedSites)?.on === true) return 'paused';
  return null;
}

export function shouldRecord(context: RecordingContext): boolean {
  return notRecordedReason(context) === null;
}

/** Longer addresses are not worth keeping (and would bloat every export row). */
export const URL_MAX_LENGTH = 2048;

export interface SanitizeUrlOptions {
  /** Keep the query string and the fragment (the reader opted in). */
  keepQuery: boolean;
}

/**
 * The address as history keeps it, or null when it is not an http(s) URL. A kept query that makes
 * the address too long is dropped rather than the whole address.
 */
export function sanitizeUrl(url: string, options: SanitizeUrlOptions): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  parsed.username = '';
  parsed.password = '';
  if (!options.keepQuery || parsed.href.length > URL_MAX_LENGTH) {
    parsed.search = '';
    parsed.hash = '';
  }
  return parsed.href.length > URL_MAX_LENGTH ? null : parsed.href;
}

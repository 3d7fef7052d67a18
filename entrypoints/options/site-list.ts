/** Pure helpers for the options page's site list (kept out of the view so they are testable). */

export interface SiteRow {
  host: string;
  on: boolean;
}

export interface SitePage {
  rows: SiteRow[];
  /** Rules matching the filter, before the display limit. */
  matching: number;
  total: number;
}

/** A 5,000-site list stays responsive: only the first `limit` matches are rendered. */
export const SITE_PAGE_SIZE = 200;

export function filterSites(
  rules: Readonly<Record<string, boolean>>,
  filter: string,
  limit = SITE_PAGE_SIZE,
): SitePage {
  const needle = filter.trim().toLowerCase();
  const hosts = Object.keys(rules);
  const matches = needle ? hosts.filter((h) => h.includes(needle)) : hosts;
  matches.sort();
  return {
    rows: matches.slice(0, limit).map((host) => ({ host, on: rules[host] === true })),
    matching: matches.length,
    total: hosts.length,
  };
}

import type { Entry } from '../../src/glossary/schema';
import type { PageStateResponse } from '../../src/messaging/protocol';
import type { Settings } from '../../src/settings/settings';
import { isSiteEnabled } from '../../src/settings/site-rules';
import type { PageView } from './PageSection';

/** The tab's answer as "On this page" lists it: known entries only, most frequent first. */
export function toPageView(
  reply: PageStateResponse,
  lookup: (id: string) => Entry | undefined,
): PageView {
  const entries = reply.entries
    .flatMap(({ id, count }) => {
      const entry: Entry | undefined = lookup(id);
      return entry && count > 0 ? [{ entry, count }] : [];
    })
    // Most frequent first: what the reader meets most is what they most likely want.
    .sort((a, b) => b.count - a.count || a.entry.term.localeCompare(b.entry.term));
  return { status: 'ready', entries };
}

/** Occurrences on the page by entry id, once the page has answered. */
export function pageCountsOf(page: PageView): Map<string, number> | undefined {
  if (page.status !== 'ready') return undefined;
  return new Map(page.entries.map(({ entry, count }) => [entry.id, count]));
}

export interface SiteView {
  /** The site switch: the site's own rule, whatever the global pause. */
  siteOn: boolean;
  /** What "On this page" shows: "off" when the page answered but highlighting is off there. */
  page: PageView;
}

/** Until settings load, or without a host, the site counts as on (nothing to switch off). */
export function siteView(page: PageView, settings: Settings | null, host: string | null): SiteView {
  const siteOn = settings && host ? isSiteEnabled(host, { ...settings, paused: false }) : true;
  const highlighting = settings && host ? isSiteEnabled(host, settings) : true;
  return {
    siteOn,
    page:
      page.status === 'ready' && !highlighting
        ? { status: 'off', paused: settings?.paused ?? false }
        : page,
  };
}

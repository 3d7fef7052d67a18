import { formatNumber as fmt, plural, t } from '../../src/i18n';
import type { SitePage } from './site-list';

/** "120 sites" or "3 of 120 sites match", plus how many are shown when the list is cut. */
export function siteCountText(page: SitePage, filter: string): string {
  const count = filter.trim()
    ? t('options_sites_count_matching', fmt(page.matching), fmt(page.total))
    : plural('options_sites_count', page.total);
  return page.rows.length < page.matching
    ? `${count} · ${t('options_sites_count_truncated', fmt(page.rows.length))}`
    : count;
}

import { plural, t } from '../i18n';
import type { Badge } from '../platform/tabs';

export interface BadgeState {
  /** Distinct entries found on the page. */
  count: number;
  /** Whether highlighting runs on this page (false when the site is off or Termlight is paused). */
  enabled: boolean;
  host: string;
  paused?: boolean;
}

// Dark enough for the white badge text to pass WCAG AA (4.5:1) on both colours.
export const BADGE_ON_COLOR = '#1f5fae';
export const BADGE_OFF_COLOR = '#5c5c5c';

/** A tab whose page has not reported (yet): no text, the extension's name as the tooltip. */
export const EMPTY_BADGE: Badge = Object.freeze({
  text: '',
  color: BADGE_ON_COLOR,
  // Read when used: the worker may start before anything asks for a message.
  get title() {
    return t('ext_name');
  },
});

/** Badges fit about four characters; more than 99 distinct entries would not be read anyway. */
function countText(count: number): string {
  return count > 99 ? '99+' : String(count);
}

/** Pure: what the toolbar button shows for a page. */
export function badgeFor(state: BadgeState): Badge {
  if (state.paused) {
    return { text: t('badge_off'), color: BADGE_OFF_COLOR, title: t('badge_title_paused') };
  }
  if (!state.enabled) {
    const title = state.host
      ? t('badge_title_off_site', state.host)
      : t('badge_title_off_this_site');
    return { text: t('badge_off'), color: BADGE_OFF_COLOR, title };
  }
  const count = Math.max(0, Math.floor(state.count));
  if (count === 0) {
    return { text: '', color: BADGE_ON_COLOR, title: t('badge_title_no_terms') };
  }
  return {
    text: countText(count),
    color: BADGE_ON_COLOR,
    title: plural('badge_title_terms', count),
  };
}

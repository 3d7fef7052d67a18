import { SLOT, t, tAround } from '../../src/i18n';
import { Switch } from '../../src/ui/Switch';

export interface SiteHeaderProps {
  /** Host of the active tab, or null when the tab has no web page. */
  host: string | null;
  /** Whether the site's own rule lets Termlight run (ignoring the global pause). */
  siteOn: boolean;
  paused: boolean;
  onSiteChange: (on: boolean) => void;
  onPausedChange: (paused: boolean) => void;
  /** Full-page reference: no tab to control. */
  full: boolean;
}

export function SiteHeader({
  host,
  siteOn,
  paused,
  onSiteChange,
  onPausedChange,
  full,
}: SiteHeaderProps) {
  // The host is an element (isolated, left to right); the words go around it in each language's order.
  const switchLabel = tAround('popup_site_switch_label', SLOT);
  return (
    <header class="tl-header">
      <div class="tl-header__brand">
        <span class="tl-logo" aria-hidden="true" />
        <h1 class="tl-header__title">{full ? t('popup_title_full') : t('ext_name')}</h1>
        {!full && (
          <button
            type="button"
            class="tl-pause"
            aria-pressed={paused}
            title={paused ? t('popup_resume_title') : t('popup_pause_title')}
            onClick={() => onPausedChange(!paused)}
          >
            {/* A toggle button keeps one name; aria-pressed (and its styling) carries the state. */}
            <span class="tl-pause__icon" aria-hidden="true">
              ❚❚
            </span>
            {t('popup_pause_all')}
          </button>
        )}
      </div>
      {!full && host && (
        <div class="tl-header__site">
          <Switch
            checked={siteOn}
            onChange={onSiteChange}
            describedBy={paused ? 'tl-paused-note' : undefined}
          >
            {switchLabel[0]}
            <strong class="tl-host" dir="ltr">
              {host}
            </strong>
            {switchLabel[1]}
          </Switch>
          {paused && (
            <p id="tl-paused-note" class="tl-note">
              {t('popup_paused_note')}
            </p>
          )}
        </div>
      )}
    </header>
  );
}

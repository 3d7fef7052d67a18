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
  return (
    <header class="tl-header">
      <div class="tl-header__brand">
        <span class="tl-logo" aria-hidden="true" />
        <h1 class="tl-header__title">{full ? 'Termlight glossary' : 'Termlight'}</h1>
        {!full && (
          <button
            type="button"
            class="tl-pause"
            aria-pressed={paused}
            title={paused ? 'Resume highlighting on all sites' : 'Pause highlighting on all sites'}
            onClick={() => onPausedChange(!paused)}
          >
            {/* A toggle button keeps one name; aria-pressed (and its styling) carries the state. */}
            <span class="tl-pause__icon" aria-hidden="true">
              ❚❚
            </span>
            Pause all
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
            Highlight on{' '}
            <strong class="tl-host" dir="ltr">
              {host}
            </strong>
          </Switch>
          {paused && (
            <p id="tl-paused-note" class="tl-note">
              Highlighting is paused on every site.
            </p>
          )}
        </div>
      )}
    </header>
  );
}

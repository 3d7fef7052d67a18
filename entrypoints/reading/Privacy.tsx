import { useId, useState } from 'preact/hooks';
import { t } from '../../src/i18n';
import { HISTORY_CAP_MAX, type KnownStyle } from '../../src/settings/settings';

export interface PrivacyProps {
  pausedSites: readonly string[];
  known: readonly { id: string; term: string }[];
  knownStyle: KnownStyle;
  onPause(host: string): boolean;
  onResume(host: string): void;
  onForgetKnown(id: string): void;
  onKnownStyle(style: KnownStyle): void;
  onClear(): void;
  recording: { history: boolean; historyKeepQuery: boolean; historyCap: number };
  onRecording(patch: Partial<PrivacyProps['recording']>): void;
}

/** Whether and how lookups are recorded: on/off, kept queries, the cap. */
function Recording(props: Pick<PrivacyProps, 'recording' | 'onRecording'>) {
  const { recording, onRecording } = props;
  return (
    <div class="tl-fieldset">
      <label class="tl-checkbox">
        <input
          type="checkbox"
          checked={recording.history}
          onChange={(e) => onRecording({ history: e.currentTarget.checked })}
        />{' '}
        {t('history_record_label')}
      </label>
      <label class="tl-checkbox">
        <input
          type="checkbox"
          checked={recording.historyKeepQuery}
          onChange={(e) => onRecording({ historyKeepQuery: e.currentTarget.checked })}
        />{' '}
        {t('history_keep_query_label')}
      </label>
      <label>
        {t('history_cap_label')}{' '}
        <input
          type="number"
          min={1}
          max={HISTORY_CAP_MAX}
          value={recording.historyCap}
          onChange={(e) => {
            const cap = Math.round(Number(e.currentTarget.value));
            if (cap >= 1 && cap <= HISTORY_CAP_MAX) onRecording({ historyCap: cap });
          }}
        />
      </label>
    </div>
  );
}

/** The sites where recording is paused, and a field to pause one more. */
function PausedSites(props: Pick<PrivacyProps, 'pausedSites' | 'onPause' | 'onResume'>) {
  const id = useId();
  const [host, setHost] = useState('');
  const [invalid, setInvalid] = useState(false);
  return (
    <section class="tl-card" aria-labelledby={`${id}-p`}>
      <h2 id={`${id}-p`}>{t('history_paused_heading')}</h2>
      <form
        class="tl-add-site"
        onSubmit={(e) => {
          e.preventDefault();
          const ok = props.onPause(host);
          setInvalid(!ok);
          if (ok) setHost('');
        }}
      >
        <label for={`${id}-h`}>{t('history_pause_label')}</label>
        <input
          id={`${id}-h`}
          value={host}
          placeholder="news.example.com"
          aria-invalid={invalid ? 'true' : undefined}
          onInput={(e) => setHost(e.currentTarget.value)}
        />
        <button type="submit" class="tl-button">
          {t('history_pause_button')}
        </button>
      </form>
      {invalid && <p class="tl-notice tl-notice--error">{t('history_pause_invalid')}</p>}
      <ul class="tl-plain-list" aria-label={t('history_paused_heading')}>
        {props.pausedSites.map((site) => (
          <li key={site}>
            {site}{' '}
            <button type="button" class="tl-button" onClick={() => props.onResume(site)}>
              {t('history_resume_button', site)}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Pause per site, known terms (reversible), and clearing history in one step. Props only. */
export function Privacy(props: PrivacyProps) {
  const id = useId();
  return (
    <>
      <PausedSites {...props} />
      <section class="tl-card" aria-labelledby={`${id}-k`}>
        <h2 id={`${id}-k`}>{t('history_known_heading')}</h2>
        <fieldset class="tl-fieldset">
          <legend>{t('history_known_style_legend')}</legend>
          {(['quiet', 'hidden'] as const).map((style) => (
            <label key={style} class="tl-radio">
              <input
                type="radio"
                name={`${id}-ks`}
                value={style}
                checked={props.knownStyle === style}
                onChange={() => props.onKnownStyle(style)}
              />{' '}
              {t(`history_known_style_${style}`)}
            </label>
          ))}
        </fieldset>
        {props.known.length === 0 ? (
          <p class="tl-hint">{t('history_known_empty')}</p>
        ) : (
          <ul class="tl-plain-list" aria-label={t('history_known_heading')}>
            {props.known.map((k) => (
              <li key={k.id} data-known={k.id}>
                {k.term}{' '}
                <button type="button" class="tl-button" onClick={() => props.onForgetKnown(k.id)}>
                  {t('history_known_forget', k.term)}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section class="tl-card" aria-labelledby={`${id}-c`}>
        <h2 id={`${id}-c`}>{t('history_clear_heading')}</h2>
        <p class="tl-hint">{t('history_privacy_hint')}</p>
        <Recording recording={props.recording} onRecording={props.onRecording} />
        <button type="button" class="tl-button tl-button--danger" onClick={props.onClear}>
          {t('history_clear_button')}
        </button>
      </section>
    </>
  );
}

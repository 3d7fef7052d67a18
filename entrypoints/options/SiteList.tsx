import { useId, useMemo, useState } from 'preact/hooks';
import { t } from '../../src/i18n';
import type { SiteMode } from '../../src/settings/settings';
import { Radio } from './Radio';
import { siteCountText } from './site-count';
import { filterSites } from './site-list';

export interface SiteListProps {
  mode: SiteMode;
  rules: Readonly<Record<string, boolean>>;
  onModeChange: (mode: SiteMode) => void;
  /** Returns an error message to show, or null when the site was added. */
  onAdd: (input: string) => string | null;
  onRemove: (host: string) => void;
}

const MODES: readonly SiteMode[] = ['deny', 'allow'];

function ModeChoice({ mode, onModeChange }: Pick<SiteListProps, 'mode' | 'onModeChange'>) {
  return (
    <fieldset class="tl-fieldset">
      <legend>{t('options_sites_mode_legend')}</legend>
      {MODES.map((m) => (
        <Radio key={m} name="site-mode" value={m} checked={mode === m} onChoose={onModeChange}>
          <span>
            <span class="tl-radio__label">{t(`options_sites_mode_${m}_label`)}</span>
            <span class="tl-radio__hint">{t(`options_sites_mode_${m}_hint`)}</span>
          </span>
        </Radio>
      ))}
    </fieldset>
  );
}

/** The add box keeps what is typed and the last error; `ids` is the card's, so ids stay stable. */
function AddSiteForm({
  ids,
  mode,
  onAdd,
}: { ids: string } & Pick<SiteListProps, 'mode' | 'onAdd'>) {
  const [input, setInput] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (event: Event) => {
    event.preventDefault();
    const message = onAdd(input);
    setError(message);
    if (!message) setInput('');
  };
  return (
    <form class="tl-inline-form" onSubmit={submit} noValidate>
      <label for={`${ids}-add`}>{t(`options_sites_add_label_${mode}`)}</label>
      <div class="tl-inline-form__row">
        <input
          id={`${ids}-add`}
          type="text"
          inputMode="url"
          autoComplete="off"
          spellcheck={false}
          placeholder={t('options_sites_add_placeholder')}
          value={input}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${ids}-err` : `${ids}-add-hint`}
          onInput={(e) => {
            setInput(e.currentTarget.value);
            if (error) setError(null);
          }}
        />
        <button type="submit" class="tl-button tl-button--primary">
          {t('options_sites_add_button')}
        </button>
      </div>
      {error ? (
        <p id={`${ids}-err`} class="tl-field-error" role="alert">
          {error}
        </p>
      ) : (
        <p id={`${ids}-add-hint`} class="tl-hint">
          {t('options_sites_add_hint')}
        </p>
      )}
    </form>
  );
}

function SiteTools({
  filter,
  onFilter,
  count,
}: {
  filter: string;
  onFilter: (filter: string) => void;
  count: string;
}) {
  return (
    <div class="tl-site-tools">
      <label class="tl-filter">
        <span class="tl-visually-hidden">{t('options_sites_filter_label')}</span>
        <input
          type="search"
          placeholder={t('options_sites_filter_placeholder')}
          value={filter}
          onInput={(e) => onFilter(e.currentTarget.value)}
        />
      </label>
      <p class="tl-hint" role="status" data-testid="site-count">
        {count}
      </p>
    </div>
  );
}

export function SiteList({ mode, rules, onModeChange, onAdd, onRemove }: SiteListProps) {
  const [filter, setFilter] = useState('');
  const ids = useId();
  const page = useMemo(() => filterSites(rules, filter), [rules, filter]);
  return (
    <section class="tl-card" aria-labelledby={`${ids}-h`}>
      <h2 id={`${ids}-h`}>{t('options_sites_heading')}</h2>
      <ModeChoice mode={mode} onModeChange={onModeChange} />
      <AddSiteForm ids={ids} mode={mode} onAdd={onAdd} />
      <SiteTools filter={filter} onFilter={setFilter} count={siteCountText(page, filter)} />

      {page.rows.length === 0 ? (
        <p class="tl-empty">
          {page.total === 0 ? t(`options_sites_empty_${mode}`) : t('options_sites_no_match')}
        </p>
      ) : (
        <ul class="tl-site-list" aria-label={t('options_sites_list_label')}>
          {page.rows.map((row) => (
            <li key={row.host} class="tl-site-row">
              <span class="tl-site-row__host" dir="ltr">
                {row.host}
              </span>
              <span class={`tl-badge ${row.on ? 'tl-badge--on' : 'tl-badge--off'}`}>
                {row.on ? t('options_sites_rule_on') : t('options_sites_rule_off')}
              </span>
              <button
                type="button"
                class="tl-button tl-button--small"
                aria-label={t('options_sites_remove_label', row.host)}
                onClick={() => onRemove(row.host)}
              >
                {t('options_sites_remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

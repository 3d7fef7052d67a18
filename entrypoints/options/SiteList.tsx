import { useId, useMemo, useState } from 'preact/hooks';
import type { SiteMode } from '../../src/settings/settings';
import { filterSites } from './site-list';

export interface SiteListProps {
  mode: SiteMode;
  rules: Readonly<Record<string, boolean>>;
  onModeChange: (mode: SiteMode) => void;
  /** Returns an error message to show, or null when the site was added. */
  onAdd: (input: string) => string | null;
  onRemove: (host: string) => void;
}

const MODES: { value: SiteMode; label: string; hint: string }[] = [
  {
    value: 'deny',
    label: 'Everywhere except these sites',
    hint: 'Termlight highlights on every site unless you turn it off there.',
  },
  {
    value: 'allow',
    label: 'Only on these sites',
    hint: 'Termlight stays off until you turn it on for a site.',
  },
];

const fmt = (n: number) => n.toLocaleString('en');

export function SiteList({ mode, rules, onModeChange, onAdd, onRemove }: SiteListProps) {
  const [input, setInput] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  const ids = useId();
  const page = useMemo(() => filterSites(rules, filter), [rules, filter]);

  const submit = (event: Event) => {
    event.preventDefault();
    const message = onAdd(input);
    setError(message);
    if (!message) setInput('');
  };

  let countText = `${fmt(page.total)} ${page.total === 1 ? 'site' : 'sites'}`;
  if (filter.trim()) countText = `${fmt(page.matching)} of ${fmt(page.total)} sites match`;
  if (page.rows.length < page.matching) {
    countText += ` · showing the first ${fmt(page.rows.length)}; type to narrow the list`;
  }

  return (
    <section class="tl-card" aria-labelledby={`${ids}-h`}>
      <h2 id={`${ids}-h`}>Sites</h2>
      <fieldset class="tl-fieldset">
        <legend>Where Termlight highlights</legend>
        {MODES.map((m) => (
          <label class="tl-radio" key={m.value}>
            <input
              type="radio"
              name="site-mode"
              value={m.value}
              checked={mode === m.value}
              onChange={() => onModeChange(m.value)}
            />
            <span>
              <span class="tl-radio__label">{m.label}</span>
              <span class="tl-radio__hint">{m.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>

      <form class="tl-inline-form" onSubmit={submit} noValidate>
        <label for={`${ids}-add`}>
          {mode === 'deny' ? 'Turn off on a site' : 'Turn on for a site'}
        </label>
        <div class="tl-inline-form__row">
          <input
            id={`${ids}-add`}
            type="text"
            inputMode="url"
            autoComplete="off"
            spellcheck={false}
            placeholder="news.example.com"
            value={input}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${ids}-err` : `${ids}-add-hint`}
            onInput={(e) => {
              setInput(e.currentTarget.value);
              if (error) setError(null);
            }}
          />
          <button type="submit" class="tl-button tl-button--primary">
            Add
          </button>
        </div>
        {error ? (
          <p id={`${ids}-err`} class="tl-field-error" role="alert">
            {error}
          </p>
        ) : (
          <p id={`${ids}-add-hint`} class="tl-hint">
            A host name or a link. Its subdomains follow it unless they have their own rule.
          </p>
        )}
      </form>

      <div class="tl-site-tools">
        <label class="tl-filter">
          <span class="tl-visually-hidden">Filter sites</span>
          <input
            type="search"
            placeholder="Filter sites"
            value={filter}
            onInput={(e) => setFilter(e.currentTarget.value)}
          />
        </label>
        <p class="tl-hint" role="status" data-testid="site-count">
          {countText}
        </p>
      </div>

      {page.rows.length === 0 ? (
        <p class="tl-empty">
          {page.total === 0
            ? mode === 'deny'
              ? 'No sites turned off. Termlight highlights everywhere.'
              : 'No sites turned on yet. Termlight highlights nowhere until you add one.'
            : 'No site matches the filter.'}
        </p>
      ) : (
        <ul class="tl-site-list" aria-label="Site rules">
          {page.rows.map((row) => (
            <li key={row.host} class="tl-site-row">
              <span class="tl-site-row__host" dir="ltr">
                {row.host}
              </span>
              <span class={`tl-badge ${row.on ? 'tl-badge--on' : 'tl-badge--off'}`}>
                {row.on ? 'On' : 'Off'}
              </span>
              <button
                type="button"
                class="tl-button tl-button--small"
                aria-label={`Remove ${row.host}`}
                onClick={() => onRemove(row.host)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

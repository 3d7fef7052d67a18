import { useId } from 'preact/hooks';
import { t } from '../../src/i18n';
import { type ColumnTarget, CSV_FIELDS } from '../../src/packs/csv-columns';
import type { PackFormat } from '../../src/packs/decode';
import type { PackInfo } from '../../src/packs/store';
import { FileButton } from '../../src/ui/FileButton';
import { Switch } from '../../src/ui/Switch';

const FORMATS: readonly PackFormat[] = ['json', 'csv', 'tbx'];

/** A CSV file waiting for the reader to confirm how its columns are read. */
export interface ColumnMapping {
  file: string;
  headers: readonly string[];
  columns: readonly ColumnTarget[];
}

export interface PackListProps {
  packs: readonly PackInfo[];
  mapping: ColumnMapping | null;
  onToggle(id: string, enabled: boolean): void;
  onRemove(id: string): void;
  onExport(id: string, format: PackFormat): void;
  onPick(file: File): void;
  onColumns(columns: ColumnTarget[]): void;
  onConfirmImport(): void;
  onCancelImport(): void;
}

const columnLabel = (target: ColumnTarget): string =>
  target === 'ignore'
    ? t('packs_column_ignore')
    : target.startsWith('forms:')
      ? t('packs_column_forms', target.slice('forms:'.length))
      : t(`packs_column_${target}`);

function Mapping(
  props: Pick<PackListProps, 'mapping' | 'onColumns' | 'onConfirmImport' | 'onCancelImport'>,
) {
  const ids = useId();
  const { mapping } = props;
  if (!mapping) return null;
  const choices = (current: ColumnTarget): ColumnTarget[] => [
    ...CSV_FIELDS,
    'ignore',
    ...(current.startsWith('forms:') ? [current] : []),
  ];
  return (
    <fieldset class="tl-fieldset tl-columns" data-testid="csv-columns">
      <legend>{t('packs_columns_heading', mapping.file)}</legend>
      <p class="tl-hint">{t('packs_columns_intro')}</p>
      {mapping.headers.map((header, i) => (
        <div class="tl-field" key={`${i}:${header}`}>
          <label for={`${ids}-${i}`} dir="auto">
            {header}
          </label>
          <select
            id={`${ids}-${i}`}
            class="tl-input"
            value={mapping.columns[i]}
            onChange={(e) => {
              const next = [...mapping.columns];
              next[i] = e.currentTarget.value as ColumnTarget;
              props.onColumns(next);
            }}
          >
            {choices(mapping.columns[i] ?? 'ignore').map((c) => (
              <option key={c} value={c}>
                {columnLabel(c)}
              </option>
            ))}
          </select>
        </div>
      ))}
      <div class="tl-button-row">
        <button
          type="button"
          class="tl-button tl-button--primary"
          data-testid="csv-import"
          onClick={props.onConfirmImport}
        >
          {t('packs_import_confirm')}
        </button>
        <button type="button" class="tl-button" onClick={props.onCancelImport}>
          {t('myterms_cancel')}
        </button>
      </div>
    </fieldset>
  );
}

/** Installed packs (and my terms) with a switch, export and removal; importing a file. Props only. */
export function PackList(props: PackListProps) {
  const ids = useId();
  return (
    <section class="tl-card" aria-labelledby={`${ids}-h`}>
      <h2 id={`${ids}-h`}>{t('packs_heading')}</h2>
      <p class="tl-hint">{t('packs_intro')}</p>
      <ul class="tl-site-list" aria-label={t('packs_heading')} data-testid="pack-list">
        {props.packs.map((pack) => {
          const name = pack.kind === 'mine' ? t('myterms_heading') : pack.name;
          return (
            <li key={pack.id} class="tl-pack-row" data-pack={pack.id}>
              <div class="tl-pack-row__text">
                <span class="tl-pack-row__name" dir="auto">
                  {name}
                </span>
                <span class="tl-hint">
                  {t('packs_entry_count', String(pack.entryCount))}
                  {pack.source ? ` · ${t('packs_source', pack.source)}` : ''}
                </span>
              </div>
              <Switch checked={pack.enabled} onChange={(on) => props.onToggle(pack.id, on)}>
                {t('packs_enabled', name)}
              </Switch>
              <span class="tl-button-row">
                {FORMATS.map((format) => (
                  <button
                    key={format}
                    type="button"
                    class="tl-button tl-button--small"
                    aria-label={t('packs_export_label', name, format.toUpperCase())}
                    data-testid={`export-${pack.id}-${format}`}
                    onClick={() => props.onExport(pack.id, format)}
                  >
                    {format.toUpperCase()}
                  </button>
                ))}
                {pack.kind === 'pack' && (
                  <button
                    type="button"
                    class="tl-button tl-button--small"
                    aria-label={t('packs_remove_label', name)}
                    onClick={() => props.onRemove(pack.id)}
                  >
                    {t('packs_remove')}
                  </button>
                )}
              </span>
            </li>
          );
        })}
      </ul>
      <FileButton
        accept=".json,.csv,.tbx,.xml,application/json,text/csv"
        testId="pack-file"
        onPick={props.onPick}
      >
        {t('packs_import')}
      </FileButton>
      <Mapping {...props} />
    </section>
  );
}

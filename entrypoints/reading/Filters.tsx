import { CATEGORY_LABELS } from '../../src/glossary/categories';
import { CATEGORIES, type Category } from '../../src/glossary/schema';
import { t } from '../../src/i18n';
import type { Grouping } from './LookupList';

export type Period = 'all' | 'day' | 'week' | 'month';
const PERIODS: readonly Period[] = ['all', 'day', 'week', 'month'];
const PERIOD_MS: Record<Period, number> = {
  all: 0,
  day: 86_400_000,
  week: 7 * 86_400_000,
  month: 30 * 86_400_000,
};

/** The earliest time a period keeps, undefined for all time. */
export function periodStart(period: Period, now: number): number | undefined {
  return period === 'all' ? undefined : now - PERIOD_MS[period];
}

export interface FilterState {
  grouping: Grouping;
  site: string;
  category: Category | '';
  period: Period;
  entry: string | null;
}

export interface FiltersProps {
  state: FilterState;
  sites: readonly string[];
  entryTerm: string | null;
  onChange(next: FilterState): void;
}

/** Grouping and filters: native selects, so every control works from the keyboard. Props only. */
export function Filters({ state, sites, entryTerm, onChange }: FiltersProps) {
  const set = (patch: Partial<FilterState>) => onChange({ ...state, ...patch });
  return (
    <fieldset class="tl-filters tl-fieldset">
      <legend class="tl-visually-hidden">{t('history_filters_label')}</legend>
      <label>
        {t('history_group_label')}
        <select
          value={state.grouping}
          onChange={(e) => set({ grouping: e.currentTarget.value as Grouping })}
        >
          <option value="entry">{t('history_group_by_entry')}</option>
          <option value="day">{t('history_group_by_day')}</option>
        </select>
      </label>
      <label>
        {t('history_filter_site')}
        <select value={state.site} onChange={(e) => set({ site: e.currentTarget.value })}>
          <option value="">{t('history_filter_all_sites')}</option>
          {sites.map((site) => (
            <option key={site} value={site}>
              {site}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('history_filter_category')}
        <select
          value={state.category}
          onChange={(e) => set({ category: e.currentTarget.value as Category | '' })}
        >
          <option value="">{t('history_filter_all_categories')}</option>
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {CATEGORY_LABELS[c]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('history_filter_time')}
        <select
          value={state.period}
          onChange={(e) => set({ period: e.currentTarget.value as Period })}
        >
          {PERIODS.map((p) => (
            <option key={p} value={p}>
              {t(`history_period_${p}`)}
            </option>
          ))}
        </select>
      </label>
      {state.entry && (
        <button type="button" class="tl-button" onClick={() => set({ entry: null })}>
          {t('history_filter_entry_clear', entryTerm ?? state.entry)}
        </button>
      )}
    </fieldset>
  );
}

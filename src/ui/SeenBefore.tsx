import { plural, t, uiLocale } from '../i18n';

export interface SeenBeforeProps {
  /** Null: never looked up before (or history is unavailable). */
  summary: { count: number; last: { site: string; time: number } } | null;
  known: boolean;
  onOpenHistory(): void;
  onToggleKnown(): void;
}

/** The reader's calendar date of a lookup, in the interface's language. */
export function lookupDate(time: number): string {
  return new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'medium' }).format(new Date(time));
}

/** The popover's reading-memory line: seen before (with a link to those lookups) and "I know this". Props only. */
export function SeenBefore({ summary, known, onOpenHistory, onToggleKnown }: SeenBeforeProps) {
  return (
    <section class="tl-memory" aria-label={t('history_popover_label')}>
      {summary && summary.count > 0 && (
        <p class="tl-memory__seen">
          {plural(
            'history_seen_before',
            summary.count,
            summary.last.site,
            lookupDate(summary.last.time),
          )}{' '}
          <button type="button" class="tl-link-button" onClick={onOpenHistory}>
            {t('history_seen_before_link')}
          </button>
        </p>
      )}
      <button
        type="button"
        class="tl-button tl-memory__known"
        aria-pressed={known ? 'true' : 'false'}
        onClick={onToggleKnown}
      >
        {known ? t('history_known_undo') : t('history_known_mark')}
      </button>
    </section>
  );
}

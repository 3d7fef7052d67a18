import { t } from '../i18n';

/** The link to the reading history, for the popup's footer and the options page's header. */
export function HistoryLinks() {
  return (
    <a href="/reading.html" target="_blank" rel="noopener" class="tl-link">
      {t('history_link')}
    </a>
  );
}

import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { t } from '../../src/i18n';
import { FileButton } from '../../src/ui/FileButton';

export type Notice = { kind: 'error' | 'success'; message: string } | null;

export interface BackupProps {
  notice: Notice;
  onImport: (file: File) => void;
  onExport: () => void;
  onReset: () => void;
}

/** Import, export and reset. Reset asks inline: window.confirm is blocked in some extension pages. */
export function Backup({ notice, onImport, onExport, onReset }: BackupProps) {
  const ids = useId();
  const [confirming, setConfirming] = useState(false);
  const resetRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);

  const opened = useRef(false);
  // Focus follows the step: Cancel when it opens, back to the Reset button when it closes.
  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
    else if (opened.current) resetRef.current?.focus();
    opened.current ||= confirming;
  }, [confirming]);
  const closeConfirm = () => setConfirming(false);

  return (
    <section class="tl-card" aria-labelledby={`${ids}-h`}>
      <h2 id={`${ids}-h`}>{t('options_backup_heading')}</h2>
      <p class="tl-hint">{t('options_backup_hint')}</p>
      <div class="tl-button-row">
        <button type="button" class="tl-button" onClick={onExport}>
          {t('options_export_button')}
        </button>
        <FileButton accept="application/json,.json" testId="import-file" onPick={onImport}>
          {t('options_import_button')}
        </FileButton>
      </div>
      <div class="tl-notice-region" role="alert" aria-live="assertive">
        {notice && (
          <p class={`tl-notice tl-notice--${notice.kind}`} data-testid="backup-notice">
            {notice.message}
          </p>
        )}
      </div>

      <div class="tl-reset">
        {confirming ? (
          <div class="tl-confirm">
            <p id={`${ids}-confirm`}>{t('options_reset_confirm')}</p>
            <div class="tl-button-row">
              <button
                type="button"
                class="tl-button tl-button--danger"
                aria-describedby={`${ids}-confirm`}
                onClick={() => {
                  onReset();
                  closeConfirm();
                }}
              >
                {t('options_reset_confirm_yes')}
              </button>
              <button
                ref={cancelRef}
                type="button"
                class="tl-button"
                aria-describedby={`${ids}-confirm`}
                onClick={closeConfirm}
              >
                {t('options_reset_cancel')}
              </button>
            </div>
          </div>
        ) : (
          <button
            ref={resetRef}
            type="button"
            class="tl-button"
            onClick={() => setConfirming(true)}
          >
            {t('options_reset_button')}
          </button>
        )}
      </div>
    </section>
  );
}

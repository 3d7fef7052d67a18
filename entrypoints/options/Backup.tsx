import { useEffect, useId, useRef, useState } from 'preact/hooks';

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
  const fileRef = useRef<HTMLInputElement>(null);
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
      <h2 id={`${ids}-h`}>Backup and reset</h2>
      <p class="tl-hint">
        Settings and site lists are saved as a JSON file you can import in another browser.
      </p>
      <div class="tl-button-row">
        <button type="button" class="tl-button" onClick={onExport}>
          Export settings
        </button>
        <label class="tl-button tl-file-button">
          Import settings…
          <input
            ref={fileRef}
            type="file"
            accept="application/json,.json"
            class="tl-visually-hidden"
            data-testid="import-file"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file) onImport(file);
              // Allow importing the same file again after fixing it.
              e.currentTarget.value = '';
            }}
          />
        </label>
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
            <p id={`${ids}-confirm`}>
              Reset every setting to its default? Your site list, colours and hidden terms will be
              erased. Export first if you may want them back.
            </p>
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
                Yes, reset everything
              </button>
              <button
                ref={cancelRef}
                type="button"
                class="tl-button"
                aria-describedby={`${ids}-confirm`}
                onClick={closeConfirm}
              >
                Cancel
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
            Reset to defaults…
          </button>
        )}
      </div>
    </section>
  );
}

import { useEffect, useId, useMemo, useState } from 'preact/hooks';
import { notTermsOf, removeNotTerm } from '../../src/content/not-terms';
import { CATEGORY_LABELS } from '../../src/glossary/categories';
import { t } from '../../src/i18n';
import type { ColumnTarget } from '../../src/packs/csv-columns';
import {
  draftOf,
  EMPTY_FIELDS,
  fieldsOf,
  type PickedFile,
  previewDraftOf,
  type TermFields,
} from '../../src/packs/options-flow';
import { previewMatches } from '../../src/packs/preview';
import { formatProblem } from '../../src/packs/problems';
import type { UserEntry } from '../../src/packs/schema';
import { type DeletedTerm, PackStoreError } from '../../src/packs/store';
import {
  getNotTerms,
  type NotTerms as NotTermsMap,
  updateNotTerms,
  watchNotTerms,
} from '../../src/platform/user-tables';
import { NotTerms } from './NotTerms';
import { PackList } from './PackList';
import { TermForm } from './TermForm';
import { TermList } from './TermList';
import { type Notice, PACKS_DEPS, type PacksDeps, usePacks } from './use-packs';

const messagesOf = (error: unknown): string[] =>
  error instanceof PackStoreError && error.problems.length > 0
    ? error.problems.map(formatProblem)
    : [error instanceof Error ? error.message : String(error)];

function NoticeView({ notice, onUndo }: { notice: Notice; onUndo?: (() => void) | undefined }) {
  if (!notice) return null;
  return (
    <div class={`tl-notice tl-notice--${notice.kind}`} role="status" data-testid="packs-notice">
      <p>
        {notice.message}{' '}
        {onUndo && (
          <button type="button" class="tl-button tl-button--small" onClick={onUndo}>
            {t('myterms_undo')}
          </button>
        )}
      </p>
      {notice.details && (
        <ul>
          {notice.details.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Picking a pack file: JSON and TBX install at once, CSV after its column step. */
function useImport(
  packs: ReturnType<typeof usePacks>,
  setNotice: (notice: Notice) => void,
  clearUndo: () => void,
) {
  const [csv, setCsv] = useState<Extract<PickedFile, { ok: true }> | null>(null);
  const install = async (picked: Extract<PickedFile, { ok: true }>) => {
    const result = await packs.install(picked, csv?.columns ? { columns: csv.columns } : {});
    setCsv(null);
    clearUndo();
    setNotice(
      result.ok
        ? {
            kind: 'success',
            message: t('packs_imported', result.info.name, String(result.info.entryCount)),
          }
        : {
            kind: 'error',
            message: t('packs_import_failed', picked.name),
            details: result.messages,
          },
    );
  };

  const pick = async (file: File) => {
    const picked = await packs.readPicked(file);
    if (!picked.ok) {
      setNotice({
        kind: 'error',
        message: t('packs_import_failed', picked.name),
        details: picked.messages,
      });
      return;
    }
    // CSV waits for the reader to confirm how its columns are read.
    if (picked.format === 'csv') setCsv(picked);
    else await install(picked);
  };

  return {
    mapping:
      csv?.headers && csv.columns
        ? { file: csv.name, headers: csv.headers, columns: csv.columns }
        : null,
    pick,
    setColumns: (columns: ColumnTarget[]) => csv && setCsv({ ...csv, columns }),
    confirm: () => csv && void install(csv),
    cancel: () => setCsv(null),
  };
}

/** Phrases marked "Not a term here", as a list, kept current. */
function usePhrases(): { host: string; phrase: string }[] {
  const [notTerms, setNotTerms] = useState<NotTermsMap>({});
  useEffect(() => {
    const controller = new AbortController();
    void getNotTerms().then((n) => !controller.signal.aborted && setNotTerms(n));
    watchNotTerms(setNotTerms, controller.signal);
    return () => controller.abort();
  }, []);
  return Object.keys(notTerms).flatMap((host) =>
    notTermsOf(notTerms, host).map((phrase) => ({ host, phrase })),
  );
}

/** The last notice, and the deleted term its Undo button brings back. */
function useNotice(packs: ReturnType<typeof usePacks>) {
  const [notice, setNotice] = useState<Notice>(null);
  const [undo, setUndo] = useState<DeletedTerm | null>(null);
  const onUndo = undo
    ? () =>
        void packs.restoreTerm(undo).then(() => {
          setUndo(null);
          setNotice(null);
        })
    : undefined;
  return { notice, setNotice, setUndo, onUndo };
}

/** The term form's state: what is edited, its problems, the preview sample; save and delete. */
function useTermEditor(
  packs: ReturnType<typeof usePacks>,
  setNotice: (notice: Notice) => void,
  setUndo: (deleted: DeletedTerm | null) => void,
) {
  const [editing, setEditing] = useState<{ id: string | null; fields: TermFields } | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [sample, setSample] = useState('');
  const preview = useMemo(
    () => (editing ? previewMatches(previewDraftOf(editing.fields), sample) : []),
    [editing, sample],
  );

  // A new or other term starts without the last attempt's problems.
  const open = (id: string | null, fields: TermFields) => {
    setErrors([]);
    setEditing({ id, fields });
  };

  const save = async () => {
    if (!editing) return;
    try {
      const draft = draftOf(editing.fields);
      const saved = await (editing.id === null
        ? packs.addTerm(draft)
        : packs.updateTerm(editing.id, draft));
      setEditing(null);
      setErrors([]);
      setUndo(null);
      setNotice({ kind: 'success', message: t('myterms_saved', saved.term) });
    } catch (error) {
      setErrors(messagesOf(error));
    }
  };

  const remove = async (id: string) => {
    const deleted = await packs.deleteTerm(id);
    setUndo(deleted);
    setNotice({ kind: 'success', message: t('myterms_deleted', deleted.entry.term) });
  };

  return {
    editing,
    errors,
    sample,
    setSample,
    preview,
    save,
    remove,
    add: () => open(null, EMPTY_FIELDS),
    edit: (entry: UserEntry) => open(entry.id, fieldsOf(entry)),
    cancel: () => setEditing(null),
    // Merged into the latest state: several fields may change before the next render.
    setField: <K extends keyof TermFields>(key: K, value: TermFields[K]) =>
      setEditing((e) => (e ? { ...e, fields: { ...e.fields, [key]: value } } : e)),
  };
}

/** "My terms", glossary packs and "Not a term here" phrases: the options page's container. */
export function MyTermsSection({ deps = PACKS_DEPS }: { deps?: PacksDeps }) {
  const ids = useId();
  const packs = usePacks(deps);
  const { notice, setNotice, setUndo, onUndo } = useNotice(packs);
  const phrases = usePhrases();
  const editor = useTermEditor(packs, setNotice, setUndo);
  const importing = useImport(packs, setNotice, () => setUndo(null));
  const { editing } = editor;

  return (
    <>
      <section class="tl-card" aria-labelledby={`${ids}-h`} data-testid="my-terms">
        <div class="tl-card__head">
          <h2 id={`${ids}-h`}>{t('myterms_heading')}</h2>
          {!editing && (
            <button
              type="button"
              class="tl-button tl-button--primary"
              disabled={!packs.ready}
              data-testid="term-add"
              onClick={editor.add}
            >
              {t('myterms_add')}
            </button>
          )}
        </div>
        <p class="tl-hint">{t('myterms_intro')}</p>
        <NoticeView notice={notice} onUndo={onUndo} />
        {editing && (
          <TermForm
            fields={editing.fields}
            editing={editing.id !== null}
            categoryLabels={CATEGORY_LABELS}
            sample={editor.sample}
            preview={editor.preview}
            errors={editor.errors}
            onField={editor.setField}
            onSample={editor.setSample}
            onSave={() => void editor.save()}
            onCancel={editor.cancel}
          />
        )}
        <TermList
          terms={packs.terms}
          onEdit={editor.edit}
          onDelete={(id) => void editor.remove(id)}
        />
      </section>
      <PackList
        packs={packs.packs}
        mapping={importing.mapping}
        onToggle={(id, on) => void packs.setEnabled(id, on)}
        onRemove={(id) => void packs.removePack(id)}
        onExport={(id, format) => void packs.exportPack(id, format)}
        onPick={(file) => void importing.pick(file)}
        onColumns={importing.setColumns}
        onConfirmImport={importing.confirm}
        onCancelImport={importing.cancel}
      />
      <NotTerms
        items={phrases}
        onRemove={(host, phrase) => void updateNotTerms((m) => removeNotTerm(m, host, phrase))}
      />
    </>
  );
}

import { useId } from 'preact/hooks';
import { CATEGORIES, type Category } from '../../src/glossary/schema';
import { t } from '../../src/i18n';
import type { TermFields } from '../../src/packs/options-flow';
import type { PreviewSpan } from '../../src/packs/preview';

export interface TermFormProps {
  fields: TermFields;
  /** True when editing a saved term (the heading and button say so). */
  editing: boolean;
  categoryLabels: Record<Category, string>;
  sample: string;
  /** What the fields match in `sample`, computed by the container. */
  preview: readonly PreviewSpan[];
  errors: readonly string[];
  /** One field changed (the container merges it into the latest fields). */
  onField<K extends keyof TermFields>(key: K, value: TermFields[K]): void;
  onSample(sample: string): void;
  onSave(): void;
  onCancel(): void;
}

/** The sample with each match marked; text only, so nothing typed can become markup. */
function Marked({ sample, spans }: { sample: string; spans: readonly PreviewSpan[] }) {
  const parts = [];
  let at = 0;
  for (const span of spans) {
    parts.push(sample.slice(at, span.start), <mark key={span.start}>{span.text}</mark>);
    at = span.end;
  }
  parts.push(sample.slice(at));
  return <>{parts}</>;
}

/** Add or edit one of the reader's terms, with a live preview on a sample. Props only. */
export function TermForm(props: TermFormProps) {
  const { fields, onField } = props;
  const ids = useId();
  const set =
    (key: keyof TermFields) => (e: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) =>
      onField(key, e.currentTarget.value);
  const text = (key: 'term' | 'abbreviation', label: string) => (
    <div class="tl-field">
      <label for={`${ids}-${key}`}>{label}</label>
      <input
        id={`${ids}-${key}`}
        type="text"
        class="tl-input"
        dir="auto"
        value={fields[key]}
        onInput={set(key)}
        data-testid={`term-${key}`}
      />
    </div>
  );
  const area = (key: 'aliases' | 'definition' | 'forms' | 'note', label: string) => (
    <div class={key === 'definition' ? 'tl-field tl-field--wide' : 'tl-field'}>
      <label for={`${ids}-${key}`}>{label}</label>
      <textarea
        id={`${ids}-${key}`}
        class="tl-input"
        dir="auto"
        rows={key === 'definition' ? 3 : 2}
        value={fields[key]}
        onInput={set(key)}
        data-testid={`term-${key}`}
      />
    </div>
  );
  return (
    <form
      class="tl-term-form"
      aria-label={props.editing ? t('myterms_edit_heading') : t('myterms_add')}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        props.onSave();
      }}
    >
      {text('term', t('myterms_field_term'))}
      {text('abbreviation', t('myterms_field_abbreviation'))}
      {area('aliases', t('myterms_field_aliases'))}
      <div class="tl-field">
        <label for={`${ids}-category`}>{t('myterms_field_category')}</label>
        <select
          id={`${ids}-category`}
          class="tl-input"
          value={fields.category}
          data-testid="term-category"
          onChange={(e) => onField('category', e.currentTarget.value as Category)}
        >
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {props.categoryLabels[c]}
            </option>
          ))}
        </select>
      </div>
      {area('definition', t('myterms_field_definition'))}
      {area('forms', t('myterms_field_forms'))}
      {area('note', t('myterms_field_note'))}
      <fieldset class="tl-fieldset tl-preview tl-field--wide">
        <legend>{t('myterms_preview_heading')}</legend>
        <label for={`${ids}-sample`}>{t('myterms_preview_sample')}</label>
        <textarea
          id={`${ids}-sample`}
          class="tl-input"
          dir="auto"
          rows={2}
          value={props.sample}
          onInput={(e) => props.onSample(e.currentTarget.value)}
          data-testid="term-sample"
        />
        <p class="tl-preview__result" data-testid="term-preview" aria-live="polite" dir="auto">
          {props.preview.length === 0 ? (
            t('myterms_preview_none')
          ) : (
            <Marked sample={props.sample} spans={props.preview} />
          )}
        </p>
      </fieldset>
      {props.errors.length > 0 && (
        <div class="tl-notice tl-notice--error tl-field--wide" role="alert">
          <p>{t('myterms_not_saved')}</p>
          <ul>
            {props.errors.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </div>
      )}
      <div class="tl-button-row tl-field--wide">
        <button type="submit" class="tl-button tl-button--primary" data-testid="term-save">
          {t('myterms_save')}
        </button>
        <button type="button" class="tl-button" onClick={props.onCancel}>
          {t('myterms_cancel')}
        </button>
      </div>
    </form>
  );
}

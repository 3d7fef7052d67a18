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

type TextKey = 'term' | 'abbreviation' | 'aliases' | 'definition' | 'forms' | 'note';

/** One text field; `ids` is the form's, so each control's id is `${ids}-${key}`. */
interface FieldProps {
  ids: string;
  name: TextKey;
  label: string;
  fields: TermFields;
  onField: TermFormProps['onField'];
}

function TextField({ ids, name, label, fields, onField }: FieldProps) {
  return (
    <div class="tl-field">
      <label for={`${ids}-${name}`}>{label}</label>
      <input
        id={`${ids}-${name}`}
        type="text"
        class="tl-input"
        dir="auto"
        value={fields[name]}
        onInput={(e) => onField(name, e.currentTarget.value)}
        data-testid={`term-${name}`}
      />
    </div>
  );
}

/** A multi-line field; the definition is wider and taller than the rest. */
function AreaField({ ids, name, label, fields, onField }: FieldProps) {
  const wide = name === 'definition';
  return (
    <div class={wide ? 'tl-field tl-field--wide' : 'tl-field'}>
      <label for={`${ids}-${name}`}>{label}</label>
      <textarea
        id={`${ids}-${name}`}
        class="tl-input"
        dir="auto"
        rows={wide ? 3 : 2}
        value={fields[name]}
        onInput={(e) => onField(name, e.currentTarget.value)}
        data-testid={`term-${name}`}
      />
    </div>
  );
}

function Preview({
  ids,
  sample,
  preview,
  onSample,
}: { ids: string } & Pick<TermFormProps, 'sample' | 'preview' | 'onSample'>) {
  return (
    <fieldset class="tl-fieldset tl-preview tl-field--wide">
      <legend>{t('myterms_preview_heading')}</legend>
      <label for={`${ids}-sample`}>{t('myterms_preview_sample')}</label>
      <textarea
        id={`${ids}-sample`}
        class="tl-input"
        dir="auto"
        rows={2}
        value={sample}
        onInput={(e) => onSample(e.currentTarget.value)}
        data-testid="term-sample"
      />
      <p class="tl-preview__result" data-testid="term-preview" aria-live="polite" dir="auto">
        {preview.length === 0 ? (
          t('myterms_preview_none')
        ) : (
          <Marked sample={sample} spans={preview} />
        )}
      </p>
    </fieldset>
  );
}

function Errors({ errors }: Pick<TermFormProps, 'errors'>) {
  if (errors.length === 0) return null;
  return (
    <div class="tl-notice tl-notice--error tl-field--wide" role="alert">
      <p>{t('myterms_not_saved')}</p>
      <ul>
        {errors.map((message) => (
          <li key={message}>{message}</li>
        ))}
      </ul>
    </div>
  );
}

/** Add or edit one of the reader's terms, with a live preview on a sample. Props only. */
export function TermForm(props: TermFormProps) {
  const { fields, onField } = props;
  const ids = useId();
  const field = { ids, fields, onField };
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
      <TextField {...field} name="term" label={t('myterms_field_term')} />
      <TextField {...field} name="abbreviation" label={t('myterms_field_abbreviation')} />
      <AreaField {...field} name="aliases" label={t('myterms_field_aliases')} />
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
      <AreaField {...field} name="definition" label={t('myterms_field_definition')} />
      <AreaField {...field} name="forms" label={t('myterms_field_forms')} />
      <AreaField {...field} name="note" label={t('myterms_field_note')} />
      <Preview ids={ids} sample={props.sample} preview={props.preview} onSample={props.onSample} />
      <Errors errors={props.errors} />
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

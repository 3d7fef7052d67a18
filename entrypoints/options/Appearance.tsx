import { useId } from 'preact/hooks';
import { categoryColor, DEFAULT_CATEGORY_COLORS } from '../../src/glossary/categories';
import { CATEGORIES, type Category } from '../../src/glossary/schema';
import { formatNumber, plural, SLOT, t, tAround } from '../../src/i18n';
import { HOVER_DELAY_MAX_MS, HOVER_DELAY_MIN_MS, type Settings } from '../../src/settings/settings';
import { MIN_TEXT_CONTRAST, textContrast } from '../../src/ui/contrast';
import { Radio } from './Radio';
import { clampDelay } from './settings-edits';

/** "4.5:1" in the interface's digits, rounded down so 4.49 never reads as a passing 4.5. */
const ratioText = (r: number) => `${formatNumber(Math.floor(r * 10) / 10)}:1`;

/** A ratio inside a sentence: its own left-to-right run, so `:1` stays after the number. */
function WithRatio({ parts, ratio }: { parts: [string, string]; ratio: number }) {
  return (
    <>
      {parts[0]}
      <bdi dir="ltr">{ratioText(ratio)}</bdi>
      {parts[1]}
    </>
  );
}

export interface AppearanceProps {
  style: Settings['style'];
  colors: Settings['colors'];
  hoverDelayMs: number;
  categoryLabels: Record<Category, string>;
  onStyleChange: (style: Settings['style']) => void;
  onColorChange: (category: Category, color: string | null) => void;
  onHoverDelayChange: (ms: number) => void;
}

function ContrastCheck({ color }: { color: string }) {
  const report = textContrast(color);
  if (!report) return <span class="tl-contrast">{t('options_contrast_unknown')}</span>;
  const item = (key: string, ratio: number) => {
    const ok = ratio >= MIN_TEXT_CONTRAST;
    return (
      <span class={`tl-contrast__item ${ok ? 'is-ok' : 'is-low'}`}>
        <span aria-hidden="true">{ok ? '✓' : '!'}</span>{' '}
        <WithRatio parts={tAround(key, SLOT)} ratio={ratio} />
      </span>
    );
  };
  return (
    <span class="tl-contrast" data-testid="contrast">
      {item('options_contrast_dark_text', report.darkText)}
      {item('options_contrast_light_text', report.lightText)}
      {!report.readable && (
        <span class="tl-contrast__warning" role="status">
          <WithRatio parts={tAround('options_contrast_warning', SLOT)} ratio={MIN_TEXT_CONTRAST} />
        </span>
      )}
    </span>
  );
}

const STYLES = ['background', 'underline'] as const;

function StyleChoice({ style, onStyleChange }: Pick<AppearanceProps, 'style' | 'onStyleChange'>) {
  return (
    <fieldset class="tl-fieldset">
      <legend>{t('options_style_legend')}</legend>
      <div class="tl-style-options">
        {STYLES.map((value) => (
          <Radio
            key={value}
            card
            name="highlight-style"
            value={value}
            checked={style === value}
            onChoose={onStyleChange}
          >
            <span class="tl-radio__label">
              <span class={`tl-style-sample tl-style-sample--${value}`}>
                {t(`options_style_${value}`)}
              </span>
            </span>
          </Radio>
        ))}
      </div>
    </fieldset>
  );
}

type ColorRowProps = Pick<
  AppearanceProps,
  'style' | 'colors' | 'categoryLabels' | 'onColorChange'
> & {
  /** The card's id prefix: each row's input is `${ids}-color-${category}`. */
  ids: string;
  category: Category;
};

/** One category: picker, a sample in the chosen style, its contrast and a reset to the default. */
function ColorRow({ ids, category, style, colors, categoryLabels, onColorChange }: ColorRowProps) {
  const color = categoryColor(category, colors);
  const custom = colors[category] !== undefined;
  const inputId = `${ids}-color-${category}`;
  return (
    <li class="tl-color-row">
      <input
        id={inputId}
        type="color"
        value={color}
        onChange={(e) => onColorChange(category, e.currentTarget.value)}
      />
      <label for={inputId} class="tl-color-row__label">
        <span
          class="tl-color-sample"
          style={
            style === 'background'
              ? { background: color }
              : { textDecorationColor: color, textDecorationLine: 'underline' }
          }
        >
          {categoryLabels[category]}
        </span>
      </label>
      <ContrastCheck color={color} />
      <button
        type="button"
        class="tl-button tl-button--small"
        disabled={!custom}
        aria-label={t('options_color_reset_label', categoryLabels[category])}
        onClick={() => onColorChange(category, null)}
        title={t('options_color_default_title', DEFAULT_CATEGORY_COLORS[category])}
      >
        {t('options_color_default_button')}
      </button>
    </li>
  );
}

function HoverDelay({
  ids,
  hoverDelayMs,
  onHoverDelayChange,
}: { ids: string } & Pick<AppearanceProps, 'hoverDelayMs' | 'onHoverDelayChange'>) {
  const onChange = (e: { currentTarget: HTMLInputElement }) =>
    onHoverDelayChange(clampDelay(e.currentTarget.valueAsNumber));
  return (
    <div class="tl-field">
      <label for={`${ids}-delay`}>{t('options_hover_delay_label')}</label>
      <div class="tl-range-row">
        <input
          id={`${ids}-delay`}
          type="range"
          min={HOVER_DELAY_MIN_MS}
          max={HOVER_DELAY_MAX_MS}
          step={50}
          value={hoverDelayMs}
          aria-valuetext={plural('options_hover_delay_valuetext', hoverDelayMs)}
          onChange={onChange}
        />
        <input
          type="number"
          min={HOVER_DELAY_MIN_MS}
          max={HOVER_DELAY_MAX_MS}
          step={50}
          value={hoverDelayMs}
          aria-label={t('options_hover_delay_input_label')}
          onChange={onChange}
        />
        <span aria-hidden="true">{t('options_hover_delay_unit')}</span>
      </div>
    </div>
  );
}

export function Appearance(props: AppearanceProps) {
  const ids = useId();
  return (
    <section class="tl-card" aria-labelledby={`${ids}-h`}>
      <h2 id={`${ids}-h`}>{t('options_appearance_heading')}</h2>
      <StyleChoice style={props.style} onStyleChange={props.onStyleChange} />
      <fieldset class="tl-fieldset">
        <legend>{t('options_colors_legend')}</legend>
        <ul class="tl-colors">
          {CATEGORIES.map((category) => (
            <ColorRow key={category} ids={ids} category={category} {...props} />
          ))}
        </ul>
      </fieldset>
      <HoverDelay ids={ids} {...props} />
    </section>
  );
}

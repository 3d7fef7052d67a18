import { useId } from 'preact/hooks';
import { categoryColor, DEFAULT_CATEGORY_COLORS } from '../../src/glossary/categories';
import { CATEGORIES, type Category } from '../../src/glossary/schema';
import { HOVER_DELAY_MAX_MS, HOVER_DELAY_MIN_MS, type Settings } from '../../src/settings/settings';
import { formatRatio, MIN_TEXT_CONTRAST, textContrast } from '../../src/ui/contrast';

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
  if (!report) return <span class="tl-contrast">Unknown colour</span>;
  const item = (label: string, ratio: number) => {
    const ok = ratio >= MIN_TEXT_CONTRAST;
    return (
      <span class={`tl-contrast__item ${ok ? 'is-ok' : 'is-low'}`}>
        <span aria-hidden="true">{ok ? '✓' : '!'}</span> {label} {formatRatio(ratio)}
      </span>
    );
  };
  return (
    <span class="tl-contrast" data-testid="contrast">
      {item('Dark text', report.darkText)}
      {item('Light text', report.lightText)}
      {!report.readable && (
        <span class="tl-contrast__warning" role="status">
          Text over this colour is below {MIN_TEXT_CONTRAST}:1 and may be hard to read.
        </span>
      )}
    </span>
  );
}

export function Appearance(props: AppearanceProps) {
  const { style, colors, hoverDelayMs, categoryLabels } = props;
  const ids = useId();
  const clampDelay = (value: number) =>
    Math.min(
      HOVER_DELAY_MAX_MS,
      Math.max(HOVER_DELAY_MIN_MS, Math.round(Number.isFinite(value) ? value : 0)),
    );

  return (
    <section class="tl-card" aria-labelledby={`${ids}-h`}>
      <h2 id={`${ids}-h`}>Appearance</h2>
      <fieldset class="tl-fieldset">
        <legend>Highlight style</legend>
        <div class="tl-style-options">
          {(['background', 'underline'] as const).map((value) => (
            <label class="tl-radio tl-radio--card" key={value}>
              <input
                type="radio"
                name="highlight-style"
                value={value}
                checked={style === value}
                onChange={() => props.onStyleChange(value)}
              />
              <span class="tl-radio__label">
                <span class={`tl-style-sample tl-style-sample--${value}`}>
                  {value === 'background' ? 'Background' : 'Underline'}
                </span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset class="tl-fieldset">
        <legend>Colour per category</legend>
        <ul class="tl-colors">
          {CATEGORIES.map((category) => {
            const color = categoryColor(category, colors);
            const custom = colors[category] !== undefined;
            const inputId = `${ids}-color-${category}`;
            return (
              <li key={category} class="tl-color-row">
                <input
                  id={inputId}
                  type="color"
                  value={color}
                  onChange={(e) => props.onColorChange(category, e.currentTarget.value)}
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
                  aria-label={`Reset colour of ${categoryLabels[category]}`}
                  onClick={() => props.onColorChange(category, null)}
                  title={`Default: ${DEFAULT_CATEGORY_COLORS[category]}`}
                >
                  Default
                </button>
              </li>
            );
          })}
        </ul>
      </fieldset>

      <div class="tl-field">
        <label for={`${ids}-delay`}>Hover delay before the explanation opens</label>
        <div class="tl-range-row">
          <input
            id={`${ids}-delay`}
            type="range"
            min={HOVER_DELAY_MIN_MS}
            max={HOVER_DELAY_MAX_MS}
            step={50}
            value={hoverDelayMs}
            aria-valuetext={`${hoverDelayMs} milliseconds`}
            onChange={(e) => props.onHoverDelayChange(clampDelay(e.currentTarget.valueAsNumber))}
          />
          <input
            type="number"
            min={HOVER_DELAY_MIN_MS}
            max={HOVER_DELAY_MAX_MS}
            step={50}
            value={hoverDelayMs}
            aria-label="Hover delay in milliseconds"
            onChange={(e) => props.onHoverDelayChange(clampDelay(e.currentTarget.valueAsNumber))}
          />
          <span aria-hidden="true">ms</span>
        </div>
      </div>
    </section>
  );
}

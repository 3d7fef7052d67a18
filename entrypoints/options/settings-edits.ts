import type { Category } from '../../src/glossary/schema';
import { t } from '../../src/i18n';
import { normalizeHost } from '../../src/settings/hosts';
import { HOVER_DELAY_MAX_MS, HOVER_DELAY_MIN_MS, type Settings } from '../../src/settings/settings';
import { setSiteEnabled } from '../../src/settings/site-rules';

/** Pure edits the options page makes to settings (kept out of the views so they are testable). */

/**
 * The rule a typed site adds, or the message to show instead. The list holds the exceptions to
 * the mode: sites off in 'deny' mode, on in 'allow' mode. setSiteEnabled is the one writer of
 * site rules, so a host that already behaves so (own rule, parent's or the mode's) is a duplicate.
 */
export function siteToAdd(
  settings: Settings,
  input: string,
): { error: string } | { host: string; on: boolean } {
  const host = normalizeHost(input);
  if (!host) return { error: t('options_add_invalid_host', input.trim() || ' ') };
  const on = settings.mode === 'allow';
  if (setSiteEnabled(settings, host, on) === settings) {
    return { error: t('options_add_duplicate', host) };
  }
  return { host, on };
}

/** `color` for `category`; null drops the key, so the category follows the default again. */
export function withColor(settings: Settings, category: Category, color: string | null): Settings {
  const colors = { ...settings.colors };
  if (color === null) delete colors[category];
  else colors[category] = color;
  return { ...settings, colors };
}

/** What a hover-delay input may write: whole milliseconds in range; an empty box gives the minimum. */
export const clampDelay = (value: number): number =>
  Math.min(
    HOVER_DELAY_MAX_MS,
    Math.max(HOVER_DELAY_MIN_MS, Math.round(Number.isFinite(value) ? value : 0)),
  );

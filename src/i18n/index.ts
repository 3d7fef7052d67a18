import { getMessage } from '../platform/i18n';

/**
 * The interface's words, from `public/_locales` (see README.md here for the keys and the
 * plural convention). Locale data is built on first use, not at load: a content script that
 * never opens the popover pays nothing.
 */

/** `t('options_sites_remove_label', host)`: the message, or the key itself when it is missing. */
export function t(key: string, ...subs: readonly string[]): string {
  return getMessage(key, subs) || key;
}

let cached: {
  locale: string;
  dir: 'ltr' | 'rtl';
  rules: Intl.PluralRules;
  numbers: Intl.NumberFormat;
} | null = null;

function localeData() {
  if (cached === null) {
    // The catalogue's own locale, not the browser's: a German browser is served English.
    const locale = getMessage('meta_locale') || 'en';
    cached = {
      locale,
      dir: getMessage('meta_dir') === 'rtl' ? 'rtl' : 'ltr',
      rules: new Intl.PluralRules(locale),
      numbers: new Intl.NumberFormat(locale),
    };
  }
  return cached;
}

/** The BCP 47 code of the catalogue in use (for `lang`, Intl formatters). */
export const uiLocale = (): string => localeData().locale;
/** The writing direction of the catalogue in use (for `dir` on the extension's own UI). */
export const uiDir = (): 'ltr' | 'rtl' => localeData().dir;
/** A number in the catalogue's digits and grouping. */
export const formatNumber = (n: number): string => localeData().numbers.format(n);

/** `plural('options_sites_count', n, ...subs)`: `$count$` is always the first substitution. */
export function plural(base: string, count: number, ...subs: readonly string[]): string {
  const { rules } = localeData();
  const all = [formatNumber(count), ...subs];
  return getMessage(`${base}_${rules.select(count)}`, all) || t(`${base}_other`, ...all);
}

/** Forget the cached locale (tests switch catalogues). */
export function resetLocaleCache(): void {
  cached = null;
}

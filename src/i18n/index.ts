import { getMessage } from '../platform/i18n';

/**
 * The interface's words, from `public/_locales` (see README.md here for the keys and the
 * plural convention). Locale data is built on first use, not at load: a content script that
 * never opens the popover pays nothing.
 */

/** `t('options_sites_remove_label', host)`: the message, or the key itself when it is missing. */
export function t(key: string, ...subs: readonly string[]): string {
  return getMessage(key, isolate(subs)) || key;
}

/** Stands for a substitution that markup renders itself (an element), see `tAround`. */
export const SLOT = '\uE000';

/**
 * A message split around its one `SLOT` substitution: `[before, after]`, so markup can put an
 * element (`<q>`, `<strong>`) where the placeholder is, in each language's word order.
 */
export function tAround(key: string, ...subs: readonly string[]): [string, string] {
  const text = t(key, ...subs);
  const at = text.indexOf(SLOT);
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + SLOT.length)];
}

/**
 * In a right-to-left catalogue, each substitution in FIRST STRONG ISOLATE … POP DIRECTIONAL
 * ISOLATE: a Latin host, file name or JSON snippet would otherwise reorder the punctuation
 * around it in plain text (tooltips, labels, the badge).
 */
function isolate(subs: readonly string[]): readonly string[] {
  if (subs.length === 0 || localeData().dir !== 'rtl') return subs;
  return subs.map((s) => (s === SLOT ? s : `\u2068${s}\u2069`));
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
  const all = isolate([formatNumber(count), ...subs]);
  return (
    getMessage(`${base}_${rules.select(count)}`, all) || getMessage(`${base}_other`, all) || base
  );
}

/** A list in the catalogue's language ("a, b and c"; "a، b و c"). */
export function formatList(
  items: readonly string[],
  type: 'conjunction' | 'unit' = 'conjunction',
): string {
  return new Intl.ListFormat(uiLocale(), {
    type,
    style: type === 'unit' ? 'short' : 'long',
  }).format(items);
}

/** `<html lang dir>` and the title of an extension page, before its first render. */
export function localiseDocument(doc: Document, titleKey: string): void {
  doc.documentElement.lang = uiLocale();
  doc.documentElement.dir = uiDir();
  doc.title = t(titleKey);
}

/** Forget the cached locale (tests switch catalogues). */
export function resetLocaleCache(): void {
  cached = null;
}

import { readFileSync } from 'node:fs';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import en from '../../public/_locales/en/messages.json';
import { resetLocaleCache } from '../../src/i18n';

type Catalogue = Record<
  string,
  { message: string; placeholders?: Record<string, { content: string }> }
>;

/** `browser.i18n.getMessage` as Chrome does it ($name$ placeholders, then $1…$9), for one catalogue. */
export function messageLookup(catalogue: Catalogue) {
  return (key: string, subs?: string | string[]): string => {
    const entry = catalogue[key];
    if (!entry) return '';
    const args = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    const named = entry.message.replace(/\$([a-z0-9_@]+)\$/gi, (whole, name: string) => {
      const p = entry.placeholders?.[name.toLowerCase()];
      return p ? p.content : whole;
    });
    return named.replace(/\$(\d)|\$\$/g, (_whole, n?: string) =>
      n === undefined ? '$' : (args[Number(n) - 1] ?? ''),
    );
  };
}

/** Vitest setup: the fake browser answers i18n from the English catalogue. */
fakeBrowser.i18n.getMessage = messageLookup(en as Catalogue) as typeof fakeBrowser.i18n.getMessage;

/** A catalogue of public/_locales, parsed. */
// biome-ignore lint/suspicious/noExplicitAny: test data of any shape
export const catalogue = (lang: string): any =>
  JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8'));

/** Answers i18n from `lang`'s catalogue from now on, as a browser set to that language would. */
export function useCatalogue(lang: string): void {
  fakeBrowser.i18n.getMessage = messageLookup(
    catalogue(lang),
  ) as typeof fakeBrowser.i18n.getMessage;
  resetLocaleCache();
}

import { beforeEach, describe, expect, it } from 'vitest';
import { formatList, plural, SLOT, t, tAround, uiDir, uiLocale } from '../../../src/i18n';
import { catalogue, useCatalogue } from '../../support/i18n';

const en = catalogue('en');

const use = useCatalogue;

describe('interface messages', () => {
  beforeEach(() => use('en'));

  it('reads a message and substitutes its named placeholders', () => {
    expect(t('ext_name')).toBe('Termlight');
    expect(t('popup_back_to', 'NATO')).toContain('NATO');
  });

  it('answers the key for a missing message, so a gap is visible rather than blank', () => {
    expect(t('no_such_key')).toBe('no_such_key');
  });

  it('picks the plural form by the catalogue locale, with its digits', () => {
    expect(plural('glossary_summary_entries', 1)).not.toBe(plural('glossary_summary_entries', 5));
    use('ar');
    expect(uiLocale()).toBe('ar');
    expect(uiDir()).toBe('rtl');
    // Arabic has six categories: 2 (dual) and 5 (few) read differently.
    expect(plural('glossary_summary_entries', 2)).not.toBe(plural('glossary_summary_entries', 5));
    use('fa');
    expect(plural('glossary_summary_entries', 5000)).toContain('۵');
  });

  it('isolates substitutions in a right-to-left catalogue only', () => {
    expect(t('options_sites_remove_label', 'a.com')).toBe('Remove a.com');
    use('ar');
    expect(t('options_sites_remove_label', 'a.com')).toContain('\u2068a.com\u2069');
    expect(plural('options_sites_count', 3)).toMatch(/\u2068.+\u2069/);
  });

  it('splits a message around the substitution markup renders itself', () => {
    expect(tAround('popup_site_switch_label', SLOT)).toEqual(['Highlight on ', '']);
    expect(tAround('glossary_no_match_in_category', SLOT, 'Cooperation & aid')).toEqual([
      'Nothing matches ',
      ' in Cooperation & aid.',
    ]);
    use('tr');
    // The host comes first in Turkish: the element goes where the catalogue puts it.
    const [before, after] = tAround('popup_site_switch_label', SLOT);
    expect(before).toBe('');
    expect(after.length).toBeGreaterThan(0);
    use('ar');
    expect(tAround('popup_back_to', SLOT).join('')).not.toContain(SLOT);
  });

  it('joins lists in the catalogue language', () => {
    expect(formatList(['a', 'b', 'c'])).toBe('a, b, and c');
    use('ar');
    expect(formatList(['a', 'b'])).toContain('و');
  });

  it('every catalogue has the keys of the English one, with the same placeholders', () => {
    for (const lang of ['ar', 'tr', 'ms', 'id', 'ur', 'fa', 'fr']) {
      const other = catalogue(lang);
      for (const [key, value] of Object.entries(en) as [string, { placeholders?: object }][]) {
        expect(other[key], `${lang}: ${key}`).toBeDefined();
        expect(Object.keys(other[key].placeholders ?? {}).sort(), `${lang}: ${key}`).toEqual(
          Object.keys(value.placeholders ?? {}).sort(),
        );
      }
    }
  });
});

import { describe, expect, it, vi } from 'vitest';
import { LANGUAGE_FILES } from '../../../src/glossary/languages';
import { localEntryIn, localTable } from '../../../src/glossary/localised';
import { loadLocalTable, localTablePath } from '../../../src/popover/local-table';

describe('the popover’s table in the interface language', () => {
  it('loads only the interface language’s file, and nothing for English', async () => {
    const load = vi.fn(async () => localTable(LANGUAGE_FILES.ar));
    expect(await loadLocalTable('en', load)).toBeUndefined();
    expect(load).not.toHaveBeenCalled();
    const ar = await loadLocalTable('ar', load);
    expect(load).toHaveBeenCalledWith(localTablePath('ar'));
    const entry = localEntryIn(ar?.table, 'ar', 'counter-terrorism');
    expect(entry?.term).toBe(LANGUAGE_FILES.ar.entries['counter-terrorism']?.term);
    expect(entry?.lang).toBe('ar');
  });

  it('keeps the English entries when the file is missing or malformed', async () => {
    expect(await loadLocalTable('ar', () => Promise.reject(new Error('404')))).toBeUndefined();
    expect(await loadLocalTable('ar', async () => ['not', 'a', 'table'])).toBeUndefined();
    const partial = await loadLocalTable('tr', async () => ({
      nato: { term: 'NATO' },
      bad: { term: 7 },
      worse: '<img onerror=alert(1)>',
    }));
    expect(Object.keys(partial?.table ?? {})).toEqual(['nato']);
  });

  it('strips the forms: the table holds terms and definitions only', () => {
    const table = localTable(LANGUAGE_FILES.fr);
    for (const value of Object.values(table)) {
      expect(Object.keys(value).every((k) => k === 'term' || k === 'definition')).toBe(true);
    }
    expect(localEntryIn(table, 'fr', 'no-such-entry')).toBeUndefined();
    expect(localEntryIn(table, 'fr', 'constructor')).toBeUndefined();
  });
});

import { toCsv } from '../formats/csv';
import {
  type EntryInfoLookup,
  type ExportRow,
  type PageTerms,
  rowsFromLookups,
  rowsFromPage,
} from './export-rows';
import type { Lookup } from './record';
import { formOffset } from './sentence';

/*
 * Exports of the reading history and of the current page's terms: CSV for spreadsheets and a
 * note file that Anki (2.1.55 or newer) imports directly.
 *
 * CSV decisions: UTF-8 with a byte order mark by default, because Excel reads a CSV without one
 * in the legacy code page and garbles every quote mark and accent; LibreOffice, Google Sheets,
 * Numbers and our own parseCsv all skip the mark. Cells that a spreadsheet would run as a
 * formula get a leading apostrophe (src/formats/csv.ts). Times are ISO 8601 in UTC.
 *
 * Anki decisions: see ankiFile.
 */

export type { EntryInfo, EntryInfoLookup, ExportRow, PageTerms } from './export-rows';

export const CSV_COLUMNS = [
  'Term',
  'Form',
  'Sentence',
  'Definition',
  'Example',
  'Example source',
  'Page title',
  'URL',
  'Time',
] as const;

export interface CsvExportOptions {
  /** Start with a UTF-8 byte order mark (default true), for Excel. */
  bom?: boolean;
}

function csvCells(row: ExportRow): string[] {
  return [
    row.term,
    row.form,
    row.sentence,
    row.definition,
    row.example?.text ?? '',
    row.example?.source ?? '',
    row.title,
    row.url,
    row.time === undefined ? '' : new Date(row.time).toISOString(),
  ];
}

export function rowsToCsv(rows: readonly ExportRow[], options: CsvExportOptions = {}): string {
  return toCsv([[...CSV_COLUMNS], ...rows.map(csvCells)], { bom: options.bom !== false });
}

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '\t': '&#9;',
  '\r': '&#13;',
  '\n': '<br>',
};

/**
 * Page text as an Anki HTML field: markup characters escaped (page text must never become
 * markup in a card), quotes escaped (a field starting with `"` would read as a quoted CSV
 * field), tabs and carriage returns as character references and line feeds as <br>, so that a
 * note is always exactly one line of tab-separated fields.
 */
export function ankiField(text: string): string {
  return text.replace(/[&<>"'\t\r\n]/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** 53 bits of a string's hash (cyrb53), in base 36: stable across exports and machines. */
function stableHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

const noteKey = (row: ExportRow) => `${row.entryId}\u0000${row.sentence}`;

/** The note's GUID: the same entry in the same sentence is the same note in every export. */
export function noteGuid(row: ExportRow): string {
  return `termlight-${stableHash(noteKey(row))}`;
}

function ankiFront(row: ExportRow): string {
  const at = formOffset(row.sentence, row.form, row.formAt);
  if (at < 0) return ankiField(row.sentence);
  const end = at + row.form.length;
  const [before, form, after] = [
    row.sentence.slice(0, at),
    row.sentence.slice(at, end),
    row.sentence.slice(end),
  ];
  return `${ankiField(before)}<b>${ankiField(form)}</b>${ankiField(after)}`;
}

function ankiBack(row: ExportRow): string {
  const parts = [
    `<div class="termlight-term"><b>${ankiField(row.term)}</b></div>`,
    `<div class="termlight-definition">${ankiField(row.definition)}</div>`,
  ];
  if (row.example) {
    parts.push(
      `<blockquote class="termlight-example">${ankiField(row.example.text)}` +
        `<br><small class="termlight-source">${ankiField(row.example.source)}</small></blockquote>`,
    );
  }
  return parts.join('');
}

/** Anki tags may not contain spaces; ours are fixed words, but the category comes from data. */
const tag = (text: string) => text.replace(/\s+/g, '_');

export const ANKI_DECK = 'Termlight';

/**
 * Anki's "Importing: text files" header lines, read by 2.1.55+ before the notes. There is no
 * `#columns:` line on purpose: with column names Anki maps fields by name, and a profile in
 * another language names Basic's fields differently (Vorderseite, Recto, …), which would leave
 * Back unmapped; without it fields map by position. GUID and tags are meta columns, so the two
 * remaining columns are Front and Back. If the profile has no deck "Termlight", Anki preselects
 * its default deck in the import dialog.
 */
export const ANKI_HEADERS = [
  '#separator:tab',
  '#html:true',
  '#notetype:Basic',
  `#deck:${ANKI_DECK}`,
  '#guid column:1',
  '#tags column:4',
] as const;

/**
 * A note file: one note per distinct (entry, sentence), first occurrence kept. Per lookup rather
 * than per entry, because the front is the sentence the reader met the term in: each new context
 * is worth a card, the same sentence twice is not. The GUID column makes a re-import update
 * those notes instead of duplicating them. Columns: GUID, Front (the sentence, the form in
 * <b>), Back (term, definition, reference example with its source), Tags.
 */
export function rowsToAnki(rows: readonly ExportRow[]): string {
  const seen = new Set<string>();
  const lines: string[] = [...ANKI_HEADERS];
  for (const row of rows) {
    const key = noteKey(row);
    if (seen.has(key)) continue;
    seen.add(key);
    const tags = `termlight termlight::${tag(row.category)}`;
    lines.push([noteGuid(row), ankiFront(row), ankiBack(row), tags].join('\t'));
  }
  return `${lines.join('\n')}\n`;
}

/** File name extension and MIME type of each export, for the download. */
export const EXPORT_FILES = {
  csv: { extension: 'csv', mime: 'text/csv;charset=utf-8' },
  anki: { extension: 'txt', mime: 'text/plain;charset=utf-8' },
} as const;

export function historyCsv(
  lookups: readonly Lookup[],
  entryInfo: EntryInfoLookup,
  options?: CsvExportOptions,
): string {
  return rowsToCsv(rowsFromLookups(lookups, entryInfo), options);
}

export function historyAnki(lookups: readonly Lookup[], entryInfo: EntryInfoLookup): string {
  return rowsToAnki(rowsFromLookups(lookups, entryInfo));
}

export function pageCsv(
  page: PageTerms,
  entryInfo: EntryInfoLookup,
  options?: CsvExportOptions,
): string {
  return rowsToCsv(rowsFromPage(page, entryInfo), options);
}

export function pageAnki(page: PageTerms, entryInfo: EntryInfoLookup): string {
  return rowsToAnki(rowsFromPage(page, entryInfo));
}

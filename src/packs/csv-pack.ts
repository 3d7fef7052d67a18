/**
 * Packs as CSV, the format spreadsheets write: a header row, then one entry per row. Aliases and
 * a language's forms share a cell, separated by `;` or `|` (neither may occur inside one). Cells
 * go through `restoreFormula`, the inverse of the formula neutralising `toCsvPack` applies, so a
 * file we wrote reads back exactly.
 */
import { CsvError, parseCsv, restoreFormula, toCsv } from '../formats/csv';
import type { Category } from '../glossary/schema';
import {
  type ColumnTarget,
  CSV_FIELDS,
  type CsvField,
  formsLanguage,
  mapColumns,
} from './csv-columns';
import { idsFromTerms } from './ids';
import { capProblems, fail, type ImportProblem, type ParseResult } from './problems';
import { PACK_FORMAT, PACK_VERSION, type Pack, type PackMeta } from './schema';
import { type Locator, validatePack } from './validate';

export interface CsvPackOptions extends Omit<PackMeta, 'format' | 'version'> {
  /** For rows whose category cell is empty, or every row when there is no category column. */
  defaultCategory?: Category;
  /** Targets by column index, overriding the automatic reading (undefined: automatic). */
  columns?: readonly (ColumnTarget | undefined)[];
}

type Row = { line: number; fields: string[] };

/** Records with at least one non-blank cell (spreadsheets export trailing empty rows). */
function readRows(text: string): Row[] | ImportProblem {
  try {
    return parseCsv(text).filter((r) => r.fields.some((f) => f.trim() !== ''));
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    return {
      code: 'csv-syntax',
      message: e.message.replace(/^line \d+, column \d+: /, ''),
      line: e.line,
      column: e.column,
    };
  }
}

/** The header row and how its columns are read (what the options page shows before importing). */
export function csvHeader(
  text: string,
  columns?: readonly (ColumnTarget | undefined)[],
):
  | { ok: true; headers: string[]; columns: ColumnTarget[] }
  | { ok: false; errors: ImportProblem[] } {
  const rows = readRows(text);
  if (!Array.isArray(rows)) return fail(rows);
  const header = rows[0];
  if (header === undefined) return fail({ code: 'empty-file', message: 'the file is empty' });
  return { ok: true, headers: header.fields, columns: mapColumns(header.fields, columns) };
}

function columnProblems(
  headers: readonly string[],
  targets: readonly ColumnTarget[],
  options: CsvPackOptions,
): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const seen = new Map<ColumnTarget, number>();
  targets.forEach((target, i) => {
    const at = { line: 1, column: i + 1, field: headers[i] };
    if (target.startsWith('forms:') && formsLanguage(target) === null) {
      problems.push({
        code: 'invalid-value',
        message: `"${target.slice(6)}" is not a language tag`,
        ...at,
      });
    }
    const first = seen.get(target);
    if (first !== undefined && (CSV_FIELDS as readonly string[]).includes(target)) {
      problems.push({
        code: 'csv-duplicate-column',
        message: `a second ${target} column (the first is column ${first + 1})`,
        ...at,
      });
    } else if (first === undefined) seen.set(target, i);
  });
  const required: CsvField[] = ['term', 'definition'];
  if (options.defaultCategory === undefined) required.push('category');
  for (const field of required) {
    if (!targets.includes(field)) {
      problems.push({
        code: 'csv-missing-column',
        message: `the file has no ${field} column`,
        line: 1,
      });
    }
  }
  return problems;
}

function split(cell: string): string[] {
  return cell
    .split(/[;|]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** One row as a raw entry (validated later with the rest); blank optional cells are absent. */
function rowEntry(row: Row, targets: readonly ColumnTarget[], options: CsvPackOptions) {
  const entry: Record<string, unknown> = { aliases: [] };
  const forms: Record<string, string[]> = {};
  targets.forEach((target, i) => {
    const cell = restoreFormula(row.fields[i] ?? '');
    const blank = cell.trim() === '';
    const lang = formsLanguage(target);
    if (lang !== null) forms[lang] = [...(forms[lang] ?? []), ...split(cell)];
    else if (target === 'aliases') entry.aliases = split(cell);
    else if (target === 'category' && !blank) entry.category = cell.trim().toLowerCase();
    else if (target === 'term' || target === 'definition') entry[target] = cell;
    else if (target !== 'ignore' && !blank) entry[target] = cell;
  });
  entry.category ??= options.defaultCategory;
  if (Object.values(forms).some((list) => list.length > 0)) entry.forms = forms;
  return entry;
}

/** Parses a CSV pack: a complete pack, or every problem with its line and column. */
export function parseCsvPack(text: string, options: CsvPackOptions): ParseResult {
  const rows = readRows(text);
  if (!Array.isArray(rows)) return fail(rows);
  const [header, ...body] = rows;
  if (header === undefined) return fail({ code: 'empty-file', message: 'the file is empty' });
  const headers = header.fields;
  const targets = mapColumns(headers, options.columns);
  const mapping = columnProblems(headers, targets, options);
  if (mapping.length > 0) return fail(...mapping);

  const counts: ImportProblem[] = body
    .filter((row) => row.fields.length !== headers.length)
    .map((row) => ({
      code: 'csv-column-count',
      message: `the row has ${row.fields.length} cells; the header has ${headers.length}`,
      line: row.line,
    }));
  if (counts.length > 0) return fail(...capProblems(counts));

  const entries = body.map((row) => rowEntry(row, targets, options));
  const generated = !targets.includes('id');
  const ids = idsFromTerms(entries.map((e) => String(e.term ?? '')));
  entries.forEach((entry, i) => {
    if (entry.id === undefined) entry.id = ids[i];
  });

  const locate: Locator = (index, key, sub) => {
    const line = body[index]?.line;
    const target = (
      key === 'id' && generated ? 'term' : key === 'forms' ? `forms:${String(sub)}` : key
    ) as ColumnTarget;
    const column = targets.indexOf(target);
    return column < 0 ? { line } : { line, column: column + 1, field: headers[column] };
  };
  const { defaultCategory: _d, columns: _c, ...meta } = options;
  const raw = { format: PACK_FORMAT, version: PACK_VERSION, ...meta, entries };
  const result = validatePack(raw, locate, ignoredColumns(headers, targets));
  if (result.ok || !generated) return result;
  // Without an id column the ids are the terms': say how to keep two entries with one term.
  const hint = ' (ids are made from the terms: add an id column to keep both)';
  return fail(
    ...result.errors.map((e) =>
      e.code === 'duplicate-id' ? { ...e, message: e.message + hint } : e,
    ),
  );
}

function ignoredColumns(headers: readonly string[], targets: readonly ColumnTarget[]) {
  return targets.flatMap((target, i): ImportProblem[] =>
    target === 'ignore' && headers[i]?.trim()
      ? [
          {
            code: 'csv-ignored-column',
            message: `column "${headers[i]}" is not a pack field and is ignored`,
            line: 1,
            column: i + 1,
          },
        ]
      : [],
  );
}

/** Every language that has forms in some entry, sorted, for the export's column order. */
function languagesOf(pack: Pack): string[] {
  const tags = new Set<string>();
  for (const entry of pack.entries) for (const tag of Object.keys(entry.forms ?? {})) tags.add(tag);
  return [...tags].sort();
}

/**
 * The pack's entries as CSV (its metadata has no place in the format), with formula-like cells
 * neutralised and, by default, a byte order mark so Excel reads the file as UTF-8.
 */
export function toCsvPack(pack: Pack, options: { bom?: boolean } = {}): string {
  const langs = languagesOf(pack);
  const header = [...CSV_FIELDS, ...langs.map((tag) => `forms:${tag}`)];
  const rows = pack.entries.map((e) => [
    e.id,
    e.term,
    e.abbreviation ?? '',
    e.aliases.join('; '),
    e.category,
    e.definition,
    e.note ?? '',
    ...langs.map((tag) => (e.forms?.[tag] ?? []).join('; ')),
  ]);
  return toCsv([header, ...rows], { bom: options.bom !== false });
}

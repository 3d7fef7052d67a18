/**
 * What an import reports: problems with a machine `code` (the UI and tests branch on it, never on
 * the message) and a place a person can find in their file.
 */
import type { Pack } from './schema';

export const PROBLEM_CODES = [
  // Reading the file.
  'too-large',
  'not-utf8',
  'empty-file',
  // JSON packs.
  'json-syntax',
  'not-a-pack',
  'unsupported-version',
  // CSV.
  'csv-syntax',
  'csv-column-count',
  'csv-missing-column',
  'csv-duplicate-column',
  // TBX.
  'xml-syntax',
  'not-tbx',
  // Field values (from the schema, any format).
  'missing-field',
  'empty-field',
  'too-long',
  'too-many',
  'invalid-value',
  // The pack as a whole.
  'duplicate-id',
  'empty-pack',
  'no-surface-form',
  'more-problems',
  // Warnings: the pack imports, but the reader may want to know.
  'duplicate-form',
  'csv-ignored-column',
  'tbx-entry-skipped',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export interface ImportProblem {
  code: ProblemCode;
  /** One sentence without the location, e.g. "the cell is empty". */
  message: string;
  /** 1-based, as an editor shows it. */
  line?: number;
  /** 1-based column: a character column in JSON/XML, the column number in CSV. */
  column?: number;
  /** Where in the pack: `entries[3].definition`, or the CSV column's header. */
  field?: string;
}

export type ParseResult =
  | { ok: true; pack: Pack; warnings: ImportProblem[] }
  | { ok: false; errors: ImportProblem[] };

/** More than this many errors are summed up in one `more-problems` line. */
export const MAX_PROBLEMS = 50;

export function fail(...errors: ImportProblem[]): { ok: false; errors: ImportProblem[] } {
  return { ok: false, errors };
}

/** Keeps the first `MAX_PROBLEMS` and says how many more there were. */
export function capProblems(problems: ImportProblem[]): ImportProblem[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  const rest = problems.length - MAX_PROBLEMS;
  return [
    ...problems.slice(0, MAX_PROBLEMS),
    { code: 'more-problems', message: `and ${rest.toLocaleString('en')} more problems` },
  ];
}

/** Where a problem is, as a person reads it: "line 4, column 2 (definition)", "entries[3].id". */
export function formatPlace(place: Omit<ImportProblem, 'code' | 'message'>): string {
  const where: string[] = [];
  if (place.line !== undefined) where.push(`line ${place.line}`);
  if (place.column !== undefined) where.push(`column ${place.column}`);
  const at = where.join(', ');
  if (place.field === undefined) return at;
  return at ? `${at} (${place.field})` : place.field;
}

/** "line 4, column 2 (definition): the definition is empty" or "entries[3].definition: …". */
export function formatProblem(problem: ImportProblem): string {
  const place = formatPlace(problem);
  return place ? `${place}: ${problem.message}` : problem.message;
}

/** 1-based line and column (in UTF-16 units) of `offset` in `text`. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/**
 * CSV as RFC 4180 reads it: fields separated by commas, records by CRLF (LF and CR are accepted
 * on input), fields holding a comma, quote or line break quoted with `"` and inner quotes
 * doubled. One reader and one writer for every import and export the extension offers.
 */

/** A parse failure that names where it happened, 1-based, as an editor shows it. */
export class CsvError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`line ${line}, column ${column}: ${message}`);
    this.name = 'CsvError';
  }
}

export interface CsvRecord {
  /** 1-based line on which the record starts (records may span lines inside quotes). */
  line: number;
  fields: string[];
}

/**
 * Parses CSV text into records. A leading byte order mark is skipped; a blank last line is not a
 * record. Throws `CsvError` on a quote in the middle of an unquoted field or an unclosed quote.
 */
export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let lineStart = i;
  while (i < n) {
    const recordLine = line;
    const fields: string[] = [];
    for (;;) {
      let value = '';
      if (text[i] === '"') {
        const openLine = line;
        const openColumn = i - lineStart + 1;
        i++;
        for (;;) {
          if (i >= n) throw new CsvError('quoted field is never closed', openLine, openColumn);
          const c = text[i] as string;
          if (c === '"') {
            if (text[i + 1] === '"') {
              value += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
            line++;
            lineStart = i + 1;
          }
          value += c;
          i++;
        }
        const after = text[i];
        if (after !== undefined && after !== ',' && after !== '\r' && after !== '\n') {
          throw new CsvError('text after a closing quote', line, i - lineStart + 1);
        }
      } else {
        const start = i;
        while (i < n) {
          const c = text[i];
          if (c === ',' || c === '\r' || c === '\n') break;
          if (c === '"')
            throw new CsvError('quote inside an unquoted field', line, i - lineStart + 1);
          i++;
        }
        value = text.slice(start, i);
      }
      fields.push(value);
      if (text[i] === ',') {
        i++;
        continue;
      }
      break;
    }
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    line++;
    lineStart = i;
    records.push({ line: recordLine, fields });
  }
  return records;
}

/**
 * Characters that make a spreadsheet read a cell as a formula (CSV injection). A cell that starts
 * with one gets a leading apostrophe, which spreadsheets show as text and hide.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;

/**
 * Cells that already start with apostrophes before a formula character get one more, so that
 * `restoreFormula` can undo exactly what was added and a round trip loses nothing.
 */
export function neutralizeFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** The inverse of `neutralizeFormula`, for reading back a file we wrote. */
export function restoreFormula(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export interface CsvWriteOptions {
  /** Prefix formula-like cells with an apostrophe (default true): files meant for spreadsheets. */
  neutralize?: boolean;
  /** Start with a UTF-8 byte order mark (default false), which Excel needs to read UTF-8. */
  bom?: boolean;
}

/** Writes records as CSV with CRLF line ends, quoting only fields that need it. */
export function toCsv(rows: readonly (readonly string[])[], options: CsvWriteOptions = {}): string {
  const neutralize = options.neutralize !== false;
  const body = rows
    .map((row) => row.map((cell) => quote(neutralize ? neutralizeFormula(cell) : cell)).join(','))
    .join('\r\n');
  return `${options.bom ? '\ufeff' : ''}${body}${rows.length > 0 ? '\r\n' : ''}`;
}

/**
 * What the options page does with the pack store, without the page: a term form's fields to a
 * draft and back, a picked file to an installed pack (all or nothing), a pack to a file. The
 * components stay props-only; this is what their container calls and what the tests drive.
 */
import { CATEGORIES, type Category } from '../glossary/schema';
import type { ColumnTarget } from './csv-columns';
import { csvHeader, toCsvPack } from './csv-pack';
import { type BlobLike, detectFormat, type PackFormat, readPackBytes } from './decode';
import { importPackText } from './import';
import { toJsonPack } from './json';
import type { EntryDraft } from './preview';
import { formatProblem } from './problems';
import type { Pack, UserEntry } from './schema';
import type { PackInfo, PackStore } from './store';
import { toTbx } from './tbx-export';

/** The term form as the reader types it: one string per field. */
export interface TermFields {
  term: string;
  /** One per line, or separated by `;`. */
  aliases: string;
  abbreviation: string;
  category: Category;
  definition: string;
  /** One language per line: `fr: accord de défense; accords de défense`. */
  forms: string;
  note: string;
}

export const EMPTY_FIELDS: TermFields = {
  term: '',
  aliases: '',
  abbreviation: '',
  category: CATEGORIES[1],
  definition: '',
  forms: '',
  note: '',
};

const list = (text: string) =>
  text
    .split(/[;\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');

function formsOf(text: string): Record<string, string[]> | undefined {
  const forms: Record<string, string[]> = {};
  for (const line of text.split('\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const tag = line.slice(0, colon).trim();
    const values = list(line.slice(colon + 1).replaceAll('\n', ';'));
    if (tag && values.length > 0) forms[tag] = [...(forms[tag] ?? []), ...values];
  }
  return Object.keys(forms).length > 0 ? forms : undefined;
}

/** A draft for `MyTerms.add`/`update` (validated there); empty optional fields are left out. */
export function draftOf(fields: TermFields): Record<string, unknown> {
  const forms = formsOf(fields.forms);
  return {
    term: fields.term,
    aliases: list(fields.aliases),
    ...(fields.abbreviation.trim() ? { abbreviation: fields.abbreviation } : {}),
    category: fields.category,
    definition: fields.definition,
    ...(forms ? { forms } : {}),
    ...(fields.note.trim() ? { note: fields.note } : {}),
  };
}

/** What `previewMatches` reads of the fields as they stand. */
export function previewDraftOf(fields: TermFields): EntryDraft {
  const forms = formsOf(fields.forms);
  return {
    term: fields.term,
    aliases: list(fields.aliases),
    ...(fields.abbreviation.trim() ? { abbreviation: fields.abbreviation.trim() } : {}),
    ...(forms ? { forms } : {}),
  };
}

export function fieldsOf(entry: UserEntry): TermFields {
  return {
    term: entry.term,
    aliases: entry.aliases.join('\n'),
    abbreviation: entry.abbreviation ?? '',
    category: entry.category,
    definition: entry.definition,
    forms: Object.entries(entry.forms ?? {})
      .map(([tag, values]) => `${tag}: ${values.join('; ')}`)
      .join('\n'),
    note: entry.note ?? '',
  };
}

/** A picked file, decoded, with its format; CSV also with its header row read. */
export type PickedFile =
  | {
      ok: true;
      name: string;
      text: string;
      format: PackFormat;
      headers?: string[];
      columns?: ColumnTarget[];
    }
  | { ok: false; name: string; messages: string[] };

export async function readPicked(file: BlobLike & { name: string }): Promise<PickedFile> {
  const decoded = await readPackBytes(file);
  if (!decoded.ok)
    return { ok: false, name: file.name, messages: decoded.errors.map(formatProblem) };
  const format = detectFormat(file.name, decoded.text);
  if (format !== 'csv') return { ok: true, name: file.name, text: decoded.text, format };
  const header = csvHeader(decoded.text);
  if (!header.ok) return { ok: false, name: file.name, messages: header.errors.map(formatProblem) };
  const { headers, columns } = header;
  return { ok: true, name: file.name, text: decoded.text, format, headers, columns };
}

export type InstallResult = { ok: true; info: PackInfo } | { ok: false; messages: string[] };

/**
 * Parses the whole file and installs it in one transaction only when every entry is valid: a
 * problem anywhere leaves the store as it was. A pack already installed is replaced only with
 * `replace` (the reader confirmed).
 */
export async function installPicked(
  store: Pick<PackStore, 'installPack'>,
  picked: Extract<PickedFile, { ok: true }>,
  options: {
    columns?: readonly ColumnTarget[];
    replace?: boolean;
    defaultCategory?: Category;
  } = {},
): Promise<InstallResult> {
  const result = importPackText(picked.text, {
    fileName: picked.name,
    format: picked.format,
    defaultCategory: options.defaultCategory ?? 'cooperation',
    ...(options.columns ? { columns: options.columns } : {}),
  });
  if (!result.ok) return { ok: false, messages: result.errors.map(formatProblem) };
  try {
    const info = await store.installPack(result.pack, { replace: options.replace ?? false });
    return { ok: true, info };
  } catch (error) {
    return { ok: false, messages: [error instanceof Error ? error.message : String(error)] };
  }
}

const MIME: Record<PackFormat, string> = {
  json: 'application/json',
  csv: 'text/csv',
  tbx: 'application/x-tbx+xml',
};

/** A pack as a file to download. CSV cells starting with = + - @ are neutralised by toCsvPack. */
export function exportFile(
  pack: Pack,
  format: PackFormat,
): { text: string; name: string; mime: string } {
  const text =
    format === 'json'
      ? toJsonPack(pack)
      : format === 'csv'
        ? toCsvPack(pack, { bom: true })
        : toTbx(pack);
  return { text, name: `${pack.id}.${format}`, mime: MIME[format] };
}

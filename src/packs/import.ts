/**
 * One entry point for the options page: a picked file in, a complete validated pack or its
 * problems out. Nothing is stored here; the caller installs `pack` only when `ok` (atomically,
 * see store.ts), so a bad file changes nothing.
 */
import type { Category } from '../glossary/schema';
import type { ColumnTarget } from './csv-columns';
import { parseCsvPack } from './csv-pack';
import {
  type BlobLike,
  detectFormat,
  MAX_PACK_BYTES,
  type PackFormat,
  readPackBytes,
} from './decode';
import { slug } from './ids';
import { parseJsonPack } from './json';
import type { ParseResult } from './problems';
import type { PackMeta } from './schema';
import { parseTbx } from './tbx';
import type { XmlParse } from './xml';

export interface ImportOptions extends Partial<Omit<PackMeta, 'format' | 'version'>> {
  /** Chooses the format by extension, and names a CSV or TBX pack that carries no name. */
  fileName?: string;
  /** Overrides the format the file name or content suggests. */
  format?: PackFormat;
  /** For CSV rows and TBX concepts without a category of ours. */
  defaultCategory: Category;
  /** CSV: column targets by index, overriding the automatic reading. */
  columns?: readonly (ColumnTarget | undefined)[];
  /** TBX: the XML parser (default: the platform's DOMParser). */
  parse?: XmlParse | null;
  maxBytes?: number;
}

export type ImportResult = ParseResult & { format?: PackFormat };

/** "NATO terms (2026).csv" → name "NATO terms (2026)", id "nato-terms-2026". */
function identity(options: ImportOptions): { id: string; name: string } {
  const base = (options.fileName ?? '').replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  const name = options.name ?? (base.trim() || 'Imported glossary');
  return { id: options.id ?? (slug(name) || 'pack'), name };
}

/** Parses decoded text in the format the options or the text itself say. */
export function importPackText(text: string, options: ImportOptions): ImportResult {
  const format = options.format ?? detectFormat(options.fileName, text);
  if (format === 'json') return { ...parseJsonPack(text), format };
  if (format === 'tbx') {
    const { fileName: _f, format: _t, columns: _c, maxBytes: _m, ...rest } = options;
    return { ...parseTbx(text, rest), format };
  }
  const { fileName: _f, format: _t, parse: _p, maxBytes: _m, ...rest } = options;
  return { ...parseCsvPack(text, { ...rest, ...identity(options) }), format };
}

/** Reads a picked file (size checked first), decodes it and parses it. */
export async function importPackFile(
  input: BlobLike | ArrayBuffer | Uint8Array,
  options: ImportOptions,
): Promise<ImportResult> {
  const decoded = await readPackBytes(input, options.maxBytes ?? MAX_PACK_BYTES);
  if (!decoded.ok) return decoded;
  return importPackText(decoded.text, options);
}

/**
 * From a file the reader picked to text and a format: the size checked before anything is read,
 * UTF-8 (byte order mark optional) decoded strictly, UTF-16 accepted with its byte order mark.
 */
import { fail, type ImportProblem } from './problems';

/** 20,000 entries of generous size are about 12 MB as JSON; anything larger is not a pack. */
export const MAX_PACK_BYTES = 20 * 1024 * 1024;

export const PACK_FORMATS = ['json', 'csv', 'tbx'] as const;
export type PackFormat = (typeof PACK_FORMATS)[number];

export type DecodeResult = { ok: true; text: string } | { ok: false; errors: ImportProblem[] };

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toLocaleString('en', { maximumFractionDigits: 1 })} MB`;
}

function tooLarge(size: number, max: number): ImportProblem {
  return {
    code: 'too-large',
    message: `the file is ${megabytes(size)}; a pack may be at most ${megabytes(max)}`,
  };
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    // Lead byte: how many continuation bytes, and the range the first one must fall in
    // (excludes overlong forms, surrogates and code points above U+10FFFF).
    let count = 0;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) count = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      count = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      count = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= count; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += count + 1;
  }
  return -1;
}

/** Text from bytes: UTF-8 (with or without BOM) or UTF-16 with its BOM; strict, never lossy. */
export function decodeBytes(input: ArrayBuffer | Uint8Array): DecodeResult {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  if (bytes.length === 0) return fail({ code: 'empty-file', message: 'the file is empty' });
  const utf16 =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? 'utf-16le'
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? 'utf-16be'
        : null;
  try {
    // The decoder drops the byte order mark it recognises (ignoreBOM is false by default).
    const text = new TextDecoder(utf16 ?? 'utf-8', { fatal: true }).decode(bytes);
    if (text.includes('\u0000')) {
      return fail({
        code: 'not-utf8',
        message:
          'the file holds NUL bytes: it looks like UTF-16 without a byte order mark. Save it as UTF-8.',
      });
    }
    return { ok: true, text };
  } catch {
    const at = utf16 ? undefined : firstInvalidUtf8(bytes);
    return fail({
      code: 'not-utf8',
      message: utf16
        ? `not ${utf16.toUpperCase()} text: it breaks off or holds a broken surrogate pair`
        : `not UTF-8 text (around byte ${at}). Save the file as UTF-8 and try again.`,
    });
  }
}

/** Anything with a size and bytes: a `File` or `Blob` from the options page's file input. */
export interface BlobLike {
  readonly size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** Reads and decodes a file, refusing one larger than `maxBytes` before reading a byte of it. */
export async function readPackBytes(
  input: BlobLike | ArrayBuffer | Uint8Array,
  maxBytes = MAX_PACK_BYTES,
): Promise<DecodeResult> {
  const size = 'size' in input ? input.size : input.byteLength;
  if (size > maxBytes) return fail(tooLarge(size, maxBytes));
  const bytes = 'arrayBuffer' in input ? await input.arrayBuffer() : input;
  return decodeBytes(bytes);
}

const EXTENSIONS: Record<string, PackFormat> = {
  json: 'json',
  csv: 'csv',
  tbx: 'tbx',
  xml: 'tbx',
  tbxm: 'tbx',
};

/** The format by file extension, else by the first characters: `{` JSON, `<` TBX, else CSV. */
export function detectFormat(fileName: string | undefined, text: string): PackFormat {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName ?? '')?.[1]?.toLowerCase();
  const byName = ext === undefined ? undefined : EXTENSIONS[ext];
  if (byName !== undefined) return byName;
  const start = text.replace(/^\ufeff/, '').trimStart();
  if (start.startsWith('{')) return 'json';
  if (start.startsWith('<')) return 'tbx';
  return 'csv';
}

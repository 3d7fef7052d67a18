import { describe, expect, it, vi } from 'vitest';
import {
  decodeBytes,
  detectFormat,
  firstInvalidUtf8,
  MAX_PACK_BYTES,
  readPackBytes,
} from '../../../src/packs/decode';
import { errorsOf } from './helpers';

const utf8 = (text: string) => new TextEncoder().encode(text);
const bytes = (...b: number[]) => new Uint8Array(b);

function utf16(text: string, littleEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  const view = new DataView(out.buffer);
  view.setUint16(0, 0xfeff, littleEndian);
  for (let i = 0; i < text.length; i++) view.setUint16(2 + i * 2, text.charCodeAt(i), littleEndian);
  return out;
}

describe('decodeBytes', () => {
  it.each([
    ['UTF-8', utf8('NATO – عدم الانتشار 𝔸')],
    ['UTF-8 with BOM', bytes(0xef, 0xbb, 0xbf, ...utf8('NATO – عدم الانتشار 𝔸'))],
    ['UTF-16LE with BOM', utf16('NATO – عدم الانتشار 𝔸', true)],
    ['UTF-16BE with BOM', utf16('NATO – عدم الانتشار 𝔸', false)],
  ])('decodes %s', (_name, input) => {
    expect(decodeBytes(input)).toEqual({ ok: true, text: 'NATO – عدم الانتشار 𝔸' });
  });

  it.each([
    ['Latin-1 é', bytes(0x61, 0x62, 0xe9, 0x74), 2],
    ['a stray continuation byte', bytes(0x61, 0x80), 1],
    ['a cut-off sequence', bytes(0x61, 0x62, 0x63, 0xe2, 0x82), 3],
    ['an overlong slash', bytes(0xc0, 0xaf), 0],
    ['a surrogate', bytes(0x61, 0xed, 0xa0, 0x80), 1],
  ])('refuses %s, naming the byte', (_name, input, at) => {
    expect(firstInvalidUtf8(input)).toBe(at);
    expect(errorsOf(decodeBytes(input))).toEqual([
      {
        code: 'not-utf8',
        message: `not UTF-8 text (around byte ${at}). Save the file as UTF-8 and try again.`,
      },
    ]);
  });

  it('refuses UTF-16 without a BOM rather than reading NULs', () => {
    const noBom = utf16('term', true).slice(2);
    expect(errorsOf(decodeBytes(noBom))[0]?.message).toContain('UTF-16 without a byte order mark');
  });

  it('refuses broken UTF-16 and an empty file', () => {
    expect(errorsOf(decodeBytes(bytes(0xff, 0xfe, 0x00, 0xd8)))[0]?.code).toBe('not-utf8');
    expect(errorsOf(decodeBytes(bytes()))[0]?.code).toBe('empty-file');
  });

  it('finds no invalid byte in valid UTF-8', () => {
    expect(firstInvalidUtf8(utf8('déjà 𝔸 ✓'))).toBe(-1);
  });
});

describe('readPackBytes', () => {
  it('refuses a 50 MB file from its size, before reading it', async () => {
    const file = { size: 50 * 1024 * 1024, arrayBuffer: vi.fn() };
    const result = await readPackBytes(file);
    expect(errorsOf(result)).toEqual([
      { code: 'too-large', message: 'the file is 50 MB; a pack may be at most 20 MB' },
    ]);
    expect(file.arrayBuffer).not.toHaveBeenCalled();
  });

  it('reads a Blob within the limit', async () => {
    const result = await readPackBytes(new Blob([utf8('{"a":1}')]));
    expect(result).toEqual({ ok: true, text: '{"a":1}' });
  });

  it('applies the limit to bytes too', async () => {
    expect((await readPackBytes(new Uint8Array(11), 10)).ok).toBe(false);
    expect(MAX_PACK_BYTES).toBe(20 * 1024 * 1024);
  });
});

describe('detectFormat', () => {
  it.each([
    ['pack.json', '', 'json'],
    ['terms.CSV', '{', 'csv'],
    ['glossary.tbx', '', 'tbx'],
    ['export.xml', '', 'tbx'],
    ['notes.txt', '  {"format"', 'json'],
    [undefined, '\ufeff<?xml version="1.0"?>', 'tbx'],
    [undefined, 'term,definition', 'csv'],
    ['no-extension', '\n<martif>', 'tbx'],
  ])('%j with %j → %s', (name, text, format) => {
    expect(detectFormat(name, text)).toBe(format);
  });
});

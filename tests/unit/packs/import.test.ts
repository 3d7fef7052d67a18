import { describe, expect, it } from 'vitest';
import example from '../../../data/example-pack.json?raw';
import { importPackFile, importPackText } from '../../../src/packs/import';
import v3 from '../../fixtures/packs/tbx-v3.tbx?raw';
import { errorsOf, okPack } from './helpers';

const options = { defaultCategory: 'strategy' as const };
const file = (text: string) => new Blob([new TextEncoder().encode(text)]);

describe('importPackFile', () => {
  it.each([
    ['example-pack.json', example, 'json', 'defence-logistics-and-operations'],
    ['Glossaire.tbx', v3, 'tbx', 'glossaire-des-operations'],
    [
      'NATO terms (2026).csv',
      'term,definition\nAir policing,Fighters on standby.\n',
      'csv',
      'nato-terms-2026',
    ],
  ])('reads %s as %s', async (fileName, text, format, id) => {
    const result = await importPackFile(file(text), { ...options, fileName });
    expect(result.format).toBe(format);
    expect(okPack(result).id).toBe(id);
  });

  it('names a CSV pack after its file and takes the default category', async () => {
    const result = await importPackFile(file('term,definition\nA,a.\n'), {
      ...options,
      fileName: 'dir/My list.csv',
    });
    expect(okPack(result)).toMatchObject({
      id: 'my-list',
      name: 'My list',
      entries: [{ category: 'strategy' }],
    });
  });

  it('sniffs the format without a useful file name', () => {
    expect(importPackText(example, options).format).toBe('json');
    expect(importPackText('term,definition\nA,a.', options).format).toBe('csv');
  });

  it('passes the reading problem through, and names no format', async () => {
    const result = await importPackFile(new Uint8Array([0x61, 0xff]), options);
    expect(errorsOf(result)[0]?.code).toBe('not-utf8');
    expect(result.format).toBeUndefined();
  });

  it('lets the caller force a format', () => {
    const result = importPackText(example, { ...options, format: 'csv' });
    expect(result.format).toBe('csv');
    expect(result.ok).toBe(false);
  });
});

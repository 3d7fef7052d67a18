import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { addNotTerm, notTermsOf, removeNotTerm } from '../../../src/content/not-terms';
import {
  draftOf,
  EMPTY_FIELDS,
  exportFile,
  fieldsOf,
  installPicked,
  type PickedFile,
  previewDraftOf,
  readPicked,
} from '../../../src/packs/options-flow';
import { previewMatches } from '../../../src/packs/preview';
import { openPackStore } from '../../../src/packs/store';
import { validateEntry } from '../../../src/packs/validate';
import { entry, pack } from './helpers';

const file = (name: string, text: string) => {
  const bytes = new TextEncoder().encode(text);
  return { name, size: bytes.length, arrayBuffer: async () => bytes.buffer as ArrayBuffer };
};

async function picked(name: string, text: string): Promise<Extract<PickedFile, { ok: true }>> {
  const result = await readPicked(file(name, text));
  if (!result.ok) throw new Error(result.messages.join('\n'));
  return result;
}

describe('the term form', () => {
  it('turns fields into a valid draft and back', () => {
    const fields = {
      ...EMPTY_FIELDS,
      term: 'Zephyr task group',
      aliases: 'Zephyr group; ZTG group\nzephyr groups',
      abbreviation: 'ZTG',
      category: 'operation' as const,
      definition: 'A made-up group.',
      forms: 'fr: groupe Zéphyr; groupes Zéphyr\ntr: Zefir grubu',
      note: 'From a briefing',
    };
    const draft = draftOf(fields);
    const result = validateEntry({ ...draft, id: 'ztg' });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.entry).toMatchObject({
      aliases: ['Zephyr group', 'ZTG group', 'zephyr groups'],
      forms: { fr: ['groupe Zéphyr', 'groupes Zéphyr'], tr: ['Zefir grubu'] },
    });
    expect(draftOf(fieldsOf(result.entry))).toEqual(draft);
  });

  it('previews the fields as typed', () => {
    const fields = { ...EMPTY_FIELDS, term: 'Zephyr task group', abbreviation: 'ZTG' };
    expect(
      previewMatches(previewDraftOf(fields), 'The ZTG, or zephyr task group.').map((s) => s.text),
    ).toEqual(['ZTG', 'zephyr task group']);
  });
});

describe('importing a file from the options page', () => {
  it('installs a valid CSV with the chosen columns', async () => {
    const store = await openPackStore({ factory: new IDBFactory() });
    const csv = await picked(
      'ops.csv',
      'Name,Meaning,Kind\nZephyr task group,A group.,operation\n',
    );
    expect(csv.columns).toEqual(['term', 'definition', 'ignore']);
    const result = await installPicked(store, csv, {
      columns: ['term', 'definition', 'category'],
    });
    expect(result).toMatchObject({ ok: true, info: { id: 'ops', entryCount: 1 } });
    expect((await store.snapshot()).entries[0]?.entry.category).toBe('operation');
  });

  it('is all or nothing: one bad row and nothing is installed, with the line named', async () => {
    const store = await openPackStore({ factory: new IDBFactory() });
    const before = await store.revision();
    const csv = await picked(
      'bad.csv',
      'term,definition,category\nGood term,Fine.,operation\nBad term,,operation\n',
    );
    const result = await installPicked(store, csv);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.messages.join('\n')).toMatch(/line 3/);
    expect(await store.listPacks()).toHaveLength(1); // my terms only
    expect(await store.revision()).toBe(before);
  });

  it('names the problem of a malformed JSON pack and of an installed id', async () => {
    const store = await openPackStore({ factory: new IDBFactory() });
    const broken = await picked('broken.json', '{"format": "termlight-pack",');
    const bad = await installPicked(store, broken);
    expect(bad.ok ? '' : bad.messages.join('\n')).toMatch(/line 1/);
    const good = await picked('p.json', exportFile(pack([entry()]), 'json').text);
    expect((await installPicked(store, good)).ok).toBe(true);
    const twice = await installPicked(store, good);
    expect(twice.ok ? '' : twice.messages.join('\n')).toMatch(/already|installed/);
  });

  it('exports every format, neutralising formulas in CSV, and imports each back', async () => {
    const original = pack([entry({ definition: '=HYPERLINK("http://x")' })]);
    const csv = exportFile(original, 'csv');
    expect(csv.name).toBe('test-pack.csv');
    expect(csv.text).not.toMatch(/(^|,)=HYPERLINK/m);
    for (const format of ['json', 'csv'] as const) {
      const store = await openPackStore({ factory: new IDBFactory() });
      const out = exportFile(original, format);
      const back = await installPicked(store, await picked(out.name, out.text));
      expect(back.ok).toBe(true);
      expect((await store.snapshot()).entries[0]?.entry.definition).toBe('=HYPERLINK("http://x")');
    }
  });
});

describe('not a term here', () => {
  it('adds a phrase per site once, and removes it again', () => {
    let map = addNotTerm({}, 'news.example.com', 'Task  Group');
    map = addNotTerm(map, 'news.example.com', 'task group');
    expect(notTermsOf(map, 'news.example.com')).toEqual(['task group']);
    expect(notTermsOf(map, 'other.example.com')).toEqual([]);
    expect(removeNotTerm(map, 'news.example.com', 'task group')).toEqual({});
  });
});

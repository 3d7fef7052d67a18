import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/formats/csv';
import {
  ANKI_HEADERS,
  CSV_COLUMNS,
  historyAnki,
  historyCsv,
  pageAnki,
  pageCsv,
} from '../../../src/history/export';
import { readAnki, readNote } from './anki-reader';
import { entryInfo, lookup } from './fixtures';

describe('history CSV', () => {
  it('writes a BOM, the header and one row per lookup', () => {
    const csv = historyCsv(
      [
        lookup(),
        lookup({
          entryId: 'nato',
          term: 'NATO',
          form: 'NATO',
          formAt: 0,
          sentence: 'NATO, "again".',
          category: 'organisation',
        }),
      ],
      entryInfo,
    );
    expect(csv.startsWith('\ufeffTerm,Form,Sentence,')).toBe(true);
    expect(parseCsv(csv).map((r) => r.fields)).toEqual([
      [...CSV_COLUMNS],
      [
        'Intelligence sharing',
        'intelligence sharing',
        'Allies rely on intelligence sharing to stay ahead.',
        'Allies passing each other what their services learn.',
        'Intelligence sharing is vital.',
        'Defense Cooperation, Introduction',
        'Allies and spies',
        'https://news.example.com/a',
        '2026-03-10T12:00:00.000Z',
      ],
      [
        'NATO',
        'NATO',
        'NATO, "again".',
        'The North Atlantic alliance.',
        '',
        '',
        'Allies and spies',
        'https://news.example.com/a',
        '2026-03-10T12:00:00.000Z',
      ],
    ]);
  });

  it('omits the BOM when asked, and exports entries it does not know with no definition', () => {
    const csv = historyCsv([lookup({ entryId: 'gone-from-pack' })], entryInfo, { bom: false });
    expect(csv.startsWith('Term,')).toBe(true);
    expect(parseCsv(csv)[1]?.fields.slice(0, 4)).toEqual([
      'Intelligence sharing',
      'intelligence sharing',
      lookup().sentence,
      '',
    ]);
  });

  it('neutralises formulas from page text', () => {
    const csv = historyCsv(
      [lookup({ sentence: '=HYPERLINK("http://evil")', formAt: undefined, title: '@SUM(1)' })],
      entryInfo,
    );
    const row = parseCsv(csv)[1]?.fields ?? [];
    expect(row[2]).toBe('\'=HYPERLINK("http://evil")');
    expect(row[6]).toBe("'@SUM(1)");
  });
});

describe('history Anki notes', () => {
  it('writes the headers and a note Anki imports (the documented example)', () => {
    const file = historyAnki(
      [lookup({ sentence: 'Allies rely on intelligence sharing <b>& more</b>.' })],
      entryInfo,
    );
    expect(file.split('\n').slice(0, ANKI_HEADERS.length)).toEqual([
      '#separator:tab',
      '#html:true',
      '#notetype:Basic',
      '#deck:Termlight',
      '#guid column:1',
      '#tags column:4',
    ]);
    const [note] = readAnki(file).notes;
    expect(note?.[1]).toBe(
      'Allies rely on <b>intelligence sharing</b> &lt;b&gt;&amp; more&lt;/b&gt;.',
    );
    expect(note?.[2]).toBe(
      '<div class="termlight-term"><b>Intelligence sharing</b></div>' +
        '<div class="termlight-definition">Allies passing each other what their services learn.</div>' +
        '<blockquote class="termlight-example">Intelligence sharing is vital.' +
        '<br><small class="termlight-source">Defense Cooperation, Introduction</small></blockquote>',
    );
    expect(note?.[3]).toBe('termlight termlight::cooperation');
    expect(note?.[0]).toMatch(/^termlight-[0-9a-z]+$/);
  });

  it('never lets page text inject markup', () => {
    const evil = '<img src=x onerror=alert(1)><script>alert(2)</script>"\'&';
    const file = historyAnki(
      [lookup({ sentence: `${evil} intelligence sharing`, formAt: undefined, term: evil })],
      entryInfo,
    );
    const [note] = readAnki(file).notes;
    const markup = (note ?? [])
      .join('\t')
      .replace(/<\/?(?:b|br|small|blockquote|div)(?: class="termlight-[a-z]+")?>/g, '');
    expect(markup).not.toMatch(/[<>"']/);
  });

  it('emphasises the form where it was found, the second of two if so', () => {
    const file = historyAnki(
      [lookup({ form: 'NATO', sentence: 'NATO said NATO would.', formAt: 10 })],
      entryInfo,
    );
    expect(readAnki(file).notes[0]?.[1]).toBe('NATO said <b>NATO</b> would.');
  });

  it('writes one note per entry and sentence, with stable GUIDs', () => {
    const a = lookup({ time: 1 });
    const again = lookup({ time: 2, id: 9, url: 'https://other.example/' });
    const other = lookup({ sentence: 'Intelligence sharing again.', formAt: undefined });
    const { notes } = readAnki(historyAnki([a, again, other], entryInfo));
    expect(notes).toHaveLength(2);
    const { notes: later } = readAnki(historyAnki([other], entryInfo));
    expect(later[0]?.[0]).toBe(notes[1]?.[0]);
    expect(notes[0]?.[0]).not.toBe(notes[1]?.[0]);
  });
});

describe('page exports', () => {
  const page = {
    title: 'Summit news',
    url: 'https://me:secret@example.com/story?id=4#c',
    occurrences: [
      { entryId: 'nato', form: 'NATO', sentence: 'NATO met.' },
      { entryId: 'nato', form: 'NATO', sentence: 'NATO met.' },
      { entryId: 'unknown-entry', form: 'X', sentence: 'X happened.' },
      {
        entryId: 'intelligence-sharing',
        form: 'intelligence sharing',
        sentence: 'They agreed on intelligence sharing.',
      },
    ],
  };

  it('writes one CSV row per known entry and sentence, without credentials or time', () => {
    const rows = parseCsv(pageCsv(page, entryInfo)).map((r) => r.fields);
    expect(rows.map((r) => [r[0], r[2], r[7], r[8]])).toEqual([
      ['Term', 'Sentence', 'URL', 'Time'],
      ['NATO', 'NATO met.', 'https://example.com/story?id=4#c', ''],
      [
        'Intelligence sharing',
        'They agreed on intelligence sharing.',
        'https://example.com/story?id=4#c',
        '',
      ],
    ]);
  });

  it('writes the page time when given, and the same notes for Anki', () => {
    const rows = parseCsv(pageCsv({ ...page, time: 0 }, entryInfo)).map((r) => r.fields);
    expect(rows[1]?.[8]).toBe('1970-01-01T00:00:00.000Z');
    const notes = readAnki(pageAnki(page, entryInfo)).notes.map(readNote);
    expect(notes.map((n) => [n.form, n.term, n.tags[1]])).toEqual([
      ['NATO', 'NATO', 'termlight::organisation'],
      ['intelligence sharing', 'Intelligence sharing', 'termlight::cooperation'],
    ]);
  });
});

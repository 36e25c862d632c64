import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { parseRunsCsv } from '../../src/lib/journal/csv.ts';
import { defaultProfile } from '../../src/lib/journal/profile.ts';
import { appendRow, missingColumns, MissingColumnsError, NEW_FILE_COLUMNS, readLayout, spreadsheetSafe } from '../../src/lib/log/csv-append.ts';

const fixtures = join(import.meta.dirname, '../fixtures/log/csv');
const read = (name: string): string => readFileSync(join(fixtures, name), 'utf8');
const bytes = (text: string): Buffer => Buffer.from(text, 'utf8');

/** The new text keeps the old bytes as its prefix, and the journal reader reads one more run from it. */
function expectSafeAppend(name: string, values: Record<string, string>): { added: string; text: string } {
  const original = read(name);
  const { text, line, addition } = appendRow(original, values);
  // What is appended is all that changes: the caller writes the file's old bytes, then these.
  expect(text).toBe(original + addition);
  const before = bytes(original);
  const after = bytes(text);
  expect(after.subarray(0, before.length).equals(before)).toBe(true);
  const parsedBefore = parseRunsCsv(original, name, defaultProfile());
  const parsedAfter = parseRunsCsv(text, name, defaultProfile());
  expect(parsedAfter.problems).toEqual([]);
  expect(parsedAfter.runs).toHaveLength(parsedBefore.runs.length + 1);
  expect(parsedAfter.runs.at(-1)?.source.line).toBe(line);
  return { added: after.subarray(before.length).toString('utf8'), text };
}

describe('appendRow keeps the file and follows its conventions', () => {
  it('LF file: row in header order, LF ending', () => {
    const { added } = expectSafeAppend('lf.csv', { date: '2026-11-20', distance: '10.2km', time: '52:10', title: 'Easy river loop', nonstop: 'yes', feeling: '2' });
    expect(added).toBe('2026-11-20,10.2km,52:10,Easy river loop,yes,2\n');
  });

  it('CRLF file: CRLF ending, comma in a value quoted', () => {
    const { added } = expectSafeAppend('crlf.csv', { date: '2026-11-20', distance: '10.2', notes: 'windy, cold' });
    expect(added).toBe('2026-11-20,10.2,,,"windy, cold"\r\n');
  });

  it('BOM file with capitalised header: BOM kept once, names matched case-insensitively', () => {
    const { added, text } = expectSafeAppend('bom.csv', { date: '2026-11-20', distance: '4', title: 'Short' });
    expect(added).toBe('2026-11-20,4,,Short\r\n');
    expect(text.startsWith('\uFEFFDate')).toBe(true);
    expect(text.indexOf('\uFEFF', 1)).toBe(-1);
  });

  it('quote-everything file with unknown columns and a multi-line field: every field quoted, unknown columns empty', () => {
    const { added } = expectSafeAppend('quoted.csv', { date: '2026-11-20', distance: '10.2km', title: 'Say "hi"', feeling: '2' });
    expect(added).toBe('"Say ""hi""","2026-11-20","10.2km","","","2"\n');
  });

  it('file without a trailing newline: the row starts on a new line and the file still ends without one', () => {
    const { added } = expectSafeAppend('no-trailing-newline.csv', { date: '2026-11-20', distance: '5', title: 'Again' });
    expect(added).toBe('\n2026-11-20,5,Again');
  });

  it('a value holding a newline or a quote is quoted as papaparse would', () => {
    const { added } = expectSafeAppend('lf.csv', { date: '2026-11-20', distance: '5', title: 'two\nlines' });
    expect(added).toBe('2026-11-20,5,,"two\nlines",,\n');
  });

  it('header-only file: the first record on line 2', () => {
    const original = read('header-only.csv');
    const { text, line } = appendRow(original, { date: '2026-11-20', distance: '5' });
    expect(text).toBe('date,distance,time\n2026-11-20,5,\n');
    expect(line).toBe(2);
  });

  it('a file with old-Mac CR line endings keeps them', () => {
    const original = 'date,distance\r2026-11-01,5\r';
    const { text, line } = appendRow(original, { date: '2026-11-20', distance: '6' });
    expect(text).toBe(`${original}2026-11-20,6\r`);
    expect(parseRunsCsv(text, 'runs.csv', defaultProfile()).runs.map((r) => r.source.line)).toEqual([2, line]);
  });

  it('reports the line check would name, counting quoted newlines', () => {
    expect(appendRow(read('quoted.csv'), { date: '2026-11-20', distance: '5' }).line).toBe(5);
  });
});

describe('columns the file lacks', () => {
  it('names each missing column and refuses', () => {
    const original = read('minimal.csv');
    expect(missingColumns(original, { date: '2026-11-20', distance: '5', feeling: '2', nonstop: 'yes' })).toEqual(['feeling', 'nonstop']);
    expect(() => appendRow(original, { date: '2026-11-20', distance: '5', feeling: '2' })).toThrow(MissingColumnsError);
    expect(() => appendRow(original, { date: '2026-11-20', distance: '5', feeling: '2' })).toThrow(/add "feeling" to its header row/);
  });
});

describe('a new or empty file', () => {
  it.each([
    ['empty', ''],
    ['only a BOM', '\uFEFF'],
    ['blank lines', '\n\n'],
  ])('%s: gets the full header and the row, keeping what was there', (_label, original) => {
    const { text, line } = appendRow(original, { date: '2026-11-20', distance: '5', title: 'First' });
    expect(text.startsWith(original)).toBe(true);
    const rest = text.slice(original.length);
    expect(rest).toBe(`${NEW_FILE_COLUMNS.join(',')}\n2026-11-20,5,,First${','.repeat(NEW_FILE_COLUMNS.length - 4)}\n`);
    const parsed = parseRunsCsv(text, 'runs.csv', defaultProfile());
    expect(parsed.problems).toEqual([]);
    expect(parsed.runs.map((r) => [r.title, r.source.line])).toEqual([['First', line]]);
  });
});

describe('readLayout', () => {
  it.each([
    ['lf.csv', { bom: false, eol: '\n', endsWithNewline: true }],
    ['crlf.csv', { bom: false, eol: '\r\n', endsWithNewline: true }],
    ['bom.csv', { bom: true, eol: '\r\n', endsWithNewline: true }],
    ['no-trailing-newline.csv', { bom: false, eol: '\n', endsWithNewline: false }],
  ])('%s', (name, expected) => {
    expect(readLayout(read(name))).toMatchObject(expected);
  });

  it('sees per-column quoting', () => {
    const layout = readLayout('date,distance,title\n2026-11-01,5,"Easy"\n');
    expect(layout.quoteColumns).toEqual([false, false, true]);
    expect(appendRow('date,distance,title\n2026-11-01,5,"Easy"\n', { date: '2026-11-02', distance: '6', title: 'Hard' }).text).toBe(
      'date,distance,title\n2026-11-01,5,"Easy"\n2026-11-02,6,"Hard"\n',
    );
  });
});

describe('appendRow on any values (property)', () => {
  const text = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', ',', '"', '\n', '\r\n', ';', 'é', '😀', '=', "'", '\t') });
  it.each(['lf.csv', 'crlf.csv', 'bom.csv', 'quoted.csv', 'no-trailing-newline.csv'])('%s: old bytes kept, new record reads back exactly', (name) => {
    const original = read(name);
    const header = (Papa.parse<string[]>(original.replace(/^\uFEFF/, ''), { preview: 1 }).data[0] ?? []).map((h) => h.toLowerCase());
    fc.assert(
      fc.property(text, text, (title, distance) => {
        const values: Record<string, string> = { date: '2026-11-20', distance };
        if (header.includes('title')) values.title = title;
        const { text: next } = appendRow(original, values);
        expect(next.startsWith(original)).toBe(true);
        const records = Papa.parse<string[]>(next.replace(/^\uFEFF/, ''), { delimiter: ',' }).data.filter((r) => !(r.length === 1 && r[0] === ''));
        const last = records.at(-1) ?? [];
        expect(last).toHaveLength(header.length);
        // Text that starts like a formula sits behind its single quote (the reader takes it off).
        const written = spreadsheetSafe(values);
        header.forEach((column, i) => expect(last[i]).toBe(written[column] ?? ''));
      }),
      { seed: 20261120, numRuns: 200 },
    );
  });
});

describe('text a spreadsheet would run as a formula', () => {
  it('is appended behind a single quote in text columns only, and reads back as typed', () => {
    const original = 'date,distance,time,title,temperature,notes,tags\n2026-11-19,5,25:00,=1+1 kept as written,-2,,\n';
    const typed = { date: '2026-11-20', distance: '5', time: '25:00', title: '=HYPERLINK("http://evil.example")', temperature: '-4', notes: '@me -', tags: '+fast' };
    const { text, addition } = appendRow(original, typed);
    expect(text.startsWith(original)).toBe(true);
    expect(addition).toBe(`2026-11-20,5,25:00,"'=HYPERLINK(""http://evil.example"")",-4,'@me -,'+fast\n`);
    const [kept, added] = parseRunsCsv(text, 'runs.csv', defaultProfile()).runs;
    expect(kept).toMatchObject({ title: '=1+1 kept as written', temperature: -2 });
    expect(added).toMatchObject({ title: typed.title, temperature: -4, notes: '@me -', tags: ['+fast'] });
  });

  it('round-trips any text exactly, quotes of its own included', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^'{0,3}[=+\-@a ]?[a-z =]{0,6}$/), (title) => {
        fc.pre(title.trim() === title && title !== '');
        const { text } = appendRow('date,distance,title\n', { date: '2026-11-20', distance: '5', title });
        expect(parseRunsCsv(text, 'runs.csv', defaultProfile()).runs[0]?.title).toBe(title);
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { csvHeader, parseCsvRows, parseRunsCsv } from '../../src/lib/journal/csv.ts';
import { readCsvHeader } from '../../src/lib/journal/imports/csv-records.ts';
import { defaultProfile } from '../../src/lib/journal/profile.ts';
import { FIXTURES, fixture, located } from './helpers.ts';

const MILE = 1609.344;
const km = defaultProfile();

describe('good/runs.csv', () => {
  const path = `${FIXTURES}/good/runs.csv`;
  const { runs, problems } = parseRunsCsv(fixture('good/runs.csv'), path, km);

  it('reads every row without a problem', () => {
    expect(problems).toEqual([]);
    expect(runs).toHaveLength(7);
  });

  it('names each run by the line its record starts on (quoted newline and blank line counted)', () => {
    expect(runs.map((r) => r.source)).toEqual([2, 3, 4, 7, 8, 9, 10].map((line) => ({ path, line, kind: 'csv' })));
  });

  it('reads every distance format into metres', () => {
    const expected = [1500, 2000, 3.1 * MILE, 800, 5000, 10 * MILE, 26.2 * MILE];
    runs.forEach((run, i) => expect(run.distance).toBeCloseTo(expected[i] ?? NaN, 6));
  });

  it('reads the other fields with case-insensitive headers', () => {
    const [first, second, parkrun, strides, , trail, marathon] = runs;
    expect(first).toMatchObject({
      date: '2024-01-06',
      startTime: null,
      time: 750,
      title: 'First run/walk',
      type: 'easy',
      isRace: false,
      elevation: 10,
      nonstop: false,
      feeling: 2,
      temperature: 4,
      tags: ['first', 'walk-run'],
      notes: 'Walked a lot.',
      private: false,
      virtual: false,
    });
    expect(second?.temperature).toBeCloseTo((39 - 32) * (5 / 9), 9);
    expect(second?.elevation).toBe(12);
    expect(parkrun).toMatchObject({ startTime: '08:15:00', time: 2412, race: 'Riverside parkrun', isRace: true, nonstop: true });
    expect(parkrun?.elevation).toBeCloseTo(45.72, 9);
    expect(parkrun?.notes).toBe('Cold, windy\nbut "happy"');
    expect(strides).toMatchObject({ date: '2024-01-13', startTime: '18:00:00', time: 250 });
    expect(trail).toMatchObject({ win: 'My own win: the big hill', private: true, nonstop: true, temperature: -2 });
    expect(marathon).toMatchObject({ virtual: true, private: false, nonstop: true, temperature: 20 });
  });

  it('keeps unknown columns as written, and only when filled', () => {
    expect(runs[0]?.extra).toEqual({ Shoes: 'Pegasus 40' });
    expect(runs[1]?.extra).toEqual({});
  });
});

describe('good/more-runs.csv (BOM and CRLF)', () => {
  const text = fixture('good/more-runs.csv');
  it('really is a BOM + CRLF file', () => {
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain('\r\n');
  });

  it('reads the header despite the BOM and counts CRLF lines', () => {
    expect(csvHeader(text)).toEqual(['date', 'distance', 'time', 'notes']);
    const { runs, problems } = parseRunsCsv(text, 'more-runs.csv', km);
    expect(problems).toEqual([]);
    expect(runs.map((r) => [r.source.line, r.date, r.distance, r.notes])).toEqual([
      [2, '2024-02-08', 6000, 'rainy\r\nand dark'],
      [4, '2024-02-09', 4200, 'plain'],
    ]);
  });
});

describe('bad/runs.csv', () => {
  const path = `${FIXTURES}/bad/runs.csv`;
  const { runs, problems } = parseRunsCsv(fixture('bad/runs.csv'), path, km);

  it('reports every error at its own line, in one pass', () => {
    expect(problems.every((p) => p.severity === 'error' && p.path === path)).toBe(true);
    expect(located(problems)).toEqual([
      [2, 'date', ''],
      [3, 'date', '2025-02-30'],
      [4, 'date', 'yesterday'],
      [5, 'distance', '-5'],
      [6, 'distance', '0'],
      [7, 'distance', 'far'],
      [8, 'distance', '10,5'],
      [9, 'distance', '5 furlongs'],
      [10, 'time', '25 min'],
      [11, 'feeling', '6'],
      [12, 'row', '7 fields'],
      [19, 'distance', ''],
    ]);
  });

  it('says what was expected', () => {
    const message = (line: number) => problems.find((p) => p.line === line)?.message;
    expect(message(3)).toBe('expected a real calendar date (February 2025 has 28 days)');
    expect(message(8)).toBe('expected a decimal point, not a comma (like "10.5")');
    expect(message(9)).toBe('expected a distance unit: km, k, m, mi or miles');
    expect(message(11)).toBe('expected a feeling from 1 (awful) to 5 (great)');
    expect(message(12)).toBe('expected 5 fields, one per header column (quote a value that contains a comma)');
  });

  it('keeps runs whose date and distance are fine', () => {
    expect(runs.map((r) => r.source.line)).toEqual([10, 11, 12, 14, 15, 16, 17, 18]);
    // A bad optional field is reported and left empty, the run stays.
    expect(runs[0]?.time).toBeNull();
    expect(runs[1]?.feeling).toBeNull();
  });
});

describe('header problems', () => {
  it('a repeated column name is an error on line 1; the first column counts', () => {
    const path = 'bad/dup-header.csv';
    const { runs, problems } = parseRunsCsv(fixture(path), path, km);
    expect(located(problems)).toEqual([[1, 'distance', 'DISTANCE']]);
    expect(runs.map((r) => r.distance)).toEqual([5000]);
  });

  it('a header without a date column is one error, not one per row', () => {
    const path = 'bad/no-date-column.csv';
    const { runs, problems } = parseRunsCsv(fixture(path), path, km);
    expect(located(problems)).toEqual([[1, 'header', 'day,distance']]);
    expect(problems[0]?.message).toBe('expected a header row naming the date column');
    expect(runs).toEqual([]);
  });

  it('an empty file has no rows and no problems', () => {
    expect(parseRunsCsv('', 'empty.csv', km)).toEqual({ runs: [], problems: [] });
    expect(parseCsvRows('\n\n')).toEqual([]);
    expect(parseCsvRows('a,b\r\n\r\n\r\n1,2\r\n').map((row) => row.line)).toEqual([1, 4]);
  });
});

describe('broken quoting', () => {
  it('an unclosed quote is an error on the line it opens', () => {
    const path = 'unterminated-quote.csv';
    const { runs, problems } = parseRunsCsv(fixture(path), path, km);
    expect(located(problems)).toEqual([[3, 'row', null]]);
    expect(problems[0]?.message).toBe('expected a closing quote (") for the value opened on this line');
    expect(runs[0]?.source.line).toBe(2);
  });
});

describe('units from the profile', () => {
  it('a bare number is miles in a mi profile', () => {
    const { runs } = parseRunsCsv('date,distance\n2024-01-01,2\n', 'x.csv', { ...km, units: 'mi' });
    expect(runs[0]?.distance).toBeCloseTo(2 * MILE, 9);
  });
});

describe('csvHeader and readCsvHeader (the layout, from the start of the file)', () => {
  const rows = Array.from({ length: 3000 }, (_, i) => `2024-01-${String((i % 28) + 1).padStart(2, '0')},5,25:00,"note, ${i}"`).join('\n');

  it('read the header of a large file from its first lines, BOM or not', () => {
    const text = `\uFEFFdate,distance,time,notes\n${rows}\n`;
    expect(text.length).toBeGreaterThan(65_536);
    expect(csvHeader(text)).toEqual(['date', 'distance', 'time', 'notes']);
    expect(readCsvHeader(text)).toEqual(['date', 'distance', 'time', 'notes']);
  });

  it('read a header longer than the first lines whole', () => {
    const names = Array.from({ length: 9000 }, (_, i) => `column ${i}`);
    const text = `date,distance,${names.join(',')}\n2024-01-01,5\n`;
    expect(csvHeader(text)).toHaveLength(9002);
    expect(readCsvHeader(text).slice(-1)).toEqual(['column 8999']);
  });
});

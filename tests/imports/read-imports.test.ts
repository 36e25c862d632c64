import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CACHE_VERSION, openImportCache } from '../../src/lib/journal/imports/cache.ts';
import { TOO_SHORT } from '../../src/lib/journal/imports/activity.ts';
import { mergeRuns } from '../../src/lib/journal/imports/merge.ts';
import { readImports, type ImportResult } from '../../src/lib/journal/imports/read-imports.ts';
import { isRawFilesWarning } from '../../src/lib/journal/imports/raw-files.ts';
import { FIXTURES, testProfile } from './helpers.ts';

let root: string;
let data: string;
let cacheDir: string;
let result: ImportResult;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'small-wins-imports-'));
  data = join(root, 'data');
  cacheDir = join(root, 'cache');
  // Laid out like a journal folder: a Strava export in a subfolder, a Garmin CSV at the top, a loose
  // GPX and FIT file, and the runner's own CSV (which the importers leave alone).
  await cp(join(FIXTURES, 'strava-export'), join(data, 'strava'), { recursive: true });
  await cp(join(FIXTURES, 'garmin/Activities.csv'), join(data, 'garmin-activities.csv'));
  await mkdir(join(data, 'tracks'), { recursive: true });
  await cp(join(FIXTURES, 'short.tcx'), join(data, 'tracks/short.tcx'));
  await cp(join(FIXTURES, 'real/garmin-fenix-5-bike.fit'), join(data, 'tracks/ride.fit'));
  await cp(join(FIXTURES, 'real/activity-unexpected-eof.fit'), join(data, 'tracks/broken.fit'));
  await writeFile(join(data, 'runs.csv'), 'date,distance,time\n2024-03-10,3,13:40\n');
  result = await readImports(data, 'data', testProfile(), { cache: openImportCache(cacheDir) });
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('readImports over a journal folder', () => {
  it('finds every run, from the export, the Garmin CSV and the loose files', () => {
    const summary = result.runs.map((r) => [r.source.path, r.source.line, r.date, r.distance]);
    expect(summary).toEqual([
      ['data/garmin-activities.csv', 2, '2024-05-01', 10_020],
      ['data/garmin-activities.csv', 3, '2024-05-03', 4808],
      ['data/garmin-activities.csv', 4, '2024-05-04', 8000],
      ['data/strava/activities.csv', 2, '2024-03-10', 3000],
      ['data/strava/activities.csv', 4, '2015-08-15', 9008.2],
      ['data/strava/activities.csv', 5, '2024-01-05', 5500],
      ['data/strava/activities.csv', 6, '2022-02-17', 4000],
      ['data/strava/activities.csv', 11, '2023-12-31', 8000],
      ['data/tracks/short.tcx', null, '2024-04-02', 1200],
    ]);
  });

  it('enriches export rows from their GPS files: local time, efforts, a trimmed track', () => {
    const splits = result.runs.find((r) => r.title === 'Three k splits')!;
    expect(splits).toMatchObject({
      date: '2024-03-10',
      startTime: '03:00:00',
      time: 815,
      elevation: 20,
      temperature: 11,
      notes: 'Felt strong,\nnegative split',
      type: 'Run',
      virtual: false,
      source: { path: 'data/strava/activities.csv', line: 2, kind: 'strava' },
    });
    expect(splits.efforts.map((e) => [e.distance, e.time, e.startOffset])).toEqual([
      [400, 99, 1600],
      [1000, 250, 1000],
      [1609.344, 414.5, 1000],
    ]);
    expect(splits.track!.points.length).toBeGreaterThanOrEqual(2);
    // The FIT file's own local time (UTC+2 in Norway) beats the profile's New York zone.
    const stavanger = result.runs.find((r) => r.title === 'Stavanger evening')!;
    expect(stavanger).toMatchObject({ date: '2015-08-15', startTime: '16:45:08', elevation: 64 });
    expect(stavanger.efforts.map((e) => e.distance)).toEqual([400, 1000, 1609.344, 5000]);
  });

  it('keeps manual entries, marks virtual runs, and shifts a UTC time to the local day', () => {
    expect(result.runs.find((r) => r.title === 'Lunch run (manual)')).toMatchObject({ startTime: '07:18:26', efforts: [], track: null });
    expect(result.runs.find((r) => r.title === 'Treadmill intervals')).toMatchObject({ virtual: true, efforts: [] });
    expect(result.runs.find((r) => r.title === 'New Year trail')).toMatchObject({ date: '2023-12-31', startTime: '22:30:00', elevation: 211, temperature: -2 });
  });

  it('never publishes the private note', () => {
    expect(JSON.stringify(result.runs)).not.toContain('door code');
  });

  it('counts skipped sports under one set of names', () => {
    // broken.fit decodes to 5.7 m before its damage: too short to be a run, counted apart.
    expect(result.skipped).toEqual({ Ride: 4, Walk: 2, Swim: 1, [TOO_SHORT]: 1 });
  });

  it('reports problems with paths relative to the working directory, line and field', () => {
    expect(result.problems.filter((p) => !isRawFilesWarning(p))).toEqual([
      { severity: 'error', path: 'data/garmin-activities.csv', line: 7, field: 'Distance', value: '--', message: 'got "--", expected a distance greater than 0' },
      { severity: 'warning', path: 'data/tracks/broken.fit', line: null, field: null, value: null, message: 'read in part: FIT Runtime Error end of stream at byte 768' },
    ]);
  });

  it('reads a CSV the caller already read from its text, not from the disk again', async () => {
    const dir = join(root, 'known-texts');
    await mkdir(dir, { recursive: true });
    const file = join(dir, 'garmin.csv');
    await cp(join(FIXTURES, 'garmin/Activities.csv'), file);
    const onDisk = await readFile(file, 'utf8');
    // The same export with its second run removed: what is read must be this text.
    const given = onDisk.split('\n').filter((line, i) => i !== 2).join('\n');
    const fromDisk = await readImports(dir, 'data', testProfile(), { cache: null });
    const fromText = await readImports(dir, 'data', testProfile(), { cache: null, texts: new Map([[file, given]]) });
    const dates = (result: ImportResult) => result.runs.map((run) => run.date);
    expect(dates(fromDisk)).toContain('2024-05-03');
    expect(dates(fromText)).toEqual(dates(fromDisk).filter((date) => date !== '2024-05-03'));
  });

  it('names the header of an activities.csv it cannot read', async () => {
    const dir = join(root, 'unknown');
    await cp(join(FIXTURES, 'strava-unknown'), join(dir, 'export'), { recursive: true });
    const { problems, runs } = await readImports(dir, 'data', testProfile(), { cache: null });
    expect(runs).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'error', path: 'data/export/activities.csv', line: 1, field: 'header' });
    expect(problems[0]!.message).toContain('"ID, Datum, Typ, Afstand"');
  });

  it('names the column an English activities.csv lacks, and leaves other export CSVs alone', async () => {
    const dir = join(root, 'incomplete');
    await mkdir(join(dir, 'export'), { recursive: true });
    await writeFile(join(dir, 'export/activities.csv'), 'Activity ID,Activity Date,Activity Name,Distance\n1,"Feb 17, 2022, 12:18:26 PM",Run,5\n');
    await writeFile(join(dir, 'export/comments.csv'), 'Activity ID,Activity Date,Comment\n1,"Feb 17, 2022, 12:18:26 PM",Nice\n');
    const { problems } = await readImports(dir, 'data', testProfile(), { cache: null });
    expect(problems).toEqual([
      {
        severity: 'error',
        path: 'data/export/activities.csv',
        line: 1,
        field: 'header',
        value: 'Activity ID,Activity Date,Activity Name,Distance',
        message: 'this Strava activities.csv has no "Activity Type" column: it could not be read',
      },
    ]);
  });

  it('re-imports from the cache, keyed by file content', async () => {
    const storePath = join(cacheDir, `activities-v${CACHE_VERSION}.json`);
    const store = JSON.parse(await readFile(storePath, 'utf8'));
    // 101.gpx.gz, 102.fit.gz, short.tcx and ride.fit; a damaged file is not cached, nor is the
    // export's ride (its file is never decoded).
    expect(Object.keys(store.files).map((f) => f.slice(data.length + 1).replace(/\\/g, '/')).sort()).toEqual([
      'strava/activities/101.gpx.gz',
      'strava/activities/102.fit.gz',
      'tracks/ride.fit',
      'tracks/short.tcx',
    ]);
    expect(Object.keys(store.summaries)).toHaveLength(4);
    const again = await readImports(data, 'data', testProfile(), { cache: openImportCache(cacheDir) });
    expect(again).toEqual(result);
    // The cached summary is what a re-import uses: change it and the run changes.
    const tcxKey = store.files[join(data, 'tracks/short.tcx')].key;
    store.summaries[tcxKey].description = 'from the cache';
    await writeFile(storePath, JSON.stringify(store));
    const cached = await readImports(data, 'data', testProfile(), { cache: openImportCache(cacheDir) });
    expect(cached.runs.find((r) => r.source.path === 'data/tracks/short.tcx')!.notes).toBe('from the cache');
    // A different privacy trim is a different summary: the file is decoded again.
    const untrimmed = await readImports(data, 'data', testProfile({ privacyTrim: 0 }), { cache: openImportCache(cacheDir) });
    expect(untrimmed.runs.find((r) => r.source.path === 'data/tracks/short.tcx')!.notes).toBe('Hill reps warm-up');
  });

  it('gives one run per outing once merged with a hand-written journal', () => {
    const loose = result.runs.filter((r) => r.source.kind !== 'garmin');
    const hand = [{ ...loose[0]!, source: { path: 'data/runs.csv', line: 2, kind: 'csv' as const }, startTime: null, title: 'My 3K', efforts: [], track: null, notes: null, feeling: 4 }];
    const { runs, merged } = mergeRuns(hand, result.runs);
    expect(merged).toBe(1);
    expect(runs.filter((r) => r.date === '2024-03-10')).toHaveLength(1);
    expect(runs[0]).toMatchObject({ title: 'My 3K', feeling: 4, startTime: '03:00:00', notes: 'Felt strong,\nnegative split' });
    expect(runs[0]!.efforts).toHaveLength(3);
  });
});

// A Garmin "Export Your Data" ZIP with its activity summaries (DI-Connect-Fitness/*_summarizedActivities.json):
// FIT runs get their Garmin name and type, runs with a summary and no FIT file are imported from it,
// other sports are counted once, and a summaries file that cannot be read is a located warning.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFit } from '../../src/lib/journal/imports/fit.ts';
import { matchSummaries, readGarminSummaries, type GarminSummary } from '../../src/lib/journal/imports/garmin-summaries.ts';
import { garminSummariesJson, type RecordedActivity } from '../../scripts/bench/lib/generate-garmin-summaries.ts';
import { zipArchive } from '../../scripts/bench/lib/zip-archive.ts';
import { filesUnder, freshJournal, importInto, REAL, snapshot } from './journals.ts';

const RUNS = ['activity-small-fenix2-run.fit', '2013-02-06-12-11-14.fit'];
const RIDE = 'garmin-fenix-5-bike.fit';
const SUMMARIES = 'DI_CONNECT/DI-Connect-Fitness/ana@example.com_0_summarizedActivities.json';
const UPLOADED = 'DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip';

let root: string;
let fits: Buffer[];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'small-wins-import-garmin-summaries-'));
  fits = await Promise.all([...RUNS, RIDE].map((name) => readFile(join(REAL, name))));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

function recorded(fit: Buffer): RecordedActivity {
  const { activity } = parseFit(fit);
  return { start: activity!.start!, sport: activity!.sport, distance: activity!.distance, time: activity!.timerTime, ascent: activity!.ascent };
}

/** The export: the FIT files (the ride twice, as a re-upload would be) in a nested archive, and the summaries. */
async function garminExport(name: string, summaries: string): Promise<string> {
  const uploads = zipArchive([...fits, fits[2]!].map((data, i) => ({ name: `ana@example.com_${5000 + i}.fit`, data })));
  const path = join(root, name);
  await writeFile(path, zipArchive([{ name: SUMMARIES, data: summaries }, { name: UPLOADED, data: uploads }]));
  return path;
}

function rowsOf(csv: string): Array<Record<string, string>> {
  return Papa.parse<Record<string, string>>(csv.trim(), { header: true }).data;
}

describe('readGarminSummaries', () => {
  it('reads Garmin units: times in epoch ms, distance and elevation in centimetres, duration in ms', () => {
    const text = JSON.stringify([
      {
        summarizedActivitiesExport: [
          { activityId: 17, name: ' Lunch Run ', activityType: 'trail_running', beginTimestamp: 1_700_000_000_000, startTimeLocal: 1_700_003_600_000, distance: 1_012_345.6, duration: 3_000_500, elevationGain: 12_345 },
          { activityId: '18', activityType: { typeKey: 'cycling' }, startTimeGmt: 1_700_100_000_000 },
        ],
      },
    ]);
    const { summaries, problems } = readGarminSummaries(text, 'export.zip › summaries.json');
    expect(problems).toEqual([]);
    expect(summaries).toEqual([
      { activityId: '17', name: 'Lunch Run', type: 'trail_running', start: 1_700_000_000_000, localStart: 1_700_003_600_000, distance: 10_123.456, duration: 3000.5, elevationGain: 123.45 },
      { activityId: '18', name: null, type: 'cycling', start: 1_700_100_000_000, localStart: null, distance: null, duration: null, elevationGain: null },
    ]);
  });

  it('names the file, line and column of bad JSON, and the activity and field of a summary it cannot use', () => {
    const bad = readGarminSummaries('[{"summarizedActivitiesExport": [\n  {"activityId": 1,,}\n]}]', 'summaries.json');
    expect(bad.summaries).toEqual([]);
    expect(bad.problems).toHaveLength(1);
    expect(bad.problems[0]).toMatchObject({ severity: 'warning', path: 'summaries.json', line: 2 });
    expect(bad.problems[0]!.message).toMatch(/^not valid JSON at column \d+ .*the activity summaries were not read/);

    const shape = readGarminSummaries('{"activities": []}', 'summaries.json');
    expect(shape.problems[0]).toMatchObject({ field: 'summarizedActivitiesExport' });

    const partial = readGarminSummaries(
      JSON.stringify([{ summarizedActivitiesExport: [{ activityId: 7, activityType: 'running' }, { activityId: 8, activityType: 'running', beginTimestamp: 1 }, 'x'] }]),
      'summaries.json',
    );
    expect(partial.summaries.map((s) => s.activityId)).toEqual(['8']);
    expect(partial.problems.map((p) => [p.field, p.message])).toEqual([
      ['activity 7: startTimeGmt', 'expected a time in milliseconds: this activity summary is left out'],
      ['activity 3', 'expected an object: this activity summary is left out'],
    ]);
  });
});

describe('matchSummaries', () => {
  const at = (minutes: number, seconds = 0) => Date.UTC(2024, 4, 1, 7, minutes, seconds);
  const summary = (id: string, start: number, distance: number | null): GarminSummary => ({
    activityId: id, name: null, type: 'running', start, localStart: null, distance, duration: null, elevationGain: null,
  });

  it('pairs a FIT file with the nearest summary within five minutes and 3 % of its distance, never one summary twice', () => {
    const summaries = [
      summary('a', at(12, 33 + 47), 10_100), // 47 s after the first file, 1 % longer: the same run
      summary('b', at(14), 10_000), // nearer to nothing once 'a' is taken
      summary('c', at(40), 5_000), // 4 min before the second file but half its distance: another activity
      summary('d', at(50), 9_800), // 6 min after the second file: too far
    ];
    const files = [
      { start: at(12, 33), distance: 10_000 },
      { start: at(44), distance: 9_900 },
      { start: at(15, 30), distance: null }, // known by its first record only: the start alone decides
    ];
    expect(matchSummaries(files, summaries)).toEqual([
      [0, 0],
      [2, 1],
    ]);
  });
});

describe('parseFit on an activity of another sport', () => {
  it('stops at its sport message: no record decoded, the sport and the timer start kept', async () => {
    const { activity, warnings } = parseFit(fits[2]!);
    expect(warnings).toEqual([]);
    expect(activity).toMatchObject({ sport: 'cycling', samples: [], distance: null });
    // The timer's start, which the summary of the ride is matched by (within two minutes).
    expect(activity!.start).toBe(Date.UTC(2017, 5, 12, 16, 9, 22)); // the session's start_time too
  });
});

describe('npm run import on a Garmin export with activity summaries', () => {
  it('names FIT runs from their summaries, imports runs that have no FIT file, counts other sports once, and re-imports without a change', async () => {
    const summaries = garminSummariesJson(fits.map(recorded), { treadmillRuns: 2, others: 3, seed: 1 });
    const zipPath = await garminExport('garmin-export.zip', summaries);
    const data = await freshJournal(join(root, 'with-summaries'));
    const outcome = await importInto(data, [zipPath]);
    expect(outcome.exitCode).toBe(0);
    expect(outcome.stderr).toBe('');
    expect(outcome.stdout).toContain('Added 4 runs to');
    // The ride's two files and its summary are one ride, not three; strength sessions have no file.
    expect(outcome.stdout).toContain('Skipped 5 other activities (not runs): Strength training 3, Ride 2.');

    const rows = rowsOf(await readFile(join(data, 'imported/garmin.csv'), 'utf8'));
    const fromFit = rows.filter((r) => r.source!.startsWith('fit:'));
    expect(fromFit.map((r) => [r.title, r.type])).toEqual([
      ['Morning Run 2', 'Running'],
      ['Morning Run 1', 'Running'],
    ]);
    expect(fromFit.every((r) => r.route !== '' && r.efforts !== '')).toBe(true);
    const treadmill = rows.filter((r) => r.source!.startsWith('garmin:'));
    expect(treadmill).toHaveLength(2);
    // The watch's local time (an hour ahead in the summaries), the distance in metres from centimetres.
    expect(treadmill[0]).toMatchObject({ date: '2024-01-01T07:00:00', title: 'Treadmill 1', type: 'Treadmill Running', virtual: 'yes', route: '', efforts: '' });
    expect(treadmill[0]!.distance).toMatch(/^\d+ m$/);
    expect((await filesUnder(data)).filter((f) => f.startsWith('routes/'))).toHaveLength(2);

    const before = await snapshot(data);
    const again = await importInto(data, [zipPath]);
    expect(again.stdout).toContain('Nothing new to add.');
    expect(again.stdout).toContain('Already in the journal: 4 runs');
    expect(await snapshot(data)).toEqual(before);
  });

  it('matches summaries that start up to minutes away from their FIT files (Garmin writes its own start) and within a few % of their distance', async () => {
    // Each summary starts 2 min 10 s after its file's session and is 1 % longer; one more
    // summary, 90 s before the first run, is a 3 km walk-run the watch did not record.
    const shifted = fits.map(recorded).map((activity) => ({ ...activity, start: activity.start + 130_000, distance: activity.distance === null ? null : activity.distance * 1.01 }));
    const json = JSON.parse(garminSummariesJson(shifted, { treadmillRuns: 0, others: 0, seed: 3 }));
    const list = json[0].summarizedActivitiesExport as Array<Record<string, unknown>>;
    const first = recorded(fits[0]!);
    list.push({ activityId: 1, name: 'Warm-up loop', activityType: 'running', beginTimestamp: first.start - 90_000, startTimeLocal: first.start - 90_000 + 3_600_000, distance: 300_000, duration: 1_200_000 });
    const data = await freshJournal(join(root, 'shifted-summaries'));
    const outcome = await importInto(data, [await garminExport('garmin-shifted.zip', JSON.stringify(json))]);
    expect(outcome.exitCode).toBe(0);
    expect(outcome.stdout).toContain('Added 3 runs to');
    expect(outcome.stdout).toContain('Skipped 2 other activities (not runs): Ride 2.');
    const rows = rowsOf(await readFile(join(data, 'imported/garmin.csv'), 'utf8'));
    expect(rows.filter((r) => r.source!.startsWith('fit:')).map((r) => r.title).sort()).toEqual(['Morning Run 1', 'Morning Run 2']);
    expect(rows.filter((r) => r.source!.startsWith('garmin:')).map((r) => [r.title, r.distance])).toEqual([['Warm-up loop', '3000 m']]);
  });

  it('does not decode the FIT files of runs already imported again', async () => {
    const summaries = garminSummariesJson(fits.map(recorded), { treadmillRuns: 1, others: 0, seed: 2 });
    const data = await freshJournal(join(root, 'reimport-undecoded'));
    expect((await importInto(data, [await garminExport('garmin-whole.zip', summaries)])).exitCode).toBe(0);
    const before = await snapshot(data);
    // The same export with every FIT file cut off at two thirds: decoded, each would be a warning
    // ("read in part") and a shorter run; known by its first record, none is decoded.
    const whole = fits;
    fits = whole.map((fit) => fit.subarray(0, Math.floor((fit.length * 2) / 3)));
    try {
      const again = await importInto(data, [await garminExport('garmin-cut.zip', summaries)]);
      expect(again.exitCode).toBe(0);
      expect(again.stderr).toBe('');
      expect(again.stdout).toContain('Nothing new to add.');
      expect(again.stdout).toContain('Already in the journal: 3 runs');
      expect(await snapshot(data)).toEqual(before);
    } finally {
      fits = whole;
    }
  });

  it('imports the FIT files alone, with a warning naming the file and line, when the summaries are not valid JSON', async () => {
    const zipPath = await garminExport('garmin-bad-summaries.zip', '[{"summarizedActivitiesExport": [\n  {"activityId": 1,\n');
    const data = await freshJournal(join(root, 'bad-summaries'));
    const outcome = await importInto(data, [zipPath]);
    expect(outcome.exitCode).toBe(0);
    expect(outcome.stdout).toContain('Added 2 runs to');
    expect(outcome.stderr).toMatch(/^warning: .*garmin-bad-summaries\.zip › DI_CONNECT\/DI-Connect-Fitness\/ana@example\.com_0_summarizedActivities\.json:3: not valid JSON/m);
    expect(outcome.stderr).not.toMatch(/\n\s+at /);
  });
});

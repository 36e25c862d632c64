// What counts as a real effort: GPS glitches, tracks that run on past their run, tracks that
// disagree with their export row, and runs faster than the world record earn nothing.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { worldRecordTime } from '../../src/lib/journal/world-records.ts';
import type { Win } from '../../src/lib/types.ts';
import { runScript } from '../trust/helpers.ts';
import { fitOf, gpxOf, pointsOf, stravaCsv, tcxOf, TODAY, useJournalFolders } from './gps-tracks.ts';
import { isRawFilesWarning } from '../../src/lib/journal/imports/raw-files.ts';

const FIVE_MIN_KM = 1000 / 300;
const folders = useJournalFolders();
beforeAll(folders.setup);
afterAll(folders.teardown);
const journalOf = folders.journalOf;

/** Every win that states a time over a distance is one a human could have run. */
function expectHumanTimes(wins: readonly Win[]): void {
  for (const win of wins.filter((w) => w.unit === 's' && w.rung !== null)) {
    expect(win.title).not.toMatch(/0:00$/);
  }
}

describe('GPS glitches', () => {
  it('drops a point on another continent: the run keeps its own distance and human efforts', async () => {
    const points = pointsOf([{ distance: 5100, speed: FIVE_MIN_KM }]);
    points[75] = { ...points[75]!, lat: 40.7, lon: -74.0 }; // one fix in New York, 30 minutes into a Lisbon run
    const { journal, wins } = await journalOf({ 'tracks/jump.gpx': gpxOf(points) });
    expect(journal.runs).toHaveLength(1);
    const run = journal.runs[0]!;
    expect(run.distance).toBeGreaterThan(5000);
    expect(run.distance).toBeLessThan(5200);
    expect(run.efforts.map((e) => e.distance)).toEqual([400, 1000, 1609.344, 5000]);
    for (const effort of run.efforts) expect(effort.time).toBeGreaterThan(worldRecordTime(effort.distance));
    expect(wins.some((w) => w.title.includes('km lifetime') && w.value > 10_000)).toBe(false);
    expectHumanTimes(wins);
  });

  it("drops a device distance that jumps (a flipped bit), and a lap total no human runs earns nothing", async () => {
    const points = pointsOf([{ distance: 5100, speed: FIVE_MIN_KM }]);
    // The 40th point says 624,095 km, and so does the lap: a flipped bit in the distance field.
    const tcx = tcxOf(points, 624_095_000, (p, i) => (i === 40 ? 624_095_000 : p.distance));
    const { data, journal, wins } = await journalOf({ 'runs.csv': 'date,distance,time\n2024-04-01,3,18:00\n', 'tracks/flipped.tcx': tcx });
    const imported = journal.runs.find((r) => r.source.kind === 'tcx')!;
    // The stream keeps the human part: its efforts, each slower than the world record.
    expect(imported.efforts.map((e) => e.distance)).toEqual([400, 1000, 1609.344, 5000]);
    for (const effort of imported.efforts) expect(effort.time).toBeGreaterThan(worldRecordTime(effort.distance));
    // The lap's 624,095 km in 25 minutes is not a run: no win names it, no "longest run".
    expect(wins.filter((w) => w.runs[0] === imported.id)).toEqual([]);
    expect(wins.find((w) => w.kind === 'longest-run' && w.value > 100_000)).toBeUndefined();
    const warning = journal.warnings.find((w) => w.path === `${data}/tracks/flipped.tcx` && w.field === 'time');
    expect(warning?.message).toMatch(/world record .* earns no win and sets no record/);
  });

  it('a FIT whose distances have their top bit flipped publishes no 21,000 km run and no 0:00 effort', async () => {
    const FLIP = 2 ** 31 / 100; // the distance field is in centimetres
    const points = pointsOf([{ distance: 5100, speed: FIVE_MIN_KM }]);
    const fit = fitOf(points, 5100 + FLIP, (p, i) => (i === 40 ? p.distance + FLIP : p.distance));
    const { data, journal, wins } = await journalOf({ 'runs.csv': 'date,distance,time\n2024-04-01,3,18:00\n', 'tracks/flipped.fit': fit });
    const imported = journal.runs.find((r) => r.source.kind === 'fit')!;
    expect(imported.efforts.map((e) => e.distance)).toEqual([400, 1000, 1609.344, 5000]);
    for (const effort of imported.efforts) expect(effort.time).toBeGreaterThan(worldRecordTime(effort.distance));
    expect(wins.filter((w) => w.runs[0] === imported.id)).toEqual([]);
    expect(journal.warnings).toContainEqual(expect.objectContaining({ path: `${data}/tracks/flipped.fit`, field: 'time' }));
    expectHumanTimes(wins);
  });
});

describe('efforts stay inside the run', () => {
  it("finds no effort longer than the run's own distance (a 4.4 km run has no 15K)", async () => {
    // The watch's lap says 4.4 km; its distance stream runs on to 16 km.
    const points = pointsOf([{ distance: 16_000, speed: FIVE_MIN_KM }]);
    const { journal, wins } = await journalOf({ 'tracks/short.tcx': tcxOf(points, 4400) });
    const run = journal.runs[0]!;
    expect(run.distance).toBe(4400);
    expect(run.efforts.map((e) => e.distance)).toEqual([400, 1000, 1609.344]);
    expect(wins.filter((w) => /15K|10K|5K/.test(w.title))).toEqual([]);
  });

  it('finds no effort faster than the world record for its distance', async () => {
    // 11 m/s for a kilometre: under the glitch ceiling, far over any human's kilometre.
    const points = pointsOf([{ distance: 4000, speed: FIVE_MIN_KM }, { distance: 1000, speed: 11 }, { distance: 5100, speed: FIVE_MIN_KM }]);
    const { journal } = await journalOf({ 'tracks/scooter.gpx': gpxOf(points) });
    const run = journal.runs[0]!;
    // The mile around it (4:34) is possible; 400 m and 1 km at 11 m/s are not.
    expect(run.efforts.map((e) => e.distance)).toEqual([1609.344, 5000, 10_000]);
    for (const effort of run.efforts) expect(effort.time).toBeGreaterThan(worldRecordTime(effort.distance));
  });

  it('a Strava row of 5 km whose file also holds a 10 km drive: a warning, and no efforts from the file', async () => {
    const track = gpxOf(pointsOf([{ distance: 5000, speed: FIVE_MIN_KM }, { distance: 10_000, speed: 5 }]));
    const { data, journal, wins } = await journalOf({
      'strava/activities.csv': stravaCsv([[7, 'Jun 1, 2024, 7:00:00 AM', 'Short one', 5, 1500, 'activities/7.gpx']]),
      'strava/activities/7.gpx': track,
    });
    const run = journal.runs[0]!;
    expect(run.distance).toBe(5000);
    expect(run.efforts).toEqual([]);
    expect(wins.filter((w) => /10K/.test(w.title))).toEqual([]);
    expect(journal.warnings).toContainEqual(
      expect.objectContaining({ path: `${data}/strava/activities.csv`, line: 2, field: 'Filename', message: expect.stringMatching(/within 10% .* 5 km .* 15 km/) }),
    );
  });

  it('keeps the efforts of a track within 10% of its row', async () => {
    const track = gpxOf(pointsOf([{ distance: 5200, speed: FIVE_MIN_KM }]));
    const { journal } = await journalOf({
      'strava/activities.csv': stravaCsv([[8, 'Jun 2, 2024, 7:00:00 AM', 'Easy', 5.1, 1560, 'activities/8.gpx']]),
      'strava/activities/8.gpx': track,
    });
    expect(journal.warnings.filter((w) => !isRawFilesWarning(w))).toEqual([]);
    expect(journal.runs[0]!.efforts.map((e) => e.distance)).toEqual([400, 1000, 1609.344, 5000]);
  });
});

describe('a run faster than the world record', () => {
  const csv = 'date,distance,time\n2024-05-01,5,10:00\n2024-05-02,5,30:00\n2024-05-09,5,29:00\n';

  it('earns no win and sets no record; the next real run gets them', async () => {
    const { journal, wins } = await journalOf({ 'runs.csv': csv });
    const [fast, real, faster] = journal.runs;
    expect(wins.filter((w) => w.runs.includes(fast!.id))).toEqual([]);
    expect(wins.find((w) => w.kind === 'first-run')?.runs).toEqual([real!.id]);
    // The record the 29:00 beats is the 30:00, not the 10:00.
    const sub30 = wins.find((w) => w.runs[0] === faster!.id && w.title === 'Sub-30 5K');
    expect(sub30?.previous).toEqual({ value: 1800, date: '2024-05-02', slug: null, run: real!.id });
  });

  it('is a warning in check naming the file and line; check still passes', () => {
    const data = join(folders.root, 'check-data');
    mkdirSync(data, { recursive: true });
    writeFileSync(join(data, 'runs.csv'), csv);
    const result = runScript('scripts/check.ts', ['--data', data], { SMALL_WINS_TODAY: TODAY });
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/runs\.csv:2: warning: time: got "10:00", expected a time slower than the world record for 5 km \(12:35/);
    expect(result.stderr).toContain('earns no win and sets no record');
  });
});

// The imports benchmark's synthetic Strava export: reproducible for a seed, shaped like a real
// export, and read by the importer with no problems (runs kept, rides and walks skipped).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import {
  activityGpx,
  generateStravaExport,
  stravaActivitiesCsv,
  stravaDate,
  type StravaExport,
} from '../../scripts/bench/lib/generate-strava-export.ts';
import { generateJournal } from '../../scripts/bench/lib/generate-journal.ts';
import { largeJournalCsv } from '../../scripts/bench/lib/large-journal-csv.ts';
import { readImports } from '../../src/lib/journal/imports/read-imports.ts';
import { defaultProfile } from '../../src/lib/journal/profile.ts';
import { readJournal } from '../../src/lib/journal/read-journal.ts';
import { isRawFilesWarning } from '../../src/lib/journal/imports/raw-files.ts';

const scratch = mkdtempSync(join(tmpdir(), 'small-wins-strava-gen-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const START = Date.UTC(2021, 5, 1);

function writeExport(dir: string, data: StravaExport, gzipped: boolean): void {
  mkdirSync(join(dir, 'strava', 'activities'), { recursive: true });
  writeFileSync(join(dir, 'strava', 'activities.csv'), stravaActivitiesCsv(data, { gzipped }));
  for (const a of data.activities) {
    const gpx = activityGpx(a);
    writeFileSync(join(dir, 'strava', a.file + (gzipped ? '.gz' : '')), gzipped ? gzipSync(gpx) : gpx);
  }
}

describe('generateStravaExport', () => {
  it('is reproducible for a seed and differs between seeds', () => {
    const a = generateStravaExport({ activities: 30, seed: 7, start: START });
    const b = generateStravaExport({ activities: 30, seed: 7, start: START });
    const c = generateStravaExport({ activities: 30, seed: 8, start: START });
    expect(stravaActivitiesCsv(a, { gzipped: true })).toBe(stravaActivitiesCsv(b, { gzipped: true }));
    expect(a.activities.map(activityGpx)).toEqual(b.activities.map(activityGpx));
    expect(stravaActivitiesCsv(c, { gzipped: true })).not.toBe(stravaActivitiesCsv(a, { gzipped: true }));
  });

  it('has tracks of 1–5 s between points, a few thousand points at 1 s, and some rides and walks', () => {
    const data = generateStravaExport({ activities: 200, seed: 6, start: START });
    expect(data.counts.Run + data.counts.Ride + data.counts.Walk).toBe(200);
    expect(data.counts.Ride).toBeGreaterThan(0);
    expect(data.counts.Walk).toBeGreaterThan(0);
    expect(data.counts.Run).toBeGreaterThan(150);
    for (const a of data.activities) {
      expect([1, 2, 3, 5]).toContain(a.interval);
      if (a.interval === 1) expect(a.points).toBeGreaterThan(1000);
    }
    const one = data.activities[0]!;
    const times = [...activityGpx(one).matchAll(/<time>([^<]+)<\/time>/g)].map((m) => Date.parse(m[1]!));
    expect(times).toHaveLength(one.points);
    expect(times[1]! - times[0]!).toBe(one.interval * 1000);
    expect(times[0]).toBe(one.start);
  });

  it('writes dates the way Strava does', () => {
    expect(stravaDate(Date.UTC(2024, 2, 10, 7, 0, 0))).toBe('Mar 10, 2024, 7:00:00 AM');
    expect(stravaDate(Date.UTC(2015, 7, 15, 14, 45, 8))).toBe('Aug 15, 2015, 2:45:08 PM');
    expect(stravaDate(Date.UTC(2020, 0, 1, 0, 5, 0))).toBe('Jan 1, 2020, 12:05:00 AM');
  });

  for (const gzipped of [true, false]) {
    it(`is imported with no problems, runs kept and the rest skipped (${gzipped ? '.gpx.gz' : '.gpx'})`, { timeout: 60_000 }, async () => {
      const data = generateStravaExport({ activities: 16, seed: 11, start: START });
      const dir = join(scratch, gzipped ? 'gz' : 'plain');
      writeExport(dir, data, gzipped);
      const result = await readImports(dir, 'data', defaultProfile(), { cache: null, workers: false });
      expect(result.problems.filter((p) => !isRawFilesWarning(p))).toEqual([]);
      expect(result.runs).toHaveLength(data.counts.Run);
      const skipped = Object.fromEntries(Object.entries({ Ride: data.counts.Ride, Walk: data.counts.Walk }).filter(([, n]) => n > 0));
      expect(result.skipped).toEqual(skipped);
      // Every run's GPS file is found and read: each has a track.
      expect(result.runs.every((run) => run.track !== null)).toBe(true);
      const first = data.activities.find((a) => a.sport === 'Run')!;
      const run = result.runs.find((r) => r.title === `Morning run ${first.id}`);
      expect(run?.distance).toBeGreaterThan(0);
    });
  }
});

describe('largeJournalCsv', () => {
  it('grows a generated journal to the wanted size, and the journal reader reads every row', { timeout: 60_000 }, async () => {
    const base = generateJournal({ runs: 40, seed: 3, startDate: '2024-01-01' });
    const large = largeJournalCsv(base.csv, 400_000, 1);
    expect(large.text.length).toBeGreaterThanOrEqual(400_000);
    expect(large.rows % 40).toBe(0);
    expect(largeJournalCsv(base.csv, 400_000, 1).text).toBe(large.text);
    const dir = join(scratch, 'large');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'runs.csv'), large.text);
    writeFileSync(join(dir, 'profile.md'), base.profile);
    const journal = await readJournal(dir);
    expect(journal.errors).toEqual([]);
    expect(journal.runs).toHaveLength(large.rows);
  });
});

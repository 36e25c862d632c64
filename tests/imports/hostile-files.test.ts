// Files a careless device or a hostile export can hold: unset clocks, dates out of any journal,
// paths out of the export, symbolic links, gzip bombs and deeply nested XML.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseGpx } from '../../src/lib/journal/imports/gpx.ts';
import { readJournal } from '../../src/lib/journal/read-journal.ts';
import { gpxOf, pointsOf, stravaCsv, tcxOf, TODAY, useJournalFolders } from './gps-tracks.ts';
import { isRawFilesWarning } from '../../src/lib/journal/imports/raw-files.ts';

const folders = useJournalFolders();
beforeAll(folders.setup);
afterAll(folders.teardown);
const journalOf = folders.journalOf;
const RUN = [{ distance: 3000, speed: 3 }];

describe('dates an import cannot have', () => {
  it('ignores a track point timed 0000-01-01 with a warning; the run keeps its own day', async () => {
    const gpx = gpxOf(pointsOf(RUN), (p, i) => (i === 20 ? '0000-01-01T00:00:00Z' : new Date(p.time).toISOString()));
    const { data, journal } = await journalOf({ 'tracks/unset-clock.gpx': gpx });
    expect(journal.errors).toEqual([]);
    expect(journal.runs.map((r) => r.date)).toEqual(['2024-05-01']);
    expect(journal.runs[0]!.distance).toBeGreaterThan(2900);
    expect(journal.warnings).toContainEqual(
      expect.objectContaining({ path: `${data}/tracks/unset-clock.gpx`, line: null, message: expect.stringMatching(/1 point timed before 1900 .* ignored/) }),
    );
  });

  it('dates a TCX whose lap start is 0000-01-01 by its first track point', async () => {
    const tcx = tcxOf(pointsOf(RUN), 3000).replace(/StartTime="[^"]+"/, 'StartTime="0000-01-01T00:00:00Z"');
    const { journal } = await journalOf({ 'tracks/unset-lap.tcx': tcx });
    expect(journal.errors).toEqual([]);
    expect(journal.runs.map((r) => [r.date, r.startTime])).toEqual([['2024-05-01', '07:00:00']]);
  });

  it('refuses activities dated before 1900 or more than a year after today, naming file and line', async () => {
    const { data, journal } = await journalOf({
      'strava/activities.csv': stravaCsv([
        [1, 'Jan 1, 0024, 7:00:00 AM', 'Year 24', 5, 1800, ''],
        [2, 'Mar 3, 2026, 7:00:00 AM', 'Fine', 5, 1800, ''],
        [3, 'Jan 1, 2099, 7:00:00 AM', 'Far future', 5, 1800, ''],
      ]),
      'garmin.csv': 'Activity Type,Date,Title,Distance,Time\nRunning,0099-05-01 07:12:33,Old,5.0,00:30:00\nRunning,2027-12-04 07:00:00,Next year,5.0,00:30:00\n',
      'tracks/future.gpx': gpxOf(pointsOf(RUN, Date.UTC(2099, 0, 1, 8))),
    });
    const errors = journal.errors.map((e) => [e.path.slice(data.length + 1), e.line, e.field, e.value]);
    expect(errors).toEqual([
      ['garmin.csv', 2, 'Date', '0099-05-01'],
      ['garmin.csv', 3, 'Date', '2027-12-04'],
      ['strava/activities.csv', 2, 'Activity Date', '0024-01-01'],
      ['strava/activities.csv', 4, 'Activity Date', '2099-01-01'],
      ['tracks/future.gpx', null, 'date', '2099-01-01'],
    ]);
    expect(journal.errors[0]!.message).toMatch(/expected an activity date from 1900-01-01 to 2027-12-03/);
    expect(journal.runs.map((r) => r.date)).toEqual(['2026-03-03']);
  });
});

describe('paths an export names', () => {
  it('reads no file outside the export folder: a warning names the row', async () => {
    const secret = join(folders.root, 'outside', 'secret.gpx');
    mkdirSync(join(folders.root, 'outside'), { recursive: true });
    writeFileSync(secret, gpxOf(pointsOf(RUN, Date.UTC(2024, 4, 1, 7))));
    const { data, journal } = await journalOf({
      'strava/activities/1.gpx': gpxOf(pointsOf(RUN, Date.UTC(2024, 4, 3, 7))),
      'strava/activities.csv': stravaCsv([
        [1, 'May 1, 2024, 7:00:00 AM', 'Up and out', 3, 1000, '../../outside/secret.gpx'],
        [2, 'May 2, 2024, 7:00:00 AM', 'Absolute', 3, 1000, secret],
        [3, 'May 3, 2024, 7:00:00 AM', 'Inside', 3, 1000, 'activities/1.gpx'],
      ]),
    });
    const warnings = journal.warnings.filter((w) => !isRawFilesWarning(w)).map((w) => [w.path.slice(data.length + 1), w.line, w.field, w.value]);
    expect(warnings).toEqual([
      ['strava/activities.csv', 2, 'Filename', '../../outside/secret.gpx'],
      ['strava/activities.csv', 3, 'Filename', secret],
    ]);
    expect(journal.warnings.filter((w) => !isRawFilesWarning(w))[0]!.message).toBe('expected a file inside the export folder: this one is not read');
    // The rows are still runs; only the file inside the export lends a track.
    expect(journal.runs.map((r) => [r.date, r.track !== null])).toEqual([
      ['2024-05-01', false],
      ['2024-05-02', false],
      ['2024-05-03', true],
    ]);
  });

  it('skips every symbolic link inside the journal folder with a warning, the profile too', async () => {
    const outside = join(folders.root, 'linked');
    mkdirSync(outside, { recursive: true });
    writeFileSync(join(outside, 'profile.md'), '---\nname: Mallory\n---\n');
    writeFileSync(join(outside, 'runs.csv'), 'date,distance,time\n2024-05-05,5,30:00\n');
    writeFileSync(join(outside, 'run.gpx'), gpxOf(pointsOf(RUN, Date.UTC(2024, 4, 6, 7))));
    mkdirSync(join(outside, 'goals'), { recursive: true });
    writeFileSync(join(outside, 'goals', 'marathon.md'), '---\ntitle: Marathon\ndate: 2025-10-01\ndistance: 42.195\n---\n');
    const { data } = await journalOf({ 'runs.csv': 'date,distance,time\n2024-05-01,5,30:00\n' });
    symlinkSync(join(outside, 'profile.md'), join(data, 'profile.md'));
    symlinkSync(join(outside, 'runs.csv'), join(data, 'more-runs.csv'));
    mkdirSync(join(data, 'tracks'));
    symlinkSync(join(outside, 'run.gpx'), join(data, 'tracks', 'run.gpx'));
    symlinkSync(join(outside, 'goals'), join(data, 'goals'));
    // An export whose row names a file that is a link out of it.
    mkdirSync(join(data, 'strava', 'activities'), { recursive: true });
    writeFileSync(join(data, 'strava', 'activities.csv'), stravaCsv([[9, 'May 6, 2024, 7:00:00 AM', 'Linked', 3, 1000, 'activities/9.gpx']]));
    symlinkSync(join(outside, 'run.gpx'), join(data, 'strava', 'activities', '9.gpx'));
    const journal = await readJournal(data, { today: TODAY });
    expect(journal.profile.name).not.toBe('Mallory');
    expect(journal.runs.map((r) => [r.date, r.track])).toEqual([
      ['2024-05-01', null],
      ['2024-05-06', null],
    ]);
    expect(journal.goals).toEqual([]);
    const warned = journal.warnings.filter((w) => !isRawFilesWarning(w)).map((w) => [w.path.slice(data.length + 1), w.message]);
    const skipped = 'a symbolic link: skipped (only files and folders inside the journal folder are read, never through a link)';
    expect(warned).toEqual([
      ['goals', skipped],
      ['more-runs.csv', skipped],
      ['profile.md', skipped],
      ['strava/activities/9.gpx', skipped],
      ['tracks/run.gpx', skipped],
    ]);
  });
});

describe('files built to exhaust the reader', () => {
  it('stops unzipping a track past 200 MB with a warning', async () => {
    // 210 gzip members of 1 MB of zeros each: 210 KB on disk, 210 MB unzipped.
    const member = gzipSync(Buffer.alloc(1024 * 1024));
    const bomb = Buffer.concat(Array.from({ length: 210 }, () => member));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const { data, journal } = await journalOf({ 'tracks/bomb.gpx.gz': bomb });
    expect(journal.runs).toEqual([]);
    expect(journal.warnings.filter((w) => !isRawFilesWarning(w))).toEqual([
      expect.objectContaining({ path: `${data}/tracks/bomb.gpx.gz`, message: 'unzips to more than 200 MB: not read (no track is that large)' }),
    ]);
  });

  it('reads deeply nested XML in time linear in its size: no slower than a flat file of the same size', () => {
    const time = (xml: string): number => {
      const start = performance.now();
      try {
        parseGpx(xml);
      } catch {
        // A file refused is a file read: the warning is the caller's.
      }
      return performance.now() - start;
    };
    const depth = 60_000;
    const nested = `<gpx>${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}</gpx>`;
    const flat = `<gpx>${'<a></a>'.repeat(depth)}</gpx>`;
    expect(nested.length).toBe(flat.length);
    // Warm both paths once, then compare the best of three.
    time(flat);
    time(nested);
    const best = (xml: string): number => Math.min(time(xml), time(xml), time(xml));
    expect(best(nested)).toBeLessThan(3 * best(flat) + 5);
    expect(() => parseGpx(nested)).toThrow(/nested more than 100 deep/);
  });
});

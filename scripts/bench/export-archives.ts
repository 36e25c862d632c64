// Writes the archives the import command is measured on, into a temporary folder (never into
// data/): a Strava bulk export ZIP of synthetic activities, and a Garmin "Export Your Data" ZIP whose
// FIT files sit in archives nested under DI_CONNECT. Entries are written one at a time.
import { closeSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseFit } from '../../src/lib/journal/imports/fit.ts';
import { appleHealthExportXml } from './lib/generate-apple-health.ts';
import { garminSummariesJson, type RecordedActivity } from './lib/generate-garmin-summaries.ts';
import { activityGpx, generateStravaExport, stravaActivitiesCsv } from './lib/generate-strava-export.ts';
import { ZipWriter } from './lib/zip-archive.ts';
import { PROJECT_ROOT } from './measurements.ts';
import { STRAVA_EXPORT_START } from './strava-export.ts';

/**
 * An Apple Health export.xml of about `megabytes` MB (health records, with a running workout a day),
 * written piece by piece: it is never held whole.
 */
export function writeAppleHealthXml(root: string, megabytes: number, workouts = 1000): { path: string; workouts: number } {
  const dir = join(root, 'import-archives', 'apple_health_export');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'export.xml');
  const fd = openSync(path, 'w');
  try {
    for (const piece of appleHealthExportXml({ bytes: megabytes * 2 ** 20, workouts })) writeSync(fd, piece);
  } finally {
    closeSync(fd);
  }
  return { path, workouts };
}

function writeZip(path: string, fill: (zip: ZipWriter) => void): string {
  const fd = openSync(path, 'w');
  try {
    const zip = new ZipWriter((bytes) => writeSync(fd, bytes));
    fill(zip);
    zip.finish();
  } finally {
    closeSync(fd);
  }
  return path;
}

export function writeStravaZip(root: string, activities: number, seed = 6): { path: string; activities: number } {
  const dir = join(root, 'import-archives');
  mkdirSync(dir, { recursive: true });
  const data = generateStravaExport({ activities, seed, start: STRAVA_EXPORT_START });
  const path = writeZip(join(dir, `strava-${activities}.zip`), (zip) => {
    zip.add({ name: 'activities.csv', data: stravaActivitiesCsv(data, { gzipped: true }) });
    for (const a of data.activities) zip.add({ name: `${a.file}.gz`, data: gzipSync(activityGpx(a)), store: true });
  });
  return { path, activities };
}

// Real recordings (the test fixtures), repeated: the benchmark measures reading and decoding them.
const FIT_FILES = ['activity-small-fenix2-run.fit', '2013-02-06-12-11-14.fit', 'garmin-fenix-5-run.fit', 'garmin-fenix-5-bike.fit'];
const PER_PART = 1000;

/** What each FIT file records, for its summary. */
function recorded(fit: Uint8Array): RecordedActivity {
  const { activity } = parseFit(fit);
  if (!activity || activity.start === null) throw new Error('a benchmark FIT file without a start');
  return { start: activity.start, sport: activity.sport, distance: activity.distance, time: activity.timerTime, ascent: activity.ascent };
}

/**
 * A Garmin export of `files` FIT files in archives of 1,000, and the activity summaries: one per
 * distinct recording, plus treadmill runs (one per 50 files) and strength sessions (one per 100)
 * that have a summary and no FIT file, as in a real export.
 */
export function writeGarminZip(root: string, files: number): { path: string; files: number } {
  const dir = join(root, 'import-archives');
  mkdirSync(dir, { recursive: true });
  const fits = FIT_FILES.map((name) => readFileSync(join(PROJECT_ROOT, 'tests/fixtures/imports/real', name)));
  const summaries = garminSummariesJson(fits.slice(0, Math.min(files, fits.length)).map((fit) => recorded(fit)), {
    treadmillRuns: Math.ceil(files / 50),
    others: Math.ceil(files / 100),
    seed: 19,
  });
  const path = writeZip(join(dir, `garmin-${files}.zip`), (zip) => {
    zip.add({ name: 'DI_CONNECT/DI-Connect-User/user_profile.json', data: '{}' });
    zip.add({ name: 'DI_CONNECT/DI-Connect-Fitness/runner@example.com_0_summarizedActivities.json', data: summaries });
    for (let part = 0; part * PER_PART < files; part++) {
      const entries = [];
      for (let i = part * PER_PART; i < Math.min(files, (part + 1) * PER_PART); i++) {
        entries.push({ name: `runner@example.com_${100_000 + i}.fit`, data: fits[i % fits.length]! });
      }
      const inner: Buffer[] = [];
      const nested = new ZipWriter((bytes) => inner.push(bytes));
      for (const entry of entries) nested.add(entry);
      nested.finish();
      zip.add({ name: `DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part${part + 1}.zip`, data: Buffer.concat(inner) });
    }
  });
  return { path, files };
}

// Shared by the import tests: fresh journals, running the import, and what a journal folder holds.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import Papa from 'papaparse';
import { runImport, type ImportOutcome } from '../../src/lib/import/import-command.ts';
import { readJournal } from '../../src/lib/journal/read-journal.ts';
import { activityGpx, generateStravaExport, stravaActivitiesCsv, type StravaExport } from '../../scripts/bench/lib/generate-strava-export.ts';
import { findWins } from '../../src/lib/wins/find-wins.ts';
import type { ZipEntry } from '../../scripts/bench/lib/zip-archive.ts';

export const REAL = fileURLToPath(new URL('../fixtures/imports/real/', import.meta.url));
export const FIXTURES = fileURLToPath(new URL('../fixtures/imports/', import.meta.url));
export const PRIVATE_NOTE = 'door code 4711, key under the mat';

/** A journal folder with a profile and one hand-logged run (the same outing as one import). */
export async function freshJournal(dir: string, runsCsv = 'date,distance,time,title,feeling\n'): Promise<string> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'profile.md'), '---\nname: Ana\ntimezone: Europe/Oslo\n---\n');
  await writeFile(join(dir, 'runs.csv'), runsCsv);
  return dir;
}

export async function importInto(data: string, paths: string[], extra: string[] = []): Promise<ImportOutcome & { progress: string }> {
  let progress = '';
  const outcome = await runImport([...paths, '--data', data, ...extra], {
    defaultData: data,
    journalToday: null,
    progress: { isTTY: false, write: (text) => (progress += text), now: () => 0 },
    cache: null,
    workers: false,
  });
  return { ...outcome, progress };
}

/** The journal as the site sees it: runs without where they were read from, and the wins. */
export async function siteOf(data: string) {
  const journal = await readJournal(data);
  const runs = journal.runs.map(({ source: _source, extra: _extra, ...run }) => run);
  // Wins of the runs read, even where a raw export has a row in error (the import leaves it out).
  const wins = findWins(journal.runs, journal.goals, journal.profile).map((w) => [w.slug, w.title, w.date]);
  return { runs, wins, errors: journal.errors, warnings: journal.warnings };
}

export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/')).sort();
}

/** Every file's hash, by path: equal maps mean not a byte changed. */
export async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const file of await filesUnder(dir)) out[file] = createHash('sha256').update(await readFile(join(dir, file))).digest('hex');
  return out;
}

export async function sizeOf(dir: string): Promise<number> {
  let total = 0;
  for (const file of await filesUnder(dir)) total += (await stat(join(dir, file))).size;
  return total;
}

/** A synthetic Strava export (with a private note on every row) plus one real watch file, as ZIP entries. */
export async function stravaExportEntries(activities: number, seed = 7): Promise<{ entries: ZipEntry[]; data: StravaExport }> {
  const data = generateStravaExport({ activities, seed, start: Date.UTC(2024, 0, 1) });
  const csv = Papa.parse<string[]>(stravaActivitiesCsv(data, { gzipped: true }).trim()).data;
  const header = csv[0]!;
  const note = header.indexOf('Activity Private Note');
  for (const row of csv.slice(1)) row[note] = PRIVATE_NOTE;
  // The real Fenix 2 run, as Strava names an uploaded FIT file.
  const real = [...csv[1]!];
  const set = (name: string, value: string, nth = 0) => {
    real[header.map((h, i) => (h === name ? i : -1)).filter((i) => i >= 0)[nth]!] = value;
  };
  set('Activity ID', '999');
  set('Activity Date', 'Aug 15, 2015, 2:45:08 PM');
  set('Activity Name', 'Stavanger run');
  set('Activity Type', 'Run');
  set('Filename', 'activities/999.fit.gz');
  set('Distance', '9.01');
  set('Distance', '9008.2', 1);
  set('Elapsed Time', '2832.0', 1);
  set('Moving Time', '2832.0');
  csv.push(real);
  const entries: ZipEntry[] = [{ name: 'activities.csv', data: `${Papa.unparse(csv, { newline: '\n' })}\n` }];
  for (const a of data.activities) entries.push({ name: `${a.file}.gz`, data: gzipSync(activityGpx(a)) });
  entries.push({ name: 'activities/999.fit.gz', data: gzipSync(await readFile(join(REAL, 'activity-small-fenix2-run.fit'))) });
  return { entries, data };
}

/** Writes ZIP entries out as the unzipped folder a runner would have dropped into `data/`. */
export async function unzipInto(dir: string, entries: readonly ZipEntry[]): Promise<void> {
  for (const entry of entries) {
    await mkdir(join(dir, entry.name, '..'), { recursive: true });
    await writeFile(join(dir, entry.name), entry.data);
  }
}

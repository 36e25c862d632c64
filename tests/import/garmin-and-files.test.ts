// A Garmin Connect "Export Your Data" ZIP (FIT files in archives inside the archive), a Garmin
// Connect CSV and loose GPS files: each imports to the same runs and wins as the raw files in data/.
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filesUnder, FIXTURES, freshJournal, importInto, REAL, siteOf, sizeOf, snapshot, unzipInto } from './journals.ts';
import { zipArchive, type ZipEntry } from '../../scripts/bench/lib/zip-archive.ts';
import { deviceFileFit } from '../imports/gps-tracks.ts';

let root: string;
const RUNS = ['activity-small-fenix2-run.fit', '2013-02-06-12-11-14.fit', 'garmin-fenix-5-run.fit'];
const OTHERS = ['garmin-fenix-5-bike.fit', '20170518-191602-1740899583.fit'];
const UPLOADED = 'DI_CONNECT/DI-Connect-Uploaded-Files';
const DEVICE_FILES = ['settings', 'monitoringA'] as const;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'small-wins-import-garmin-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function fit(name: string): Promise<Buffer> {
  return readFile(join(REAL, name));
}

/** Garmin names uploaded files after the account's e-mail address and the activity's id. */
async function garminExport(): Promise<{ zip: Buffer; files: ZipEntry[] }> {
  const activities = await Promise.all(
    [...RUNS, ...OTHERS].map(async (name, i) => ({ name: `ana@example.com_${1000 + i}.fit`, data: await fit(name) })),
  );
  // Files that hold no activity come in the same archives: counted, never read as runs.
  const files = [...activities, ...DEVICE_FILES.map((type, i) => ({ name: `ana@example.com_${2000 + i}.fit`, data: Buffer.from(deviceFileFit(type)) }))];
  const part1 = zipArchive(files.slice(0, 3));
  const part2 = zipArchive(files.slice(3));
  const zip = zipArchive([
    { name: 'DI_CONNECT/DI-Connect-User/user_profile.json', data: '{"email":"ana@example.com"}' },
    { name: `${UPLOADED}/UploadedFiles_0-_Part1.zip`, data: part1 },
    // Some exporters store archives inside archives rather than deflate them again.
    { name: `${UPLOADED}/UploadedFiles_0-_Part2.zip`, data: part2, store: true },
  ]);
  return { zip, files };
}

describe('npm run import on a Garmin Connect export ZIP with nested archives', () => {
  it('gives the same runs and wins as the FIT files in data/, nothing raw left, and re-imports without a change', async () => {
    const { zip, files } = await garminExport();
    const zipPath = join(root, 'garmin-export.zip');
    await writeFile(zipPath, zip);
    const raw = await freshJournal(join(root, 'garmin-raw'));
    await unzipInto(join(raw, 'garmin'), files);
    const data = await freshJournal(join(root, 'garmin-imported'));
    const outcome = await importInto(data, [zipPath]);
    expect(outcome.exitCode).toBe(0);
    // garmin-fenix-5-run.fit is 158 m in 57 s: a false start, counted apart.
    expect(outcome.stdout).toContain(`Added ${RUNS.length - 1} runs to`);
    expect(outcome.stdout).toContain('Passed over 1 recording too short to be a run (under 200 m or 2 minutes).');
    expect(outcome.stdout).toMatch(/Skipped 2 other activities \(not runs\): /);
    expect(outcome.stdout).toContain('Passed over 2 files that hold no activity (device settings, health monitoring and the like).');
    const [fromRaw, fromImport] = await Promise.all([siteOf(raw), siteOf(data)]);
    expect(fromImport.errors).toEqual([]);
    expect(fromImport.runs).toHaveLength(RUNS.length - 1);
    expect(fromImport.runs).toEqual(fromRaw.runs);
    expect(fromImport.wins).toEqual(fromRaw.wins);

    const held = await filesUnder(data);
    expect(held.filter((f) => /\.(gpx|tcx|fit|gz|zip)$/i.test(f))).toEqual([]);
    expect(held).toContain('imported/garmin.csv');
    // The e-mail address in the file names never reaches the journal.
    for (const file of held) expect(await readFile(join(data, file), 'utf8')).not.toContain('example.com');
    expect(await sizeOf(data)).toBeLessThan(zip.length / 5);

    const before = await snapshot(data);
    const again = await importInto(data, [zipPath]);
    expect(again.stdout).toContain('Nothing new to add.');
    expect(await snapshot(data)).toEqual(before);
  });
});

describe('npm run import on a Garmin CSV and on loose tracks', () => {
  it('a Garmin Connect CSV gives the same runs as the CSV in data/', async () => {
    const csv = join(FIXTURES, 'garmin/Activities.csv');
    const raw = await freshJournal(join(root, 'csv-raw'));
    await cp(csv, join(raw, 'garmin-activities.csv'));
    const data = await freshJournal(join(root, 'csv-imported'));
    const outcome = await importInto(data, [csv]);
    expect(outcome.exitCode).toBe(0);
    // The fixture's row 7 has no distance: named, left out, the rest imported.
    expect(outcome.stderr).toMatch(/^not imported: .*Activities\.csv:7: Distance: /m);
    expect(outcome.stdout).toContain('Could not import 1 row (named below).');
    const [fromRaw, fromImport] = await Promise.all([siteOf(raw), siteOf(data)]);
    expect(fromImport.errors).toEqual([]);
    expect(fromRaw.errors).toHaveLength(1);
    expect(fromImport.runs.length).toBeGreaterThan(1);
    expect(fromImport.runs).toEqual(fromRaw.runs);
    expect(fromImport.wins).toEqual(fromRaw.wins);
    const before = await snapshot(data);
    await importInto(data, [csv]);
    expect(await snapshot(data)).toEqual(before);
  });

  it('leaves out an activity dated before 1900 or over a year ahead, named, as reading the CSV in data/ does', async () => {
    const lines = (await readFile(join(FIXTURES, 'garmin/Activities.csv'), 'utf8')).split('\n');
    const first = lines[1]!;
    const nextYear = new Date().getUTCFullYear() + 2;
    const csv = join(root, 'Activities-clock.csv');
    await writeFile(csv, [lines[0], first, first.replace('2024-05-01 07:12:33', `${nextYear}-05-01 07:12:33`), first.replace('2024-05-01 07:12:33', '1899-05-01 07:12:33'), ''].join('\n'));
    const raw = await freshJournal(join(root, 'clock-raw'));
    await cp(csv, join(raw, 'garmin-activities.csv'));
    const data = await freshJournal(join(root, 'clock-imported'));
    const outcome = await importInto(data, [csv]);
    expect(outcome.exitCode).toBe(0);
    expect(outcome.stderr).toMatch(new RegExp(`^not imported: .*Activities-clock\\.csv:3: Date: got "${nextYear}-05-01", expected an activity date from 1900-01-01 to `, 'm'));
    expect(outcome.stderr).toMatch(/^not imported: .*Activities-clock\.csv:4: Date: got "1899-05-01", expected an activity date from 1900-01-01 to /m);
    const [fromRaw, fromImport] = await Promise.all([siteOf(raw), siteOf(data)]);
    expect(fromRaw.errors).toHaveLength(2);
    expect(fromImport.errors).toEqual([]);
    expect(fromImport.runs).toHaveLength(1);
    expect(fromImport.runs).toEqual(fromRaw.runs);
  });

  it('a folder of GPX, TCX and gzipped FIT files gives the same runs as the folder in data/', async () => {
    const tracks = join(root, 'my-tracks');
    await mkdir(tracks, { recursive: true });
    await cp(join(REAL, 'fenix2-run-2015-08-15.gpx'), join(tracks, 'stavanger.gpx'));
    await cp(join(FIXTURES, 'short.tcx'), join(tracks, 'short.tcx'));
    await writeFile(join(tracks, 'highlands.fit.gz'), gzipSync(await fit('2013-02-06-12-11-14.fit')));
    await cp(join(REAL, 'garmin-fenix-5-bike.fit'), join(tracks, 'ride.fit'));
    const raw = await freshJournal(join(root, 'tracks-raw'));
    await cp(tracks, join(raw, 'tracks'), { recursive: true });
    const data = await freshJournal(join(root, 'tracks-imported'));
    const outcome = await importInto(data, [tracks]);
    expect(outcome.exitCode).toBe(0);
    const [fromRaw, fromImport] = await Promise.all([siteOf(raw), siteOf(data)]);
    expect(fromImport.errors).toEqual([]);
    expect(fromImport.runs).toHaveLength(3);
    expect(fromImport.runs).toEqual(fromRaw.runs);
    expect(fromImport.wins).toEqual(fromRaw.wins);
    expect((await filesUnder(data)).filter((f) => /\.(gpx|tcx|fit|gz|zip)$/i.test(f))).toEqual([]);

    // One file on its own, already imported with its folder: nothing new.
    const before = await snapshot(data);
    const single = await importInto(data, [join(tracks, 'highlands.fit.gz')]);
    expect(single.stdout).toContain('Already in the journal: 1 run');
    expect(await snapshot(data)).toEqual(before);
  });
});

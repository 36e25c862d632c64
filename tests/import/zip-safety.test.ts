// Hostile or broken archives: refused with one line naming the archive and the entry, and nothing
// written into the journal.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../src/lib/import/import-command.ts';
import { DEFAULT_ZIP_LIMITS, type ZipLimits } from '../../src/lib/import/zip-limits.ts';
import { filesUnder, freshJournal, importInto, REAL, snapshot, stravaExportEntries } from './journals.ts';
import { zipArchive } from '../../scripts/bench/lib/zip-archive.ts';
import { routeFileName, writeImported } from '../../src/lib/import/write-imported.ts';
import type { IncomingRun } from '../../src/lib/import/read-sources.ts';
import { readJournal } from '../../src/lib/journal/read-journal.ts';
import { emptyRunDraft } from '../../src/lib/model/run-columns.ts';
import { gpxOf, pointsOf, stravaCsv } from '../imports/gps-tracks.ts';

/**
 * `archive` with its central directory listing `copies` entries over the first entry's one set of
 * compressed bytes (the same local header), each named apart: a zip bomb by overlapping entries.
 */
function overlappingArchive(archive: Buffer, copies: number): Buffer {
  const end = archive.length - 22;
  const directoryAt = archive.readUInt32LE(end + 16);
  const nameLength = archive.readUInt16LE(directoryAt + 28);
  const record = archive.subarray(directoryAt, directoryAt + 46 + nameLength);
  const records = Array.from({ length: copies }, (_, i) => {
    const name = Buffer.from(`activities/${String(i).padStart(4, '0')}.gpx`);
    const copy = Buffer.from(record.subarray(0, 46));
    copy.writeUInt16LE(name.length, 28);
    return Buffer.concat([copy, name]);
  });
  const directory = Buffer.concat(records);
  const tail = Buffer.alloc(22);
  tail.writeUInt32LE(0x06054b50, 0);
  tail.writeUInt16LE(copies, 8);
  tail.writeUInt16LE(copies, 10);
  tail.writeUInt32LE(directory.length, 12);
  tail.writeUInt32LE(directoryAt, 16);
  return Buffer.concat([archive.subarray(0, directoryAt), directory, tail]);
}

let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'small-wins-import-safety-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function importWithLimits(data: string, zip: string, limits: Partial<ZipLimits>) {
  return runImport([zip, '--data', data], {
    defaultData: data,
    journalToday: null,
    progress: { isTTY: false, write: () => {}, now: () => 0 },
    cache: null,
    workers: false,
    limits: { ...DEFAULT_ZIP_LIMITS, ...limits },
  });
}

describe('archives the import refuses', () => {
  it('an entry whose name climbs out of the archive (zip-slip)', async () => {
    const data = await freshJournal(join(root, 'slip'));
    const before = await snapshot(data);
    const zip = join(root, 'slip.zip');
    await writeFile(zip, zipArchive([{ name: '../../outside.gpx', data: '<gpx/>' }]));
    const outcome = await importInto(data, [zip]);
    expect(outcome.exitCode).toBe(1);
    expect(outcome.stderr).toMatch(/slip\.zip: an entry's name points outside the archive \(invalid relative path: \.\.\/\.\.\/outside\.gpx\)/);
    expect(outcome.stderr).not.toMatch(/\n\s+at /);
    expect(await snapshot(data)).toEqual(before);
  });

  it('an absolute entry name inside a nested archive', async () => {
    const data = await freshJournal(join(root, 'nested-slip'));
    const zip = join(root, 'nested-slip.zip');
    const inner = zipArchive([{ name: '/etc/evil.fit', data: 'x' }]);
    await writeFile(zip, zipArchive([{ name: 'DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip', data: inner }]));
    const outcome = await importInto(data, [zip]);
    expect(outcome.exitCode).toBe(1);
    expect(outcome.stderr).toContain('UploadedFiles_0-_Part1.zip: an entry\'s name points outside the archive (absolute path: /etc/evil.fit)');
  });

  it('an entry that inflates far more than activity files do (a zip bomb)', async () => {
    const data = await freshJournal(join(root, 'bomb'));
    const zip = join(root, 'bomb.zip');
    await writeFile(zip, zipArchive([{ name: 'activities.csv', data: 'Activity ID,'.padEnd(4 * 1024 * 1024, ' ') }]));
    const outcome = await importInto(data, [zip]);
    expect(outcome.exitCode).toBe(1);
    expect(outcome.stderr).toMatch(/bomb\.zip › activities\.csv: compressed \d+ to 1, more than 200 to 1: not read \(a zip bomb\?\)/);
  });

  it('entries over the per-entry and the total limits', async () => {
    const { entries } = await stravaExportEntries(4);
    const zip = join(root, 'export.zip');
    await writeFile(zip, zipArchive(entries));
    const perEntry = await importWithLimits(await freshJournal(join(root, 'entry-limit')), zip, { entryBytes: 1000 });
    expect(perEntry.exitCode).toBe(1);
    expect(perEntry.stderr).toMatch(/export\.zip › activities\.csv: inflates to \d+ bytes, more than the 1000 an export's file may/);
    const total = await importWithLimits(await freshJournal(join(root, 'total-limit')), zip, { totalBytes: 20_000 });
    expect(total.stderr).toMatch(/export\.zip: inflates to more than 20000 bytes in all: stopped \(a zip bomb\?\)/);
  });

  it('a file that is not a ZIP at all', async () => {
    const data = await freshJournal(join(root, 'not-zip'));
    const zip = join(root, 'notes.zip');
    await writeFile(zip, 'just text');
    const outcome = await importInto(data, [zip]);
    expect(outcome.exitCode).toBe(1);
    expect(outcome.stderr).toMatch(/^.*notes\.zip: not a ZIP archive \(/);
  });

  it('a path that does not exist, and a CSV that is no export', async () => {
    const data = await freshJournal(join(root, 'missing'));
    expect((await importInto(data, [join(root, 'nope.zip')])).stderr).toMatch(/nope\.zip: no such file or folder/);
    const other = join(root, 'shopping.csv');
    await writeFile(other, 'item,price\nshoes,120\n');
    expect((await importInto(data, [other])).stderr).toMatch(/shopping\.csv: not a Strava activities\.csv or a Garmin Connect activities CSV/);
  });

  it('entries that share the same compressed bytes (a small archive that would inflate without end)', async () => {
    const data = await freshJournal(join(root, 'overlap'));
    const before = await snapshot(data);
    const zip = join(root, 'overlap.zip');
    const one = zipArchive([{ name: 'activities/0000.gpx', data: gpxOf(pointsOf([{ distance: 5000, speed: 3 }])) }]);
    await writeFile(zip, overlappingArchive(one, 500));
    const outcome = await importInto(data, [zip]);
    expect(outcome.exitCode).toBe(1);
    expect(outcome.stderr).toBe(`${zip}: entries activities/0000.gpx and activities/0001.gpx share their compressed bytes, which no exporter writes: not read (a zip bomb?)\n`);
    expect(await snapshot(data)).toEqual(before);
  });

  it('more entries than an export holds: one line, not a warning per entry', async () => {
    const data = await freshJournal(join(root, 'many'));
    const zip = join(root, 'many.zip');
    await writeFile(zip, zipArchive(Array.from({ length: 50 }, (_, i) => ({ name: `junk/${i}.gpx`, data: 'not a gpx' }))));
    const outcome = await importWithLimits(data, zip, { entries: 20 });
    expect(outcome.exitCode).toBe(1);
    expect(outcome.stderr).toBe(`${zip}: lists 50 entries, more than the 20 an export holds: not read (a zip bomb?)\n`);
  });
});

describe('archives the import reads around what it cannot trust', () => {
  it('passes over an archive nested too deep and reads the rest of the export', async () => {
    const run = await readFile(join(REAL, 'activity-small-fenix2-run.fit'));
    const deep = zipArchive([{ name: 'deeper.zip', data: zipArchive([{ name: 'hidden.fit', data: run }]) }]);
    const part = zipArchive([{ name: 'ana_1.fit', data: run }, { name: 'inner.zip', data: deep }]);
    const zip = join(root, 'deep-garmin.zip');
    await writeFile(zip, zipArchive([{ name: 'DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip', data: part }]));
    const data = await freshJournal(join(root, 'deep'));
    const outcome = await importInto(data, [zip]);
    expect(outcome.exitCode).toBe(0);
    expect(outcome.stdout).toContain('Added 1 run to');
    expect(outcome.stderr).toBe(
      `warning: ${zip} › DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip › inner.zip: an archive inside an archive inside an archive: not read (exports nest archives one level deep)\n`,
    );
  });

  it('reads neither of two different files under one name, so no run gets the other track', async () => {
    const csv = stravaCsv([[5, 'Jun 1, 2024, 7:00:00 AM', 'Twice', 5, 1500, 'activities/5.gpx']]);
    const mine = gpxOf(pointsOf([{ distance: 5000, speed: 3 }]));
    const other = gpxOf(pointsOf([{ distance: 5000, speed: 3 }], Date.UTC(2024, 4, 1, 7), 10, [51.5, -0.1]));
    const zip = join(root, 'twice.zip');
    await writeFile(zip, zipArchive([{ name: 'activities.csv', data: csv }, { name: 'activities/5.gpx', data: mine }, { name: 'activities/5.gpx', data: other }]));
    const data = await freshJournal(join(root, 'twice'));
    const outcome = await importInto(data, [zip]);
    expect(outcome.exitCode).toBe(0);
    expect(outcome.stdout).toContain('Added 1 run to');
    expect(outcome.stderr).toContain(`warning: ${zip} › activities/5.gpx: the archive holds two different files of this name: neither is read`);
    expect((await filesUnder(data)).filter((f) => f.startsWith('routes/'))).toEqual([]);
  });

  it('gives sources that slug alike (1.2 and 1-2) a route file each', async () => {
    expect(routeFileName('strava:1234567890')).toBe('routes/strava-1234567890.geojson');
    expect(routeFileName('fit:20240501T061233Z')).toBe('routes/fit-20240501T061233Z.geojson');
    expect(routeFileName('strava:1.2')).not.toBe(routeFileName('strava:1-2'));
    const data = await freshJournal(join(root, 'slugs'));
    const run = (source: string, lat: number): IncomingRun => ({
      target: 'strava',
      source,
      draft: {
        ...emptyRunDraft({ date: '2024-05-01', distance: 5000, source: { path: 'export.zip › activities.csv', line: 2, kind: 'strava' } }),
        track: { points: [[lat, 10], [lat + 0.01, 10.01], [lat + 0.02, 10.02]] },
      },
    });
    const { profile } = await readJournal(data);
    const written = await writeImported(data, [run('strava:1.2', 50), run('strava:1-2', 60)], 'slugs', profile);
    expect(written.routes).toBe(2);
    const journal = await readJournal(data);
    expect(journal.errors).toEqual([]);
    expect(journal.runs.map((r) => r.track!.points[0]![0]).sort()).toEqual([50, 60]);
  });

  it('writes a route file the journal cannot read anew from its source on the next import', async () => {
    const folder = join(root, 'watch');
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, 'morning.gpx'), gpxOf(pointsOf([{ distance: 5000, speed: 3 }])));
    const data = await freshJournal(join(root, 'repair'));
    expect((await importInto(data, [folder])).exitCode).toBe(0);
    const [route] = (await filesUnder(data)).filter((f) => f.startsWith('routes/'));
    const whole = await readFile(join(data, route!));
    const before = await snapshot(data);
    await writeFile(join(data, route!), whole.subarray(0, whole.length / 2));
    expect((await readJournal(data)).errors).not.toEqual([]);

    const again = await importInto(data, [folder]);
    expect(again.exitCode).toBe(0);
    expect(again.stdout).toContain('Repaired 1 route file in');
    expect(again.stdout).toContain('Nothing new to add.');
    expect(await snapshot(data)).toEqual(before);
  });
});

// Hostile or broken archives: refused with one line naming the archive and the entry, and nothing
// written into the journal.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../src/lib/import/import-command.ts';
import { DEFAULT_ZIP_LIMITS, type ZipLimits } from '../../src/lib/import/zip-limits.ts';
import { freshJournal, importInto, snapshot, stravaExportEntries } from './journals.ts';
import { zipArchive } from '../../scripts/bench/lib/zip-archive.ts';

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
});

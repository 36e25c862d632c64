// Raw exports left in data/ still build, but `check` and the build warn once per folder: what a
// public repository exposes there and the one command that replaces it.
import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zipArchive } from '../../scripts/bench/lib/zip-archive.ts';
import { isRawFilesWarning } from '../../src/lib/journal/imports/raw-files.ts';
import { readJournal } from '../../src/lib/journal/read-journal.ts';
import { buildSite, prepareProject } from '../trust/site-build.ts';
import { FIXTURES, freshJournal, REAL, stravaExportEntries, unzipInto } from './journals.ts';

const repoRoot = join(import.meta.dirname, '../..');
let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'small-wins-raw-files-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

function check(data: string) {
  return spawnSync(process.execPath, [join(repoRoot, 'scripts/check.ts'), '--data', data], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, SMALL_WINS_CACHE: join(root, 'cache') },
  });
}

describe('raw files in the journal folder', () => {
  it('check warns once per folder, naming what is exposed and the command that replaces it', async () => {
    const data = await freshJournal(join(root, 'data'));
    await unzipInto(join(data, 'strava'), (await stravaExportEntries(5)).entries);
    await mkdir(join(data, 'tracks/2015'), { recursive: true });
    await cp(join(REAL, 'garmin-fenix-5-run.fit'), join(data, 'tracks/2015/a.fit'));
    await cp(join(FIXTURES, 'short.tcx'), join(data, 'tracks/b.tcx'));
    await cp(join(FIXTURES, 'garmin/Activities.csv'), join(data, 'garmin.csv'));
    await writeFile(join(data, 'runs.csv'), 'date,distance\n2020-01-01,5\n');
    const result = check('data');
    const warnings = result.stderr.split('\n').filter((line) => line.includes('raw export files'));
    expect(warnings).toEqual([
      'data/garmin.csv: warning: raw export files in the journal folder: a public repository publishes every activity of the Garmin export, not only runs; replace them with trimmed, publishable files: npm run import -- data/garmin.csv, then delete data/garmin.csv',
      "data/strava: warning: raw export files in the journal folder: a public repository publishes 6 raw GPS tracks (each starting and ending where you do, usually home), and Strava's private notes and every activity of the export; replace them with trimmed, publishable files: npm run import -- data/strava, then delete data/strava",
      'data/tracks: warning: raw export files in the journal folder: a public repository publishes 2 raw GPS tracks (each starting and ending where you do, usually home); replace them with trimmed, publishable files: npm run import -- data/tracks, then delete data/tracks',
    ]);
  });

  it('an export ZIP left in the journal folder warns too, as check and the build read it', async () => {
    const data = await freshJournal(join(root, 'zip-data'), 'date,distance\n2020-01-01,5\n');
    // A Strava export as downloaded: 500 gzipped tracks, activities.csv with private notes.
    await writeFile(join(data, 'export_12345.zip'), zipArchive((await stravaExportEntries(499)).entries));
    await mkdir(join(data, 'exports'), { recursive: true });
    await writeFile(join(data, 'exports/garmin-export.ZIP'), zipArchive([{ name: 'DI_CONNECT/a.fit', data: 'x' }]));
    await writeFile(join(data, 'exports/older-export.zip'), zipArchive([{ name: 'activities.csv', data: 'Activity ID\n' }]));
    const result = check('zip-data');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr.split('\n').filter((line) => line.includes('raw export files'))).toEqual([
      "zip-data/export_12345.zip: warning: raw export files in the journal folder: a public repository publishes a ZIP archive whole, with every file in it (an export's raw GPS tracks and private notes too); replace them with trimmed, publishable files: npm run import -- zip-data/export_12345.zip, then delete zip-data/export_12345.zip",
      "zip-data/exports: warning: raw export files in the journal folder: a public repository publishes 2 ZIP archives whole, with every file in them (an export's raw GPS tracks and private notes too); replace them with trimmed, publishable files: npm run import -- zip-data/exports, then delete zip-data/exports",
    ]);
    // The site build prints the journal's raw-file warnings (src/utils/journal-loader.ts): these are among them.
    const journal = await readJournal(data, { today: '2020-01-01' });
    expect(journal.warnings.filter(isRawFilesWarning).map((w) => w.path)).toEqual([`${data}/export_12345.zip`, `${data}/exports`]);
  });

  it('no warning once the folder is imported and deleted', async () => {
    const data = join(root, 'data');
    const run = (args: string[]) => spawnSync(process.execPath, [join(repoRoot, 'scripts/import.ts'), ...args], { cwd: root, encoding: 'utf8' });
    for (const folder of ['strava', 'tracks']) {
      const imported = run([`data/${folder}`]);
      expect(imported.status).toBe(0);
      expect(imported.stdout).toContain(`Now delete data/${folder}`);
      await rm(join(data, folder), { recursive: true });
    }
    expect(run(['data/garmin.csv']).status).toBe(0);
    await rm(join(data, 'garmin.csv'));
    const result = check('data');
    expect(result.stderr).not.toContain('raw export files');
    expect(result.status).toBe(0);
    // The Fenix 5 recording (158 m in 57 s) is too short to be a run: counted apart, not among the runs.
    expect(`${result.stdout}${result.stderr}`).toMatch(/^10 runs from 2015-08-15 to 2024-05-04/);
  });

  it('the build warns once too, and still builds', { timeout: 600_000 }, async () => {
    const data = await freshJournal(join(root, 'build-data'), 'date,distance,time\n2015-08-01,5,30:00\n');
    await mkdir(join(data, 'tracks'), { recursive: true });
    await cp(join(REAL, 'fenix2-run-2015-08-15.gpx'), join(data, 'tracks/stavanger.gpx'));
    const project = prepareProject(join(root, 'project'), { cards: false });
    const result = await buildSite({ project, data, outDir: join(root, 'dist'), cache: join(root, 'build-cache') });
    expect(result.code, result.stderr.slice(-2000)).toBe(0);
    const output = `${result.stdout}\n${result.stderr}`;
    const warnings = output.split('\n').filter((line) => line.includes('raw export files in the journal folder'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`npm run import -- ${data}/tracks, then delete ${data}/tracks`);
  });
});

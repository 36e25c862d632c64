// A Strava bulk export ZIP, read where it lies: the same runs and wins as the raw export unzipped
// into data/ gives, and a journal that holds nothing raw, nothing private, no trimmed-off point.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFit } from '../../src/lib/journal/imports/fit.ts';
import { parseGpx } from '../../src/lib/journal/imports/gpx.ts';
import { haversine } from '../../src/lib/journal/imports/streams.ts';
import { parseRouteGeoJson } from '../../src/lib/journal/routes.ts';
import { filesUnder, freshJournal, importInto, PRIVATE_NOTE, siteOf, sizeOf, snapshot, stravaExportEntries, unzipInto } from './journals.ts';
import { zipArchive, type ZipEntry } from '../../scripts/bench/lib/zip-archive.ts';

let root: string;
let entries: ZipEntry[];
let zipPath: string;
// The hand-logged run is the same outing as the export's first run (same day, distance within 2%).
let runsCsv: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'small-wins-import-strava-'));
  const built = await stravaExportEntries(14);
  entries = built.entries;
  const first = built.data.activities.find((a) => a.sport === 'Run')!;
  const day = new Date(first.start + 3_600_000).toISOString().slice(0, 10);
  runsCsv = `date,distance,time,title,feeling\n${day},${((first.speed * (first.points - 1) * first.interval) / 1000).toFixed(2)},,My own title,5\n`;
  zipPath = join(root, 'export_12345.zip');
  await writeFile(zipPath, zipArchive(entries));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

function endsOf(entry: ZipEntry): Array<[number, number]> {
  const bytes = gunzipSync(entry.data as Uint8Array);
  const parsed = entry.name.includes('.fit') ? parseFit(bytes) : parseGpx(bytes.toString('utf8'));
  const fixes = parsed.activity!.samples.filter((s) => s.lat !== null && s.lon !== null).map((s) => [s.lat!, s.lon!] as [number, number]);
  return [fixes[0]!, fixes.at(-1)!];
}

describe('npm run import on a Strava export ZIP', () => {
  it('gives the same runs and wins as the raw export in data/', async () => {
    const raw = await freshJournal(join(root, 'raw'), runsCsv);
    await unzipInto(join(raw, 'strava'), entries);
    const imported = await freshJournal(join(root, 'imported'), runsCsv);
    const outcome = await importInto(imported, [zipPath]);
    expect(outcome.stderr).toBe('');
    expect(outcome.exitCode).toBe(0);
    const [fromRaw, fromImport] = await Promise.all([siteOf(raw), siteOf(imported)]);
    expect(fromImport.errors).toEqual([]);
    expect(fromImport.runs.length).toBeGreaterThan(10);
    expect(fromImport.runs).toEqual(fromRaw.runs);
    expect(fromImport.wins).toEqual(fromRaw.wins);
    // The hand-logged run kept its own title and took the export's efforts and route.
    const own = fromImport.runs.find((r) => r.title === 'My own title')!;
    expect(own.efforts.length).toBeGreaterThan(0);
    expect(own.track).not.toBeNull();
    expect(outcome.stdout).toMatch(/Added \d+ runs to .*imported\/strava\.csv\./);
    expect(outcome.stdout).toMatch(/Skipped \d+ other activities \(not runs\): /);
    expect(outcome.stdout).toContain('Merged 1 imported run with a run already in the journal');
    expect(outcome.stdout).toMatch(/New win: .+!  \/wins\//);
  });

  it('leaves nothing raw or private in the journal, no point near an end, and is a small fraction of the export', async () => {
    const data = join(root, 'imported');
    const files = await filesUnder(data);
    expect(files.filter((f) => /\.(gpx|tcx|fit|gz|zip)$/i.test(f))).toEqual([]);
    expect(files).toContain('imported/strava.csv');
    for (const file of files) expect(await readFile(join(data, file), 'utf8')).not.toContain('door code');
    const routes = files.filter((f) => f.startsWith('routes/'));
    expect(routes.length).toBeGreaterThan(10);
    for (const route of routes) {
      const id = /strava-(\d+)\.geojson$/.exec(route)![1];
      const source = entries.find((e) => e.name.startsWith(`activities/${id}.`))!;
      const ends = endsOf(source);
      const parsed = parseRouteGeoJson(await readFile(join(data, route), 'utf8'));
      if (!('track' in parsed)) throw new Error(parsed.expected);
      expect(parsed.track.points.length).toBeLessThanOrEqual(300);
      for (const point of parsed.track.points) for (const end of ends) expect(haversine(point, end)).toBeGreaterThan(500);
    }
    const exportSize = (await readFile(zipPath)).length;
    expect(await sizeOf(data)).toBeLessThan(exportSize / 5);
    expect(PRIVATE_NOTE).toContain('door code');
  });

  it('changes no byte when the same ZIP is imported again', async () => {
    const data = join(root, 'imported');
    const before = await snapshot(data);
    const again = await importInto(data, [zipPath]);
    expect(again.exitCode).toBe(0);
    expect(again.stdout).toContain('Nothing new to add.');
    expect(again.stdout).toMatch(/Already in the journal: \d+ runs/);
    expect(await snapshot(data)).toEqual(before);
  });

  it('does not read the activity files of runs already imported again', async () => {
    const data = join(root, 'imported');
    const before = await snapshot(data);
    // The same export with every activity file damaged beyond reading: had the re-import opened
    // one, it would say so; it reads only activities.csv and matches the rows by their source.
    const damaged = entries.map((entry) => (entry.name === 'activities.csv' ? entry : { name: entry.name, data: 'not a track' }));
    const damagedPath = join(root, 'export_damaged.zip');
    await writeFile(damagedPath, zipArchive(damaged));
    const again = await importInto(data, [damagedPath]);
    expect(again.exitCode).toBe(0);
    expect(again.stderr).toBe('');
    expect(again.stdout).toContain('Nothing new to add.');
    expect(again.progress).toBe('');
    expect(await snapshot(data)).toEqual(before);
  });

  it('adds only the new activities of a newer export and keeps the rows the runner edited', async () => {
    const data = join(root, 'imported');
    const csvPath = join(data, 'imported/strava.csv');
    const lines = (await readFile(csvPath, 'utf8')).split('\n');
    // The runner renames one run, marks one private and names a win on a third.
    lines[1] = lines[1]!.replace(/^([^,]*,[^,]*,[^,]*,)[^,]*/, '$1Renamed by me');
    lines[2] = lines[2]!.replace(/^((?:[^,]*,){8})[^,]*/, '$1yes');
    lines[3] = lines[3]!.replace(/^((?:[^,]*,){10})[^,]*/, '$1First time up the hill');
    const edited = lines.join('\n');
    await writeFile(csvPath, edited);
    const newer = await stravaExportEntries(20);
    const newerZip = join(root, 'export_12345-newer.zip');
    await writeFile(newerZip, zipArchive(newer.entries));
    const outcome = await importInto(data, [newerZip]);
    expect(outcome.exitCode).toBe(0);
    const after = await readFile(csvPath, 'utf8');
    expect(after.startsWith(edited)).toBe(true);
    const added = after.slice(edited.length).trim().split('\n');
    const newRuns = newer.data.activities.slice(14).filter((a) => a.sport === 'Run').length;
    expect(added).toHaveLength(newRuns);
    expect(outcome.stdout).toContain(`Added ${newRuns} run`);
    const site = await siteOf(data);
    expect(site.errors).toEqual([]);
    expect(site.runs.some((r) => r.title === 'Renamed by me')).toBe(true);
    expect(site.runs.some((r) => r.win === 'First time up the hill')).toBe(true);
    expect(site.runs.filter((r) => r.private)).toHaveLength(1);
  });
});

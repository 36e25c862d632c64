// The Apple Health export (the iPhone Health app's export.zip), read by the build from an unzipped
// export in the journal and by `npm run import` from the ZIP where it lies: the fixture is built in
// Apple's layout (see tests/fixtures/imports/README.md), with health records around its workouts.
import { createReadStream } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zipArchive } from '../../scripts/bench/lib/zip-archive.ts';
import { healthRecords } from '../../scripts/bench/lib/generate-apple-health.ts';
import { parseAppleDate, readAppleHealthXml, readWorkout, WorkoutScanner } from '../../src/lib/journal/imports/apple-health.ts';
import { readImports } from '../../src/lib/journal/imports/read-imports.ts';
import { isRunningSport } from '../../src/lib/journal/imports/run-types.ts';
import { runImport } from '../../src/lib/import/import-command.ts';
import { freshJournal, importInto, siteOf } from '../import/journals.ts';
import { FIXTURES, testProfile } from './helpers.ts';

const EXPORT = join(FIXTURES, 'apple-health', 'apple_health_export');
const ROUTE = 'workout-routes/route_2024-05-01_7.12am.gpx';

let root: string;
let xml: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'apple-health-'));
  xml = await readFile(join(EXPORT, 'export.xml'), 'utf8');
});
afterAll(() => rm(root, { recursive: true, force: true }));

async function exportZip(): Promise<string> {
  const path = join(root, 'export.zip');
  await writeFile(
    path,
    zipArchive([
      { name: 'apple_health_export/export.xml', data: xml },
      { name: 'apple_health_export/export_cda.xml', data: '<?xml version="1.0"?><ClinicalDocument/>' },
      { name: `apple_health_export/${ROUTE}`, data: await readFile(join(EXPORT, ROUTE)) },
    ]),
  );
  return path;
}

describe('Apple Health dates and workouts', () => {
  it('reads dates as Apple writes them, with their offset', () => {
    expect(parseAppleDate('2024-05-01 07:12:03 +0200')).toEqual({ ms: Date.UTC(2024, 4, 1, 5, 12, 3), utcOffset: 7200 });
    expect(parseAppleDate('2016-04-10 08:00:00 -0430')).toEqual({ ms: Date.UTC(2016, 3, 10, 12, 30), utcOffset: -16_200 });
    expect(parseAppleDate('2024-05-01T07:12:03Z')).toBeNull();
  });

  it('takes distance from the statistics (recent iOS) or totalDistance (old iOS), climb, indoor, temperature and route', async () => {
    const workouts: ReturnType<typeof readWorkout>[] = [];
    const scanner = new WorkoutScanner((text, line) => workouts.push(readWorkout(text, line)));
    scanner.write(xml);
    scanner.end();
    expect(workouts.map((w) => w.activityType)).toEqual(['Running', 'Running', 'Walking', 'Running']);
    const [old, outdoor, walk, indoor] = workouts;
    expect(old).toMatchObject({ start: Date.UTC(2016, 3, 10, 7), utcOffset: 3600, duration: 3330, indoor: false, ascent: null, route: null });
    expect(old!.distance).toBeCloseTo(6.2 * 1609.344, 6);
    expect(outdoor).toMatchObject({ start: Date.UTC(2024, 4, 1, 5, 12, 3), duration: 820, distance: 3012, ascent: 21, indoor: false, temperature: 15 });
    expect(outdoor!.route).toBe(`/${ROUTE}`);
    expect(walk!.distance).toBeCloseTo(2410, 6);
    expect(indoor).toMatchObject({ distance: 5200, duration: 1815, indoor: true, route: null });
    // Lines in export.xml, for a message that names one.
    const lines = xml.split('\n');
    for (const w of workouts) expect(lines[w.line - 1]).toMatch(/^ <Workout /);
  });
});

describe('export.xml streamed', () => {
  it('reads the same workouts from a file of 10,000 health records in small chunks, telling how far it has read', async () => {
    // A mass of records before the workouts, read 4 KB at a time: element boundaries fall anywhere.
    const at = xml.indexOf(' <Workout ');
    const big = xml.slice(0, at) + healthRecords(Date.UTC(2020, 0, 1), 10_000) + xml.slice(at);
    const path = join(root, 'big-export.xml');
    await writeFile(path, big);
    const size = (await stat(path)).size;
    const seen: number[] = [];
    const read = await readAppleHealthXml(createReadStream(path, { highWaterMark: 4096 }), isRunningSport, (bytes) => seen.push(bytes));
    const small = await readAppleHealthXml(createReadStream(join(EXPORT, 'export.xml')), isRunningSport);
    const shift = healthRecords(Date.UTC(2020, 0, 1), 10_000).split('\n').length - 1;
    expect(read.workouts).toEqual(small.workouts.map((w) => ({ ...w, line: w.line + shift })));
    expect(read.workouts).toHaveLength(3);
    expect(read.others).toEqual({ Walking: 1 });
    expect(read.warnings).toEqual([]);
    expect(seen.length).toBeGreaterThan(500);
    expect(seen.at(-1)).toBe(size);
    expect(seen.every((bytes, i) => i === 0 || bytes > seen[i - 1]!)).toBe(true);
  });

  it('says when the file ends inside a workout, and refuses a file that is not an export', async () => {
    const cut = xml.slice(0, xml.indexOf('<MetadataEntry key="HKIndoorWorkout" value="1"/>'));
    const read = await readAppleHealthXml([new TextEncoder().encode(cut)], isRunningSport);
    expect(read.workouts).toHaveLength(2);
    expect(read.warnings).toEqual(['the file ends inside a <Workout> (cut off?): that workout is not read']);
    await expect(readAppleHealthXml([new TextEncoder().encode('<gpx><Workout a="1"/></gpx>')], isRunningSport)).rejects.toThrow(
      /not an Apple Health export \(no <HealthData> element at its start\)/,
    );
  });
});

describe('the build reads an unzipped Apple Health export in the journal', () => {
  it('gives the running workouts as runs: routes trimmed, indoor runs virtual, the walk counted apart', async () => {
    const data = join(root, 'journal');
    await mkdir(data, { recursive: true });
    await cp(join(FIXTURES, 'apple-health'), join(data, 'health'), { recursive: true });
    const result = await readImports(data, 'data', testProfile({ timezone: 'Europe/Paris' }), { cache: null, today: '2024-06-01' });
    expect(result.skipped).toEqual({ Walk: 1 });
    const runs = [...result.runs].sort((a, b) => (a.date < b.date ? -1 : 1));
    expect(runs.map((r) => [r.date, r.startTime, r.distance, r.time, r.virtual, r.source.kind])).toEqual([
      ['2016-04-10', '08:00:00', 9977.9, 3330, false, 'apple'],
      ['2024-05-01', '07:12:03', 3012, 820, false, 'apple'],
      ['2024-05-03', '18:30:00', 5200, 1815, true, 'apple'],
    ]);
    const [old, outdoor, indoor] = runs;
    expect(outdoor).toMatchObject({ elevation: 21, temperature: 15, type: 'Running' });
    expect(outdoor!.source).toMatchObject({ path: 'data/health/apple_health_export/export.xml', line: xml.split('\n').findIndex((l) => l.includes('duration="13.66')) + 1 });
    // The route lends its trimmed track and its efforts (the GPX is splits-3k's: 1 km in 250 s).
    expect(outdoor!.track!.points.length).toBeGreaterThanOrEqual(2);
    expect(outdoor!.efforts).toContainEqual({ distance: 1000, time: 250, startOffset: 1000 });
    expect(indoor!.track).toBeNull();
    expect(indoor!.efforts).toEqual([]);
    expect(old!.track).toBeNull();
    // The route file is the workout's, not a run of its own; the export is named as raw health records.
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const raw = result.problems.find((p) => p.message.includes('every health record of the Apple Health export'));
    expect(raw?.path).toBe('data/health');
  });
});

describe('npm run import of export.zip', () => {
  it('writes the runs to imported/apple.csv with the route, the same runs as the unzipped export in the journal, and nothing twice', async () => {
    const zip = await exportZip();
    const data = await freshJournal(join(root, 'imported'));
    const outcome = await importInto(data, [zip]);
    expect(outcome.stderr).toBe('');
    expect(outcome.exitCode).toBe(0);
    expect(outcome.stdout).toContain('Added 3 runs to');
    expect(outcome.stdout).toContain('Skipped 1 other activity (not runs): Walk 1.');
    const csv = await readFile(join(data, 'imported/apple.csv'), 'utf8');
    expect(csv).toContain('apple:20160410T070000Z');
    expect(csv).toContain('apple:20240501T051203Z');
    expect(csv).toContain('apple:20240503T163000Z');
    expect(csv).toContain('routes/apple-20240501T051203Z.geojson');
    await stat(join(data, 'routes/apple-20240501T051203Z.geojson'));

    const raw = await freshJournal(join(root, 'raw'));
    await cp(join(FIXTURES, 'apple-health'), join(raw, 'health'), { recursive: true });
    const [fromRaw, fromImport] = await Promise.all([siteOf(raw), siteOf(data)]);
    expect(fromImport.errors).toEqual([]);
    expect(fromImport.runs).toEqual(fromRaw.runs);
    expect(fromImport.wins).toEqual(fromRaw.wins);

    const again = await importInto(data, [zip]);
    expect(again.stdout).toContain('Already in the journal: 3 runs');
  });

  it('shows how far through export.xml it has read', async () => {
    const at = xml.indexOf(' <Workout ');
    const path = join(root, 'progress', 'export.xml');
    await mkdir(join(root, 'progress'), { recursive: true });
    await writeFile(path, xml.slice(0, at) + healthRecords(Date.UTC(2020, 0, 1), 8000) + xml.slice(at));
    const data = await freshJournal(join(root, 'progress-journal'));
    let progress = '';
    let clock = 0;
    const outcome = await runImport([path, '--data', data], {
      defaultData: data,
      journalToday: null,
      progress: { isTTY: true, write: (text) => (progress += text), now: () => (clock += 1000) },
      cache: null,
      workers: false,
    });
    expect(outcome.exitCode).toBe(0);
    expect(progress).toMatch(/Reading the Apple Health export\.xml \(MB\): 0 of \d+/);
    expect(progress).toMatch(/Reading the Apple Health export\.xml \(MB\): (\d+) of \1 \(100%\)/);
  });
});

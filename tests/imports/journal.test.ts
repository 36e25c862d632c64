// The importers through the journal reader: one folder mixing a hand-written CSV, a journal entry
// with a `track:`, a Strava export and loose files gives one run per outing.
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJournal } from '../../src/lib/journal/read-journal.ts';
import { formatProblem } from '../../src/lib/journal/problems.ts';
import type { Journal } from '../../src/lib/types.ts';
import { FIXTURES } from './helpers.ts';

let root: string;
let journal: Journal;
const previousCache = process.env.SMALL_WINS_CACHE;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'small-wins-journal-'));
  const data = join(root, 'data');
  process.env.SMALL_WINS_CACHE = join(root, 'cache');
  await cp(join(FIXTURES, 'strava-export'), join(data, 'strava'), { recursive: true });
  await mkdir(join(data, 'tracks'), { recursive: true });
  await mkdir(join(data, 'journal'), { recursive: true });
  await cp(join(FIXTURES, 'short.tcx'), join(data, 'tracks/short.tcx'));
  await cp(join(FIXTURES, 'splits-3k.gpx'), join(data, 'tracks/splits-3k.gpx'));
  await writeFile(join(data, 'profile.md'), '---\nname: Ana\ntimezone: America/New_York\n---\n');
  // 2024-03-10: in the CSV (3.02 km), in the export (3,000 m) and as a loose GPX: one run.
  await writeFile(join(data, 'runs.csv'), 'date,distance,time,feeling,nonstop\n2024-03-10,3.02,13:40,5,yes\n2024-03-09,5,30:00,3,no\n');
  // 2024-04-02: an entry naming its track; the TCX says 1,200 m, the entry 1.5 km (too far apart
  // to match by distance): the `track:` link still makes them one run.
  await writeFile(
    join(data, 'journal/2024-04-02-hills.md'),
    '---\ndate: 2024-04-02\ndistance: 1.5\ntitle: Hill warm-up\ntrack: tracks/short.tcx\n---\nShort and sharp.\n',
  );
  journal = await readJournal(data);
});

afterAll(async () => {
  if (previousCache === undefined) delete process.env.SMALL_WINS_CACHE;
  else process.env.SMALL_WINS_CACHE = previousCache;
  await rm(root, { recursive: true, force: true });
});

describe('imports in a journal', () => {
  it('gives one run per outing and counts the merges and the skipped sports', () => {
    expect(journal.errors).toEqual([]);
    expect(journal.runs.filter((r) => r.date === '2024-03-10')).toHaveLength(1);
    expect(journal.runs.filter((r) => r.date === '2024-04-02')).toHaveLength(1);
    // The export row and the loose GPX into the CSV run; the TCX into the entry's run.
    expect(journal.merged).toBe(3);
    expect(journal.skipped).toEqual({ Ride: 2, Walk: 1, Swim: 1 });
    // 2 CSV runs and the entry, plus the 4 export runs that match none of them.
    expect(journal.runs).toHaveLength(3 + 4);
  });

  it('keeps what the runner wrote and fills the rest from the imports', () => {
    const run = journal.runs.find((r) => r.date === '2024-03-10')!;
    expect(run).toMatchObject({ distance: 3020, time: 820, feeling: 5, nonstop: true, title: 'Three k splits', startTime: '03:00:00' });
    expect(run.efforts.map((e) => e.distance)).toEqual([400, 1000, 1609.344]);
    expect(run.track).not.toBeNull();
    const hills = journal.runs.find((r) => r.date === '2024-04-02')!;
    expect(hills).toMatchObject({ distance: 1500, title: 'Hill warm-up', startTime: '13:30:00' });
    expect(hills.efforts.map((e) => e.distance)).toEqual([400, 1000]);
  });
});

describe('a track: that ties nothing', () => {
  it('is a warning at its line, outside the journal or naming no file a run was read from; a good one is not', async () => {
    const data = join(root, 'tracks-data');
    await mkdir(join(data, 'tracks'), { recursive: true });
    await mkdir(join(data, 'journal'), { recursive: true });
    await cp(join(FIXTURES, 'short.tcx'), join(data, 'tracks/short.tcx'));
    await writeFile(
      join(data, 'runs.csv'),
      ['date,distance,track', '2024-04-02,1.5,./tracks/short.tcx', '2024-05-01,5,tracks/missing.gpx', '2024-05-02,5,../outside.gpx', '2024-05-03,5,/home/ana/run.gpx', '2024-05-05,5,tracks/../../up.gpx', ''].join('\n'),
    );
    await writeFile(join(data, 'journal/2024-05-04-gone.md'), '---\ndate: 2024-05-04\ndistance: 4\ntrack: tracks/gone.fit\n---\nGone.\n');
    const read = await readJournal(data);
    const outside = 'expected a GPS file inside the journal folder, named from it (like tracks/porto-half.gpx): the journal reads nothing outside it';
    const missing = 'expected a .gpx, .tcx or .fit file in the journal folder that a run was read from, named from the folder (like tracks/porto-half.gpx): no run was read from a file by that name';
    const shown = read.runs[0]!.source.path.replace(/\/[^/]+$/, '');
    expect(read.warnings.filter((w) => w.field === 'track').map(formatProblem)).toEqual([
      `${shown}/journal/2024-05-04-gone.md:4: track: got "tracks/gone.fit", ${missing}`,
      `${shown}/runs.csv:3: track: got "tracks/missing.gpx", ${missing}`,
      `${shown}/runs.csv:4: track: got "../outside.gpx", ${outside}`,
      `${shown}/runs.csv:5: track: got "/home/ana/run.gpx", ${outside}`,
      `${shown}/runs.csv:6: track: got "tracks/../../up.gpx", ${outside}`,
    ]);
    // The good link still ties the file's run to the written one.
    expect(read.runs.filter((run) => run.date === '2024-04-02')).toHaveLength(1);
  });
});

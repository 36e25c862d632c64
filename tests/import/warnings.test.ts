// `import` says of a Strava export what the build says of the same files in `data/`: both read a
// row with the one function that makes its warnings (a track 10 % off its row, a missing file).
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJournal } from '../../src/lib/journal/read-journal.ts';
import { isRawFilesWarning } from '../../src/lib/journal/imports/raw-files.ts';
import { gpxOf, pointsOf, stravaCsv } from '../imports/gps-tracks.ts';
import { freshJournal, importInto } from './journals.ts';

let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'small-wins-import-warnings-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('the warnings of an import', () => {
  it('are the ones the build gives for the same export: a track 10 % off its row and a file the export lacks, each at its line', async () => {
    const exportDir = join(root, 'export');
    await mkdir(join(exportDir, 'activities'), { recursive: true });
    await writeFile(
      join(exportDir, 'activities.csv'),
      stravaCsv([
        [7, 'Jun 1, 2024, 7:00:00 AM', 'Short one', 5, 1500, 'activities/7.gpx'],
        [8, 'Jun 2, 2024, 7:00:00 AM', 'Lost file', 6, 1800, 'activities/8.gpx'],
      ]),
    );
    // A 5 km row whose file also holds a 10 km drive.
    await writeFile(join(exportDir, 'activities/7.gpx'), gpxOf(pointsOf([{ distance: 5000, speed: 1000 / 300 }, { distance: 10_000, speed: 5 }])));

    const built = await freshJournal(join(root, 'built'));
    await cp(exportDir, join(built, 'strava'), { recursive: true });
    const build = (await readJournal(built)).warnings.filter((w) => !isRawFilesWarning(w));
    const said = (p: { line: number | null; field: string | null; value: string | null; message: string }) => `:${p.line}: ${p.field}: got "${p.value}", ${p.message}`;
    expect(build.map(said)).toEqual([
      expect.stringMatching(/^:2: Filename: got "activities\/7\.gpx", expected a track within 10% /),
      ':3: Filename: got "activities/8.gpx", expected a file the export holds (there is none by that name: the run is imported without its route and efforts)',
    ]);

    const imported = await importInto(await freshJournal(join(root, 'imported')), [exportDir]);
    expect(imported.exitCode).toBe(0);
    expect(imported.stdout).toContain('Added 2 runs to');
    // Named from the export's folder instead of the journal's; the same line, field, value and words.
    const lines = imported.stderr.trim().split('\n');
    expect(lines.map((line) => line.replace(/^warning: .*\/export\/activities\.csv/, ''))).toEqual(build.map(said));
  });
});

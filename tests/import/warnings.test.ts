// `import` says of a Strava export what the build says of the same files in `data/`: both read a
// row with the one function that makes its warnings (a track 10 % off its row, a missing file).
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJournal } from '../../src/lib/journal/read-journal.ts';
import { isRawFilesWarning } from '../../src/lib/journal/imports/raw-files.ts';
import { readImports } from '../../src/lib/journal/imports/read-imports.ts';
import { readCsvRecords } from '../../src/lib/journal/imports/csv-records.ts';
import { headerLanguage, unknownLanguageProblem } from '../../src/lib/journal/imports/strava-csv.ts';
import { formatProblem } from '../../src/lib/journal/problems.ts';
import Papa from 'papaparse';
import { testProfile } from '../imports/helpers.ts';
import { gpxOf, pointsOf, stravaCsv } from '../imports/gps-tracks.ts';
import { FIXTURES, freshJournal, importInto } from './journals.ts';

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

/** The English fixture as a Polish account would export it: the header's first names and the types translated. */
async function polishExport(dir: string): Promise<string> {
  const rows = Papa.parse<string[]>(await readFile(join(FIXTURES, 'strava-export/activities.csv'), 'utf8'), { skipEmptyLines: true }).data;
  const names = ['Identyfikator aktywności', 'Data aktywności', 'Nazwa aktywności', 'Typ aktywności', 'Opis aktywności', 'Czas', 'Dystans'];
  const types: Record<string, string> = { Run: 'Bieg', 'Trail Run': 'Bieg terenowy', 'Virtual Run': 'Bieg wirtualny', Ride: 'Jazda na rowerze', Walk: 'Spacer' };
  const header = rows[0]!.map((name) => names[rows[0]!.indexOf(name)] ?? name);
  const body = rows.slice(1).map((row) => row.map((cell, i) => (i === 3 ? types[cell] ?? cell : cell)));
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'activities.csv'), `${Papa.unparse([header, ...body], { newline: '\n' })}\n`);
  return dir;
}

describe('a Strava export in a language the reader does not know', () => {
  it('stops the build and the import with an error naming the file, the header and the language, never a silent zero', async () => {
    const journal = join(root, 'polish-journal');
    await polishExport(join(journal, 'strava'));
    const { runs, problems, skipped } = await readImports(journal, 'data', testProfile(), { cache: null });
    expect(runs).toEqual([]);
    expect(skipped).toEqual({});
    expect(problems.filter((p) => !isRawFilesWarning(p)).map(formatProblem)).toEqual([
      expect.stringMatching(/^data\/strava\/activities\.csv:1: header: got "Identyfikator aktywności,Data aktywności,.*", expected a Strava export in English, German, French, Spanish, Italian, Dutch or Portuguese: this header \("Identyfikator aktywności, Data aktywności, Nazwa aktywności, Typ aktywności, …"\) looks like Polish, .*nothing was imported from this file/),
    ]);

    const exported = await polishExport(join(root, 'polish-export'));
    const data = await freshJournal(join(root, 'polish-import'));
    const outcome = await importInto(data, [exported]);
    expect(outcome.exitCode).toBe(1);
    expect(outcome.stdout).toBe('');
    expect(outcome.stderr).toMatch(/polish-export\/activities\.csv:1: header: got ".*looks like Polish, whose run types this version does not know/);
    await expect(readFile(join(data, 'imported/strava.csv'))).rejects.toThrow(/ENOENT/);
  });

  it('reads on in a language it knows, and tells others by their words or script', async () => {
    for (const language of ['german', 'french', 'spanish', 'translated']) {
      const { header, records } = readCsvRecords(await readFile(join(FIXTURES, `strava-${language}/activities.csv`), 'utf8'));
      expect(unknownLanguageProblem(header, records, 'a.csv')).toBeNull();
    }
    expect(headerLanguage(['アクティビティID', 'アクティビティの日付'])).toBe('Japanese');
    expect(headerLanguage(['ID активности', 'Дата активности'])).toBe('Russian');
    expect(headerLanguage(['Aktivitäts-ID', 'Activity Private Note'])).toBe('German');
    expect(headerLanguage(['Id', 'Foo'])).toBeNull();
  });
});

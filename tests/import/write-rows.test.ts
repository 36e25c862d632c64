// `import` writes no row its own reader would refuse: each row is read back with the journal's
// parser before it is written; a refused one is named (file, activity, why) and left out.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeImported } from '../../src/lib/import/write-imported.ts';
import type { IncomingRun } from '../../src/lib/import/read-sources.ts';
import { formatProblem } from '../../src/lib/journal/problems.ts';
import { readJournal } from '../../src/lib/journal/read-journal.ts';
import { emptyRunDraft } from '../../src/lib/model/run-columns.ts';
import { freshJournal } from './journals.ts';

let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'small-wins-write-rows-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

function incoming(source: string, distance: number, line: number): IncomingRun {
  const draft = { ...emptyRunDraft({ date: '2024-05-01', distance, source: { path: 'export.zip › activities.csv', line, kind: 'strava' } }), time: 1500 };
  return { target: 'strava', source, draft };
}

describe('writeImported', () => {
  it('leaves out a run whose row the reader refuses (an Infinity m distance, a source without an id) and names it', async () => {
    const data = await freshJournal(join(root, 'journal'));
    const { profile } = await readJournal(data);
    const result = await writeImported(data, [incoming('strava:1', 5000, 2), incoming('strava:2', Infinity, 3), incoming('strava:', 4000, 4)], 'journal', profile);

    expect(result.files).toEqual([{ file: 'imported/strava.csv', added: 1 }]);
    const written = await readFile(join(data, 'imported/strava.csv'), 'utf8');
    expect(written.trim().split('\n')).toHaveLength(2);
    expect(written).toContain(',strava:1,');
    expect(result.rejected.map(formatProblem)).toEqual([
      'export.zip › activities.csv:3: activity strava:2: distance: got "Infinity m", expected a distance like 5, 5k, 3.1 mi or 800 m (a bare number is km), as the journal reads it: this run is not written',
      'export.zip › activities.csv:4: activity strava:: source: got "strava:", expected a source like strava:1234567890, garmin:…, fit:…, tcx:… or gpx:…, as the journal reads it: this run is not written',
    ]);
    // What was written reads without an error.
    expect((await readJournal(data)).errors).toEqual([]);
  });
});

// What `import` must never do to the runner's files: rewrite bytes it did not write, append to a
// file it cannot read, or write outside the journal through a symbolic link.
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, freshJournal, importInto, snapshot } from './journals.ts';

let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'small-wins-journal-files-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const HEADER = 'date,distance,time,title,type,elevation,temperature,notes,private,virtual,win,source,efforts,route';
const GPX = join(FIXTURES, 'splits-3k.gpx');

describe('the imported CSV the runner already has', () => {
  it('keeps its bytes exactly, a Latin-1 note included, and appends the new run after them', async () => {
    const data = await freshJournal(join(root, 'latin1'));
    await mkdir(join(data, 'imported'));
    // "Café" saved in Latin-1 by a spreadsheet: 0xE9 is not UTF-8.
    const before = Buffer.concat([
      Buffer.from(`${HEADER}\r\n2024-01-05T08:00:00,5000 m,27:00,Old run,Run,,,Caf`),
      Buffer.from([0xe9]),
      Buffer.from(' after,,,,gpx:older,,\r\n'),
    ]);
    await writeFile(join(data, 'imported/tracks.csv'), before);
    const outcome = await importInto(data, [GPX]);
    expect(outcome.stderr).toBe('');
    expect(outcome.exitCode).toBe(0);
    const after = await readFile(join(data, 'imported/tracks.csv'));
    expect(after.length).toBeGreaterThan(before.length);
    expect(after.subarray(0, before.length).equals(before)).toBe(true);
    // The new row in the file's own line ending.
    const added = after.subarray(before.length).toString('utf8');
    expect(added).toMatch(/^2024-03-10T\d\d:00:00,[^\r\n]*\r\n$/);
  });

  it('refuses a file its reader cannot read, names its file and line, and never changes it', async () => {
    const data = await freshJournal(join(root, 'broken-quote'));
    await mkdir(join(data, 'imported'));
    const before = `${HEADER}\n2024-01-05T08:00:00,5000 m,27:00,Old run,Run,,,"a note never closed,,,,gpx:older,,\n2024-01-06T08:00:00,5000 m,27:00,Next,Run,,,,,,,gpx:next,,\n`;
    await writeFile(join(data, 'imported/tracks.csv'), before);
    for (let attempt = 0; attempt < 2; attempt++) {
      const outcome = await importInto(data, [GPX]);
      expect(outcome.exitCode).toBe(1);
      expect(outcome.stderr).toMatch(/broken-quote\/imported\/tracks\.csv:2: .*closing quote/);
      expect(await readFile(join(data, 'imported/tracks.csv'), 'utf8')).toBe(before);
    }
  });
});

describe('a symbolic link that leads out of the journal', () => {
  for (const folder of ['imported', 'routes']) {
    it(`is refused as ${folder}/, naming it, and nothing is written anywhere`, async () => {
      const data = await freshJournal(join(root, `linked-${folder}`, 'data'));
      const elsewhere = join(root, `linked-${folder}`, 'elsewhere');
      await mkdir(elsewhere);
      await symlink(elsewhere, join(data, folder));
      const before = await snapshot(data);
      const outcome = await importInto(data, [GPX]);
      expect(outcome.exitCode).toBe(1);
      expect(outcome.stderr).toMatch(new RegExp(`linked-${folder}/data/${folder}: it is a link that leads out of the journal \\(to .*linked-${folder}/elsewhere\\)`));
      expect(await readdir(elsewhere)).toEqual([]);
      expect(await snapshot(data)).toEqual(before);
    });
  }

  it('is refused when it leads to a folder not made yet, which is not made', async () => {
    const data = await freshJournal(join(root, 'dangling', 'data'));
    const elsewhere = join(root, 'dangling', 'elsewhere');
    await symlink(elsewhere, join(data, 'routes'));
    const outcome = await importInto(data, [GPX]);
    expect(outcome.exitCode).toBe(1);
    expect(outcome.stderr).toMatch(/dangling\/data\/routes: it is a link that leads out of the journal/);
    expect(await readdir(join(root, 'dangling'))).toEqual(['data']);
    expect(await readdir(data)).toEqual(['profile.md', 'routes', 'runs.csv']);
  });

  it('is followed when it stays inside the journal', async () => {
    const data = await freshJournal(join(root, 'linked-inside'));
    await mkdir(join(data, 'maps'));
    await symlink(join(data, 'maps'), join(data, 'routes'));
    const outcome = await importInto(data, [GPX]);
    expect(outcome.stderr).toBe('');
    expect(outcome.exitCode).toBe(0);
    expect((await readdir(join(data, 'maps'))).filter((name) => name.endsWith('.geojson'))).toHaveLength(1);
  });
});

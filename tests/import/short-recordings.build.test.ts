// Recordings under 200 m or 2 minutes (a watch started by mistake) are counted apart by `import`
// and `check`, never imported as runs (no "First run: 0 km").
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gpxOf, pointsOf } from '../imports/gps-tracks.ts';
import { freshJournal, importInto } from './journals.ts';

const repoRoot = join(import.meta.dirname, '../..');
let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'small-wins-short-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function watchFolder(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const day = (n: number) => Date.UTC(2024, 4, n, 7, 0, 0);
  // 150 m; 180 m; 400 m in 80 s: three false starts. 3 km in 15 minutes: a run.
  await writeFile(join(dir, 'a.gpx'), gpxOf(pointsOf([{ distance: 150, speed: 2 }], day(1))));
  await writeFile(join(dir, 'b.gpx'), gpxOf(pointsOf([{ distance: 180, speed: 1.5 }], day(2))));
  await writeFile(join(dir, 'c.gpx'), gpxOf(pointsOf([{ distance: 400, speed: 5 }], day(3))));
  await writeFile(join(dir, 'run.gpx'), gpxOf(pointsOf([{ distance: 3000, speed: 3.33 }], day(4))));
}

describe('recordings too short to be runs', () => {
  it('import counts them apart and imports only the run', async () => {
    const data = await freshJournal(join(root, 'imported'));
    await watchFolder(join(root, 'watch'));
    const outcome = await importInto(data, [join(root, 'watch')]);
    expect(outcome.exitCode).toBe(0);
    expect(outcome.stdout).toContain('Passed over 3 recordings too short to be runs (under 200 m or 2 minutes).');
    expect(outcome.stdout).toContain('The journal now has 1 run (was 0).');
    expect(outcome.stdout).not.toContain('other activit');
    const csv = await readFile(join(data, 'imported/tracks.csv'), 'utf8');
    expect(csv.trim().split('\n')).toHaveLength(2);
  });

  it('check counts them in its summary line, not as runs', async () => {
    const data = await freshJournal(join(root, 'loose'));
    await watchFolder(join(data, 'tracks'));
    const result = spawnSync(process.execPath, [join(repoRoot, 'scripts/check.ts'), '--data', data], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, SMALL_WINS_CACHE: join(root, 'cache') },
    });
    expect(result.stdout).toMatch(/^1 run on 2024-05-04, 3 km, .*, 3 recordings too short to be runs/m);
  });
});

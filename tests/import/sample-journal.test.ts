// The sample journal ships its track the new way: imported, trimmed, no raw file in data/; and
// importing the raw track in place gives back the same runs and wins.
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJournal } from '../../src/lib/journal/read-journal.ts';
import { filesUnder, importInto, siteOf } from './journals.ts';

const data = join(import.meta.dirname, '../../data');

describe('the sample journal', () => {
  it('holds no raw GPS or export file, and the ridge loop keeps its route and efforts from the import', async () => {
    expect((await filesUnder(data)).filter((f) => /\.(gpx|tcx|fit|gz|zip)$/i.test(f))).toEqual([]);
    const journal = await readJournal(data);
    expect(journal.errors).toEqual([]);
    expect(journal.warnings.filter((w) => w.message.includes('raw export files'))).toEqual([]);
    const ridge = journal.runs.filter((r) => r.date === '2024-10-19');
    expect(ridge).toHaveLength(1);
    expect(ridge[0]!.title).toBe('Ridge loop');
    expect(ridge[0]!.storyId).toBe('journal/2024-10-19-ridge-loop');
    expect(ridge[0]!.track?.points.length).toBeGreaterThan(20);
    expect(ridge[0]!.efforts.map((e) => e.distance)).toEqual([400, 1000, 1609.344, 5000, 10_000, 15_000, 16_093.44]);
  });
});

describe('moving raw tracks out of the journal folder', () => {
  it('imports data/tracks in place: merged with the logged run, no new win, the same runs once the folder is deleted', async () => {
    const root = await mkdtemp(join(tmpdir(), 'small-wins-sample-migration-'));
    try {
      const raw = join(root, 'data');
      await cp(data, raw, { recursive: true });
      await rm(join(raw, 'imported'), { recursive: true });
      await rm(join(raw, 'routes'), { recursive: true });
      await mkdir(join(raw, 'tracks'));
      await cp(join(import.meta.dirname, '../fixtures/sample/2024-10-19-ridge-loop.gpx'), join(raw, 'tracks/2024-10-19-ridge-loop.gpx'));
      const before = await siteOf(raw);
      const outcome = await importInto(raw, [join(raw, 'tracks')]);
      expect(outcome.exitCode).toBe(0);
      expect(outcome.stdout).toContain('Added 1 run to');
      expect(outcome.stdout).toContain('Merged 1 imported run with a run already in the journal');
      expect(outcome.stdout).toContain('No new win this time.');
      expect(outcome.stdout).toMatch(/Now delete .*data\/tracks: it is in the journal folder/);
      await rm(join(raw, 'tracks'), { recursive: true });
      const after = await siteOf(raw);
      expect(after.errors).toEqual([]);
      expect(after.runs).toEqual(before.runs);
      expect(after.wins).toEqual(before.wins);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

// The sample journal ships its track the new way: imported, trimmed, no raw file in data/.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJournal } from '../../src/lib/journal/read-journal.ts';
import { filesUnder } from './helpers.ts';

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

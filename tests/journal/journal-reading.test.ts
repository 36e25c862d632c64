import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildJournalSource, readJournalToShare, takeJournalReading } from '../../src/utils/journal-reading.ts';

const SAMPLE = resolve(import.meta.dirname, '../../data');

describe('one journal reading per build', () => {
  it('hands the content loader’s reading to the share cards once, then reads afresh', async () => {
    const shared = readJournalToShare(SAMPLE, null);
    expect(takeJournalReading(`${SAMPLE}/`, null)).toBe(shared);
    const again = takeJournalReading(SAMPLE, null);
    expect(again).not.toBe(shared);
    const [first, second] = await Promise.all([shared, again]);
    expect(second.wins.map((w) => w.slug)).toEqual(first.wins.map((w) => w.slug));
    expect(first.wins.length).toBeGreaterThan(10);
  });

  it('keeps readings of other days apart', async () => {
    const shared = readJournalToShare(SAMPLE, '2024-06-01');
    expect(takeJournalReading(SAMPLE, null)).not.toBe(shared);
    expect(takeJournalReading(SAMPLE, '2024-06-01')).toBe(shared);
    expect((await shared).journal.today).toBe('2024-06-01');
  });

  it('reads the folder and day the build names', () => {
    expect(buildJournalSource({ SMALL_WINS_DATA: 'journal', SMALL_WINS_TODAY: '' })).toEqual({ dataDir: resolve('journal'), today: null });
    expect(buildJournalSource({})).toEqual({ dataDir: resolve('data'), today: null });
    expect(buildJournalSource({ SMALL_WINS_TODAY: '2025-01-02' }).today).toBe('2025-01-02');
  });
});

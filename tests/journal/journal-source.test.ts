import { describe, expect, it } from 'vitest';
import { journalSource, JournalSourceError } from '../../src/lib/journal-source.ts';

describe('journalSource', () => {
  it('defaults to data/ and the last run when nothing is set, or set empty', () => {
    expect(journalSource({})).toEqual({ dataDir: 'data', today: null });
    expect(journalSource({ SMALL_WINS_DATA: '', SMALL_WINS_TODAY: '' })).toEqual({ dataDir: 'data', today: null });
    expect(journalSource({ SMALL_WINS_DATA: '  ', SMALL_WINS_TODAY: ' ' })).toEqual({ dataDir: 'data', today: null });
  });

  it('keeps the folder as written (commands show paths as the runner gave them)', () => {
    expect(journalSource({ SMALL_WINS_DATA: '../my journal' }).dataDir).toBe('../my journal');
    expect(journalSource({ SMALL_WINS_DATA: '/srv/runs' }).dataDir).toBe('/srv/runs');
  });

  it('reads a real date as today', () => {
    expect(journalSource({ SMALL_WINS_TODAY: '2025-06-30' }).today).toBe('2025-06-30');
    expect(journalSource({ SMALL_WINS_TODAY: ' 2024-02-29\n' }).today).toBe('2024-02-29');
  });

  it.each([
    ['2025-13-45', 'SMALL_WINS_TODAY: got "2025-13-45", expected a real calendar date (months run 01–12)'],
    ['2025-02-29', 'SMALL_WINS_TODAY: got "2025-02-29", expected a real calendar date (February 2025 has 28 days)'],
    ['2025-06-30 07:00', 'SMALL_WINS_TODAY: got "2025-06-30 07:00", expected a date like 2025-03-14 (without a time)'],
    ['yesterday', 'SMALL_WINS_TODAY: got "yesterday", expected a date like 2025-03-14 or 2025-03-14T07:30'],
  ])('refuses SMALL_WINS_TODAY=%s, saying what it expected', (value, message) => {
    expect(() => journalSource({ SMALL_WINS_TODAY: value })).toThrow(new JournalSourceError(message));
  });
});

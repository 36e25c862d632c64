import { describe, expect, test } from 'vitest';
import { recordRows, type RecordWin } from '../../src/lib/site/records.ts';
import { findWins } from '../../src/lib/wins/find-wins.ts';
import { makeProfile, makeRuns } from '../wins/make-run.ts';

describe('recordRows', () => {
  const runs = makeRuns([
    { date: '2024-05-01', km: 5, time: 1800 },
    { date: '2024-05-02', km: 12, time: 4000 },
    { date: '2024-05-03', km: 3, time: 1000 },
    { date: '2024-05-20', km: 1.609344, time: 540 },
    { date: '2024-06-20', km: 12, time: 3900 },
    { date: '2024-06-21', km: 6, time: 2000 },
    { date: '2024-09-01', km: 5, time: 1620 },
    { date: '2024-10-01', km: 10, time: 3500 },
    { date: '2024-10-02', km: 10, time: 3400, virtual: true },
  ]);
  const wins = findWins(runs, [], makeProfile());
  const rows = recordRows(runs, wins, 'monday');
  const byLabel = Object.fromEntries(rows.map((row) => [row.label, row]));

  test('best efforts come first, shortest distance first, from every timed effort', () => {
    expect(rows.slice(0, 3).map((r) => r.label)).toEqual(['Best mile', 'Best 5K', 'Best 10K']);
    expect(byLabel['Best 5K']).toMatchObject({ value: 1620, runId: '2024-09-01', slug: '2024-09-01-sub-27-30-5k' });
    // The first effort at a distance is a record without a win: no link, but still the best.
    expect(byLabel['Best mile']).toMatchObject({ value: 540, slug: null, runId: '2024-05-20' });
    // A treadmill or virtual run never sets a best.
    expect(byLabel['Best 10K']).toMatchObject({ value: 3500, runId: '2024-10-01' });
  });

  test('longest run: the first to reach the distance, linked to its win', () => {
    expect(byLabel['Longest run']).toMatchObject({ value: 12000, date: '2024-05-02', runId: '2024-05-02', slug: '2024-05-02-first-12-km' });
  });

  test('biggest week and month', () => {
    // 2024-04-29 is the Monday of the week of 1–3 May.
    expect(byLabel['Biggest week']).toMatchObject({ value: 20000, period: '2024-04-29', slug: null });
    expect(byLabel['Biggest month']).toMatchObject({ value: 21_609.344, period: '2024-05' });
  });

  test('longest streak of days', () => {
    expect(byLabel['Longest daily streak']).toMatchObject({ value: 3, date: '2024-05-01', until: '2024-05-03', unit: 'days' });
  });

  test('no runs: no records', () => {
    expect(recordRows([], [] as RecordWin[], 'monday')).toEqual([]);
  });
});

import { describe, expect, test } from 'vitest';
import { recordRows, type RecordWin } from '../../src/lib/wins/standings.ts';
import { findWins } from '../../src/lib/wins/find-wins.ts';
import { makeProfile, makeRuns } from '../wins/make-run.ts';

describe('recordRows', () => {
  const runs = makeRuns([
    { date: '2024-05-01', km: 5, time: 1800 },
    { date: '2024-05-02', km: 12, time: 4000 },
    { date: '2024-05-03', km: 3, time: 1000 },
    { date: '2024-05-20', km: 1.609344, time: 480 },
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
    expect(byLabel['Best mile']).toMatchObject({ value: 480, slug: null, runId: '2024-05-20' });
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

  test('longest streak of weeks, from its first week to the end of its last', () => {
    // Three weeks in a row (from Monday 1 January), a gap, then one more week.
    const weekly = makeRuns([{ date: '2024-01-01', km: 5 }, { date: '2024-01-09', km: 5 }, { date: '2024-01-17', km: 5 }, { date: '2024-02-20', km: 5 }]);
    const row = recordRows(weekly, findWins(weekly, [], makeProfile()), 'monday').find((r) => r.label === 'Longest weekly streak');
    expect(row).toMatchObject({ value: 3, unit: 'weeks', date: '2024-01-01', until: '2024-01-21', slug: null });
  });

  test('a best no win celebrated is left out when a longer best was faster per km', () => {
    // A trail run's GPS gives a 1K in 6:30 (its stream effort); a road 5K at 5:00 /km held a faster kilometre.
    const trail = makeRuns([
      { date: '2024-03-01', km: 5, time: 1500 },
      { date: '2024-03-08', km: 12, time: 5400, type: 'Trail', efforts: [{ distance: 1000, time: 390, startOffset: 0 }] },
    ]);
    const labels = recordRows(trail, findWins(trail, [], makeProfile()), 'monday').map((r) => r.label);
    expect(labels).toContain('Best 5K');
    expect(labels).not.toContain('Best 1K');
    // Faster per km than the 5K, it stays.
    const quick = makeRuns([
      { date: '2024-03-01', km: 5, time: 1500 },
      { date: '2024-03-08', km: 12, time: 5400, efforts: [{ distance: 1000, time: 270, startOffset: 0 }] },
    ]);
    expect(recordRows(quick, findWins(quick, [], makeProfile()), 'monday').map((r) => r.label)).toContain('Best 1K');
  });

  test("a first race's time links to the race's win, the only win it has", () => {
    const raced = makeRuns([{ date: '2024-04-01', km: 21.1, time: 7788, isRace: true, race: 'Coastline Half' }]);
    const wins = findWins(raced, [], makeProfile());
    const row = recordRows(raced, wins, 'monday').find((r) => r.label === 'Best half marathon');
    expect(row?.slug).toBe(wins.find((w) => w.kind === 'race')!.slug);
  });

  test('no runs: no records', () => {
    expect(recordRows([], [] as RecordWin[], 'monday')).toEqual([]);
  });
});

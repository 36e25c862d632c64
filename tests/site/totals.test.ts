import { describe, expect, test } from 'vitest';
import { cumulativeDistance, monthlyTotals, weeklyTotals } from '../../src/lib/wins/volume.ts';

const run = (date: string, distance: number, time: number | null = null) => ({ date, distance, time });

describe('weeklyTotals', () => {
  // 2025-03-03 is a Monday; 2025-03-02 a Sunday.
  const runs = [run('2025-03-03', 5000, 1800), run('2025-03-09', 3000, 1200), run('2025-03-20', 8000), run('2025-03-02', 2000, 600)];

  test('monday weeks, zero-filled between runs', () => {
    expect(weeklyTotals(runs, 'monday')).toEqual([
      { period: '2025-02-24', distance: 2000, time: 600, runs: 1 },
      { period: '2025-03-03', distance: 8000, time: 3000, runs: 2 },
      { period: '2025-03-10', distance: 0, time: 0, runs: 0 },
      { period: '2025-03-17', distance: 8000, time: 0, runs: 1 },
    ]);
  });

  test('sunday weeks put the Sunday run with the week after it', () => {
    expect(weeklyTotals(runs, 'sunday').map((w) => [w.period, w.distance])).toEqual([
      ['2025-03-02', 7000],
      ['2025-03-09', 3000],
      ['2025-03-16', 8000],
    ]);
  });

  test('a range keeps only its weeks and its runs', () => {
    expect(weeklyTotals(runs, 'monday', { from: '2025-03-04', to: '2025-03-12' })).toEqual([
      { period: '2025-03-03', distance: 3000, time: 1200, runs: 1 },
      { period: '2025-03-10', distance: 0, time: 0, runs: 0 },
    ]);
  });

  test('no runs, no weeks', () => {
    expect(weeklyTotals([], 'monday')).toEqual([]);
  });
});

describe('monthlyTotals', () => {
  test('every month from first to last, across a year end', () => {
    const months = monthlyTotals([run('2024-11-30', 1000), run('2025-02-01', 2000), run('2024-11-01', 500)]);
    expect(months.map((m) => [m.period, m.distance, m.runs])).toEqual([
      ['2024-11', 1500, 2],
      ['2024-12', 0, 0],
      ['2025-01', 0, 0],
      ['2025-02', 2000, 1],
    ]);
  });
});

describe('cumulativeDistance', () => {
  test('one point per day with a run, running total', () => {
    expect(cumulativeDistance([run('2025-01-02', 3000), run('2025-01-01', 1000), run('2025-01-02', 500)])).toEqual([
      { date: '2025-01-01', distance: 1000 },
      { date: '2025-01-02', distance: 4500 },
    ]);
  });
});

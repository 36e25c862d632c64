import { describe, expect, test } from 'vitest';
import { currentDailyStreak, currentWeeklyStreak, longestDailyStreak } from '../../src/lib/wins/consistency.ts';
import { headlineNumbers } from '../../src/lib/site/headline.ts';

const dates = ['2025-01-01', '2025-01-02', '2025-01-03', '2025-01-05', '2025-01-06', '2025-01-07', '2025-01-08'];

describe('daily streaks', () => {
  test.each([
    ['2025-01-08', 4, '2025-01-05'],
    // Today without a run yet: the streak that ended yesterday still counts.
    ['2025-01-09', 4, '2025-01-05'],
    ['2025-01-10', 0, null],
    ['2025-01-03', 3, '2025-01-01'],
  ])('as of %s the current streak is %i days', (today, length, from) => {
    const streak = currentDailyStreak(dates, today);
    expect(streak.length).toBe(length);
    expect(streak.from).toBe(from);
  });

  test('the longest streak, the earliest when tied', () => {
    expect(longestDailyStreak(dates)).toEqual({ length: 4, from: '2025-01-05', to: '2025-01-08' });
    expect(longestDailyStreak(['2025-01-01', '2025-01-03'])).toEqual({ length: 1, from: '2025-01-01', to: '2025-01-01' });
    expect(longestDailyStreak([])).toEqual({ length: 0, from: null, to: null });
  });
});

describe('weekly streak', () => {
  // Mondays: 2024-12-30, 2025-01-06, 2025-01-13 (empty), 2025-01-20.
  const weekly = ['2024-12-31', '2025-01-06', '2025-01-12'];
  test.each([
    ['2025-01-12', 'monday', 2],
    ['2025-01-19', 'monday', 2],
    ['2025-01-20', 'monday', 0],
    // Sunday weeks: 2025-01-12 opens a third week.
    ['2025-01-12', 'sunday', 3],
  ] as const)('as of %s (%s weeks) it is %i weeks', (today, weekStart, length) => {
    expect(currentWeeklyStreak(weekly, today, weekStart).length).toBe(length);
  });
});

describe('headlineNumbers', () => {
  test('sums the journal as of its today', () => {
    const runs = dates.map((date, i) => ({ date, distance: 1000 * (i + 1), time: i === 0 ? null : 600 }));
    const headline = headlineNumbers(runs, 12, '2025-01-08', 'monday');
    expect(headline).toMatchObject({ runs: 7, distance: 28_000, time: 3600, wins: 12, today: '2025-01-08' });
    expect(headline.dailyStreak.length).toBe(4);
    expect(headline.weeklyStreak.length).toBe(2);
  });

  test('an empty journal has no streaks', () => {
    const headline = headlineNumbers([], 0, null, 'monday');
    expect(headline).toMatchObject({ runs: 0, distance: 0, wins: 0 });
    expect(headline.dailyStreak.length).toBe(0);
  });
});

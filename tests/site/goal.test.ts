import { describe, expect, test } from 'vitest';
import { staircase, weeksAndDays } from '../../src/lib/site/goal.ts';

const goal = { slug: 'ultra', date: '2025-06-14', distance: 50_000, start: '2025-01-06' };
const run = (id: string, distance: number, isRace = false) => ({ id, date: id.slice(0, 10), distance, time: null, isRace });
const runs = [
  run('2024-12-20', 30_000),
  run('2025-01-07', 10_000),
  run('2025-01-12', 14_000),
  run('2025-01-19', 12_000),
  run('2025-02-02', 21_000),
  run('2025-05-10', 40_000),
  run('2025-06-14', 5_000),
  run('2025-06-14-2', 50_800, true),
];

describe('staircase', () => {
  test('steps are the long runs of the build-up that beat every one before', () => {
    const s = staircase(goal, runs, '2025-05-10', 'monday');
    expect(s.steps.map((step) => [step.date, step.value])).toEqual([
      ['2025-01-07', 10_000],
      ['2025-01-12', 14_000],
      ['2025-02-02', 21_000],
      ['2025-05-10', 40_000],
    ]);
    expect(s.reached).toBeCloseTo(0.8);
    expect(s.start).toBe('2025-01-06');
  });

  test('weeks to go as of the journal today, counted in calendar weeks', () => {
    const s = staircase(goal, runs, '2025-05-10', 'monday');
    // 2025-05-10 is in the week of 2025-05-05; race week starts 2025-06-09.
    expect(s.weeksToGo).toBe(5);
    expect(s.daysToGo).toBe(35);
    expect(s.result).toBeNull();
    expect(s.weeks[0]?.period).toBe('2025-01-06');
    expect(s.weeks.at(-1)?.period).toBe('2025-05-05');
  });

  test('after race day: the race is the result and nothing is left to go', () => {
    const s = staircase(goal, runs, '2025-06-20', 'monday');
    expect(s.weeksToGo).toBeNull();
    expect(s.result?.id).toBe('2025-06-14-2');
    // Race day itself is not part of the build-up.
    expect(s.steps.at(-1)?.value).toBe(40_000);
  });

  test('without a start, the build-up begins with the first run', () => {
    expect(staircase({ ...goal, start: null }, runs, '2025-05-10', 'monday').steps[0]?.date).toBe('2024-12-20');
  });

  test('a full-distance race the day after race day is the result, as the goal-achieved win says', () => {
    const late = [...runs.slice(0, 6), run('2025-06-15', 50_600, true)];
    const s = staircase(goal, late, '2025-06-20', 'monday');
    expect(s.result?.id).toBe('2025-06-15');
    expect(s.phase).toBe('done');
  });

  test('with a time target, only a finish at or under it achieves the goal', () => {
    const timed = [...runs.slice(0, 6), { ...run('2025-06-14', 50_000, true), time: 6 * 3600 + 5 }];
    expect(staircase({ ...goal, time: 6 * 3600 }, timed, '2025-06-20', 'monday').result).toBeNull();
    expect(staircase({ ...goal, time: 6 * 3600 + 5 }, timed, '2025-06-20', 'monday').result?.id).toBe('2025-06-14');
  });

  test('the taper: the last four weeks before a marathon or longer, two before a shorter race', () => {
    expect(staircase(goal, runs, '2025-05-16', 'monday').phase).toBe('build-up');
    expect(staircase(goal, runs, '2025-05-17', 'monday').phase).toBe('taper');
    const tenK = { ...goal, distance: 10_000 };
    expect(staircase(tenK, runs, '2025-05-30', 'monday').phase).toBe('build-up');
    expect(staircase(tenK, runs, '2025-05-31', 'monday').phase).toBe('taper');
  });
});

test('a countdown in weeks and days reads the same everywhere, in singular and plural', () => {
  expect(weeksAndDays(27)).toBe('3 weeks and 6 days');
  expect(weeksAndDays(8)).toBe('1 week and 1 day');
  expect(weeksAndDays(14)).toBe('2 weeks');
  expect(weeksAndDays(5)).toBe('5 days');
});

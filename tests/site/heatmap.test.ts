import { describe, expect, test } from 'vitest';
import { CELL, GAP, heatmapYears, levelFor } from '../../src/lib/site/heatmap.ts';

describe('levelFor', () => {
  test.each([
    [0, 5000, 0],
    [2000, 5000, 1],
    [5000, 5000, 2],
    [9000, 5000, 3],
    [21000, 5000, 4],
  ])('%i m on a %i m typical day is level %i', (distance, typical, level) => {
    expect(levelFor(distance, typical)).toBe(level);
  });
});

describe('heatmapYears', () => {
  const runs = [
    { date: '2024-12-30', distance: 5000, time: null },
    { date: '2025-01-01', distance: 5000, time: null },
    { date: '2025-01-01', distance: 5000, time: null },
    { date: '2025-01-06', distance: 2000, time: null },
    { date: '2025-03-01', distance: 20000, time: null },
    { date: '2025-06-01', distance: 5000, time: null },
  ];
  const years = heatmapYears(runs, '2025-03-01', 'monday');

  test('one block per year with runs up to today, newest first', () => {
    expect(years.map((y) => y.year)).toEqual(['2025', '2024']);
    const [y2025, y2024] = years;
    expect(y2025?.cells.at(-1)?.date).toBe('2025-03-01');
    expect(y2024?.cells).toHaveLength(366);
  });

  test('a day is placed by its week and weekday, runs of a day summed', () => {
    const y2025 = years[0];
    // 2025-01-01 is a Wednesday: third row of the week starting Monday 2024-12-30.
    const newYear = y2025?.cells.find((c) => c.date === '2025-01-01');
    expect(newYear).toMatchObject({ x: 0, y: 2 * (CELL + GAP), distance: 10_000 });
    const monday = y2025?.cells.find((c) => c.date === '2025-01-06');
    expect(monday).toMatchObject({ x: CELL + GAP, y: 0, level: 1 });
    expect(y2025?.cells.find((c) => c.date === '2025-01-02')?.level).toBe(0);
  });

  test('month labels sit at the week of the first', () => {
    expect(years[0]?.months.map((m) => m.month)).toEqual(['2025-01', '2025-02', '2025-03']);
    expect(years[0]?.months[0]?.x).toBe(0);
  });

  test('at most maxYears blocks', () => {
    expect(heatmapYears(runs, '2025-12-31', 'monday', 1).map((y) => y.year)).toEqual(['2025']);
  });
});

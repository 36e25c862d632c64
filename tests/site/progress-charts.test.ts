import { describe, expect, test } from 'vitest';
import { dayNumber } from '../../src/lib/format/dates.ts';
import { bestsChart, lifetimeChart, monthlyDistanceChart, paceChart, weeklyDistanceChart } from '../../src/lib/site/progress-charts.ts';

const runs = [
  { date: '2025-01-06', distance: 5000, time: 1800 },
  { date: '2025-01-08', distance: 8046.72, time: null },
  { date: '2025-02-20', distance: 10000, time: 3000 },
];
const km = { units: 'km' as const, locale: 'en' };

describe('progress charts', () => {
  test('weekly distance in the profile unit, one bar per week', () => {
    const spec = weeklyDistanceChart(runs, 'monday', { units: 'mi', locale: 'en' });
    expect(spec.labels?.[0]).toBe('2025-01-06');
    expect(spec.datasets[0]?.values?.[0]).toBe(8.1);
    expect(spec.labels).toHaveLength(7);
  });

  test('weekly distance covers the last weeks up to today only', () => {
    const spec = weeklyDistanceChart(runs, 'monday', { ...km, today: '2025-02-23', weeks: 3 });
    expect(spec.labels).toEqual(['2025-02-03', '2025-02-10', '2025-02-17']);
    expect(spec.datasets[0]?.values).toEqual([0, 0, 10]);
  });

  test('monthly distance', () => {
    expect(monthlyDistanceChart(runs, km).datasets[0]?.values).toEqual([13, 10]);
  });

  test('lifetime distance at the end of each month, with the milestones marked', () => {
    const spec = lifetimeChart(runs, [{ date: '2025-01-08', value: 10_000, title: '10 km lifetime' }], km);
    expect(spec.datasets[0]?.points).toEqual([
      { x: dayNumber('2025-01-08'), y: 13 },
      { x: dayNumber('2025-02-20'), y: 23 },
    ]);
    expect(spec.datasets[1]).toMatchObject({ marks: true, points: [{ x: dayNumber('2025-01-08'), y: 10 }] });
  });

  test('personal bests step down over time on a reversed axis', () => {
    const spec = bestsChart([{ label: '5K best', points: [{ date: '2025-01-06', value: 1800.4 }] }], km);
    expect(spec).toMatchObject({ stepped: true, reverse: true, format: 'duration' });
    expect(spec.datasets[0]?.points).toEqual([{ x: dayNumber('2025-01-06'), y: 1800 }]);
  });

  test('pace per month counts only runs with a time', () => {
    // January: 1800 s over 5 km (the untimed run is left out); February: 3000 s over 10 km.
    expect(paceChart(runs, km).datasets[0]?.values).toEqual([360, 300]);
  });
});

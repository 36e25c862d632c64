import { describe, expect, test } from 'vitest';
import { bars, niceTicks, stepLine, type Frame } from '../../src/lib/site/chart-geometry.ts';

const frame: Frame = { width: 220, height: 120, padding: [10, 10, 10, 10] };
const points = [
  { date: '2025-01-01', value: 1800 },
  { date: '2025-01-11', value: 1700 },
  { date: '2025-01-21', value: 1600 },
];

describe('stepLine', () => {
  test('spreads dates over the plot width and values over its height', () => {
    const g = stepLine(points, frame);
    expect(g.dots.map((d) => [d.cx, d.cy])).toEqual([
      [10, 10],
      [110, 60],
      [210, 110],
    ]);
    expect(g.path).toBe('M10 10H110V60H210V110');
  });

  test('inverted: a faster time climbs, and the highlighted point is marked', () => {
    const g = stepLine(points, frame, { invert: true, highlight: 2 });
    expect(g.dots.map((d) => d.cy)).toEqual([110, 60, 10]);
    expect(g.dots.map((d) => d.highlight)).toEqual([false, false, true]);
    expect(g.yTicks.map((t) => t.value)).toEqual([1600, 1700, 1800]);
  });

  test('extends the last step to a later date', () => {
    const g = stepLine(points.slice(0, 1), frame, { extendTo: '2025-01-11' });
    expect(g.path).toBe('M10 60H210');
    expect(g.xLabels.map((l) => l.date)).toEqual(['2025-01-01', '2025-01-11']);
  });

  test('the line can stop before the axis ends (today before race day)', () => {
    const g = stepLine(points.slice(0, 1), frame, { extendTo: '2025-01-21', lineTo: '2025-01-11' });
    expect(g.path).toBe('M10 60H110');
    expect(g.xLabels.at(-1)?.date).toBe('2025-01-21');
  });

  test('a ceiling keeps a target on the chart', () => {
    const g = stepLine(points, frame, { floor: 0, ceiling: 3600, axis: { kind: 'duration' } });
    expect(g.yTicks.map((t) => t.value)).toEqual([0, 1800, 3600]);
    expect(g.dots[0]?.cy).toBe(60);
  });

  test('no points, nothing to draw', () => {
    expect(stepLine([], frame).path).toBe('');
  });
});

describe('niceTicks', () => {
  test('durations step by whole minutes: 26:00, 28:00, not 26:20, 30:34', () => {
    expect(niceTicks(1580, 1834, { kind: 'duration' })).toEqual([1560, 1680, 1800, 1920]);
    expect(niceTicks(1500, 4200, { kind: 'duration' })).toEqual([900, 1800, 2700, 3600, 4500]);
  });

  test('distances step by round values of the unit shown: 0/20/40 km, not 0/17/35', () => {
    expect(niceTicks(0, 35_000, { kind: 'number', scale: 1000 })).toEqual([0, 20_000, 40_000]);
    const miles = niceTicks(0, 35_000, { kind: 'number', scale: 1609.344 }).map((m) => Math.round(m / 1609.344));
    expect(miles).toEqual([0, 10, 20, 30]);
  });

  test('counts step by whole numbers and the ends enclose the data', () => {
    expect(niceTicks(3, 5, { kind: 'number', whole: true })).toEqual([3, 4, 5]);
    const ticks = niceTicks(17, 83);
    expect(ticks[0]).toBeLessThanOrEqual(17);
    expect(ticks.at(-1)).toBeGreaterThanOrEqual(83);
  });
});

describe('bars', () => {
  test('the tallest bar fills the plot, zero keeps its slot', () => {
    const g = bars(
      [
        { label: 'a', value: 10 },
        { label: 'b', value: 0 },
        { label: 'c', value: 5 },
        { label: 'd', value: 20 },
      ],
      { width: 210, height: 110, padding: [10, 0, 0, 10] },
      { gap: 10 },
    );
    expect(g.max).toBe(20);
    expect(g.ticks).toEqual([0, 20]);
    expect(g.bars.map((b) => [b.x, b.width, b.y, b.height])).toEqual([
      [15, 40, 60, 50],
      [65, 40, 110, 0],
      [115, 40, 85, 25],
      [165, 40, 10, 100],
    ]);
  });
});

test('bars on an axis: the plot tops out at the round tick above the highest bar', () => {
  const g = bars([{ label: 'a', value: 35_000 }], { width: 100, height: 100, padding: [0, 0, 0, 0] }, { axis: { kind: 'number', scale: 1000 } });
  expect(g.ticks).toEqual([0, 20_000, 40_000]);
  expect(g.bars[0]?.height).toBe(87.5);
});

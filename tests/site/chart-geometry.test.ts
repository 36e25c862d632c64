import { describe, expect, test } from 'vitest';
import { bars, stepLine, type Frame } from '../../src/lib/site/chart-geometry.ts';

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
    const g = stepLine(points, frame, { floor: 0, ceiling: 3600 });
    expect(g.yTicks.map((t) => t.value)).toEqual([0, 1800, 3600]);
    expect(g.dots[0]?.cy).toBe(60);
  });

  test('no points, nothing to draw', () => {
    expect(stepLine([], frame).path).toBe('');
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
    expect(g.bars.map((b) => [b.x, b.width, b.y, b.height])).toEqual([
      [15, 40, 60, 50],
      [65, 40, 110, 0],
      [115, 40, 85, 25],
      [165, 40, 10, 100],
    ]);
  });
});

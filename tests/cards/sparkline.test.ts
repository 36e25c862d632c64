import { describe, expect, it } from 'vitest';
import type { CardSparkline } from '../../src/lib/cards/card-input.ts';
import { sparklinePoints, sparklineSvg } from '../../src/lib/cards/sparkline.ts';

const box = { width: 400, height: 100, inset: 10 };
const spark = (values: number[], lowerIsBetter = false): CardSparkline => ({ values, highlight: values.length - 1, lowerIsBetter, label: '' });

describe('sparklinePoints', () => {
  it('spans the box inside its inset', () => {
    const points = sparklinePoints(spark([1, 5, 3, 9]), box);
    expect(points[0]![0]).toBe(10);
    expect(points.at(-1)![0]).toBe(390);
    for (const [x, y] of points) {
      expect(x).toBeGreaterThanOrEqual(10);
      expect(x).toBeLessThanOrEqual(390);
      expect(y).toBeGreaterThanOrEqual(10);
      expect(y).toBeLessThanOrEqual(90);
    }
  });

  it('draws better as higher, for times too', () => {
    const rising = sparklinePoints(spark([1, 9]), box);
    expect(rising[1]![1]).toBeLessThan(rising[0]![1]);
    const faster = sparklinePoints(spark([1600, 1500], true), box);
    expect(faster[1]![1]).toBeLessThan(faster[0]![1]);
    expect(faster[1]![1]).toBe(10);
  });

  it('puts a flat series in the middle', () => {
    expect(sparklinePoints(spark([5, 5, 5]), box).map(([, y]) => y)).toEqual([50, 50, 50]);
  });
});

describe('sparklineSvg', () => {
  it('rings the highlighted point and keeps it inside the box', () => {
    const svg = sparklineSvg(spark([3, 1, 4, 1, 5, 9]), { width: 400, height: 120 }, { line: '#FFFFFF', background: '#000000' });
    const circle = /<circle cx="([\d.]+)" cy="([\d.]+)" r="([\d.]+)"/.exec(svg);
    expect(circle).not.toBeNull();
    const [cx, cy, r] = circle!.slice(1).map(Number) as [number, number, number];
    expect(cx + r).toBeLessThanOrEqual(400);
    expect(cy - r).toBeGreaterThanOrEqual(0);
    expect(svg).toContain('<polyline');
  });
});

import { describe, expect, it } from 'vitest';
import type { CardSparkline } from '../../src/lib/cards/card-input.ts';
import { sparklinePoints, sparklineSvg, streakSvg } from '../../src/lib/cards/sparkline.ts';

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

describe('by date', () => {
  it('spaces points by their days rather than evenly, and draws steps', () => {
    const dated: CardSparkline = { ...spark([1, 2, 3, 4]), days: [0, 10, 20, 100] };
    expect(sparklinePoints(dated, box).map(([x]) => x)).toEqual([10, 48, 86, 390]);
    const svg = sparklineSvg(dated, { width: 400, height: 120 }, { line: '#FFFFFF', background: '#000000' });
    const points = /<polyline points="([^"]+)"/.exec(svg)![1]!.split(' ');
    // Each rise is a flat stretch and a step up: two points per rise, after the first.
    expect(points).toHaveLength(7);
  });
});

describe('streakSvg', () => {
  const colours = { line: '#FFFFFF', background: '#000000', faint: '#333333' };
  const rects = (svg: string) => [...svg.matchAll(/<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)"[^>]*fill="(#[0-9A-F]+)"/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]), size: Number(m[3]), fill: m[4] }));

  it('draws one square per day, the days before the first faint, in week rows or columns inside the box', () => {
    const squares = rects(streakSvg({ unit: 'day', count: 30, offset: 5 }, { width: 900, height: 240 }, colours));
    expect(squares).toHaveLength(35);
    expect(squares.filter((s) => s.fill === '#333333')).toHaveLength(5);
    for (const s of squares) {
      expect(s.x).toBeGreaterThanOrEqual(0);
      expect(s.x + s.size).toBeLessThanOrEqual(900);
      expect(s.y + s.size).toBeLessThanOrEqual(240);
    }
    // Seven to a column or a row: a calendar.
    expect([new Set(squares.map((s) => s.x)).size, new Set(squares.map((s) => s.y)).size]).toContain(7);
  });

  it('draws one square per week', () => {
    expect(rects(streakSvg({ unit: 'week', count: 52, offset: 0 }, { width: 380, height: 140 }, colours))).toHaveLength(52);
  });
});

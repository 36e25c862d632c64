import { describe, expect, it } from 'vitest';
import { elevationGain, smoothElevation, streamElevationGain } from '../../src/lib/journal/imports/elevation.ts';
import { buildStream, haversine, movingTime, type RawSample } from '../../src/lib/journal/imports/streams.ts';

const sample = (time: number, lat: number | null, lon: number | null, extra: Partial<RawSample> = {}): RawSample => ({
  time,
  lat,
  lon,
  elevation: null,
  distance: null,
  ...extra,
});

describe('haversine', () => {
  it('measures one degree of latitude as 1/360 of the mean Earth circumference', () => {
    expect(haversine([45, 10], [46, 10])).toBeCloseTo((2 * Math.PI * 6_371_008.8) / 360, 6);
  });
  it('is zero for one point', () => {
    expect(haversine([58.9, 5.7], [58.9, 5.7])).toBe(0);
  });
});

describe('buildStream', () => {
  it('sums distance from positions when the file has no distance (GPX)', () => {
    const step = haversine([45, 10], [45.001, 10]);
    const stream = buildStream([sample(0, 45, 10), sample(10_000, 45.001, 10), sample(20_000, 45.002, 10)])!;
    expect(stream.time).toEqual([0, 10, 20]);
    expect(stream.distance[2]).toBeCloseTo(2 * step, 6);
  });

  it("uses the device's distance when most samples carry one, never going backwards", () => {
    const stream = buildStream([
      sample(0, 45, 10, { distance: 0 }),
      sample(1000, 45.5, 10, { distance: 5 }),
      sample(2000, null, null, { distance: 4 }),
      sample(3000, null, null, { distance: 12 }),
    ])!;
    expect(stream.distance).toEqual([0, 5, 5, 12]);
  });

  it('sorts samples, drops repeated timestamps, and stops at a garbage timestamp decades later', () => {
    const stream = buildStream([
      sample(200_000, 45.002, 10),
      sample(0, 45, 10),
      sample(100_000, 45.001, 10),
      sample(100_000, 45.001, 10),
      sample(3_000_000_000_000, 45.003, 10),
    ])!;
    expect(stream.time).toEqual([0, 100, 200]);
  });

  it('skips positions at 0,0 (no fix) and returns null for fewer than two samples', () => {
    const stream = buildStream([sample(0, 45, 10), sample(100_000, 0, 0), sample(200_000, 45.001, 10)])!;
    expect(stream.positions[1]).toBeNull();
    expect(stream.distance[2]).toBeCloseTo(haversine([45, 10], [45.001, 10]), 6);
    expect(buildStream([sample(0, 45, 10)])).toBeNull();
  });
});

describe('movingTime', () => {
  it('leaves standing still out', () => {
    const stream = buildStream([
      sample(0, null, null, { distance: 0 }),
      sample(100_000, null, null, { distance: 300 }),
      sample(400_000, null, null, { distance: 301 }),
      sample(500_000, null, null, { distance: 600 }),
    ])!;
    expect(movingTime(stream)).toBe(200);
  });
});

describe('elevation gain', () => {
  it('ignores jitter below the threshold and counts a real hill in full', () => {
    const flatNoise = [100, 101, 100, 101.5, 100, 101, 100];
    const hill = [102, 104, 106, 108, 110, 112, 114, 116, 118, 120, 119, 120, 115, 110, 100];
    expect(elevationGain(flatNoise)).toBe(0);
    expect(elevationGain([...flatNoise, ...hill])).toBe(20);
    expect(elevationGain([100, ...hill, ...hill])).toBe(20 + 20);
  });

  it('is null without elevation', () => {
    expect(elevationGain([null, null])).toBeNull();
  });

  it('smooths over a time window, so a one-sample spike does not count', () => {
    const time = Array.from({ length: 21 }, (_, i) => i);
    const elevation = time.map((t) => (t === 10 ? 110 : 100));
    expect(elevationGain(elevation)).toBe(10);
    expect(smoothElevation(time, elevation)[10]).toBeCloseTo(100 + 10 / 21, 9);
    expect(streamElevationGain(time, elevation)).toBe(0);
  });
});

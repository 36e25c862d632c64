import { describe, expect, it } from 'vitest';
import { MAX_TRACK_POINTS, publishableTrack } from '../../src/lib/journal/imports/privacy.ts';
import { haversine } from '../../src/lib/journal/imports/streams.ts';

type Point = [number, number];
const metresPerDegree = (2 * Math.PI * 6_371_008.8) / 360;

/** A path from [lat, lon] waypoints, a point every ~10 m. */
function pathThrough(waypoints: Point[]): Point[] {
  const points: Point[] = [];
  for (let w = 1; w < waypoints.length; w++) {
    const [a, b] = [waypoints[w - 1]!, waypoints[w]!];
    const steps = Math.max(1, Math.round(haversine(a, b) / 10));
    for (let s = 0; s < steps; s++) points.push([a[0] + ((b[0] - a[0]) * s) / steps, a[1] + ((b[1] - a[1]) * s) / steps]);
  }
  points.push(waypoints[waypoints.length - 1]!);
  return points;
}

function nearest(track: ReadonlyArray<readonly [number, number]>, to: Point): number {
  return Math.min(...track.map((p) => haversine(p, to)));
}

describe('publishableTrack', () => {
  const home: Point = [59.9, 10.7];
  const km = 1000 / metresPerDegree;

  it('cuts the first and last 500 m of a straight run', () => {
    const points = pathThrough([home, [home[0] + 3 * km, home[1]]]);
    const track = publishableTrack(points, 500)!;
    expect(nearest(track.points, home)).toBeGreaterThanOrEqual(500);
    expect(nearest(track.points, points[points.length - 1]!)).toBeGreaterThanOrEqual(500);
    // Only the middle 2 km remain.
    expect(haversine(track.points[0]!, track.points[track.points.length - 1]!)).toBeGreaterThan(1900);
    expect(haversine(track.points[0]!, track.points[track.points.length - 1]!)).toBeLessThanOrEqual(2000);
  });

  it('hides the start of an out-and-back everywhere, not only in its first 500 m', () => {
    const turn: Point = [home[0] + 2 * km, home[1]];
    const points = pathThrough([home, turn, [home[0] + 0.2 * km, home[1] + 0.2 * km]]);
    const track = publishableTrack(points, 500)!;
    expect(nearest(track.points, home)).toBeGreaterThanOrEqual(500);
    expect(nearest(track.points, points[points.length - 1]!)).toBeGreaterThanOrEqual(500);
  });

  it('splits the line where a loop passes through the hidden zone', () => {
    // North 1.5 km, a step east, then south past home ~110 m away, ending 2 km from home.
    const loop = pathThrough([
      home,
      [home[0] + 1.5 * km, home[1]],
      [home[0] + 1.5 * km, home[1] + 0.002],
      [home[0] - 1.5 * km, home[1] + 0.002],
      [home[0] - 1.5 * km, home[1] + 0.04],
    ]);
    const track = publishableTrack(loop, 500)!;
    expect(track.breaks?.length).toBeGreaterThanOrEqual(1);
    expect(nearest(track.points, loop[0]!)).toBeGreaterThanOrEqual(500);
  });

  it('keeps few, rounded points: enough to draw, no more', () => {
    const wiggly = Array.from({ length: 20_000 }, (_, i): Point => [home[0] + (i * 5) / metresPerDegree, home[1] + Math.sin(i / 7) * 0.001]);
    const track = publishableTrack(wiggly, 500)!;
    expect(track.points.length).toBeLessThanOrEqual(MAX_TRACK_POINTS);
    expect(track.points.length).toBeGreaterThan(10);
    for (const [lat, lon] of track.points) {
      expect(Math.round(lat * 1e5) / 1e5).toBe(lat);
      expect(Math.round(lon * 1e5) / 1e5).toBe(lon);
    }
  });

  it('is null when nothing outside the hidden zones is left, and trims nothing at 0', () => {
    expect(publishableTrack(pathThrough([home, [home[0] + 0.9 * km, home[1]]]), 500)).toBeNull();
    const points = pathThrough([home, [home[0] + 0.9 * km, home[1]]]);
    const untrimmed = publishableTrack(points, 0)!;
    expect(untrimmed.points[0]).toEqual([home[0], home[1]]);
    expect(publishableTrack([null, null], 500)).toBeNull();
  });
});

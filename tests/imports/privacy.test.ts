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

/** A timed track: [lat, lon] fixes and their seconds, one fix a second along straight legs. */
function timedPath(start: Point, legs: Array<{ to: Point; speed: number }>, t0 = 0): { points: Point[]; times: number[] } {
  const points: Point[] = [start];
  const times: number[] = [t0];
  let from = start;
  for (const { to, speed } of legs) {
    const steps = Math.max(1, Math.round(haversine(from, to) / speed));
    for (let s = 1; s <= steps; s++) {
      points.push([from[0] + ((to[0] - from[0]) * s) / steps, from[1] + ((to[1] - from[1]) * s) / steps]);
      times.push(times[times.length - 1]! + 1);
    }
    from = to;
  }
  return { points, times };
}

/** [lat, lon] `north` and `east` metres from `p`. */
function moved(p: Point, north: number, east: number): Point {
  return [p[0] + north / metresPerDegree, p[1] + east / (metresPerDegree * Math.cos((p[0] * Math.PI) / 180))];
}

const SECRET = 'a-test-secret-that-is-long-enough-0123456789';

describe('publishableTrack: where the runner really started', () => {
  const home: Point = [59.9, 10.7];

  it('hides home when the first fix is a cached position 3 km away and the run starts from home 300 s later', () => {
    const run = timedPath(home, [{ to: moved(home, 4000, 0), speed: 3 }, { to: moved(home, 4000, 2000), speed: 3 }]);
    const points: Point[] = [moved(home, -3000, 0), ...run.points];
    const times = [0, ...run.times.map((t) => t + 300)];
    for (const privacy of [500, { trim: 500, secret: SECRET, zones: [] }]) {
      const track = publishableTrack(points, privacy, { id: 'run-1', times })!;
      expect(track.points.length).toBeGreaterThanOrEqual(2);
      expect(nearest(track.points, home)).toBeGreaterThanOrEqual(500);
    }
  });

  it('hides home when a cold start drifts 700 m, closing on home at 5 m/s, before the run', () => {
    const drift = timedPath(moved(home, 0, -700), [{ to: home, speed: 5 }]);
    const run = timedPath(home, [{ to: moved(home, 4000, 0), speed: 3 }, { to: moved(home, 4000, 2000), speed: 3 }], drift.times.at(-1)! + 1);
    const points = [...drift.points, ...run.points];
    const times = [...drift.times, ...run.times];
    const track = publishableTrack(points, 500, { id: 'run-2', times })!;
    expect(nearest(track.points, home)).toBeGreaterThanOrEqual(500);
    // The published map starts nowhere near the drift's first fix either.
    expect(nearest(track.points, points[0]!)).toBeGreaterThanOrEqual(500);
  });
});

/** The centre of the circle nearest to `points` (Kåsa's least-squares fit, on a flat local projection in metres). */
function fitCircleCentre(points: readonly Point[], origin: Point): Point {
  const xy = points.map((p) => [(p[1] - origin[1]) * metresPerDegree * Math.cos((origin[0] * Math.PI) / 180), (p[0] - origin[0]) * metresPerDegree]);
  // Solve x² + y² = a x + b y + c for a, b, c: the normal equations of a 3×3 system.
  const m = [[0, 0, 0], [0, 0, 0], [0, 0, 0]];
  const v = [0, 0, 0];
  for (const [x, y] of xy) {
    const row = [x!, y!, 1];
    const z = x! * x! + y! * y!;
    for (let i = 0; i < 3; i++) {
      v[i]! += row[i]! * z;
      for (let j = 0; j < 3; j++) m[i]![j]! += row[i]! * row[j]!;
    }
  }
  const det = (a: number[][]) => a[0]![0]! * (a[1]![1]! * a[2]![2]! - a[1]![2]! * a[2]![1]!) - a[0]![1]! * (a[1]![0]! * a[2]![2]! - a[1]![2]! * a[2]![0]!) + a[0]![2]! * (a[1]![0]! * a[2]![1]! - a[1]![1]! * a[2]![0]!);
  const d = det(m);
  const solve = (k: number) => det(m.map((row, i) => row.map((value, j) => (j === k ? v[i]! : value)))) / d;
  const [cx, cy] = [solve(0) / 2, solve(1) / 2];
  return moved(origin, cy, cx);
}

describe('publishableTrack: no number of runs gives home away', () => {
  const home: Point = [59.9, 10.7];
  // 20 out-and-backs from the same door in 20 directions, each fix of the door a few metres off.
  const runs = Array.from({ length: 20 }, (_, k) => {
    const angle = (2 * Math.PI * k) / 20;
    const door = moved(home, 4 * Math.sin(k * 1.7), 4 * Math.cos(k * 2.3));
    const turn = moved(home, 5000 * Math.cos(angle), 5000 * Math.sin(angle));
    return { id: `2025-03-${String(k + 1).padStart(2, '0')}T07:00:00Z`, ...timedPath(door, [{ to: turn, speed: 3 }, { to: door, speed: 3 }]) };
  });
  const publishedEnds = (privacy: Parameters<typeof publishableTrack>[1]): Point[] =>
    runs.flatMap((run) => {
      const track = publishableTrack(run.points, privacy, { id: run.id, times: run.times })!;
      return [track.points[0]! as Point, track.points[track.points.length - 1]! as Point];
    });

  it('a least-squares fit of the published ends of a plain circle finds home within metres', () => {
    expect(haversine(fitCircleCentre(publishedEnds(500), home), home)).toBeLessThan(15);
  });

  it('with the secret the same fit lands at least 300 m from home, and no end is within the trim of it', () => {
    const ends = publishedEnds({ trim: 500, secret: SECRET, zones: [] });
    expect(nearest(ends, home)).toBeGreaterThanOrEqual(500);
    expect(haversine(fitCircleCentre(ends, home), home)).toBeGreaterThanOrEqual(300);
    // The radius differs per run, so the ends do not even lie on one circle.
    const centre = fitCircleCentre(ends, home);
    const radii = ends.map((p) => haversine(p, centre));
    expect(Math.max(...radii) - Math.min(...radii)).toBeGreaterThan(50);
  });

  it('the same data and secret give the same tracks; another secret other ones', () => {
    const a = publishedEnds({ trim: 500, secret: SECRET, zones: [] });
    expect(publishedEnds({ trim: 500, secret: SECRET, zones: [] })).toEqual(a);
    expect(publishedEnds({ trim: 500, secret: `${SECRET}-2`, zones: [] })).not.toEqual(a);
  });

  it('hides a named privacy zone wherever a run passes it', () => {
    const work = moved(home, 3500, 0);
    const run = runs[0]!;
    const track = publishableTrack(run.points, { trim: 500, secret: SECRET, zones: [{ lat: work[0], lon: work[1], radius: 600 }] }, run)!;
    expect(nearest(track.points, work)).toBeGreaterThanOrEqual(600);
  });
});

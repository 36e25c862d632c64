// What of a GPS track may be published: never where the runner starts or ends (usually home).
import type { Track } from '../../types.ts';
import { haversine, METRES_PER_DEGREE_LAT } from './streams.ts';

export const DEFAULT_PRIVACY_TRIM_M = 500;
/** Enough points to draw a route map a few hundred pixels wide, no more. */
export const MAX_TRACK_POINTS = 300;
/** Douglas–Peucker tolerance: detail finer than this is invisible on a route map. */
const SIMPLIFY_TOLERANCE_M = 10;
/** Points handed to Douglas–Peucker at most (about an hour at one point a second). */
const MAX_SIMPLIFY_INPUT = 4000;
/** 5 decimals ≈ 1 m: finer coordinates add nothing a drawing needs. */
const COORDINATE_DECIMALS = 5;

type Point = [number, number];

/**
 * The publishable route: the first and last `trim` metres along the path are cut, and so is
 * every point within `trim` metres (straight line) of the start or the end, so a loop or an
 * out-and-back never shows its ends either. Points are simplified, capped at
 * MAX_TRACK_POINTS and rounded. `trim` 0 turns trimming off. Null when nothing is left to draw.
 */
export function publishableTrack(positions: ReadonlyArray<Point | null>, trim = DEFAULT_PRIVACY_TRIM_M): Track | null {
  const fixes = positions.filter((p): p is Point => p !== null);
  const first = fixes[0];
  const last = fixes[fixes.length - 1];
  if (!first || !last || fixes.length < 2) return null;

  const along: number[] = [0];
  for (let i = 1; i < fixes.length; i++) along.push(along[i - 1]! + haversine(fixes[i - 1]!, fixes[i]!));
  const total = along[along.length - 1]!;

  // Rounding moves a point by up to ~1 m: keep a margin so none lands back inside the zone.
  const zone = trim > 0 ? trim + 2 : 0;
  const segments: Point[][] = [];
  let current: Point[] = [];
  // Within `zone` of an end point. The latitude difference alone is a lower bound on the distance,
  // so most points of a long run are ruled out without trigonometry.
  const near = (point: Point, end: Point): boolean =>
    Math.abs(point[0] - end[0]) * METRES_PER_DEGREE_LAT < zone && haversine(point, end) < zone;
  fixes.forEach((point, i) => {
    const hidden = zone > 0 && (along[i]! < zone || along[i]! > total - zone || near(point, first) || near(point, last));
    if (hidden) {
      if (current.length > 0) segments.push(current);
      current = [];
    } else {
      current.push(point);
    }
  });
  if (current.length > 0) segments.push(current);
  const drawable = segments.filter((s) => s.length >= 2);
  if (drawable.length === 0) return null;

  // Thin first: Douglas–Peucker is quadratic at worst, and points a few metres apart add nothing.
  const inputCount = drawable.reduce((sum, s) => sum + s.length, 0);
  const stride = Math.max(1, Math.ceil(inputCount / MAX_SIMPLIFY_INPUT));
  const thinned = drawable.map((s) => s.filter((_, i) => i % stride === 0 || i === s.length - 1));
  let simplified = thinned.map((s) => simplify(s, SIMPLIFY_TOLERANCE_M));
  const count = simplified.reduce((sum, s) => sum + s.length, 0);
  if (count > MAX_TRACK_POINTS) {
    const keepEvery = Math.ceil(count / MAX_TRACK_POINTS);
    simplified = simplified.map((s) => s.filter((_, i) => i % keepEvery === 0 || i === s.length - 1));
  }

  const points: Point[] = [];
  const breaks: number[] = [];
  for (const segment of simplified) {
    if (points.length > 0) breaks.push(points.length);
    for (const [lat, lon] of segment) points.push([round(lat), round(lon)]);
  }
  return breaks.length > 0 ? { points, breaks } : { points };
}

function round(value: number): number {
  const factor = 10 ** COORDINATE_DECIMALS;
  return Math.round(value * factor) / factor;
}

/** Ramer–Douglas–Peucker on a local flat projection (metres), iterative. */
function simplify(points: Point[], tolerance: number): Point[] {
  if (points.length <= 2) return points;
  const lat0 = (points[0]![0] * Math.PI) / 180;
  const xy = points.map(([lat, lon]) => [lon * 111_320 * Math.cos(lat0), lat * 110_574] as const);
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack: Array<[number, number]> = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [a, b] = stack.pop()!;
    const [ax, ay] = xy[a]!;
    const [bx, by] = xy[b]!;
    const dx = bx - ax;
    const dy = by - ay;
    const length2 = dx * dx + dy * dy;
    let worst = -1;
    let worstDistance = tolerance;
    for (let i = a + 1; i < b; i++) {
      const [px, py] = xy[i]!;
      const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length2));
      const ex = px - ax - t * dx;
      const ey = py - ay - t * dy;
      const distance = Math.sqrt(ex * ex + ey * ey);
      if (distance > worstDistance) {
        worst = i;
        worstDistance = distance;
      }
    }
    if (worst > 0) {
      keep[worst] = 1;
      stack.push([a, worst], [worst, b]);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}

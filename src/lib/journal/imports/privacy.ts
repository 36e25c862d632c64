// What of a GPS track may be published: never where the runner starts or ends (usually home),
// nor anything a number of published tracks would let anyone compute home from.
import { createHash, createHmac } from 'node:crypto';
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

/**
 * A step faster than this between two fixes is a position not yet locked (a phone's cached fix, a
 * watch's first guess), not the runner: the start is looked for again after it.
 */
export const CREDIBLE_SPEED_M_S = 7;
/** No fix for this long at the start or the end: what came before (or after) is a fix before lock. */
const LOCK_GAP_S = 60;
/**
 * How long after the settled start (and before the end) every fix counts as a possible door: a
 * cold start drifts for a minute or two, closing on where the runner stands at running speed.
 */
export const SETTLE_WINDOW_S = 180;
/** Only every fix this far apart is an anchor: the zones' radius carries it as a margin. */
const ANCHOR_SPACING_M = 20;
/** The secret offset of a zone's centre, as a share of the trim distance (Strava's approach). */
const OFFSET_MIN = 0.7;
const OFFSET_MAX = 1.0;
/** Beyond offset + trim, a zone's radius grows by up to this share of the trim, a new amount per run. */
const RADIUS_SPREAD = 0.4;
/** Starts within one cell of this keyed grid share (nearly) one offset, so averaging runs finds the offset's centre, not home. */
const OFFSET_GRID_M = 2000;

type Point = [number, number];

/** A place the runner names whose surroundings no map shows (coordinates never published). */
export interface PrivacyZone {
  lat: number;
  lon: number;
  /** Metres, at least the trim distance. */
  radius: number;
}

/** Everything the hidden zones depend on: all of it is in the import cache's key. */
export interface PrivacySettings {
  /** Metres hidden around the start and the end; 0 turns trimming off. */
  trim: number;
  /** The journal's secret (hex), never published; '' for none: zones then sit exactly on the fixes. */
  secret: string;
  zones: readonly PrivacyZone[];
}

/** A trim alone (tests, the fuzzer): no secret, no named zones. */
export type PrivacyInput = PrivacySettings | number;

export function privacySettings(input: PrivacyInput): PrivacySettings {
  return typeof input === 'number' ? { trim: input, secret: '', zones: [] } : input;
}

/** What changes the hidden zones, for a cache key: the secret only as a hash of it. */
export function privacyFingerprint(input: PrivacyInput): string {
  const { trim, secret, zones } = privacySettings(input);
  if (secret === '' && zones.length === 0) return `trim${trim}`;
  const hash = createHash('sha256').update(`small-wins-privacy:${secret}:${JSON.stringify(zones)}`).digest('hex');
  return `trim${trim}:${hash.slice(0, 32)}`;
}

/** The run a track belongs to, so its zones' radii differ from any other run's. */
export interface TrackRun {
  /** Stable for the run (its start, its file's content hash). */
  id: string;
  /** Seconds of each position, when known: the settled start is found from the speeds. */
  times?: ReadonlyArray<number>;
}

/** A hidden disc: every point nearer than `radius` to `centre` is cut. */
interface Disc {
  centre: Point;
  radius: number;
}

/**
 * The publishable route. Hidden: every point near where the runner started or ended, and near
 * each named privacy zone. Where the runner started is not trusted to be the first fix: a fix
 * before lock (a jump faster than CREDIBLE_SPEED_M_S, or a minute without a fix) moves the start to
 * after it, and every fix from the first one to SETTLE_WINDOW_S after that settled start is a
 * possible door (a cold-start drift closes on it at running speed). The same holds backwards at
 * the end. Each such fix hides a disc holding every point within `trim` of it.
 *
 * With a secret, a disc's centre is moved by an offset of 0.7–1.0 × its size that only the secret
 * gives (the same for every start within a few hundred metres), and its radius grows by a share
 * of the trim that differs per run: published ends then lie around a point that is not home, at
 * distances that vary, and no number of runs narrows home down to less than the trim. Without a
 * secret the discs sit on the fixes themselves.
 *
 * Points are then simplified, capped at MAX_TRACK_POINTS and rounded. Null when nothing is left to
 * draw. `trim` 0 hides nothing but the named zones.
 */
export function publishableTrack(
  positions: ReadonlyArray<Point | null>,
  privacy: PrivacyInput = DEFAULT_PRIVACY_TRIM_M,
  run: TrackRun = { id: '' },
): Track | null {
  const settings = privacySettings(privacy);
  const fixes: Point[] = [];
  const times: number[] = [];
  positions.forEach((p, i) => {
    if (p === null) return;
    fixes.push(p);
    const t = run.times?.[i];
    if (t !== undefined && Number.isFinite(t)) times.push(t);
  });
  if (fixes.length < 2) return null;
  const timed = times.length === fixes.length ? times : null;
  const discs = hiddenDiscs(fixes, timed, settings, run.id);

  const segments: Point[][] = [];
  let current: Point[] = [];
  // The latitude difference alone is a lower bound on the distance, so most points of a long run
  // are ruled out without trigonometry.
  const hidden = (point: Point): boolean =>
    discs.some((d) => Math.abs(point[0] - d.centre[0]) * METRES_PER_DEGREE_LAT < d.radius && haversine(point, d.centre) < d.radius);
  for (const point of fixes) {
    if (hidden(point)) {
      if (current.length > 0) segments.push(current);
      current = [];
    } else {
      current.push(point);
    }
  }
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

/** Rounding moves a point by up to ~1 m: a margin so none lands back inside a zone. */
const ROUNDING_MARGIN_M = 2;

function hiddenDiscs(fixes: readonly Point[], times: readonly number[] | null, settings: PrivacySettings, runId: string): Disc[] {
  const { trim, secret, zones } = settings;
  const discs: Disc[] = [];
  if (trim > 0) {
    const ends: Array<[string, Point[]]> = [
      ['start', possibleDoors(fixes, times)],
      ['end', possibleDoors([...fixes].reverse(), times ? times.map((t) => times[times.length - 1]! - t).reverse() : null)],
    ];
    for (const [end, anchors] of ends) {
      const spread = secret ? RADIUS_SPREAD * keyedUnit(secret, `radius:${runId}:${end}`) : 0;
      for (const anchor of anchors) discs.push(disc(anchor, trim, spread, secret, ANCHOR_SPACING_M));
    }
  }
  zones.forEach((zone, k) => {
    const spread = secret ? RADIUS_SPREAD * keyedUnit(secret, `radius:${runId}:zone${k}`) : 0;
    discs.push(disc([zone.lat, zone.lon], zone.radius, spread, secret, 0));
  });
  return discs;
}

/**
 * The fixes the runner's door may be at, at one end (read from the start; the end is the same
 * arrays reversed): every fix from the first to SETTLE_WINDOW_S after the settled start, one every
 * ANCHOR_SPACING_M. Without times, the first fix alone.
 */
function possibleDoors(fixes: readonly Point[], times: readonly number[] | null): Point[] {
  if (!times) return [fixes[0]!];
  let settled = 0;
  let last = 0;
  // A jump from a fix still inside the window moves the settled start after it.
  for (let i = 1; i < fixes.length && times[i - 1]! - times[settled]! <= SETTLE_WINDOW_S; i++) {
    const dt = Math.abs(times[i]! - times[i - 1]!);
    const jump = dt > LOCK_GAP_S || haversine(fixes[i - 1]!, fixes[i]!) > CREDIBLE_SPEED_M_S * Math.max(dt, 1);
    if (jump) settled = i;
    if (times[i]! - times[settled]! <= SETTLE_WINDOW_S) last = i;
  }
  const anchors: Point[] = [fixes[0]!];
  for (let i = 1; i <= last; i++) {
    if (i === settled || haversine(anchors[anchors.length - 1]!, fixes[i]!) >= ANCHOR_SPACING_M) anchors.push(fixes[i]!);
  }
  return anchors;
}

/**
 * The disc hiding everything within `size` of `anchor` (and `margin` more). With a secret its
 * centre is offset and its radius is offset + size × (1 + spread), so `anchor` stays at least
 * `size` inside it.
 */
function disc(anchor: Point, size: number, spread: number, secret: string, margin: number): Disc {
  const [east, north] = secret ? secretOffset(secret, anchor, size) : [0, 0];
  const lat = anchor[0] + north / METRES_PER_DEGREE_LAT;
  const lon = anchor[1] + east / (METRES_PER_DEGREE_LAT * Math.cos((anchor[0] * Math.PI) / 180));
  return { centre: [lat, lon], radius: Math.hypot(east, north) + size * (1 + spread) + margin + ROUNDING_MARGIN_M };
}

/**
 * A zone centre's offset (metres east, north) at `point`: its direction and length are blended
 * over a grid of OFFSET_GRID_M cells whose corners and origin only the secret gives, so nearby
 * starts (a fix's noise, a different door of the same house) move by nearly the same offset and
 * averaging many runs lands on home + offset, never on home.
 */
function secretOffset(secret: string, point: Point, size: number): [number, number] {
  const y = (point[0] * METRES_PER_DEGREE_LAT) / OFFSET_GRID_M + keyedUnit(secret, 'grid:y');
  const x = (point[1] * METRES_PER_DEGREE_LAT * Math.cos((point[0] * Math.PI) / 180)) / OFFSET_GRID_M + keyedUnit(secret, 'grid:x');
  const i = Math.floor(x);
  const j = Math.floor(y);
  const u = smoothstep(x - i);
  const v = smoothstep(y - j);
  const blend = (name: string): number => {
    const corner = (di: number, dj: number): number => keyedUnit(secret, `${name}:${i + di}:${j + dj}`);
    return (1 - v) * ((1 - u) * corner(0, 0) + u * corner(1, 0)) + v * ((1 - u) * corner(0, 1) + u * corner(1, 1));
  };
  const angle = 2 * Math.PI * blend('angle');
  const length = size * (OFFSET_MIN + (OFFSET_MAX - OFFSET_MIN) * blend('length'));
  return [length * Math.sin(angle), length * Math.cos(angle)];
}

function smoothstep(t: number): number {
  return t * t * (3 - 2 * t);
}

/** A number in [0, 1) that only the secret gives for `label`. */
function keyedUnit(secret: string, label: string): number {
  return createHmac('sha256', secret).update(label).digest().readUInt32BE(0) / 2 ** 32;
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

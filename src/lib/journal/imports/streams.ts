// Time, distance, position and elevation streams: what every activity file becomes before
// efforts, elevation gain and the route map are computed from it.

/** One recorded point as a file gives it; any field may be missing. */
export interface RawSample {
  /** Epoch milliseconds, UTC. */
  time: number;
  lat: number | null;
  lon: number | null;
  /** Metres above sea level. */
  elevation: number | null;
  /** Metres from the start, when the device recorded it. */
  distance: number | null;
  /** The first point of a GPX segment or track after the first: the line from the point before is a gap, not distance. */
  segmentStart?: true;
}

/** Parallel arrays, one entry per sample, in time order. */
export interface Stream {
  /** Epoch milliseconds of the first sample. */
  start: number;
  /** Seconds since the first sample, strictly increasing. */
  time: number[];
  /** Metres from the start, non-decreasing. */
  distance: number[];
  /** [lat, lon], or null for a sample without a fix. */
  positions: Array<[number, number] | null>;
  elevation: Array<number | null>;
}

const EARTH_RADIUS_M = 6_371_008.8;

/** Metres per degree of latitude along a meridian: no two points are nearer than this × their latitude difference. */
export const METRES_PER_DEGREE_LAT = (EARTH_RADIUS_M * Math.PI) / 180;

/** Great-circle distance in metres between two [lat, lon] points. */
export function haversine(a: readonly [number, number], b: readonly [number, number]): number {
  const rad = Math.PI / 180;
  const dLat = (b[0] - a[0]) * rad;
  const dLon = (b[1] - a[1]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[0] * rad) * Math.cos(b[0] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

// A damaged file can end in garbage timestamps (decades in the future): a gap this long
// between two samples ends the usable stream.
const MAX_SAMPLE_GAP_MS = 12 * 3600 * 1000;

function validPosition(lat: number | null, lon: number | null): [number, number] | null {
  if (lat === null || lon === null || !Number.isFinite(lat) || !Number.isFinite(lon)) return null;
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180 || (lat === 0 && lon === 0)) return null;
  return [lat, lon];
}

/** Faster than anyone runs (the 100 m world record is about 10.4 m/s): a jump this fast between two points is a glitch. */
export const HUMAN_SPEED_CEILING_M_S = 12;

/** The earliest year a recorded point can have: earlier ones are a device's unset clock (`0000-01-01`). */
export const EARLIEST_YEAR = 1900;
export const EARLIEST_MS = Date.UTC(EARLIEST_YEAR, 0, 1);

/** What `readStream` left out, for the file's warning. */
export interface StreamDrops {
  /** Points timed before 1900. */
  undated: number;
  /** Points only reachable faster than `HUMAN_SPEED_CEILING_M_S`. */
  glitches: number;
}

/**
 * Indices of `kept` that are glitches: points that imply a speed above the human ceiling. The
 * longest stretch of points each reachable from the one before is trusted; from it, points are
 * kept forwards and backwards while each is reachable from the last kept one. So a single wild
 * point, a bad first fix or a jump to another continent loses the few points, not the run.
 */
function glitchIndices(kept: readonly RawSample[], segment: readonly number[], useDevice: boolean): Set<number> {
  // The measured samples (a fix, or the device's distance), with what is measured.
  const measured: number[] = [];
  const fixes: Array<[number, number]> = [];
  for (let i = 0; i < kept.length; i++) {
    const s = kept[i]!;
    const fix = useDevice ? null : validPosition(s.lat, s.lon);
    if (useDevice ? s.distance !== null && Number.isFinite(s.distance) : fix !== null) {
      measured.push(i);
      if (fix) fixes.push(fix);
    }
  }
  const reachable = (a: number, b: number): boolean => {
    // A jump between two segments is a pause in recording (a lift, a train, the watch off), not a glitch.
    if (segment[measured[a]!] !== segment[measured[b]!]) return true;
    const limit = (HUMAN_SPEED_CEILING_M_S * Math.abs(kept[measured[b]!]!.time - kept[measured[a]!]!.time)) / 1000;
    if (useDevice) return Math.abs(kept[measured[b]!]!.distance! - kept[measured[a]!]!.distance!) <= limit;
    const p = fixes[a]!;
    const q = fixes[b]!;
    // Along a meridian, then a parallel, is a path no shorter than the great circle: when even that
    // is within reach, the haversine is not needed (nearly every step of a run).
    if (METRES_PER_DEGREE_LAT * (Math.abs(q[0] - p[0]) + Math.abs(q[1] - p[1])) <= limit) return true;
    return haversine(p, q) <= limit;
  };
  // stepOk[k]: measured point k is reachable from point k-1. Ordinary tracks are all true.
  const stepOk: boolean[] = [true];
  for (let k = 1; k < measured.length; k++) stepOk.push(reachable(k - 1, k));
  if (stepOk.every(Boolean)) return new Set();
  // The longest run of consecutive measured points, each reachable from the one before.
  let bestFrom = 0;
  let bestTo = 0;
  for (let from = 0, k = 1; k <= measured.length; k++) {
    if (k === measured.length || !stepOk[k]) {
      if (k - from > bestTo - bestFrom) [bestFrom, bestTo] = [from, k];
      from = k;
    }
  }
  const dropped = new Set<number>();
  for (let k = bestTo, last = bestTo - 1; k < measured.length; k++) {
    if (last === k - 1 ? stepOk[k] : reachable(last, k)) last = k;
    else dropped.add(measured[k]!);
  }
  for (let k = bestFrom - 1, last = bestFrom; k >= 0; k--) {
    if (last === k + 1 ? stepOk[last] : reachable(k, last)) last = k;
    else dropped.add(measured[k]!);
  }
  return dropped;
}

/**
 * Orders and cleans samples into a stream, and says what it left out. Points timed before 1900
 * and glitches (above) are dropped. The device's distance is used when most samples carry one;
 * otherwise distance is summed from positions (haversine), as for most GPX files, with nothing
 * added across the gap between two segments (`segmentStart`). The stream is
 * null when fewer than two samples remain.
 */
export function readStream(samples: readonly RawSample[]): { stream: Stream | null; drops: StreamDrops } {
  const drops: StreamDrops = { undated: 0, glitches: 0 };
  const timed = samples.filter((s) => {
    if (!Number.isFinite(s.time)) return false;
    if (s.time < EARLIEST_MS) drops.undated++;
    return s.time >= EARLIEST_MS;
  });
  timed.sort((a, b) => a.time - b.time);
  const ordered: RawSample[] = [];
  for (const sample of timed) {
    const last = ordered[ordered.length - 1];
    if (last && sample.time === last.time) continue;
    if (last && sample.time - last.time > MAX_SAMPLE_GAP_MS) break;
    ordered.push(sample);
  }
  const withDistance = ordered.filter((s) => s.distance !== null && Number.isFinite(s.distance)).length;
  const useDevice = withDistance >= ordered.length / 2;
  const segment: number[] = [];
  for (let i = 0, current = 0; i < ordered.length; i++) segment.push(ordered[i]!.segmentStart ? ++current : current);
  const glitches = glitchIndices(ordered, segment, useDevice);
  drops.glitches = glitches.size;
  const kept = glitches.size === 0 ? ordered : ordered.filter((_, i) => !glitches.has(i));
  const keptSegment = glitches.size === 0 ? segment : segment.filter((_, i) => !glitches.has(i));
  const first = kept[0];
  if (!first || kept.length < 2) return { stream: null, drops };

  const stream: Stream = { start: first.time, time: [], distance: [], positions: [], elevation: [] };
  let distance = 0;
  let lastFix: [number, number] | null = null;
  for (let i = 0; i < kept.length; i++) {
    const sample = kept[i]!;
    const position = validPosition(sample.lat, sample.lon);
    // Across a gap between segments the runner's time goes on but no distance is added, so no
    // total and no best effort crosses the straight line between them.
    if (i > 0 && keptSegment[i] !== keptSegment[i - 1]) lastFix = null;
    if (useDevice) {
      if (sample.distance !== null && Number.isFinite(sample.distance)) distance = Math.max(distance, sample.distance);
    } else if (position) {
      if (lastFix) distance += haversine(lastFix, position);
      lastFix = position;
    }
    stream.time.push((sample.time - first.time) / 1000);
    stream.distance.push(distance);
    stream.positions.push(position);
    stream.elevation.push(sample.elevation !== null && Number.isFinite(sample.elevation) ? sample.elevation : null);
  }
  return { stream, drops };
}

/** `readStream`'s stream alone. */
export function buildStream(samples: readonly RawSample[]): Stream | null {
  return readStream(samples).stream;
}

// Below this speed an interval counts as standing still (a walk is ~1.3 m/s).
const MOVING_SPEED_M_S = 0.5;

/** Seconds spent moving: intervals faster than a slow shuffle; pauses and stops are left out. */
export function movingTime(stream: Stream): number {
  let total = 0;
  for (let i = 1; i < stream.time.length; i++) {
    const dt = stream.time[i]! - stream.time[i - 1]!;
    const dd = stream.distance[i]! - stream.distance[i - 1]!;
    if (dt > 0 && dd / dt >= MOVING_SPEED_M_S) total += dt;
  }
  return total;
}

export function streamDistance(stream: Stream): number {
  return stream.distance[stream.distance.length - 1] ?? 0;
}

export function streamDuration(stream: Stream): number {
  return stream.time[stream.time.length - 1] ?? 0;
}

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

/**
 * Orders and cleans samples into a stream. The device's distance is used when most samples
 * carry one; otherwise distance is summed from positions (haversine), as for most GPX files.
 * Returns null when fewer than two samples remain.
 */
export function buildStream(samples: readonly RawSample[]): Stream | null {
  const timed = samples.filter((s) => Number.isFinite(s.time)).sort((a, b) => a.time - b.time);
  const kept: RawSample[] = [];
  for (const sample of timed) {
    const last = kept[kept.length - 1];
    if (last && sample.time === last.time) continue;
    if (last && sample.time - last.time > MAX_SAMPLE_GAP_MS) break;
    kept.push(sample);
  }
  const first = kept[0];
  if (!first || kept.length < 2) return null;

  const withDistance = kept.filter((s) => s.distance !== null && Number.isFinite(s.distance)).length;
  const useDevice = withDistance >= kept.length / 2;
  const stream: Stream = { start: first.time, time: [], distance: [], positions: [], elevation: [] };
  let distance = 0;
  let lastFix: [number, number] | null = null;
  for (const sample of kept) {
    const position = validPosition(sample.lat, sample.lon);
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
  return stream;
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

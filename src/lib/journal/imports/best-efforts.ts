// The fastest continuous stretch of each standard distance inside one run.
import type { Effort } from '../../types.ts';
import { beatsWorldRecord } from '../world-records.ts';
import type { Stream } from './streams.ts';

/**
 * 400 m and 1 km (only measurable with a stream), then the wins engine's standard distances:
 * 1 mile, 5K, 10K, 15K, 10 miles, half marathon, 30K, marathon, 50K.
 */
export const STANDARD_EFFORT_DISTANCES: readonly number[] = [
  400, 1000, 1609.344, 5000, 10_000, 15_000, 16_093.44, 21_097.5, 30_000, 42_195, 50_000,
];

/** Time at distance `at`, linear between samples `lo` and `hi` (distance[lo] < at ≤ distance[hi]). */
function timeAt(stream: Stream, lo: number, hi: number, at: number): number {
  const d0 = stream.distance[lo]!;
  const d1 = stream.distance[hi]!;
  const t0 = stream.time[lo]!;
  const t1 = stream.time[hi]!;
  return d1 === d0 ? t1 : t0 + ((at - d0) / (d1 - d0)) * (t1 - t0);
}

/**
 * Fastest stretch of `length` metres. Time is piecewise linear in the window's position, so the
 * best window starts or ends on a sample: try every sample as a start (end interpolated) and as an
 * end (start interpolated), two pointers each, O(n).
 */
export function bestEffort(stream: Stream, length: number): Effort | null {
  const d = stream.distance;
  const n = d.length;
  const total = d[n - 1] ?? 0;
  if (length <= 0 || total < length) return null;
  let best: Effort | null = null;
  const consider = (time: number, startOffset: number): void => {
    if (!best || time < best.time) best = { distance: length, time, startOffset };
  };
  // Starts on sample i; end between j-1 and j.
  for (let i = 0, j = 0; i < n; i++) {
    const target = d[i]! + length;
    if (target > total) break;
    if (j < i) j = i;
    while (d[j]! < target) j++;
    const end = j === 0 ? stream.time[0]! : d[j]! === target ? stream.time[j]! : timeAt(stream, j - 1, j, target);
    consider(end - stream.time[i]!, d[i]!);
  }
  // Ends on sample j; start between i and i+1.
  for (let j = 0, i = 0; j < n; j++) {
    const target = d[j]! - length;
    if (target < 0) continue;
    while (i + 1 < n && d[i + 1]! <= target) i++;
    const start = d[i]! === target ? stream.time[i]! : timeAt(stream, i, i + 1, target);
    consider(stream.time[j]! - start, target);
  }
  return best;
}

/** One effort per standard distance the stream covers, rounded to 0.1 s and 0.1 m. */
export function findBestEfforts(stream: Stream, distances: readonly number[] = STANDARD_EFFORT_DISTANCES): Effort[] {
  const efforts: Effort[] = [];
  for (const length of distances) {
    const effort = bestEffort(stream, length);
    if (effort) {
      efforts.push({
        distance: length,
        time: Math.round(effort.time * 10) / 10,
        startOffset: Math.round(effort.startOffset * 10) / 10,
      });
    }
  }
  return efforts;
}

/**
 * The efforts a run can truly have: none longer than the run itself (a stream that runs on past the
 * run's own distance holds something else), none faster than the world record for its distance.
 */
export function plausibleEfforts(efforts: readonly Effort[], runDistance: number): Effort[] {
  return efforts.filter((effort) => effort.distance <= runDistance && !beatsWorldRecord(effort.distance, effort.time));
}

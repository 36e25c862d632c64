import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bestEffort, findBestEfforts, STANDARD_EFFORT_DISTANCES } from '../../src/lib/journal/imports/best-efforts.ts';
import { streamOf } from './helpers.ts';

describe('bestEffort', () => {
  // 0–1000 m at 5:00/km, 1000–2000 m at 4:00/km, 2000–3000 m at 6:00/km; samples every 500 m.
  const stream = streamOf([
    [0, 0], [500, 150], [1000, 300], [1500, 420], [2000, 540], [2500, 720], [3000, 900],
  ]);

  it('finds the fastest kilometre in the middle of the run', () => {
    expect(bestEffort(stream, 1000)).toEqual({ distance: 1000, time: 240, startOffset: 1000 });
  });

  it('interpolates the end of a window that does not end on a sample', () => {
    // Best 1,200 m: 1000–2000 (240 s) plus 200 m at 5:00/km before it (60 s) = 300 s,
    // not 200 m at 6:00/km after it (72 s).
    expect(bestEffort(stream, 1200)).toEqual({ distance: 1200, time: 300, startOffset: 800 });
  });

  it('interpolates the start of a window that does not start on a sample', () => {
    // Every 700 m window inside 1000–2000 m takes 168 s; the one ending on the 2000 m sample
    // starts between samples, at 1300 m.
    const effort = bestEffort(stream, 700)!;
    expect(effort.time).toBeCloseTo(168, 9);
    expect(effort.startOffset).toBeGreaterThanOrEqual(1000);
    expect(effort.startOffset + 700).toBeLessThanOrEqual(2000);
  });

  it('is null for a distance longer than the stream', () => {
    expect(bestEffort(stream, 3000.1)).toBeNull();
    expect(bestEffort(stream, 3000)).toEqual({ distance: 3000, time: 900, startOffset: 0 });
  });

  it('handles pauses (time passes, distance does not)', () => {
    const paused = streamOf([[0, 0], [400, 100], [400, 400], [800, 480], [1200, 600]]);
    // 400–800 m took 380 s with the pause inside; 800–1200 took 120 s; 0–400 took 100 s.
    expect(bestEffort(paused, 400)).toEqual({ distance: 400, time: 80, startOffset: 400 });
  });

  it('never loses to any window, checked on a fine grid of random streams', () => {
    const arbitrarySplits = fc.array(fc.tuple(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 200 })), {
      minLength: 2,
      maxLength: 25,
    });
    fc.assert(
      fc.property(arbitrarySplits, fc.integer({ min: 50, max: 1500 }), (splits, length) => {
        const points: Array<[number, number]> = [[0, 0]];
        for (const [dd, dt] of splits) {
          const [d, t] = points[points.length - 1]!;
          points.push([d + dd, t + dt]);
        }
        const s = streamOf(points);
        const total = points[points.length - 1]![0];
        const effort = bestEffort(s, length);
        if (length > total) return effort === null;
        const timeAt = (at: number): number => {
          let k = 1;
          while (points[k]![0] < at) k++;
          const [d0, t0] = points[k - 1]!;
          const [d1, t1] = points[k]!;
          return t0 + ((at - d0) / (d1 - d0)) * (t1 - t0);
        };
        // The effort's own window takes the time it claims.
        const claimed = timeAt(effort!.startOffset + length) - (effort!.startOffset === 0 ? 0 : timeAt(effort!.startOffset));
        if (Math.abs(claimed - effort!.time) > 1e-6) return false;
        for (let start = 0; start + length <= total; start += 0.5) {
          const time = timeAt(start + length) - (start === 0 ? 0 : timeAt(start));
          if (time < effort!.time - 1e-6) return false;
        }
        return true;
      }),
      { numRuns: 200 },
    );
  });
});

describe('findBestEfforts', () => {
  it('gives one effort per standard distance the run covers, 400 m and 1 km included', () => {
    const tenK = streamOf(Array.from({ length: 101 }, (_, i) => [i * 100, i * 30] as [number, number]));
    const efforts = findBestEfforts(tenK);
    expect(efforts.map((e) => e.distance)).toEqual([400, 1000, 1609.344, 5000, 10_000]);
    expect(efforts.map((e) => e.time)).toEqual([120, 300, 482.8, 1500, 3000]);
    expect(STANDARD_EFFORT_DISTANCES).toContain(21_097.5);
  });
});

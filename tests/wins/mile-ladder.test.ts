// A mi profile's distance firsts climb a ladder of miles; a km profile's slugs never change.
import { describe, expect, it } from 'vitest';
import { findWins } from '../../src/lib/wins/find-wins.ts';
import { MILE_DISTANCE_LADDER } from '../../src/lib/model/rungs.ts';
import { makeProfile, makeRuns } from './make-run.ts';

const MILE = 1.609344;
const specs = [1, 2.1, 3.05, 6.2, 13.1, 26.2, 31.07].map((miles, i) => ({ date: `2025-0${1 + Math.floor(i / 3)}-1${i}`, km: miles * MILE }));
const firsts = (units: 'km' | 'mi') =>
  findWins(makeRuns(specs), [], makeProfile({ units }))
    .filter((w) => w.kind === 'distance-first' || w.kind === 'first-run')
    .map((w) => [w.slug, w.title]);

describe('the mile ladder', () => {
  it('is 1, 2, 3, 4, 5, 6, 8, 10, 13.1, 15, 18, 20, 26.2, 31.07, 50 and 100 miles', () => {
    expect(MILE_DISTANCE_LADDER.map((r) => Math.round((r.metres / 1609.344) * 100) / 100)).toEqual([1, 2, 3, 4, 5, 6, 8, 10, 13.11, 15, 18, 20, 26.22, 31.07, 50, 100]);
  });

  it('titles and slugs a mi profile in miles and race names', () => {
    expect(firsts('mi')).toEqual([
      ['2025-01-10-first-run', 'First run'],
      ['2025-01-11-first-2-miles', 'First 2 miles'],
      ['2025-01-12-first-3-miles', 'First 3 miles'],
      ['2025-02-13-first-6-miles', 'First 6 miles'],
      ['2025-02-14-first-half-marathon', 'First half marathon'],
      ['2025-02-15-first-marathon', 'First marathon'],
      ['2025-03-16-first-50k', 'First 50K'],
    ]);
  });

  it('leaves a km profile on the km ladder', () => {
    expect(firsts('km')).toEqual([
      ['2025-01-10-first-run', 'First run'],
      ['2025-01-11-first-3-km', 'First 3 km'],
      ['2025-01-12-first-4-km', 'First 4 km'],
      ['2025-02-13-first-10k', 'First 10K'],
      ['2025-02-14-first-half-marathon', 'First half marathon'],
      ['2025-02-15-first-marathon', 'First marathon'],
      ['2025-03-16-first-50k', 'First 50K'],
    ]);
  });
});

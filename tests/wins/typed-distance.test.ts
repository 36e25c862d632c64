// The 99% tolerance is for measured distances (imports, GPS files) only: a distance the runner typed
// in runs.csv or a story is what she ran, so it reaches a distance only within the rounding of one
// decimal (50 m). Detectors and `next` ask the same predicate.
import { describe, expect, it } from 'vitest';
import type { SourceRef } from '../../src/lib/types.ts';
import { nextMilestones } from '../../src/lib/wins/next-milestones.ts';
import { isMeasured, runReaches } from '../../src/lib/model/rungs.ts';
import { GPS, makeGoal, makeProfile, makeRuns, type RunSpec } from './make-run.ts';
import { ofKind, titles, winsOf } from './helpers.ts';

const STORY: SourceRef = { path: 'data/runs/2024-03-01.md', line: 1, kind: 'markdown' };

/** A 10 km run a week (the first run reaches 10K: no first at it), then `last`. */
function build(last: RunSpec): RunSpec[] {
  return [{ date: '2024-01-01', km: 10 }, { date: '2024-01-08', km: 10 }, last];
}

describe('a typed distance reaches a rung within the rounding of one decimal, a measured one at 99%', () => {
  it('knows a typed distance by its source: runs.csv and stories are typed, imports are measured', () => {
    const [csv, story, gpx] = makeRuns([
      { date: '2024-01-01', km: 11.9 },
      { date: '2024-01-02', km: 11.9, source: STORY },
      { date: '2024-01-03', km: 11.9, source: GPS },
    ]);
    expect([csv, story, gpx].map((run) => isMeasured(run!))).toEqual([false, false, true]);
    expect([csv, story, gpx].map((run) => runReaches(run!, 12_000))).toEqual([false, false, true]);
    // A typed distance is reached within the rounding of one decimal: 3.1 miles is a 5K, 13.1 a half.
    expect(runReaches({ distance: 3.1 * 1609.344, source: csv!.source }, 5000)).toBe(true);
    expect(runReaches({ distance: 13.1 * 1609.344, source: csv!.source }, 21_097.5)).toBe(true);
    expect(runReaches({ distance: 11_950, source: csv!.source }, 12_000)).toBe(false);
    for (const kind of ['strava', 'garmin', 'tcx', 'fit'] as const) {
      expect(runReaches({ distance: 11_900, source: { ...GPS, kind } }, 12_000), kind).toBe(true);
    }
  });

  it('a typed 16.0 km is no "First 10 miles", and 11.9 km no "First 12 km"; the same from a GPS is', () => {
    const typed = winsOf(build({ date: '2024-01-15', km: 11.9 }));
    expect(titles(typed, 'distance-first')).toEqual([]);
    expect(titles(typed, 'longest-run')).toEqual(['2024-01-15 Longest run yet: 11.9 km']);
    const measured = winsOf(build({ date: '2024-01-15', km: 11.9, source: GPS }));
    expect(titles(measured, 'distance-first')).toEqual(['2024-01-15 First 12 km']);

    const sixteen = winsOf(build({ date: '2024-01-15', km: 16 }));
    expect(titles(sixteen, 'distance-first')).toEqual(['2024-01-15 First 15 km']);
    const sixteenStory = winsOf(build({ date: '2024-01-15', km: 16, source: STORY }));
    expect(titles(sixteenStory, 'distance-first')).toEqual(['2024-01-15 First 15 km']);
    const sixteenGps = winsOf(build({ date: '2024-01-15', km: 16, source: GPS }));
    expect(titles(sixteenGps, 'distance-first')).toEqual(['2024-01-15 First 10 miles']);
  });

  it('a typed run just short of a goal does not achieve it, nor reach its step; a measured one does', () => {
    const goal = makeGoal({ slug: 'half', title: 'City Half', date: '2024-03-02', distance: 21_097.5, start: '2024-01-01' });
    const runs = (source?: SourceRef): RunSpec[] => [
      { date: '2024-01-06', km: 10.45, ...(source ? { source } : {}) },
      { date: '2024-03-02', km: 21, isRace: true, type: 'race', race: 'City Half', time: 7200, ...(source ? { source } : {}) },
    ];
    const typed = winsOf(runs(), { goals: [goal] });
    expect(ofKind(typed, 'goal-achieved')).toEqual([]);
    // 10.45 km is 99 m short of half the half: a quarter typed, half way measured.
    expect(ofKind(typed, 'goal-progress').map((w) => w.value)).toEqual([25]);
    const measured = winsOf(runs(GPS), { goals: [goal] });
    expect(ofKind(measured, 'goal-achieved')).toHaveLength(1);
    expect(ofKind(measured, 'goal-progress').map((w) => w.value)).toEqual([50]);
  });

  it('`next` asks for the rung the detector has not given yet, by the same rule', () => {
    const next = (last: RunSpec) =>
      nextMilestones(makeRuns(build(last)), [], makeProfile(), '2024-01-16').find((m) => m.kind === 'distance-first')?.label;
    expect(next({ date: '2024-01-15', km: 11.9 })).toBe('first 12 km');
    expect(next({ date: '2024-01-15', km: 11.9, source: GPS })).toBe('first 15 km');
  });
});

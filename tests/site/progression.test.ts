import { describe, expect, it } from 'vitest';
import { PROGRESSION_STEPS, progressionCaption, progressionWindow } from '../../src/lib/site/progression.ts';
import { addDays } from '../../src/lib/format/dates.ts';
import type { Series } from '../../src/lib/types.ts';
import { findWins } from '../../src/lib/wins/find-wins.ts';
import { makeProfile, makeRuns } from '../wins/make-run.ts';

const series = Array.from({ length: 300 }, (_, i) => ({ i }));

describe('progressionWindow', () => {
  it('draws a short series whole, up to the win', () => {
    const window = progressionWindow(series.slice(0, 10), 6);
    expect(window.points.map((p) => p.i)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(window).toMatchObject({ highlight: 6, earlier: 0 });
  });

  it('keeps the last steps of a long one, ending on the win', () => {
    const window = progressionWindow(series, 200);
    expect(window.points).toHaveLength(PROGRESSION_STEPS);
    expect(window.points.at(-1)).toEqual({ i: 200 });
    expect(window.points[window.highlight]).toEqual({ i: 200 });
    expect(window.earlier).toBe(201 - PROGRESSION_STEPS);
  });

  it('draws exactly the limit when the win is the last point of the window', () => {
    const window = progressionWindow(series, PROGRESSION_STEPS - 1);
    expect(window).toMatchObject({ earlier: 0, highlight: PROGRESSION_STEPS - 1 });
    expect(progressionWindow(series, PROGRESSION_STEPS).earlier).toBe(1);
  });

  it('never reaches past the series', () => {
    expect(progressionWindow(series.slice(0, 3), 10).points).toHaveLength(3);
    expect(progressionWindow([], 0)).toEqual({ points: [], highlight: -1, earlier: 0 });
  });
});

describe('progressionCaption', () => {
  const count = (n: number) => String(n);

  it("says a series of totals by its weeks, a record's by its steps, from the engine's own series", () => {
    // Five weeks of running, three weeks off, then the comeback.
    const runs = makeRuns([
      ...[0, 7, 14, 21, 28].map((day) => ({ date: addDays('2024-03-04', day), km: 8 })),
      { date: '2024-05-01', km: 4 },
    ]);
    const wins = findWins(runs, [], makeProfile());
    const comeback = wins.find((win) => win.kind === 'comeback')!.progression!;
    const longest = wins.find((win) => win.kind === 'first-run')!.progression!;
    expect(comeback.series.period).toBe('week');
    expect(longest.series.period).toBeNull();
    const shown = (progression: { series: Series; upTo: number }) =>
      progressionCaption(progression.series, progression.upTo + 1, 0, count);
    expect(shown(comeback)).toBe('Distance per week, each week up to this win.');
    expect(shown(longest)).toBe('Longest run: every step up to this win.');
  });

  it('names the part of a long series drawn', () => {
    expect(progressionCaption({ label: 'Distance per month', period: 'month' }, 52, 30, count)).toBe('Distance per month: the last 52 months up to this win.');
    expect(progressionCaption({ label: '5K best', period: null }, 52, 8, count)).toBe('5K best: the last 52 of 60 steps up to this win.');
  });
});

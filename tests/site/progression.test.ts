import { describe, expect, it } from 'vitest';
import { PROGRESSION_STEPS, progressionWindow } from '../../src/lib/site/progression.ts';

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

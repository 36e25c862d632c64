import { describe, expect, it } from 'vitest';
import { cardInputForGoal, cardInputForSite, cardInputForWin, countdown, siteAddress, SPARK_POINTS } from '../../src/lib/cards/card-input.ts';
import type { Goal, Win } from '../../src/lib/types.ts';
import { loadProfile, winBySlug } from './helpers.ts';

const profile = loadProfile();

describe('cardInputForWin', () => {
  it('puts the figure big and keeps it out of the headline', () => {
    const input = cardInputForWin(winBySlug('2024-12-14-sub-25-5k'), profile);
    expect(input.headline).toBe('Sub-25 5K');
    expect(input.figure).toBe('24:48');
    expect(input.kicker).toBe('Barrier broken');
    expect(input.theme).toBe('speed');
    expect(input.date).toBe('December 14, 2024');
  });

  it('says what the win beat and when that was set', () => {
    const input = cardInputForWin(winBySlug('2024-12-14-sub-25-5k'), profile);
    expect(input.detail).toBe('Beat 25:31 set on Nov 2, 2024');
    expect(cardInputForWin(winBySlug('2024-06-30-30-day-streak'), profile).detail).toBeNull();
  });

  it('formats figures in the profile units', () => {
    const win = winBySlug('2025-01-05-1000-km');
    expect(cardInputForWin(win, profile).figure).toBe('1,000 km');
    expect(cardInputForWin(win, { ...profile, units: 'mi' }).figure).toBe('621 mi');
    expect(cardInputForWin(winBySlug('2024-06-30-30-day-streak'), profile).figure).toBe('30 days');
  });

  it('leaves the headline alone when the figure is part of its sentence', () => {
    const win = winBySlug('2024-12-14-sub-25-5k');
    expect(cardInputForWin({ ...win, title: '24:48' }, profile).headline).toBe('24:48');
    expect(cardInputForWin({ ...win, title: 'Ran 24:48' }, profile).headline).toBe('Ran 24:48');
    expect(cardInputForWin({ ...win, title: 'Parkrun: 24:48' }, profile).headline).toBe('Parkrun');
    expect(cardInputForWin({ ...win, title: 'Parkrun - 24:48' }, profile).headline).toBe('Parkrun');
    const km: Win = { ...winBySlug('2024-03-10-first-4-km-without-stopping'), title: 'First 4 km' };
    expect(cardInputForWin(km, profile).headline).toBe('First 4 km');
  });

  it('draws the progression up to the win, the win highlighted last', () => {
    const input = cardInputForWin(winBySlug('2024-12-14-sub-25-5k'), profile);
    expect(input.spark?.values).toEqual([1905, 1862, 1820, 1790, 1771, 1702, 1655, 1630, 1588, 1560, 1531, 1488]);
    expect(input.spark?.highlight).toBe(11);
    expect(input.spark?.lowerIsBetter).toBe(true);
  });

  it('stops the sparkline at the win, not at the end of the series', () => {
    const base = winBySlug('2025-01-05-1000-km');
    const win: Win = { ...base, progression: { series: base.progression!.series, upTo: 3 } };
    const spark = cardInputForWin(win, profile).spark!;
    expect(spark.values).toEqual([42000, 95000, 160000, 230000]);
    expect(spark.highlight).toBe(3);
  });

  it('keeps at most the last points of a long series', () => {
    const base = winBySlug('2025-01-05-1000-km');
    const points = Array.from({ length: 100 }, (_, i) => ({ date: '2024-01-01', value: i, runId: null }));
    const win: Win = { ...base, progression: { series: { ...base.progression!.series, points }, upTo: 89 } };
    const spark = cardInputForWin(win, profile).spark!;
    expect(spark.values).toHaveLength(SPARK_POINTS);
    expect(spark.values.at(-1)).toBe(89);
  });

  it('has no sparkline without a progression of two points', () => {
    expect(cardInputForWin(winBySlug('2024-06-30-30-day-streak'), profile).spark).toBeNull();
    const base = winBySlug('2025-01-05-1000-km');
    expect(cardInputForWin({ ...base, progression: { series: base.progression!.series, upTo: 0 } }, profile).spark).toBeNull();
  });
});

describe('goal and site cards', () => {
  const goal: Goal = {
    slug: 'lisbon-marathon', title: 'Lisbon Marathon', date: '2025-10-12', distance: 42195, elevation: null, start: null, body: '',
    source: { path: 'data/goals/lisbon-marathon.md', line: null, kind: 'markdown' },
  };

  it('counts down from the journal today', () => {
    expect(countdown('2025-10-12', '2025-06-01')).toBe('19 weeks to go');
    expect(countdown('2025-10-12', '2025-10-02')).toBe('10 days to go');
    expect(countdown('2025-10-12', '2025-10-11')).toBe('1 day to go');
    expect(countdown('2025-10-12', '2025-10-12')).toBe('Race day');
    expect(countdown('2025-10-12', '2025-10-13')).toBeNull();
    expect(countdown('2025-10-12', null)).toBeNull();
  });

  it('shows the countdown as the goal card figure, and the distance after race day', () => {
    const before = cardInputForGoal(goal, '2025-06-01', profile);
    expect(before.figure).toBe('19 weeks to go');
    expect(before.detail).toBe('As of Jun 1, 2025');
    expect(before.kicker).toBe('Goal · 42.2 km');
    expect(cardInputForGoal(goal, '2025-11-01', profile).figure).toBe('42.2 km');
  });

  it('sums the journal on the site card', () => {
    const input = cardInputForSite(profile, { runs: 312, distance: 2_456_000, wins: 87 });
    expect(input.headline).toBe("Ana's small wins");
    expect(input.figure).toBe('2,456 km');
    expect(input.detail).toBe('312 runs · 87 small wins');
  });

  it('writes the site address without scheme or trailing slash', () => {
    expect(siteAddress('https://ana.github.io/runs/')).toBe('ana.github.io/runs');
    expect(siteAddress(null)).toBeNull();
  });
});

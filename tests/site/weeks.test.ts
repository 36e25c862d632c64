import { describe, expect, test } from 'vitest';
import { isoWeekOf, mondayOfIsoWeek, weekComparisonText, weekDates, weekName, weekRecaps, weekSummary } from '../../src/lib/site/weeks.ts';
import { findWins } from '../../src/lib/wins/find-wins.ts';
import { makeProfile, makeRuns } from '../wins/make-run.ts';

describe('ISO weeks around year ends', () => {
  test.each([
    ['2020-12-31', '2020-W53'],
    ['2021-01-03', '2020-W53'],
    ['2021-01-04', '2021-W01'],
    ['2024-12-30', '2025-W01'],
    ['2025-10-27', '2025-W44'],
    ['2025-11-02', '2025-W44'],
    ['2026-01-01', '2026-W01'],
    ['2027-01-03', '2026-W53'],
  ])('%s is in %s', (date, week) => {
    expect(isoWeekOf(date)).toBe(week);
  });

  test('a week maps back to its Monday, and only real weeks do', () => {
    expect(mondayOfIsoWeek('2025-W44')).toBe('2025-10-27');
    expect(mondayOfIsoWeek('2025-W01')).toBe('2024-12-30');
    expect(mondayOfIsoWeek('2020-W53')).toBe('2020-12-28');
    expect(mondayOfIsoWeek('2021-W53')).toBeNull();
    expect(mondayOfIsoWeek('2025-W00')).toBeNull();
    expect(mondayOfIsoWeek('2025-44')).toBeNull();
  });

  test('every day of a decade lands in the week whose Monday starts it', () => {
    for (let day = Date.UTC(2019, 0, 1); day < Date.UTC(2030, 0, 1); day += 86_400_000) {
      const date = new Date(day).toISOString().slice(0, 10);
      const monday = mondayOfIsoWeek(isoWeekOf(date)) as string;
      const gap = (day - Date.parse(`${monday}T00:00:00Z`)) / 86_400_000;
      expect(gap >= 0 && gap < 7, date).toBe(true);
    }
  });
});

describe('week recaps from the engine', () => {
  const runs = makeRuns([
    { date: '2025-09-29', km: 5 },
    { date: '2025-10-08', km: 8 },
    { date: '2025-10-27', km: 10 },
    { date: '2025-10-29', km: 12 },
    { date: '2025-11-02', km: 21.1 },
  ]);
  const wins = findWins(runs, [], makeProfile());
  const recaps = weekRecaps(runs, wins);

  test('only weeks with runs get a recap, and the totals add up to the runs', () => {
    expect(recaps.map((recap) => recap.week)).toEqual(['2025-W40', '2025-W41', '2025-W44']);
    expect(recaps.reduce((total, recap) => total + recap.runs.length, 0)).toBe(runs.length);
    const total = runs.reduce((sum, run) => sum + run.distance, 0);
    expect(recaps.reduce((sum, recap) => sum + recap.distance, 0)).toBeCloseTo(total, 6);
  });

  test('each win sits in the week of its date', () => {
    expect(recaps.reduce((total, recap) => total + recap.wins.length, 0)).toBe(wins.length);
    for (const recap of recaps) for (const win of recap.wins) expect(isoWeekOf(win.date)).toBe(recap.week);
  });

  test('the summary and comparison say the week in plain words', () => {
    const w44 = recaps.at(-1)!;
    expect(w44.from).toBe('2025-10-27');
    expect(w44.to).toBe('2025-11-02');
    const summary = weekSummary(w44, 'km');
    expect(summary.startsWith('3 runs, 43.1 km, longest 21.1 km')).toBe(true);
    // The week's headline wins are named; the others stay on the page, out of the summary.
    expect(w44.wins.some((win) => !win.headline)).toBe(true);
    for (const win of w44.wins) {
      if (win.headline) expect(summary).toContain(win.title);
      else expect(summary).not.toContain(win.title);
    }
    // Weeks 40–43 before W44: 5 km and 8 km, then two empty weeks.
    expect(w44.comparison.averageDistance).toBeCloseTo(3250, 6);
    expect(weekComparisonText(w44, 'km')).toMatch(/^39\.\d km more than the four weeks before \(3\.3 km a week\)\.$/);
    expect(weekComparisonText(recaps[0]!, 'km')).toBe('No runs in the four weeks before.');
  });
});

describe('the summary of a week with several headline wins', () => {
  test('keeps each title whole, commas and all', () => {
    const recap = weekRecaps(
      [{ id: '2025-10-25', date: '2025-10-25', distance: 42_400, time: 18_000 }],
      [
        { date: '2025-10-25', title: 'First marathon', headline: true },
        { date: '2025-10-25', title: 'A marathon on trails, as training', headline: true },
      ],
    )[0]!;
    expect(weekSummary(recap, 'km')).toBe('1 run, 42.4 km; new: First marathon · A marathon on trails, as training');
  });
});

describe('a week in words', () => {
  test('names the ISO week by its number and its days as dates, across months and years', () => {
    expect(weekName('2025-W46')).toBe('Week 46');
    expect(weekName('2026-W01')).toBe('Week 1');
    expect(weekDates('2025-11-10', '2025-11-16')).toBe('Nov 10–16, 2025');
    expect(weekDates('2025-09-29', '2025-10-05')).toBe('Sep 29 – Oct 5, 2025');
    expect(weekDates('2024-12-30', '2025-01-05')).toBe('Dec 30, 2024 – Jan 5, 2025');
    expect(weekDates('2025-11-10', '2025-11-16', 'de')).toMatch(/^10\.–16\. Nov\.? 2025$/);
  });
});

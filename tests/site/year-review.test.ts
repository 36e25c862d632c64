import { resolve } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { yearSlideInput, yearSlides } from '../../src/lib/cards/year-slides.ts';
import { readJournal } from '../../src/lib/journal/read-journal.ts';
import { firstLine, isHeadline, seasonalReviewYear, yearReview, yearReviews, type YearReview } from '../../src/lib/publish/year-review.ts';
import { monthlyTotals } from '../../src/lib/wins/volume.ts';
import { longestDailyStreak as engineStreak, longestWeeklyStreak as engineWeeklyStreak } from '../../src/lib/wins/consistency.ts';
import { findWins } from '../../src/lib/wins/find-wins.ts';
import type { Journal, Win } from '../../src/lib/types.ts';

const DATA = resolve(import.meta.dirname, '../../data');

describe('year review of the sample journal', () => {
  let journal: Journal;
  let wins: Win[];
  let reviews: YearReview[];
  beforeAll(async () => {
    journal = await readJournal(DATA);
    wins = findWins(journal.runs, journal.goals, journal.profile);
    reviews = yearReviews(journal.runs, wins, journal.today, journal.profile.weekStart);
  });

  test('one review per year with runs: 2024 and 2025', () => {
    expect(reviews.map((r) => r.year)).toEqual(['2024', '2025']);
  });

  test('the years add up to the journal’s own totals', () => {
    const sum = (pick: (r: YearReview) => number) => reviews.reduce((total, r) => total + pick(r), 0);
    expect(sum((r) => r.totals.runs)).toBe(journal.runs.length);
    expect(sum((r) => r.totals.distance)).toBeCloseTo(journal.runs.reduce((s, run) => s + run.distance, 0), 6);
    expect(sum((r) => r.totals.time)).toBe(journal.runs.reduce((s, run) => s + (run.time ?? 0), 0));
    expect(sum((r) => r.totals.climb)).toBe(journal.runs.reduce((s, run) => s + (run.elevation ?? 0), 0));
    expect(sum((r) => r.totals.daysRun)).toBe(new Set(journal.runs.map((run) => run.date)).size);
    expect(sum((r) => r.wins.length)).toBe(wins.length);
  });

  test('months are the engine’s month totals, twelve for a whole year', () => {
    const y2024 = reviews[0]!;
    expect(y2024.soFar).toBeNull();
    expect(y2024.months.map((m) => m.period)).toEqual(Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(2, '0')}`));
    const engine = new Map(monthlyTotals(journal.runs).map((m) => [m.period, m]));
    for (const month of reviews.flatMap((r) => r.months)) {
      const expected = engine.get(month.period) ?? { distance: 0, runs: 0 };
      expect([month.period, month.distance, month.runs]).toEqual([month.period, expected.distance, expected.runs]);
    }
    expect(y2024.months.reduce((s, m) => s + m.runs, 0)).toBe(y2024.totals.runs);
  });

  test('the year of the journal’s today is the year so far, its months ending with today’s month', () => {
    const last = reviews.at(-1)!;
    expect(journal.today?.startsWith(last.year)).toBe(true);
    expect(last.soFar).toBe(journal.today);
    expect(last.months.at(-1)?.period).toBe(journal.today?.slice(0, 7));
  });

  test('the biggest month is the engine’s biggest-month record where the year set one, and the streak the engine’s', () => {
    for (const review of reviews) {
      const dates = journal.runs.filter((run) => run.date.startsWith(review.year)).map((run) => run.date);
      expect(review.totals.longestStreak).toEqual(engineStreak(dates));
      const record = wins.filter((w) => w.kind === 'biggest-month' && w.date.startsWith(review.year)).at(-1);
      if (record) expect(review.biggestMonth?.distance).toBeGreaterThanOrEqual(record.value - 1e-6);
      const dayTotals = new Map<string, number>();
      for (const run of journal.runs.filter((r) => r.date.startsWith(review.year))) dayTotals.set(run.date, (dayTotals.get(run.date) ?? 0) + run.distance);
      expect(review.biggestDay?.distance).toBe(Math.max(...dayTotals.values()));
    }
  });

  test('the weekly streak is the longest that reached into the year, counted whole: never shorter than a streak won in it', () => {
    for (const review of reviews) {
      const streak = review.totals.longestWeeklyStreak;
      const won = wins.filter((w) => w.kind === 'weekly-streak' && w.date.startsWith(review.year)).map((w) => w.value);
      expect(streak.length).toBeGreaterThanOrEqual(Math.max(0, ...won));
      expect(streak.to! >= `${Number(review.year) - 1}-12-25`).toBe(true);
      // The engine's longest weekly streak of the runs up to the year's end, when it ends in the year.
      const upToEnd = journal.runs.filter((run) => run.date <= (review.soFar ?? `${review.year}-12-31`)).map((run) => run.date);
      const ever = engineWeeklyStreak(upToEnd, journal.profile.weekStart);
      if (ever.to! >= `${review.year}-01-01`) expect(streak).toEqual(ever);
    }
    expect(reviews.find((review) => review.year === '2025')!.totals.longestWeeklyStreak.length).toBeGreaterThanOrEqual(52);
  });

  test('wins are grouped by the engine’s kinds, bests with how much they improved', () => {
    const all = reviews.flatMap((r) => r.wins.map((w) => w.slug));
    expect(new Set(all)).toEqual(new Set(wins.map((w) => w.slug)));
    for (const review of reviews) {
      expect(review.newDistances.every((w) => w.kind === 'distance-first' || w.kind === 'nonstop-first')).toBe(true);
      for (const { win, by } of review.bests) {
        expect(win.kind).toBe('personal-best');
        if (win.previous) expect(by).toBeCloseTo(win.previous.value - win.value, 6);
      }
      expect(review.headline.every(isHeadline)).toBe(true);
    }
    // Every first distance, with or without stopping: the sample's first 5K and 10K were run without
    // stopping after her ladder without stopping retired (8 of 10 runs nonstop), so they are plain firsts.
    const firsts = wins.filter((w) => w.kind === 'distance-first' || w.kind === 'nonstop-first');
    expect(reviews.flatMap((r) => r.newDistances).map((w) => w.slug)).toEqual(firsts.map((w) => w.slug));
    expect(reviews[0]?.newDistances.map((w) => w.title)).toEqual(expect.arrayContaining(['First 4 km without stopping', 'First 5K', 'First 10K']));
  });

  test('2025 is compared with 2024', () => {
    const [y2024, y2025] = reviews as [YearReview, YearReview];
    expect(y2024.previous).toBeNull();
    expect(y2025.previous).toEqual({
      year: '2024',
      distance: y2025.totals.distance - y2024.totals.distance,
      runs: y2025.totals.runs - y2024.totals.runs,
      newDistances: y2025.newDistances.length,
      bests: y2025.bests.length,
    });
  });

  test('five to seven slides a year, each saying something', () => {
    for (const review of reviews) {
      const slides = yearSlides(review);
      expect(slides.length).toBeGreaterThanOrEqual(5);
      expect(slides.length).toBeLessThanOrEqual(7);
      const context = { profile: journal.profile, goals: journal.goals, today: journal.today };
      for (const slide of slides) expect(yearSlideInput(slide, review, context).headline.length).toBeGreaterThan(0);
    }
  });
});

describe('isHeadline', () => {
  const win = { slug: 'x', kind: 'race' as const, date: '2025-01-01', title: 'x', value: 1, unit: 'runs', previous: null, runs: [], goal: null, headline: false };
  test('is the engine’s own mark, whatever the kind', () => {
    expect(isHeadline(win)).toBe(false);
    expect(isHeadline({ ...win, headline: true })).toBe(true);
  });
});

describe('yearReview edges', () => {
  test('a week across New Year counts only this year’s days; runs after today are left out', () => {
    const runs = [
      { id: 'a', date: '2024-12-30', distance: 10000, time: 3600, elevation: null, isRace: false },
      { id: 'b', date: '2025-01-02', distance: 4000, time: null, elevation: 20, isRace: false },
      { id: 'c', date: '2025-01-20', distance: 3000, time: null, elevation: null, isRace: false },
    ];
    const review = yearReview('2025', runs, [], '2025-01-10', 'monday');
    expect(review.totals).toMatchObject({ runs: 1, distance: 4000, climb: 20, daysRun: 1 });
    expect(review.biggestWeek).toMatchObject({ period: '2024-12-30', distance: 4000 });
    expect(review.months.map((m) => m.period)).toEqual(['2025-01']);
  });
});

describe('yearReviews', () => {
  test('a year with a win but no run has its review (its wins page links there); nothing after today counts', () => {
    const runs = [{ id: 'a', date: '2023-12-31', distance: 5000, time: null, elevation: null, isRace: false }];
    const win = { slug: '2024-01-02-x', kind: 'anniversary' as const, date: '2024-01-02', title: 'x', value: 1, unit: 'years', previous: null, runs: [], goal: null, headline: true };
    const reviews = yearReviews(runs, [win, { ...win, slug: '2026-01-01-y', date: '2026-01-01' }], '2025-06-01', 'monday');
    expect(reviews.map((r) => [r.year, r.totals.runs, r.wins.length])).toEqual([
      ['2023', 1, 0],
      ['2024', 0, 1],
    ]);
    expect(reviews[1]?.previous).toMatchObject({ year: '2023', distance: -5000, runs: -1 });
    expect(reviews[1]?.biggestMonth).toBeNull();
  });
});

describe('firstLine', () => {
  test('first paragraph of prose, marks removed, cut at a word', () => {
    expect(firstLine('# Title\n\nI ran *far* to [the sea](https://x).\nThen home.\n\nMore.')).toBe('I ran far to the sea. Then home.');
    expect(firstLine('import X from "y";\n\nword '.repeat(1) + 'aaaa '.repeat(60), 20)).toBe('word aaaa aaaa aaaa…');
  });
});

describe('seasonalReviewYear', () => {
  const years = ['2024', '2025'];
  test('December links the year so far, January the year just ended, other months nothing', () => {
    expect(seasonalReviewYear('2025-12-03', years)).toBe('2025');
    expect(seasonalReviewYear('2025-01-15', years)).toBe('2024');
    expect(seasonalReviewYear('2025-11-30', years)).toBeNull();
    expect(seasonalReviewYear('2024-01-02', years)).toBeNull();
    expect(seasonalReviewYear(null, years)).toBeNull();
  });
});

// A calendar year of the journal in review: its totals, its wins grouped by what they mean, its
// biggest day, week and month, and how it compares with the year before. Pure: everything comes
// from the journal's runs and the engine's wins; the period totals and streaks are the engine's own
// (volume and consistency families), so a figure here always matches the wins it sits beside.
import type { IsoDate, WeekStart, WinKind } from '../types.ts';
import { biggestPeriod, monthlyTotals, weeklyTotals, type PeriodTotal } from '../wins/volume.ts';
import { addDays, daysBetween, weekStartOf } from '../format/dates.ts';
import { longestDailyStreak, type Streak } from '../wins/consistency.ts';

export interface YearRun {
  id: string;
  date: IsoDate;
  distance: number;
  time: number | null;
  elevation: number | null;
  isRace: boolean;
}

export interface YearWin {
  slug: string;
  kind: WinKind;
  date: IsoDate;
  title: string;
  value: number;
  unit: string;
  previous: { value: number; date: IsoDate } | null;
  runs: string[];
  goal: string | null;
  /** Set by the engine on every win once it marks the wins that matter. */
  headline: boolean;
}

/** The engine's own mark (docs/wins.md, "Headlines"): a year's story is its headline wins. */
export function isHeadline(win: YearWin): boolean {
  return win.headline;
}

export interface YearTotals {
  runs: number;
  /** Metres. */
  distance: number;
  /** Seconds (runs without a time add nothing). */
  time: number;
  /** Metres climbed (runs without elevation add nothing). */
  climb: number;
  daysRun: number;
  /** Longest run of consecutive days with a run inside the year. */
  longestStreak: Streak;
  /**
   * Longest run of consecutive weeks with a run that reached into the year, counted whole (a
   * 52-week streak won in August counts its weeks of the year before): a year of one long weekly
   * streak has short daily ones.
   */
  longestWeeklyStreak: Streak;
}

export interface Improvement {
  win: YearWin;
  /** How much better than the record it beat (seconds for times, metres for distances); null for a first. */
  by: number | null;
}

export interface YearReview {
  year: string;
  /** The journal's today when it falls inside this year: the year "so far". */
  soFar: IsoDate | null;
  totals: YearTotals;
  /** Wins of the year in date order. */
  wins: YearWin[];
  headline: YearWin[];
  /** Twelve months (fewer for a year so far), empty months included. */
  months: PeriodTotal[];
  biggestDay: { date: IsoDate; distance: number } | null;
  biggestWeek: PeriodTotal | null;
  biggestMonth: PeriodTotal | null;
  newDistances: YearWin[];
  bests: Improvement[];
  races: YearWin[];
  comebacks: YearWin[];
  goalSteps: YearWin[];
  /** Ids of the year's runs, in date order (for its story entries). */
  runIds: string[];
  previous: YearComparison | null;
}

export interface YearComparison {
  year: string;
  /** This year minus the year before, metres and runs. */
  distance: number;
  runs: number;
  newDistances: number;
  bests: number;
}

/**
 * The years that have a review page, oldest first: every year with a run or a win up to the
 * journal's today (a year with a win has a page even without a run: its wins page links to it).
 */
export function reviewYears(runs: readonly { date: IsoDate }[], wins: readonly { date: IsoDate }[], today: IsoDate | null): string[] {
  const dates = [...runs, ...wins].map((item) => item.date).filter((date) => today === null || date <= today);
  return [...new Set(dates.map((date) => date.slice(0, 4)))].sort();
}

function inYear<T extends { date: IsoDate }>(items: readonly T[], year: string): T[] {
  return items.filter((item) => item.date.startsWith(`${year}-`));
}

function totalsOf(runs: readonly YearRun[], weekly: Streak): YearTotals {
  const days = runs.map((run) => run.date);
  return {
    runs: runs.length,
    distance: runs.reduce((sum, run) => sum + run.distance, 0),
    time: runs.reduce((sum, run) => sum + (run.time ?? 0), 0),
    climb: runs.reduce((sum, run) => sum + (run.elevation ?? 0), 0),
    daysRun: new Set(days).size,
    longestStreak: longestDailyStreak(days),
    longestWeeklyStreak: weekly,
  };
}

function biggestDayOf(runs: readonly YearRun[]): { date: IsoDate; distance: number } | null {
  const days = new Map<IsoDate, number>();
  for (const run of runs) days.set(run.date, (days.get(run.date) ?? 0) + run.distance);
  let best: { date: IsoDate; distance: number } | null = null;
  for (const [date, distance] of [...days].sort(([a], [b]) => a.localeCompare(b))) {
    if (!best || distance > best.distance) best = { date, distance };
  }
  return best;
}

const byDate = (a: YearWin, b: YearWin): number => a.date.localeCompare(b.date);

/** The longest weekly streak, counted whole, whose last week has days in `year` (up to `end`). */
export function weeklyStreakInto(runs: readonly { date: IsoDate }[], year: string, end: IsoDate, weekStart: WeekStart): Streak {
  const firstWeek = weekStartOf(`${year}-01-01`, weekStart);
  let best: Streak = { length: 0, from: null, to: null };
  let from: IsoDate | null = null;
  let previous: IsoDate | null = null;
  for (const week of [...new Set(runs.filter((run) => run.date <= end).map((run) => weekStartOf(run.date, weekStart)))].sort()) {
    if (previous === null || addDays(previous, 7) !== week) from = week;
    previous = week;
    const length = daysBetween(from!, week) / 7 + 1;
    if (week >= firstWeek && length > best.length) best = { length, from, to: week };
  }
  return best;
}

/** One year in review; `today` is the journal's today (never the clock). */
export function yearReview(
  year: string,
  allRuns: readonly YearRun[],
  allWins: readonly YearWin[],
  today: IsoDate | null,
  weekStart: WeekStart,
): YearReview {
  const upTo = (item: { date: IsoDate }) => today === null || item.date <= today;
  const runs = inYear(allRuns, year).filter(upTo);
  const wins = inYear(allWins, year).filter(upTo).sort(byDate);
  const soFar = today !== null && today.startsWith(`${year}-`) && today < `${year}-12-31` ? today : null;
  const end = soFar ?? `${year}-12-31`;
  // The engine's month totals, every month of the year up to its end shown (an empty month is a gap).
  const totals = new Map(monthlyTotals(runs).map((month) => [month.period, month]));
  const months = Array.from({ length: Number(end.slice(5, 7)) }, (_, i) => {
    const period = `${year}-${String(i + 1).padStart(2, '0')}`;
    return totals.get(period) ?? { period, distance: 0, time: 0, runs: 0 };
  });
  // The engine's week totals, cut at the year's edges: a week across New Year counts this year's days.
  const weeks = weeklyTotals(runs, weekStart, { from: `${year}-01-01`, to: end });
  const kinds = (...list: WinKind[]) => wins.filter((win) => list.includes(win.kind));
  const review: YearReview = {
    year,
    soFar,
    totals: totalsOf(runs, weeklyStreakInto(allRuns, year, end, weekStart)),
    wins,
    headline: wins.filter(isHeadline),
    months,
    biggestDay: biggestDayOf(runs),
    biggestWeek: runs.length > 0 ? biggestPeriod(weeks) : null,
    biggestMonth: runs.length > 0 ? biggestPeriod(months) : null,
    // A first run without stopping is a new distance too: the engine gives it instead of the plain
    // "First 5K" when both fall on one run, so without it a year could miss its first 5K and 10K.
    newDistances: kinds('distance-first', 'nonstop-first'),
    bests: kinds('personal-best').map((win) => ({ win, by: win.previous ? Math.abs(win.previous.value - win.value) : null })),
    races: kinds('race'),
    comebacks: kinds('comeback', 'back-to-form'),
    goalSteps: kinds('goal-progress', 'goal-achieved'),
    runIds: runs.map((run) => run.id),
    previous: null,
  };
  return review;
}

/** Every year of the journal in review, each compared with the year before where there is one. */
export function yearReviews(
  runs: readonly YearRun[],
  wins: readonly YearWin[],
  today: IsoDate | null,
  weekStart: WeekStart,
): YearReview[] {
  const years = reviewYears(runs, wins, today);
  const reviews = years.map((year) => yearReview(year, runs, wins, today, weekStart));
  reviews.forEach((review, i) => {
    const before = reviews[i - 1];
    if (before && Number(before.year) === Number(review.year) - 1) review.previous = compare(review, before);
  });
  return reviews;
}

function compare(year: YearReview, before: YearReview): YearComparison {
  return {
    year: before.year,
    distance: year.totals.distance - before.totals.distance,
    runs: year.totals.runs - before.totals.runs,
    newDistances: year.newDistances.length,
    bests: year.bests.length,
  };
}

/** A story's first line for a list: its first paragraph of prose, Markdown marks removed, cut at a word. */
export function firstLine(body: string, max = 160): string {
  const paragraph =
    body
      .replace(/^---\n[\s\S]*?\n---\n/, '')
      .split(/\n\s*\n/)
      .map((block) => block.trim())
      .find((block) => block !== '' && !/^(#|import |export |<|[-*] |\d+\. |>|```)/.test(block)) ?? '';
  const text = paragraph
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : max)}…`;
}

/**
 * The year the home page links to in review season, as of the journal's today (never the clock):
 * in December the year so far, in January the year just ended; null otherwise or without its page.
 */
export function seasonalReviewYear(today: IsoDate | null, years: readonly string[]): string | null {
  if (today === null) return null;
  const month = today.slice(5, 7);
  const year = month === '12' ? today.slice(0, 4) : month === '01' ? String(Number(today.slice(0, 4)) - 1) : null;
  return year !== null && years.includes(year) ? year : null;
}

// Distance per week and month, zero-filled so gaps (an injury, a holiday) show as gaps.
import { addDays, daysBetween, monthOf, weekStartOf } from '../format/dates.ts';
import type { IsoDate, WeekStart } from '../types.ts';

/** The fields totals need; `Run` satisfies it. */
export interface RunLike {
  date: IsoDate;
  distance: number;
  time: number | null;
}

export interface PeriodTotal {
  /** First day of the week, or `YYYY-MM` for a month. */
  period: string;
  distance: number;
  time: number;
  runs: number;
}

function emptyTotal(period: string): PeriodTotal {
  return { period, distance: 0, time: 0, runs: 0 };
}

function addRun(total: PeriodTotal, run: RunLike): void {
  total.distance += run.distance;
  total.time += run.time ?? 0;
  total.runs += 1;
}

/**
 * One total per week from the week of `from` to the week of `to` (both default to the runs' own
 * range), including weeks without a run.
 */
export function weeklyTotals(
  runs: readonly RunLike[],
  weekStart: WeekStart,
  range: { from?: IsoDate; to?: IsoDate } = {},
): PeriodTotal[] {
  const dates = runs.map((run) => run.date).sort();
  const from = range.from ?? dates[0];
  const to = range.to ?? dates.at(-1);
  if (from === undefined || to === undefined || from > to) return [];
  const first = weekStartOf(from, weekStart);
  const weeks: PeriodTotal[] = [];
  for (let week = first; week <= to; week = addDays(week, 7)) weeks.push(emptyTotal(week));
  for (const run of runs) {
    const index = Math.floor(daysBetween(first, run.date) / 7);
    const total = weeks[index];
    if (total && run.date >= from && run.date <= to) addRun(total, run);
  }
  return weeks;
}

function nextMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}

/** One total per calendar month from the first run's month to the last's, including empty months. */
export function monthlyTotals(runs: readonly RunLike[]): PeriodTotal[] {
  const dates = runs.map((run) => run.date).sort();
  const first = dates[0];
  const last = dates.at(-1);
  if (first === undefined || last === undefined) return [];
  const months: PeriodTotal[] = [];
  const index = new Map<string, PeriodTotal>();
  for (let month = monthOf(first); month <= monthOf(last); month = nextMonth(month)) {
    const total = emptyTotal(month);
    months.push(total);
    index.set(month, total);
  }
  for (const run of runs) addRun(index.get(monthOf(run.date)) as PeriodTotal, run);
  return months;
}

export interface CumulativePoint {
  date: IsoDate;
  /** Lifetime metres at the end of that day. */
  distance: number;
}

/** Lifetime distance after each day that has a run. */
export function cumulativeDistance(runs: readonly RunLike[]): CumulativePoint[] {
  const byDay = new Map<IsoDate, number>();
  for (const run of runs) byDay.set(run.date, (byDay.get(run.date) ?? 0) + run.distance);
  let total = 0;
  return [...byDay]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, distance]) => {
      total += distance;
      return { date, distance: total };
    });
}

// Streaks as of the journal's today (never the build machine's clock).
import { addDays, daysBetween, weekStartOf } from '../format/dates.ts';
import type { IsoDate, WeekStart } from '../types.ts';

export interface Streak {
  length: number;
  from: IsoDate | null;
  to: IsoDate | null;
}

function uniqueSorted(dates: readonly IsoDate[]): IsoDate[] {
  return [...new Set(dates)].sort();
}

/** Consecutive days with a run ending on `today` (or on the day before: today is not over yet). */
export function currentDailyStreak(dates: readonly IsoDate[], today: IsoDate): Streak {
  const days = new Set(dates.filter((date) => date <= today));
  let end = today;
  if (!days.has(end)) end = addDays(today, -1);
  if (!days.has(end)) return { length: 0, from: null, to: null };
  let start = end;
  while (days.has(addDays(start, -1))) start = addDays(start, -1);
  return { length: daysBetween(start, end) + 1, from: start, to: end };
}

/** Consecutive weeks with at least one run, ending with the week of `today` (or the week before). */
export function currentWeeklyStreak(dates: readonly IsoDate[], today: IsoDate, weekStart: WeekStart): Streak {
  const weeks = new Set(dates.filter((date) => date <= today).map((date) => weekStartOf(date, weekStart)));
  let end = weekStartOf(today, weekStart);
  if (!weeks.has(end)) end = addDays(end, -7);
  if (!weeks.has(end)) return { length: 0, from: null, to: null };
  let start = end;
  while (weeks.has(addDays(start, -7))) start = addDays(start, -7);
  return { length: daysBetween(start, end) / 7 + 1, from: start, to: end };
}

/** The longest run of consecutive days with a run, ever (the earliest when tied). */
export function longestDailyStreak(dates: readonly IsoDate[]): Streak {
  let best: Streak = { length: 0, from: null, to: null };
  let start: IsoDate | null = null;
  let previous: IsoDate | null = null;
  for (const date of uniqueSorted(dates)) {
    if (previous === null || daysBetween(previous, date) !== 1) start = date;
    const length = daysBetween(start as IsoDate, date) + 1;
    if (length > best.length) best = { length, from: start, to: date };
    previous = date;
  }
  return best;
}

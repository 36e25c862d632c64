// The goal page's staircase: the long-run progression toward the goal distance, the wins along the
// way as steps, weekly volume, and weeks to go — all as of the journal's today.
import { daysBetween, weekStartOf } from '../format/dates.ts';
import type { IsoDate, WeekStart } from '../types.ts';
import { weeklyTotals, type PeriodTotal } from './totals.ts';

export interface GoalLike {
  slug: string;
  date: IsoDate;
  distance: number;
  start: IsoDate | null;
}

export interface GoalRunLike {
  id: string;
  date: IsoDate;
  distance: number;
  time: number | null;
  isRace: boolean;
}

export interface LongRunStep {
  date: IsoDate;
  /** The longest run so far in the build-up, metres. */
  value: number;
  runId: string;
}

export interface Staircase {
  start: IsoDate;
  /** Each time the longest run of the build-up grew. */
  steps: LongRunStep[];
  weeks: PeriodTotal[];
  /** Whole weeks from today to race day (0 on race week), null after race day. */
  weeksToGo: number | null;
  daysToGo: number | null;
  /** Share of the goal distance the longest run so far covers, 0–1. */
  reached: number;
  /** The race itself, once the journal holds it. */
  result: GoalRunLike | null;
}

export function staircase(goal: GoalLike, runs: readonly GoalRunLike[], today: IsoDate, weekStart: WeekStart): Staircase {
  // Runs after the journal's today (a SMALL_WINS_TODAY override) have not happened yet.
  const sorted = runs.filter((run) => run.date <= today).sort((a, b) => a.date.localeCompare(b.date));
  const start = goal.start ?? sorted[0]?.date ?? today;
  const before = sorted.filter((run) => run.date >= start && run.date < goal.date);
  const steps: LongRunStep[] = [];
  for (const run of before) {
    const best = steps.at(-1)?.value ?? 0;
    if (run.distance > best) steps.push({ date: run.date, value: run.distance, runId: run.id });
  }
  const onRaceDay = sorted.filter((run) => run.date === goal.date);
  const result = onRaceDay.reduce<GoalRunLike | null>(
    (best, run) => (!best || (run.isRace && !best.isRace) || (run.isRace === best.isRace && run.distance > best.distance) ? run : best),
    null,
  );
  const lastWeek = goal.date < today ? goal.date : today;
  const daysToGo = today <= goal.date ? daysBetween(today, goal.date) : null;
  return {
    start,
    steps,
    weeks: weeklyTotals(before, weekStart, { from: start, to: lastWeek < start ? start : lastWeek }),
    weeksToGo:
      daysToGo === null ? null : daysBetween(weekStartOf(today, weekStart), weekStartOf(goal.date, weekStart)) / 7,
    daysToGo,
    reached: Math.min(1, (steps.at(-1)?.value ?? 0) / goal.distance),
    result,
  };
}

/** A countdown in weeks and days, the same words on the home page and the goal's page: "3 weeks and 6 days". */
export function weeksAndDays(days: number): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const weeks = Math.floor(days / 7);
  if (weeks === 0) return plural(days, 'day');
  return days % 7 === 0 ? plural(weeks, 'week') : `${plural(weeks, 'week')} and ${plural(days % 7, 'day')}`;
}

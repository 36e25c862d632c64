// The goal page's staircase: the goal family's standing (the build-up's long runs as steps, the run
// that achieved it, days to go) with the weekly volume of the build-up, as of the journal's today.
import { daysBetween, weekStartOf } from '../format/dates.ts';
import type { IsoDate, WeekStart } from '../types.ts';
import { goalStanding, type GoalRunLike, type GoalStanding, type GoalTerms } from '../wins/goal.ts';
import { weeklyTotals, type PeriodTotal } from '../wins/volume.ts';

export type { LongRunStep } from '../wins/goal.ts';

export interface Staircase<R extends GoalRunLike = GoalRunLike> extends GoalStanding<R> {
  weeks: PeriodTotal[];
  /** Whole weeks from today to race day (0 on race week), null after race day. */
  weeksToGo: number | null;
}

/** `runs` in id order (the goal-achieved win's run is the first that achieves it). */
export function staircase<R extends GoalRunLike>(goal: GoalTerms, runs: readonly R[], today: IsoDate, weekStart: WeekStart): Staircase<R> {
  const standing = goalStanding(goal, runs, today);
  const { start, daysToGo } = standing;
  const buildUp = runs.filter((run) => run.date >= start && run.date < goal.date && run.date <= today);
  const lastWeek = goal.date < today ? goal.date : today;
  return {
    ...standing,
    weeks: weeklyTotals(buildUp, weekStart, { from: start, to: lastWeek < start ? start : lastWeek }),
    weeksToGo: daysToGo === null ? null : daysBetween(weekStartOf(today, weekStart), weekStartOf(goal.date, weekStart)) / 7,
  };
}

/** A countdown in weeks and days, the same words on the home page and the goal's page: "3 weeks and 6 days". */
export function weeksAndDays(days: number): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const weeks = Math.floor(days / 7);
  if (weeks === 0) return plural(days, 'day');
  return days % 7 === 0 ? plural(weeks, 'week') : `${plural(weeks, 'week')} and ${plural(days % 7, 'day')}`;
}

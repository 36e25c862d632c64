// What `next` is made of: one milestone within reach, and what every family's `next` reads. Each
// family module says what is within reach on its own ladders; next-milestones.ts puts them together.
import type { Goal, IsoDate, Profile, Run, WinKind, WinUnit } from '../types.ts';

export interface NextMilestone {
  /** The kind of win reaching it earns. */
  kind: WinKind;
  /** The rung in words: `500 km lifetime`, `14-day streak`, `first 15 km`, `sub-25 5K`. */
  label: string;
  /** How far away, in `unit` (metres, seconds, days, weeks, runs): a run that covers it earns the win. */
  remaining: number;
  unit: WinUnit;
  /**
   * The rung itself, in `unit`: the record to beat for biggest week/month. Calendar milestones
   * (goal day, anniversary; they have a `date`) hold the goal's distance in metres or the years.
   */
  target: number;
  /** Goal slug for goal milestones. */
  goal: string | null;
  /** The day it falls on, for calendar milestones (goal day, anniversary). */
  date: IsoDate | null;
  /** For the goal line: still building up, in its taper, or done. */
  phase: GoalPhase | null;
  /** The goal's target pace in seconds per metre, when the goal has a time. */
  pace: number | null;
}

export type GoalPhase = 'build-up' | 'taper' | 'done';

/** A goal race ahead of the journal's today, not achieved yet: it shapes what a coach suggests. */
export interface GoalAhead {
  goal: Goal;
  daysToGo: number;
  /** Inside its taper: see `taperDays`. */
  taper: boolean;
}

export interface NextContext {
  /** Every run, in id order. */
  ordered: readonly Run[];
  profile: Profile;
  /** The journal's today (its last run unless overridden); null for an empty journal. */
  today: IsoDate | null;
  /** Goals ahead, nearest first. */
  ahead: readonly GoalAhead[];
}

export function milestone(
  m: Omit<NextMilestone, 'goal' | 'date' | 'phase' | 'pace'> & Partial<Pick<NextMilestone, 'goal' | 'date' | 'phase' | 'pace'>>,
): NextMilestone {
  return { goal: null, date: null, phase: null, pace: null, ...m };
}

/** The largest value `pick` gives, or 0. */
export function highest<T>(values: Iterable<T>, pick: (value: T) => number | null): number {
  let best = 0;
  for (const value of values) {
    const v = pick(value);
    if (v !== null && v > best) best = v;
  }
  return best;
}

/** True while some goal race ahead is in its taper: no volume or distance nudges then. */
export function inTaper(context: NextContext): boolean {
  return context.ahead.some((a) => a.taper);
}

/**
 * A distance the race itself is for: at or above the longest goal race ahead, a first or a longest
 * run belongs on race day, not in training.
 */
export function saveForRaceDay(context: NextContext, metres: number): boolean {
  const longest = highest(context.ahead, (a) => a.goal.distance);
  return longest > 0 && metres >= 0.99 * longest;
}

// What `next` is made of: one milestone within reach, and what every family's `next` reads. Each
// family module says what is within reach on its own ladders; next-milestones.ts puts them together.
import type { Goal, IsoDate, Profile, Run, WinKind, WinUnit } from '../types.ts';
import { dayNumber } from '../format/dates.ts';
import { HALF_MARATHON_METRES, MARATHON_METRES, reaches, runReaches } from '../model/rungs.ts';
import { GOAL_DAY_TOLERANCE } from '../model/thresholds.ts';

export interface NextMilestone {
  /** The kind of win reaching it earns. */
  kind: WinKind;
  /** The rung in words: `500 km lifetime`, `14-day streak`, `first 15 km`, `sub-25 5K`. */
  label: string;
  /** How far away, in `unit` (metres, seconds, days, weeks, runs): a run that covers it earns the win. */
  remaining: number;
  /** What `remaining` and `target` are counted in. */
  unit: WinUnit;
  /**
   * The rung itself, in `unit`: the record to beat for biggest week/month. Calendar milestones
   * (goal day, anniversary; they have a `date`) count days down to 0, their target.
   */
  target: number;
  /** Goal slug for goal milestones. */
  goal: string | null;
  /** The day it falls on, for calendar milestones (goal day, anniversary). */
  date: IsoDate | null;
  /** For the goal line: still building up, in its taper, done, or past race day with no race logged. */
  phase: GoalPhase | null;
  /** The goal's target pace in seconds per metre, when the goal has a time. */
  pace: number | null;
  /** The goal's target time in seconds, when it has one. */
  time: number | null;
}

export type GoalPhase = 'build-up' | 'taper' | 'done' | 'unlogged';

/**
 * Where the runner is in their season, as a coach reads the journal: it decides what `next` may ask
 * for (see ASKS). Computed once (next-milestones.ts) and read by every family.
 */
export type RunnerPhase = 'building' | 'taper' | 'injured' | 'comeback' | 'recovery';

/** What a coach may ask for in one phase. */
export interface Asks {
  /** Faster times: barriers. */
  speed: boolean;
  /** Longer runs and climbs: `small-step` only a little beyond the longest run since the comeback. */
  distance: 'any' | 'small-step' | 'none';
  /** Lifetime distance. */
  lifetime: boolean;
  /** Volume records: biggest week and month, Eddington. */
  records: boolean;
  dailyStreak: boolean;
  weeklyStreak: boolean;
  /** The goal race's line leads: it is what the weeks are about. */
  goalFirst: boolean;
}

const REST: Asks = { speed: false, distance: 'none', lifetime: false, records: false, dailyStreak: false, weeklyStreak: false, goalFirst: true };

/**
 * The one table of what each phase allows. Building: anything within reach. Taper: the race is the
 * only target, resting is the work. Recovery after a goal race: the body repairs, as in a taper.
 * Comeback: regular easy running and small steps up, nothing fast, no volume records. Injured:
 * nothing but rest (next-milestones.ts says so in one line).
 */
export const ASKS: Readonly<Record<RunnerPhase, Asks>> = {
  building: { speed: true, distance: 'any', lifetime: true, records: true, dailyStreak: true, weeklyStreak: true, goalFirst: false },
  taper: REST,
  recovery: REST,
  comeback: { speed: false, distance: 'small-step', lifetime: true, records: false, dailyStreak: false, weeklyStreak: true, goalFirst: false },
  injured: { ...REST, goalFirst: false },
};

/**
 * A barrier is within reach when the road best is at most this share slower than it: a few
 * months of training's worth. Further away it is a season's goal, not the next step.
 */
export const BARRIER_REACH = 0.06;

/**
 * How long after a comeback `next` stays in the comeback phase: four weeks, the time a runner back
 * from a break of weeks needs before their body takes fast running and record weeks again (fitness
 * lost over weeks takes about as long to regain).
 */
export const COMEBACK_EASY_DAYS = 28;

/**
 * After a comeback a longer run is asked for only when it is at most this much longer than the
 * longest run since the comeback: the usual ten per cent a week a coach allows a returning runner.
 */
export const COMEBACK_STEP = 1.1;

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
  /** Where the runner is in their season. */
  phase: RunnerPhase;
  /** The comeback run's date while in the comeback phase, else null. */
  comeback: IsoDate | null;
}

/** What the runner's phase allows. */
export function asks(context: Pick<NextContext, 'phase'>): Asks {
  return ASKS[context.phase];
}

/**
 * Whether a run of `metres` may be asked for: never the distance of the goal race ahead, nothing
 * longer in a rest phase, and after a comeback only a small step (COMEBACK_STEP) beyond the longest
 * run since it.
 */
export function mayAskDistance(context: NextContext, metres: number): boolean {
  const allowed = asks(context).distance;
  if (allowed === 'none' || saveForRaceDay(context, metres)) return false;
  if (allowed === 'any' || context.comeback === null) return allowed === 'any';
  const since = context.comeback;
  return metres <= COMEBACK_STEP * highest(context.ordered, (run) => (run.date >= since ? run.distance : null));
}

/**
 * The run that is the goal race, once logged: on race day (or a day either side, as the goal
 * detector counts it) covering the distance, or any race on race day itself (a slower or shorter
 * finish is a race run too). `ordered` holds the runs up to today.
 */
export function raceRun<R extends Pick<Run, 'date' | 'distance' | 'isRace' | 'source'>>(goal: Pick<Goal, 'date' | 'distance'>, ordered: readonly R[]): R | null {
  const raceDay = dayNumber(goal.date);
  for (const run of ordered) {
    if (Math.abs(dayNumber(run.date) - raceDay) > GOAL_DAY_TOLERANCE) continue;
    if (runReaches(run, goal.distance) || (run.date === goal.date && run.isRace)) return run;
  }
  return null;
}

/**
 * Days after a goal race before `next` asks for more again: a marathon or longer takes three weeks
 * to recover from, a half marathon two, a shorter race one. The counterpart of `taperDays` (goal.ts).
 */
export function recoveryDays(goal: Pick<Goal, 'distance'>): number {
  return reaches(goal.distance, MARATHON_METRES, false) ? 21 : reaches(goal.distance, HALF_MARATHON_METRES, false) ? 14 : 7;
}

export function milestone(
  m: Omit<NextMilestone, 'goal' | 'date' | 'phase' | 'pace' | 'time'> & Partial<Pick<NextMilestone, 'goal' | 'date' | 'phase' | 'pace' | 'time'>>,
): NextMilestone {
  return { goal: null, date: null, phase: null, pace: null, time: null, ...m };
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

/**
 * A distance the race itself is for: at or above the longest goal race ahead, a first or a longest
 * run belongs on race day, not in training.
 */
export function saveForRaceDay(context: NextContext, metres: number): boolean {
  const longest = highest(context.ahead, (a) => a.goal.distance);
  return longest > 0 && metres >= 0.99 * longest;
}

// Goal family: goal-progress (the build-up's long runs) and goal-achieved (race day).
import type { Goal, IsoDate, PreviousRecord, Run, Series } from '../types.ts';
import { addDays, dayNumber, daysBetween } from '../format/dates.ts';
import { mayAskDistance, milestone, raceRun, type GoalPhase, type NextContext, type NextMilestone } from './next.ts';
import { GOAL_PERCENTS, isMeasured, MARATHON_METRES, reaches } from '../model/rungs.ts';
import { appendPoint, createSeries, type Detector } from './walk.ts';
import { BACK_TO_BACK_DAY_SHARE, BACK_TO_BACK_SECONDS, BACK_TO_BACK_SHARE, GOAL_DAY_TOLERANCE, LONGEST_RUN_MARGIN } from '../model/thresholds.ts';
import { formatDistance, formatDuration } from '../format/units.ts';

const PROGRESS_TITLES: Record<number, (goal: string) => string> = {
  25: (goal) => `A quarter of the way to ${goal}`,
  50: (goal) => `Halfway to ${goal}`,
  75: (goal) => `Three quarters of the way to ${goal}`,
  100: (goal) => `The full ${goal} distance in training`,
};

interface GoalState {
  goal: Goal;
  /** The build-up ends the day before race day. */
  lastBuildUpDate: IsoDate;
  raceDay: number;
  series: Series;
  longest: number;
  reached: number;
  previous: PreviousRecord | null;
  achieved: boolean;
}

export function compareGoals(a: Goal, b: Goal): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0;
}

export function detectGoalWins(goals: readonly Goal[]): Detector {
  const states: GoalState[] = [...goals].sort(compareGoals).map((goal) => ({
    goal,
    lastBuildUpDate: addDays(goal.date, -1),
    raceDay: dayNumber(goal.date),
    series: createSeries(`goal-${goal.slug}`, `Long runs toward ${goal.title}`, 'm'),
    longest: 0,
    reached: 0,
    previous: null,
    achieved: false,
  }));
  let firstDate: IsoDate | null = null;
  return (run, walk) => {
    firstDate ??= run.date;
    for (const state of states) {
      const { goal } = state;
      if (goal.distance <= 0) continue;
      const start = goal.start ?? firstDate;
      // A step her longest run before the build-up already reached is no step: she was there.
      if (run.date < start) state.reached = Math.max(state.reached, goalStepsReached(goal, run.distance, isMeasured(run)));
      // Only the build-up counts: from the goal's start to the day before race day.
      else if (run.date <= state.lastBuildUpDate && run.distance > state.longest) {
        state.longest = run.distance;
        const upTo = appendPoint(state.series, run.date, run.distance, run.id);
        const count = goalStepsReached(goal, run.distance, isMeasured(run));
        if (count > state.reached) {
          const percent = GOAL_PERCENTS[count - 1]!;
          const win = walk.emit(run, {
            kind: 'goal-progress',
            name: `${goal.slug}-${percent}-percent`,
            title: PROGRESS_TITLES[percent]!(goal.title),
            value: percent,
            unit: 'percent',
            rung: `${percent}-percent`,
            goal: goal.slug,
            previous: state.previous,
            progression: { series: state.series, upTo },
          });
          state.previous = { value: percent, date: win.date, slug: win.slug };
          state.reached = count;
        }
      }
      if (!state.achieved && achievesGoal(goal, run, walk.day - state.raceDay)) {
        const upTo = appendPoint(state.series, run.date, run.distance, run.id);
        walk.emit(run, {
          kind: 'goal-achieved',
          name: `${goal.slug}-achieved`,
          title: `Goal achieved: ${goal.title}`,
          value: run.distance,
          unit: 'm',
          goal: goal.slug,
          progression: { series: state.series, upTo },
        });
        state.achieved = true;
      }
    }
  };
}

interface DayTotal {
  day: number;
  distance: number;
  time: number;
  runs: string[];
}

/**
 * Back-to-backs: for each goal of marathon distance or more, in its build-up, two days in a row
 * that together reach BACK_TO_BACK_SHARE of the goal distance or BACK_TO_BACK_SECONDS of moving
 * time, each day at least BACK_TO_BACK_DAY_SHARE of the pair. The first of a build-up is a win,
 * then each pair a tenth longer than the last one celebrated: an ultra runner's weekend, tired legs
 * on purpose.
 */
export function detectBackToBacks(goals: readonly Goal[]): Detector {
  const long = [...goals].sort(compareGoals).filter((goal) => reaches(goal.distance, MARATHON_METRES, false));
  const celebrated = new Map<string, { value: number; date: IsoDate; slug: string | null; run: string }>();
  let yesterday: DayTotal | null = null;
  let today: DayTotal | null = null;
  const won = new Set<string>();
  return (run, walk) => {
    if (long.length === 0) return;
    if (today === null || today.day !== walk.day) {
      yesterday = today;
      today = { day: walk.day, distance: 0, time: 0, runs: [] };
    }
    today.distance += run.distance;
    today.time += run.time ?? 0;
    today.runs.push(run.id);
    if (yesterday === null || yesterday.day !== walk.day - 1) return;
    const distance = yesterday.distance + today.distance;
    const time = yesterday.time + today.time;
    const even = Math.min(yesterday.distance, today.distance) >= BACK_TO_BACK_DAY_SHARE * distance;
    if (!even) return;
    for (const goal of long) {
      const start = goal.start ?? null;
      if ((start !== null && run.date < addDays(start, 1)) || run.date >= goal.date) continue;
      if (distance < BACK_TO_BACK_SHARE * goal.distance && time < BACK_TO_BACK_SECONDS) continue;
      const key = `${goal.slug}:${walk.day}`;
      const before = celebrated.get(goal.slug) ?? null;
      if (won.has(key) || (before !== null && distance < LONGEST_RUN_MARGIN * before.value)) continue;
      won.add(key);
      const win = walk.emit(run, {
        kind: 'back-to-back',
        name: `${goal.slug}-back-to-back`,
        title: `Back-to-back toward ${goal.title}: ${formatDistance(distance, walk.profile.units)} in two days${time > 0 ? `, ${formatDuration(time)}` : ''}`,
        value: distance,
        unit: 'm',
        goal: goal.slug,
        runs: [...today.runs].reverse().concat([...yesterday.runs].reverse()),
        previous: before ? { ...before } : null,
      });
      celebrated.set(goal.slug, { value: distance, date: win.date, slug: win.slug, run: run.id });
    }
  };
}

/**
 * How many of the goal's steps (GOAL_PERCENTS of its distance) a run of `distance` (`measured` or
 * typed) reaches. The
 * steps reached by the longest run before the build-up (`GoalStanding.before`) are passed already:
 * the detector gives no win for them, and `next` must not name them.
 */
export function goalStepsReached(goal: Pick<Goal, 'distance'>, distance: number, measured: boolean): number {
  let count = 0;
  while (count < GOAL_PERCENTS.length && reaches(distance, (GOAL_PERCENTS[count]! / 100) * goal.distance, measured)) count++;
  return count;
}

/**
 * The run is the goal achieved: within a day of race day (`daysFromRaceDay`), the whole goal
 * distance, and at or under the target time when the goal has one (the time as logged).
 */
export function achievesGoal(goal: GoalTerms, run: Pick<GoalRunLike, 'distance' | 'time' | 'source'>, daysFromRaceDay: number): boolean {
  if (Math.abs(daysFromRaceDay) > GOAL_DAY_TOLERANCE || !reaches(run.distance, goal.distance, measuredRun(run))) return false;
  const target = goal.time ?? null;
  return target === null || (run.time !== null && run.time <= target);
}

/** What a goal is, as the rules read it (the pages' goals have no body). */
export type GoalTerms = Pick<Goal, 'date' | 'distance' | 'start' | 'time'>;

/** The marathon and longer taper for four weeks, shorter races for two. */
export function taperDays(goal: Pick<Goal, 'distance'>): number {
  return reaches(goal.distance, MARATHON_METRES, false) ? 28 : 14;
}

/** The goal's target pace, seconds per metre, when it has a time. */
export function goalPace(goal: GoalTerms): number | null {
  const time = goal.time ?? null;
  return time !== null && goal.distance > 0 ? time / goal.distance : null;
}

/** The fields the goal standing reads; `Run` satisfies it. */
export interface GoalRunLike {
  id: string;
  date: IsoDate;
  distance: number;
  time: number | null;
  /** Where its distance came from; the site's published runs do not carry it (see `measuredRun`). */
  source?: Run['source'];
}

/**
 * Whether a goal run's distance was measured. A published run (the goal page) has no source: it is
 * taken as measured, the rule before typed distances were told apart.
 */
function measuredRun(run: Pick<GoalRunLike, 'source'>): boolean {
  return run.source === undefined || isMeasured({ source: run.source });
}

export interface LongRunStep {
  date: IsoDate;
  /** The longest run so far in the build-up, metres. */
  value: number;
  runId: string;
  /** Whether its distance was measured (reaches a step at 99%) or typed (in full). */
  measured: boolean;
}

export interface GoalStanding<R extends GoalRunLike = GoalRunLike> {
  /** The build-up's first day: the goal's `start`, else the first run. */
  start: IsoDate;
  /** Each time the longest run of the build-up grew: the points of the goal's progression. */
  steps: LongRunStep[];
  /** The longest run before the build-up, metres (0 when none). */
  before: number;
  /** The goal's steps the runs before the build-up reached: passed already, no win and no `next` line. */
  passed: number;
  /** Share of the goal distance the longest run of the build-up covers, 0–1. */
  reached: number;
  /** The run that achieved the goal (the goal-achieved win's run), once the journal holds it. */
  result: R | null;
  /** Days from today to race day; null after race day. */
  daysToGo: number | null;
  /** Done once achieved; in its taper the last `taperDays` before race day; null once missed. */
  phase: GoalPhase | null;
}

/**
 * Where a goal stands as of `today`, by the goal detector's own rules: the build-up's long runs
 * (its steps), the run that achieved it, the days to go. `ordered` is in id order; runs after
 * `today` have not happened yet.
 */
export function goalStanding<R extends GoalRunLike>(goal: GoalTerms, ordered: readonly R[], today: IsoDate): GoalStanding<R> {
  const runs = ordered.filter((run) => run.date <= today);
  const start = goal.start ?? runs[0]?.date ?? today;
  const lastBuildUpDate = addDays(goal.date, -1);
  const raceDay = dayNumber(goal.date);
  const steps: LongRunStep[] = [];
  let before = 0;
  let passed = 0;
  let result: R | null = null;
  for (const run of runs) {
    if (run.date < start) {
      before = Math.max(before, run.distance);
      passed = Math.max(passed, goalStepsReached(goal, run.distance, measuredRun(run)));
    }
    if (run.date >= start && run.date <= lastBuildUpDate && run.distance > (steps.at(-1)?.value ?? 0)) {
      steps.push({ date: run.date, value: run.distance, runId: run.id, measured: measuredRun(run) });
    }
    if (result === null && goal.distance > 0 && achievesGoal(goal, run, dayNumber(run.date) - raceDay)) result = run;
  }
  const daysToGo = today <= goal.date ? daysBetween(today, goal.date) : null;
  const phase: GoalPhase | null =
    result !== null ? 'done' : daysToGo === null ? null : daysToGo <= taperDays(goal) ? 'taper' : 'build-up';
  return {
    start,
    steps,
    before,
    passed,
    reached: goal.distance > 0 ? Math.min(1, (steps.at(-1)?.value ?? 0) / goal.distance) : 0,
    result,
    daysToGo,
    phase,
  };
}

/** A goal stays in `next` this many days after race day: as done, or asking for its race to be logged. */
const DONE_SHOWN_DAYS = 14;

/**
 * Within reach for one goal: the next step of the build-up's long run (never 100 %: the full
 * distance is for race day; none in the taper; only as the runner's phase allows a longer run), and
 * the countdown, read as a taper in its last weeks, or the goal shown as done once achieved. Past
 * race day with no run for the race, it asks for the race to be logged rather than drop the goal.
 */
export function goalNext(context: NextContext, goal: Goal): NextMilestone[] {
  const { ordered, today } = context;
  if (today === null) return [];
  const standing = goalStanding(goal, ordered, today);
  const pace = goalPace(goal);
  // Race day is the target, 0 days to go; `date` names it.
  const countdown = (phase: GoalPhase, remaining: number) =>
    milestone({ kind: 'goal-achieved', label: goal.title, remaining, unit: 'days', target: 0, goal: goal.slug, date: goal.date, phase, pace, time: goal.time ?? null });
  const shown = daysBetween(goal.date, today) <= DONE_SHOWN_DAYS;
  if (standing.phase === 'done') return shown ? [countdown('done', 0)] : [];
  // A race run that missed the goal's time: the journal holds the result, nothing to count down.
  if (raceRun(goal, ordered) !== null) return [];
  if (standing.daysToGo === null) return shown ? [countdown('unlogged', 0)] : [];
  const out: NextMilestone[] = [];
  // Only the build-up's runs count toward it: from its start (a run tomorrow must be able to count).
  if (standing.phase === 'build-up' && goal.distance > 0 && addDays(today, 1) >= standing.start) {
    const step = standing.steps.at(-1);
    const longest = step?.value ?? 0;
    // Steps the runs before the build-up already reached are passed, as the detector counts them.
    const reachedByStep = step ? goalStepsReached(goal, step.value, step.measured) : 0;
    const percent = GOAL_PERCENTS.find((p, i) => p < 100 && i >= standing.passed && i >= reachedByStep);
    if (percent !== undefined && mayAskDistance(context, (percent / 100) * goal.distance)) {
      out.push(
        milestone({
          kind: 'goal-progress',
          label: `${percent}% of ${goal.title}`,
          remaining: (percent / 100) * goal.distance - longest,
          unit: 'm',
          target: (percent / 100) * goal.distance,
          goal: goal.slug,
        }),
      );
    }
  }
  out.push(countdown(standing.phase ?? 'build-up', standing.daysToGo));
  return out;
}

// Goal family: goal-progress (the build-up's long runs) and goal-achieved (race day).
import type { Goal, IsoDate, PreviousRecord, Series } from '../types.ts';
import { addDays, dayNumber } from '../format/dates.ts';
import { GOAL_PERCENTS, reaches } from './rungs.ts';
import { appendPoint, createSeries, type Detector } from './walk.ts';

/** The goal's distance counts as run on race day or one day either side (time zones, late starts). */
export const GOAL_DAY_TOLERANCE = 1;

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
      // Only the build-up counts: from the goal's start to the day before race day.
      if (run.date >= start && run.date <= state.lastBuildUpDate && run.distance > state.longest) {
        state.longest = run.distance;
        const upTo = appendPoint(state.series, run.date, run.distance, run.id);
        let count = state.reached;
        while (count < GOAL_PERCENTS.length && reaches(run.distance, (GOAL_PERCENTS[count]! / 100) * goal.distance)) {
          count++;
        }
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
      if (
        !state.achieved &&
        Math.abs(walk.day - state.raceDay) <= GOAL_DAY_TOLERANCE &&
        reaches(run.distance, goal.distance)
      ) {
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

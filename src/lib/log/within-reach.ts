// The nearest milestones, as the sentences `log` prints when a run earned no win.
import type { Journal } from '../types.ts';
import { describeMilestone, nextMilestones, type NextMilestone } from '../wins/next-milestones.ts';

/** How many sentences `log` prints: enough to pick a next step, few enough to read at a glance. */
export const WITHIN_REACH_COUNT = 3;

/** The share of the rung still to go: 0.05 is nearly there, whatever the unit. */
function fractionLeft(milestone: NextMilestone): number {
  return milestone.target > 0 ? milestone.remaining / milestone.target : Number.POSITIVE_INFINITY;
}

export function withinReach(journal: Journal, count = WITHIN_REACH_COUNT): string[] {
  // Calendar milestones (race day, anniversaries) arrive by waiting, not by running: not a next step.
  const reachable = nextMilestones(journal.runs, journal.goals, journal.profile, journal.today)
    .filter((m) => m.date === null && m.remaining > 0)
    .map((m, index) => ({ m, index }))
    .sort((a, b) => fractionLeft(a.m) - fractionLeft(b.m) || a.index - b.index);
  return reachable.slice(0, count).map(({ m }) => describeMilestone(m, journal.profile.units));
}

// What is within reach: each family says what is next on its own ladders (distance.ts,
// speed.ts, volume.ts, consistency.ts, goal.ts, anniversary.ts); this puts them together in kind
// order, one line per target, and words them. The `next` command, `log` and the site print these.
import type { DistanceUnit, Goal, IsoDate, Profile, Run, WinUnit } from '../types.ts';
import { formatCount, formatDistance, formatDuration, formatElevation, formatPace } from '../format/units.ts';
import { anniversaryNext } from './anniversary.ts';
import { consistencyNext } from './consistency.ts';
import { distanceNext } from './distance.ts';
import { compareRunIds } from './find-wins.ts';
import { compareGoals, goalNext, goalStanding } from './goal.ts';
import { KIND_ORDER } from './kinds.ts';
import type { GoalAhead, NextContext, NextMilestone } from './next.ts';
import { speedNext } from './speed.ts';
import { volumeNext } from './volume.ts';

export type { NextMilestone } from './next.ts';

/** Goals whose race day is today or later and that no run has achieved yet, nearest first. */
function goalsAhead(ordered: readonly Run[], goals: readonly Goal[], today: IsoDate | null): GoalAhead[] {
  if (today === null) return [];
  return [...goals]
    .sort(compareGoals)
    .map((goal) => ({ goal, standing: goalStanding(goal, ordered, today) }))
    .filter(({ standing }) => standing.daysToGo !== null && standing.result === null)
    .map(({ goal, standing }) => ({ goal, daysToGo: standing.daysToGo!, taper: standing.phase === 'taper' }));
}

/** Two lines for one distance (a first half marathon that is also halfway to the goal) become one. */
function oneLinePerTarget(lines: NextMilestone[]): NextMilestone[] {
  const progress = lines.filter((m) => m.kind === 'goal-progress');
  return lines.flatMap((m) => {
    if (m.kind === 'goal-progress') {
      return lines.some((d) => d.kind === 'distance-first' && Math.abs(d.target - m.target) <= 0.01 * m.target) ? [] : [m];
    }
    if (m.kind !== 'distance-first') return [m];
    const same = progress.find((p) => Math.abs(p.target - m.target) <= 0.01 * p.target);
    return same ? [{ ...m, label: `${m.label} (${same.label})`, goal: same.goal }] : [m];
  });
}

export function nextMilestones(
  runs: readonly Run[],
  goals: readonly Goal[],
  profile: Profile,
  today: IsoDate | null,
): NextMilestone[] {
  const sorted = [...runs].sort((a, b) => compareRunIds(a.id, b.id));
  const day = today ?? sorted.at(-1)?.date ?? null;
  // Runs after the journal's today have not happened yet.
  const ordered = day === null ? sorted : sorted.filter((run) => run.date <= day);
  const context: NextContext = { ordered, profile, today: day, ahead: goalsAhead(ordered, goals, day) };
  const lines = oneLinePerTarget([
    ...distanceNext(context),
    ...speedNext(context),
    ...volumeNext(context),
    ...consistencyNext(context),
    ...[...goals].sort(compareGoals).flatMap((goal) => goalNext(context, goal)),
    ...anniversaryNext(context),
  ]);
  return lines
    .map((m, i) => ({ m, i }))
    .sort((a, b) => (KIND_ORDER.get(a.m.kind) ?? 0) - (KIND_ORDER.get(b.m.kind) ?? 0) || a.i - b.i)
    .map(({ m }) => m);
}

function amount(value: number, unit: WinUnit, distanceUnit: DistanceUnit): string {
  switch (unit) {
    case 'm':
      return formatDistance(value, distanceUnit);
    case 'm-climb':
      return formatElevation(value, distanceUnit);
    case 's':
      return formatDuration(value);
    case 'days':
      return `${formatCount(value)} ${value === 1 ? 'day' : 'days'}`;
    case 'weeks':
      return `${formatCount(value)} ${value === 1 ? 'week' : 'weeks'}`;
    case 'runs':
      return `${formatCount(value)} ${value === 1 ? 'run' : 'runs'}`;
    default:
      return formatCount(value);
  }
}

/** `3 days` → `3 more days`. */
function more(amountText: string): string {
  return amountText.replace(/^(\S+)/, '$1 more');
}

/** `an 8-week streak`, `an 11-day streak`, `a 14-day streak`. */
function article(label: string): string {
  return /^(8|11|18)(\D|$)|^8/.test(label) ? 'an' : 'a';
}

/** One milestone in words: `12.4 km to 500 km lifetime`, `3 more days for a 14-day streak`. */
export function describeMilestone(milestone: NextMilestone, distanceUnit: DistanceUnit): string {
  const { kind, label, remaining, unit } = milestone;
  const left = amount(remaining, unit, distanceUnit);
  switch (kind) {
    case 'distance-first':
    case 'nonstop-first':
      return `${left} longer than your longest for your ${label}`;
    case 'barrier':
      // A barrier needs a time strictly under it: "0:00 off" would read as already done.
      return `${remaining < 0.5 ? 'a second' : left} off your best for ${label}`;
    case 'climb-first':
      return `${left} more in one run for your ${label}`;
    case 'daily-streak':
    case 'weekly-streak':
      return `${more(left)} for ${article(label)} ${label}`;
    case 'run-count':
      return `${more(left)} for your ${label}`;
    case 'eddington':
      return `${more(left)} of ${formatCount(milestone.target)}+ ${distanceUnit} for ${label}`;
    case 'goal-progress':
      return `${left} more in one run for ${label}`;
    case 'biggest-week':
      return `${left} more this week for your ${label}`;
    case 'biggest-month':
      return `${left} more this month for your ${label}`;
    case 'goal-achieved':
      return describeGoal(milestone, left, distanceUnit);
    case 'anniversary':
      return `${left} to ${label}`;
    default:
      return `${left} to ${label}`;
  }
}

/** The goal line: `27 days to Winter Trail 50K: keep it easy`, `City Marathon: done`. */
function describeGoal(milestone: NextMilestone, left: string, distanceUnit: DistanceUnit): string {
  const { label, remaining, phase, pace, target } = milestone;
  if (phase === 'done') return `${label}: done`;
  const aim = pace === null ? '' : ` (target ${formatDuration(pace * target)}, ${formatPace(1, pace, distanceUnit)})`;
  const when = remaining === 0 ? `${label} is today${aim}` : `${left} to ${label}${aim}`;
  return phase === 'taper' && remaining > 0 ? `${when}: keep it easy` : when;
}

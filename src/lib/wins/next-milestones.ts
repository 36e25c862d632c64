// What is within reach: each family says what is next on its own ladders (distance.ts,
// speed.ts, volume.ts, consistency.ts, goal.ts, anniversary.ts); this reads where the runner is in
// their season (the phase every family reads), puts the lines together in kind order, one line per
// target, and words them. The `next` command and `log` print these.
import type { DistanceUnit, Goal, IsoDate, Profile, Run, WinUnit } from '../types.ts';
import { daysBetween, formatDate } from '../format/dates.ts';
import { formatCount, formatDistance, formatDuration, formatElevation, formatPace } from '../format/units.ts';
import { anniversaryNext } from './anniversary.ts';
import { consistencyNext } from './consistency.ts';
import { distanceNext } from './distance.ts';
import { compareRunIds } from '../model/run-order.ts';
import { compareGoals, goalNext, goalStanding } from './goal.ts';
import { KIND_ORDER } from '../model/kinds.ts';
import { ASKS, COMEBACK_EASY_DAYS, milestone, raceRun, recoveryDays, type GoalAhead, type NextContext, type NextMilestone, type RunnerPhase } from './next.ts';
import { isUnwellRun } from './resilience.ts';
import { speedNext } from './speed.ts';
import { COMEBACK_DAYS } from '../model/thresholds.ts';
import { volumeNext } from './volume.ts';

export type { NextMilestone, RunnerPhase } from './next.ts';

/** Goals whose race day is today or later and that no run has achieved yet, nearest first. */
function goalsAhead(ordered: readonly Run[], goals: readonly Goal[], today: IsoDate | null): GoalAhead[] {
  if (today === null) return [];
  return [...goals]
    .sort(compareGoals)
    .map((goal) => ({ goal, standing: goalStanding(goal, ordered, today) }))
    .filter(({ standing }) => standing.daysToGo !== null && standing.result === null)
    .map(({ goal, standing }) => ({ goal, daysToGo: standing.daysToGo!, taper: standing.phase === 'taper' }));
}

/**
 * Two lines for one distance become one: a first half marathon that is also halfway to the goal;
 * a first 12 km and a first 12 km without stopping (a run of 12 km without stopping earns both).
 */
function oneLinePerTarget(lines: NextMilestone[]): NextMilestone[] {
  const progress = lines.filter((m) => m.kind === 'goal-progress');
  const sameTarget = (a: NextMilestone, b: NextMilestone) => Math.abs(a.target - b.target) <= 0.01 * b.target;
  return lines.flatMap((m) => {
    if (m.kind === 'goal-progress' || m.kind === 'nonstop-first') {
      return lines.some((d) => d.kind === 'distance-first' && sameTarget(d, m)) ? [] : [m];
    }
    if (m.kind !== 'distance-first') return [m];
    const same = progress.find((p) => sameTarget(m, p));
    return same ? [{ ...m, label: `${m.label} (${same.label})`, goal: same.goal }] : [m];
  });
}

/**
 * The date of the last comeback run up to today (a run after a break of COMEBACK_DAYS or more, as
 * the comeback detector counts it) when it is at most COMEBACK_EASY_DAYS ago, else null.
 */
function recentComeback(ordered: readonly Run[], today: IsoDate): IsoDate | null {
  for (let i = ordered.length - 1; i > 0; i--) {
    const run = ordered[i]!;
    if (daysBetween(run.date, today) > COMEBACK_EASY_DAYS) return null;
    if (daysBetween(ordered[i - 1]!.date, run.date) >= COMEBACK_DAYS) return run.date;
  }
  return null;
}

/**
 * Where the runner is in their season, in order of precedence: hurt or ill (the last run says so),
 * recovering from a goal race (raced, or race day passed, in the last `recoveryDays`), tapering for
 * a goal race ahead, easing back after a comeback, or building.
 */
function runnerPhase(
  ordered: readonly Run[],
  goals: readonly Goal[],
  ahead: readonly GoalAhead[],
  comeback: IsoDate | null,
  today: IsoDate | null,
): RunnerPhase {
  if (today === null) return 'building';
  const last = ordered.at(-1);
  if (last && isUnwellRun(last)) return 'injured';
  const recovering = goals.some((goal) => {
    const since = daysBetween(goal.date, today);
    return since >= 0 && since <= recoveryDays(goal) && (since > 0 || raceRun(goal, ordered) !== null);
  });
  if (recovering) return 'recovery';
  if (ahead.some((a) => a.taper)) return 'taper';
  return comeback !== null ? 'comeback' : 'building';
}

/** The one line for a runner who is hurt or ill: rest, and the comeback a break earns. */
function restLine(ordered: readonly Run[], today: IsoDate): NextMilestone {
  const since = daysBetween(ordered.at(-1)!.date, today);
  return milestone({ kind: 'comeback', label: 'comeback', remaining: Math.max(0, COMEBACK_DAYS - since), unit: 'days', target: COMEBACK_DAYS });
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
  const ahead = goalsAhead(ordered, goals, day);
  const comeback = day === null ? null : recentComeback(ordered, day);
  const phase = runnerPhase(ordered, goals, ahead, comeback, day);
  if (phase === 'injured') return [restLine(ordered, day!)];
  const context: NextContext = { ordered, profile, today: day, ahead, phase, comeback: phase === 'comeback' ? comeback : null };
  const lines = oneLinePerTarget([
    ...distanceNext(context),
    ...speedNext(context),
    ...volumeNext(context),
    ...consistencyNext(context),
    ...[...goals].sort(compareGoals).flatMap((goal) => goalNext(context, goal)),
    ...anniversaryNext(context),
  ]);
  // In a taper or a recovery the goal race is what the weeks are about: its line leads.
  const rank = (m: NextMilestone) => (ASKS[phase].goalFirst && m.kind === 'goal-achieved' ? -1 : (KIND_ORDER.get(m.kind) ?? 0));
  return lines
    .map((m, i) => ({ m, i }))
    .sort((a, b) => rank(a.m) - rank(b.m) || a.i - b.i)
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
    case 'comeback':
      return 'Rest and heal: the comeback will be a win of its own';
    default:
      return `${left} to ${label}`;
  }
}

/**
 * The goal line: `27 days to Winter Trail 50K: keep it easy`, `City Marathon: done`,
 * `Winter Trail 50K was on 13 December: log your race`.
 */
function describeGoal(milestone: NextMilestone, left: string, distanceUnit: DistanceUnit): string {
  const { label, remaining, phase, pace, time, date } = milestone;
  if (phase === 'done') return `${label}: done`;
  // `13 December`: the year goes without saying a fortnight after race day.
  if (phase === 'unlogged') return `${label} was on ${formatDate(date!, 'en-GB', 'long').replace(/ \d+$/, '')}: log your race`;
  const aim = pace === null || time === null ? '' : ` (target ${formatDuration(time)}, ${formatPace(1, pace, distanceUnit)})`;
  const when = remaining === 0 ? `${label} is today${aim}` : `${left} to ${label}${aim}`;
  return phase === 'taper' && remaining > 0 ? `${when}: keep it easy` : when;
}

// What is within reach: for each ladder and goal, the nearest rung not yet reached and how far
// away it is. The `next` command, `log` and the site print these.
import type { DistanceUnit, Goal, IsoDate, Profile, Run, WinKind, WinUnit } from '../types.ts';
import { addDays, daysBetween, weekStartOf } from '../format/dates.ts';
import { formatCount, formatDistance, formatDuration, formatElevation, metresPerUnit } from '../format/units.ts';
import { anniversaryOf } from './anniversary.ts';
import { compareRunIds } from './find-wins.ts';
import { compareGoals } from './goal.ts';
import { KIND_ORDER } from './kinds.ts';
import {
  BARRIERS,
  CLIMB_LADDER,
  DAILY_STREAK_LADDER,
  DISTANCE_LADDER,
  GOAL_PERCENTS,
  lifetimeLadder,
  lifetimeRungName,
  nextRungAbove,
  ordinal,
  reaches,
  RUN_COUNT_LADDER,
  STANDARD_DISTANCES,
  WEEKLY_STREAK_LADDER,
} from './rungs.ts';
import { EDDINGTON_MIN } from './consistency.ts';
import { effortAt } from './speed.ts';

export interface NextMilestone {
  /** The kind of win reaching it earns. */
  kind: WinKind;
  /** The rung in words: `500 km lifetime`, `14-day streak`, `first 15 km`, `sub-25 5K`. */
  label: string;
  /** How far away, in `unit` (metres, seconds, days, weeks, runs). */
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
}

function highest<T>(values: Iterable<T>, pick: (value: T) => number | null): number {
  let best = 0;
  for (const value of values) {
    const v = pick(value);
    if (v !== null && v > best) best = v;
  }
  return best;
}

/** Streak of periods ending at the last run, or 0 when it can no longer continue by `today`. */
function currentStreak(periods: IsoDate[], step: number, todayPeriod: IsoDate): number {
  const last = periods[periods.length - 1];
  if (last === undefined || daysBetween(last, todayPeriod) > step) return 0;
  let streak = 1;
  for (let i = periods.length - 1; i > 0 && daysBetween(periods[i - 1]!, periods[i]!) === step; i--) streak++;
  return streak;
}

function distinct(values: IsoDate[]): IsoDate[] {
  return values.filter((value, i) => i === 0 || value !== values[i - 1]);
}

export function nextMilestones(
  runs: readonly Run[],
  goals: readonly Goal[],
  profile: Profile,
  today: IsoDate | null,
): NextMilestone[] {
  const ordered = [...runs].sort((a, b) => compareRunIds(a.id, b.id));
  const first = ordered[0];
  const last = ordered[ordered.length - 1];
  const day = today ?? last?.date ?? null;
  const unit = profile.units;
  const perUnit = metresPerUnit(unit);
  const out: NextMilestone[] = [];
  const add = (m: Omit<NextMilestone, 'goal' | 'date'> & Partial<Pick<NextMilestone, 'goal' | 'date'>>) =>
    out.push({ goal: null, date: null, ...m });

  const longest = highest(ordered, (run) => run.distance);
  const nextDistance = DISTANCE_LADDER.find((rung) => !reaches(longest, rung.metres));
  if (nextDistance) {
    add({
      kind: 'distance-first',
      label: `first ${nextDistance.label}`,
      remaining: nextDistance.metres - longest,
      unit: 'm',
      target: nextDistance.metres,
    });
  }

  if (ordered.some((run) => run.nonstop !== null)) {
    const longestNonstop = highest(ordered, (run) => (run.nonstop ? run.distance : null));
    const rung = DISTANCE_LADDER.find((r) => !reaches(longestNonstop, r.metres));
    if (rung) {
      add({
        kind: 'nonstop-first',
        label: `first ${rung.label} without stopping`,
        remaining: rung.metres - longestNonstop,
        unit: 'm',
        target: rung.metres,
      });
    }
  }

  for (const distance of STANDARD_DISTANCES) {
    const barriers = BARRIERS[distance.name];
    if (!barriers) continue;
    let best: number | null = null;
    for (const run of ordered) {
      if (run.virtual) continue;
      const effort = effortAt(run, distance.metres);
      if (effort && (best === null || effort.time < best)) best = effort.time;
    }
    if (best === null) continue;
    const barrier = barriers.find((b) => !(best! < b.seconds));
    if (!barrier) continue;
    add({
      kind: 'barrier',
      label: `${barrier.label.toLowerCase()} ${distance.label}`,
      remaining: best - barrier.seconds,
      unit: 's',
      target: barrier.seconds,
    });
  }

  if (ordered.some((run) => run.elevation !== null)) {
    const climb = highest(ordered, (run) => run.elevation);
    const rung = CLIMB_LADDER.find((r) => climb < r);
    if (rung !== undefined) {
      add({ kind: 'climb-first', label: `first ${formatElevation(rung, unit)} of climbing`, remaining: rung - climb, unit: 'm', target: rung });
    }
  }

  const lifetime = ordered.reduce((sum, run) => sum + run.distance, 0);
  const lifetimeRung = nextRungAbove(lifetimeLadder(unit), lifetime / perUnit + 1e-6);
  add({
    kind: 'total-distance',
    label: `${lifetimeRungName(lifetimeRung, unit).label} lifetime`,
    remaining: lifetimeRung * perUnit - lifetime,
    unit: 'm',
    target: lifetimeRung * perUnit,
  });

  const countRung = nextRungAbove(RUN_COUNT_LADDER, ordered.length);
  add({
    kind: 'run-count',
    label: `${ordinal(countRung)} run`,
    remaining: countRung - ordered.length,
    unit: 'runs',
    target: countRung,
  });

  if (day !== null) {
    const days = distinct(ordered.map((run) => run.date));
    const bestDaily = longestStreak(days, 1);
    const dailyRung = nextRungAbove(DAILY_STREAK_LADDER, bestDaily);
    add({
      kind: 'daily-streak',
      label: `${dailyRung}-day streak`,
      remaining: dailyRung - currentStreak(days, 1, day),
      unit: 'days',
      target: dailyRung,
    });
    const weeks = distinct(ordered.map((run) => weekStartOf(run.date, profile.weekStart)));
    const bestWeekly = longestStreak(weeks, 7);
    const weeklyRung = nextRungAbove(WEEKLY_STREAK_LADDER, bestWeekly);
    add({
      kind: 'weekly-streak',
      label: `${weeklyRung}-week streak`,
      remaining: weeklyRung - currentStreak(weeks, 7, weekStartOf(day, profile.weekStart)),
      unit: 'weeks',
      target: weeklyRung,
    });
  }

  if (day !== null) {
    const todayWeek = weekStartOf(day, profile.weekStart);
    const record = periodRecord(ordered, (run) => weekStartOf(run.date, profile.weekStart), todayWeek, 4);
    if (record) {
      add({ kind: 'biggest-week', label: 'biggest week yet', remaining: record.best - record.current, unit: 'm', target: record.best });
    }
    const monthRecord = periodRecord(ordered, (run) => run.date.slice(0, 7), day.slice(0, 7), 3);
    if (monthRecord) {
      add({
        kind: 'biggest-month',
        label: 'biggest month yet',
        remaining: monthRecord.best - monthRecord.current,
        unit: 'm',
        target: monthRecord.best,
      });
    }
  }

  const dayTotals = new Map<IsoDate, number>();
  for (const run of ordered) dayTotals.set(run.date, (dayTotals.get(run.date) ?? 0) + run.distance / perUnit);
  const totals = [...dayTotals.values()].sort((a, b) => b - a);
  let e = 0;
  while (e < totals.length && totals[e]! + 1e-9 >= e + 1) e++;
  const eddingtonTarget = Math.max(e + 1, EDDINGTON_MIN);
  add({
    kind: 'eddington',
    label: `Eddington ${eddingtonTarget}`,
    remaining: eddingtonTarget - totals.filter((total) => total + 1e-9 >= eddingtonTarget).length,
    unit: 'days',
    target: eddingtonTarget,
  });

  for (const goal of [...goals].sort(compareGoals)) {
    if (day !== null && goal.date < day) continue;
    const start = goal.start ?? first?.date ?? goal.date;
    const beforeRaceDay = addDays(goal.date, -1);
    const longestInWindow = highest(ordered, (run) =>
      run.date >= start && run.date <= beforeRaceDay ? run.distance : null,
    );
    const percent = GOAL_PERCENTS.find((p) => !reaches(longestInWindow, (p / 100) * goal.distance));
    if (percent !== undefined && goal.distance > 0) {
      add({
        kind: 'goal-progress',
        label: `${percent}% of ${goal.title}`,
        remaining: (percent / 100) * goal.distance - longestInWindow,
        unit: 'm',
        target: (percent / 100) * goal.distance,
        goal: goal.slug,
      });
    }
    if (day !== null) {
      add({
        kind: 'goal-achieved',
        label: goal.title,
        remaining: daysBetween(day, goal.date),
        unit: 'days',
        target: goal.distance,
        goal: goal.slug,
        date: goal.date,
      });
    }
  }

  if (first && day !== null) {
    let years = 1;
    while (anniversaryOf(first.date, years) <= day) years++;
    const date = anniversaryOf(first.date, years);
    add({
      kind: 'anniversary',
      label: `${years} year${years === 1 ? '' : 's'} of running`,
      remaining: daysBetween(day, date),
      unit: 'days',
      target: years,
      date,
    });
  }

  return out
    .map((m, i) => ({ m, i }))
    .sort((a, b) => (KIND_ORDER.get(a.m.kind) ?? 0) - (KIND_ORDER.get(b.m.kind) ?? 0) || a.i - b.i)
    .map(({ m }) => m);
}

/**
 * The record of earlier periods and the current period's total, when enough earlier periods have
 * runs and the current one has not beaten the record yet.
 */
function periodRecord(
  runs: readonly Run[],
  periodOf: (run: Run) => string,
  current: string,
  minEarlier: number,
): { best: number; current: number } | null {
  const totals = new Map<string, number>();
  for (const run of runs) {
    const period = periodOf(run);
    if (period <= current) totals.set(period, (totals.get(period) ?? 0) + run.distance);
  }
  let best = 0;
  let earlier = 0;
  for (const [period, total] of totals) {
    if (period === current) continue;
    earlier++;
    best = Math.max(best, total);
  }
  const now = totals.get(current) ?? 0;
  return earlier >= minEarlier && now <= best ? { best, current: now } : null;
}

function longestStreak(periods: IsoDate[], step: number): number {
  let best = 0;
  let streak = 0;
  for (let i = 0; i < periods.length; i++) {
    streak = i > 0 && daysBetween(periods[i - 1]!, periods[i]!) === step ? streak + 1 : 1;
    if (streak > best) best = streak;
  }
  return best;
}

function amount(value: number, unit: WinUnit, distanceUnit: DistanceUnit, kind: WinKind): string {
  if (kind === 'climb-first') return formatElevation(value, distanceUnit);
  switch (unit) {
    case 'm':
      return formatDistance(value, distanceUnit);
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
  const left = amount(remaining, unit, distanceUnit, kind);
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
      return remaining === 0 ? `${label} is today` : `${left} to ${label}`;
    case 'anniversary':
      return `${left} to ${label}`;
    default:
      return `${left} to ${label}`;
  }
}

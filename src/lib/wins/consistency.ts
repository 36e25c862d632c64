// Consistency family: run-count, daily-streak, weekly-streak, eddington.
import type { IsoDate, PreviousRecord, WeekStart } from '../types.ts';
import { addDays, daysBetween, weekStartOf } from '../format/dates.ts';
import { metresPerUnit } from '../format/units.ts';
import { asks, milestone, type NextContext, type NextMilestone } from './next.ts';
import {
  DAILY_STREAK_LADDER,
  EDDINGTON_RUNGS,
  nextRungAbove,
  ordinal,
  RUN_COUNT_LADDER,
  WEEKLY_STREAK_LADDER,
  type OpenLadder,
} from '../model/rungs.ts';
import { appendPoint, createSeries, type Detector, type Walk } from './walk.ts';

function isRung(ladder: OpenLadder, value: number): boolean {
  return nextRungAbove(ladder, value - 1) === value;
}

function previousOf(win: { value: number; date: IsoDate; slug: string } | null): PreviousRecord | null {
  return win ? { value: win.value, date: win.date, slug: win.slug } : null;
}

export function detectRunCount(): Detector {
  const series = createSeries('run-count', 'Runs', 'runs');
  let previous: PreviousRecord | null = null;
  return (run, walk) => {
    const count = walk.count;
    if (!isRung(RUN_COUNT_LADDER, count)) return;
    const upTo = appendPoint(series, run.date, count, run.id);
    const win = walk.emit(run, {
      kind: 'run-count',
      name: `${count}${ordinal(count).slice(-2)}-run`,
      title: `${ordinal(count)} run`,
      value: count,
      unit: 'runs',
      rung: String(count),
      previous,
      progression: { series, upTo },
    });
    previous = previousOf(win);
  };
}

/** Longest streak so far, and a win when it first reaches a rung of `ladder`. */
function detectStreak(options: {
  kind: 'daily-streak' | 'weekly-streak';
  ladder: OpenLadder;
  unitName: 'day' | 'week';
  /** The period of the walk's run as a day number (its day, or its week's start), and the period length. */
  period(walk: Walk): number;
  step: number;
}): Detector {
  const series = createSeries(`longest-${options.kind}`, `Longest ${options.kind.replace('-streak', '')} streak`, `${options.unitName}s`);
  let lastPeriod: number | null = null;
  let streak = 0;
  let best = 0;
  let previous: PreviousRecord | null = null;
  return (run, walk) => {
    const period = options.period(walk);
    if (period === lastPeriod) return;
    streak = lastPeriod !== null && period - lastPeriod === options.step ? streak + 1 : 1;
    lastPeriod = period;
    if (streak <= best) return;
    best = streak;
    const upTo = appendPoint(series, run.date, streak, run.id);
    if (!isRung(options.ladder, streak)) return;
    const win = walk.emit(run, {
      kind: options.kind,
      name: `${streak}-${options.unitName}-streak`,
      title: `${streak}-${options.unitName} streak`,
      value: streak,
      unit: `${options.unitName}s`,
      rung: String(streak),
      previous,
      progression: { series, upTo },
    });
    previous = previousOf(win);
  };
}

export function detectDailyStreak(): Detector {
  return detectStreak({
    kind: 'daily-streak',
    ladder: DAILY_STREAK_LADDER,
    unitName: 'day',
    period: (walk) => walk.day,
    step: 1,
  });
}

export function detectWeeklyStreak(): Detector {
  return detectStreak({
    kind: 'weekly-streak',
    ladder: WEEKLY_STREAK_LADDER,
    unitName: 'week',
    period: (walk) => walk.weekDay,
    step: 7,
  });
}

/**
 * Eddington number E: E days of at least E units each. Kept incrementally: day totals only grow
 * (runs arrive in date order), so E only rises, by one at most per run (one more day can lift
 * only one more count); `above` counts days with at least E + 1 units. A win only when E reaches
 * one of EDDINGTON_RUNGS, and none with `eddington: no` in the profile.
 */
export function detectEddington(): Detector {
  const series = createSeries('eddington', 'Eddington number', 'E');
  // Days by the whole units they reached (an index, not a map: it runs once per run).
  const daysAtFloor: number[] = [];
  let day: IsoDate | null = null;
  let dayTotal = 0;
  let e = 0;
  let above = 0;
  let previous: PreviousRecord | null = null;
  return (run, walk) => {
    if (walk.profile.eddington === false) return;
    let oldFloor = -1;
    if (run.date === day) oldFloor = Math.floor(dayTotal + 1e-9);
    else {
      day = run.date;
      dayTotal = 0;
    }
    dayTotal += run.distance / metresPerUnit(walk.profile.units);
    const newFloor = Math.floor(dayTotal + 1e-9);
    if (oldFloor >= 0) daysAtFloor[oldFloor] = (daysAtFloor[oldFloor] ?? 0) - 1;
    daysAtFloor[newFloor] = (daysAtFloor[newFloor] ?? 0) + 1;
    if (oldFloor < e + 1 && newFloor >= e + 1) above++;
    const before = e;
    while (above >= e + 1) {
      above -= daysAtFloor[e + 1] ?? 0;
      e++;
    }
    if (e === before) return;
    const upTo = appendPoint(series, run.date, e, run.id);
    if (!EDDINGTON_RUNGS.includes(e)) return;
    const win = walk.emit(run, {
      kind: 'eddington',
      name: `eddington-${e}`,
      title: `Eddington number ${e}`,
      value: e,
      unit: 'E',
      rung: String(e),
      previous,
      progression: { series, upTo },
    });
    previous = previousOf(win);
  };
}

export interface Streak {
  length: number;
  from: IsoDate | null;
  to: IsoDate | null;
}

const NO_STREAK: Streak = { length: 0, from: null, to: null };

/** Consecutive periods (days, or week starts with `step` 7) ending at `end` in the set. */
function streakEndingAt(periods: ReadonlySet<IsoDate>, end: IsoDate, step: number): Streak {
  let start = end;
  while (periods.has(addDays(start, -step))) start = addDays(start, -step);
  return { length: daysBetween(start, end) / step + 1, from: start, to: end };
}

/** Consecutive days with a run ending on `today` (or on the day before: today is not over yet). */
export function currentDailyStreak(dates: readonly IsoDate[], today: IsoDate): Streak {
  const days = new Set(dates.filter((date) => date <= today));
  const end = days.has(today) ? today : addDays(today, -1);
  return days.has(end) ? streakEndingAt(days, end, 1) : NO_STREAK;
}

/** Consecutive weeks with at least one run, ending with the week of `today` (or the week before). */
export function currentWeeklyStreak(dates: readonly IsoDate[], today: IsoDate, weekStart: WeekStart): Streak {
  const weeks = new Set(dates.filter((date) => date <= today).map((date) => weekStartOf(date, weekStart)));
  const thisWeek = weekStartOf(today, weekStart);
  const end = weeks.has(thisWeek) ? thisWeek : addDays(thisWeek, -7);
  return weeks.has(end) ? streakEndingAt(weeks, end, 7) : NO_STREAK;
}

/** The longest run of consecutive periods, ever (the earliest when tied): the streak detector's record. */
function longestStreakOf(periods: readonly IsoDate[], step: number): Streak {
  let best = NO_STREAK;
  let start: IsoDate | null = null;
  let previous: IsoDate | null = null;
  for (const period of [...new Set(periods)].sort()) {
    if (previous === null || daysBetween(previous, period) !== step) start = period;
    const length = daysBetween(start as IsoDate, period) / step + 1;
    if (length > best.length) best = { length, from: start, to: period };
    previous = period;
  }
  return best;
}

/** The longest run of consecutive days with a run, ever (the earliest when tied). */
export function longestDailyStreak(dates: readonly IsoDate[]): Streak {
  return longestStreakOf(dates, 1);
}

/** The longest run of consecutive weeks with a run, ever; `from` and `to` are week starts. */
export function longestWeeklyStreak(dates: readonly IsoDate[], weekStart: WeekStart): Streak {
  return longestStreakOf(
    dates.map((date) => weekStartOf(date, weekStart)),
    7,
  );
}

/** Eddington number of some day totals in whole units. */
function eddingtonOf(dayTotals: readonly number[]): number {
  const totals = [...dayTotals].sort((a, b) => b - a);
  let e = 0;
  while (e < totals.length && totals[e]! + 1e-9 >= e + 1) e++;
  return e;
}

/**
 * Within reach on the consistency ladders: the next run count, the next daily and weekly streak,
 * and the next Eddington number, as far as the runner's phase asks for them (in a taper or a
 * recovery rest days are part of the plan; Eddington is volume). A streak is offered only while one
 * is alive: "12 more days for a 14-day streak" on day one is a chore, not a goal.
 */
export function consistencyNext(context: NextContext): NextMilestone[] {
  const { ordered, profile, today } = context;
  const allowed = asks(context);
  // Alive: three days in a row (a pattern, not a coincidence), two weeks in a row.
  const aliveDays = 3;
  const aliveWeeks = 2;
  const out: NextMilestone[] = [];
  const count = ordered.length;
  const countRung = nextRungAbove(RUN_COUNT_LADDER, count);
  out.push(milestone({ kind: 'run-count', label: `${ordinal(countRung)} run`, remaining: countRung - count, unit: 'runs', target: countRung }));
  const dates = ordered.map((run) => run.date);
  const daily = today !== null && allowed.dailyStreak ? currentDailyStreak(dates, today).length : 0;
  if (daily >= aliveDays) {
    const dailyRung = nextRungAbove(DAILY_STREAK_LADDER, longestDailyStreak(dates).length);
    out.push(milestone({ kind: 'daily-streak', label: `${dailyRung}-day streak`, remaining: dailyRung - daily, unit: 'days', target: dailyRung }));
  }
  const weekly = today !== null && allowed.weeklyStreak ? currentWeeklyStreak(dates, today, profile.weekStart).length : 0;
  if (weekly >= aliveWeeks) {
    const weeklyRung = nextRungAbove(WEEKLY_STREAK_LADDER, longestWeeklyStreak(dates, profile.weekStart).length);
    out.push(milestone({ kind: 'weekly-streak', label: `${weeklyRung}-week streak`, remaining: weeklyRung - weekly, unit: 'weeks', target: weeklyRung }));
  }
  if (allowed.records && profile.eddington !== false) {
    const perUnit = metresPerUnit(profile.units);
    const dayTotals = new Map<IsoDate, number>();
    for (const run of ordered) dayTotals.set(run.date, (dayTotals.get(run.date) ?? 0) + run.distance / perUnit);
    const totals = [...dayTotals.values()];
    const e = eddingtonOf(totals);
    const target = EDDINGTON_RUNGS.find((rung) => rung > e);
    if (target !== undefined) out.push(
      milestone({
        kind: 'eddington',
        label: `Eddington ${target}`,
        remaining: target - totals.filter((total) => total + 1e-9 >= target).length,
        unit: 'days',
        target,
      }),
    );
  }
  return out;
}

// Consistency family: run-count, daily-streak, weekly-streak, eddington.
import type { IsoDate, PreviousRecord } from '../types.ts';
import { metresPerUnit } from '../format/units.ts';
import {
  DAILY_STREAK_LADDER,
  nextRungAbove,
  ordinal,
  RUN_COUNT_LADDER,
  WEEKLY_STREAK_LADDER,
  type OpenLadder,
} from './rungs.ts';
import { appendPoint, createSeries, type Detector, type Walk } from './walk.ts';

/** Eddington counts a day from this many whole units; below 10 the number rises too often to celebrate. */
export const EDDINGTON_MIN = 10;

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
  const series = createSeries(`longest-${options.kind}`, `Longest ${options.unitName}ly streak`, `${options.unitName}s`);
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
 * (runs arrive in date order), so E only rises; `above` counts days with at least E + 1 units.
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
    if (e < EDDINGTON_MIN) return;
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

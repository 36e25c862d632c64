// Resilience family: comeback, back-to-form, showed-up, heat.
import type { IsoDate, Run, Series } from '../types.ts';
import { daysBetween } from '../format/dates.ts';
import { formatTemperature } from '../format/units.ts';
import { BAD_DAY_LADDER, nextRungAbove, ordinal, runReaches } from '../model/rungs.ts';
import { appendPoint, createSeries, lastIndex, type Detector, type Walk } from './walk.ts';
import { BAD_DAY_FEELING, COMEBACK_DAYS, FORM_WINDOW_DAYS, HOTTEST_RUN_FLOOR } from '../model/thresholds.ts';
import { isSession } from './session.ts';

/** Weeks a comeback's own chart draws: the weeks before the break, the break, and the way back. */
const COMEBACK_CHART_WEEKS = 26;

/**
 * Distance per week up to and including `run`, frozen at this run: the walk's weekly series keeps
 * growing with the rest of the week, and a comeback's chart must end at the comeback.
 */
function weeksUpTo(run: Run, walk: Walk): { series: Series; upTo: number } {
  const points = walk.weekly.points;
  const series = createSeries(`weekly-distance-to-${run.id}`, 'Distance per week', 'm', false, 'week');
  for (let i = Math.max(0, points.length - COMEBACK_CHART_WEEKS); i < points.length; i++) {
    const point = points[i]!;
    appendPoint(series, point.date, point.value, point.runId);
  }
  const last = series.points[series.points.length - 1];
  if (last) last.value = walk.weekTotalBefore + run.distance;
  return { series, upTo: lastIndex(series) };
}

interface Recent {
  day: number;
  date: IsoDate;
  distance: number;
  run: string;
}

export function detectComebacks(): Detector {
  // Sliding-window maximum over the last FORM_WINDOW_DAYS: days increase, distances decrease.
  // The window holds runs, not a record per run: its entries are the runs themselves.
  const window: Run[] = [];
  const windowDays: number[] = [];
  const dropBefore = (day: number): void => {
    let drop = 0;
    while (drop < window.length && windowDays[drop]! <= day - FORM_WINDOW_DAYS) drop++;
    if (drop > 0) {
      window.splice(0, drop);
      windowDays.splice(0, drop);
    }
  };
  let pending: { target: Recent; comebackId: string; comebackDate: IsoDate } | null = null;
  return (run: Run, walk) => {
    const last = walk.previousRun;
    const gap = last && walk.previousDay !== null ? walk.day - walk.previousDay : 0;
    if (last && walk.previousDay !== null && gap >= COMEBACK_DAYS) {
      dropBefore(walk.previousDay);
      const longest = window[0];
      const target = longest && { day: windowDays[0]!, date: longest.date, distance: longest.distance, run: longest.id };
      walk.emit(run, {
        kind: 'comeback',
        name: 'comeback',
        title: `Back after ${gap} days`,
        value: gap,
        unit: 'days',
        runs: [run.id, last.id],
        daysSincePrevious: gap,
        progression: weeksUpTo(run, walk),
      });
      pending = target ? { target, comebackId: run.id, comebackDate: run.date } : null;
    } else if (pending && runReaches(run, pending.target.distance)) {
      walk.emit(run, {
        kind: 'back-to-form',
        name: 'back-to-form',
        title: 'Back to form',
        value: run.distance,
        unit: 'm',
        runs: [run.id, pending.comebackId],
        previous: { value: pending.target.distance, date: pending.target.date, slug: null, run: pending.target.run },
        daysSincePrevious: daysBetween(pending.comebackDate, run.date),
        progression: weeksUpTo(run, walk),
      });
      pending = null;
    }
    dropBefore(walk.day);
    while (window.length > 0 && window[window.length - 1]!.distance <= run.distance) {
      window.pop();
      windowDays.pop();
    }
    window.push(run);
    windowDays.push(walk.day);
  };
}

/**
 * Tags that say a run hurt or should not have happened: running through injury or illness is no
 * win to celebrate, however low the feeling. Compared without regard to case.
 */
export const UNWELL_TAGS: readonly string[] = ['injury', 'injured', 'ill', 'sick', 'pain'];

/** A run its runner tagged as run hurt or ill (UNWELL_TAGS). */
export function isUnwellRun(run: Pick<Run, 'tags'>): boolean {
  return run.tags.some((tag) => UNWELL_TAGS.includes(tag.toLowerCase()));
}

/** A run rated BAD_DAY_FEELING or lower that was not run hurt or ill: a bad day, run anyway. */
export function isBadDayRun(run: Pick<Run, 'feeling' | 'tags'>): boolean {
  return run.feeling !== null && run.feeling <= BAD_DAY_FEELING && !isUnwellRun(run);
}

/** "Showed up anyway", then "Showed up anyway, for the 3rd time": the courage counted, in her voice. */
function showedUpTitle(count: number): string {
  return count === 1 ? 'Showed up anyway' : `Showed up anyway, for the ${ordinal(count)} time`;
}

export function detectShowedUp(): Detector {
  const series = createSeries('bad-days', 'Showed up anyway', 'runs');
  let count = 0;
  return (run, walk) => {
    // A session is meant to feel hard: a low rating is the workout, not a bad day.
    if (!isBadDayRun(run) || isSession(run)) return;
    count++;
    const upTo = appendPoint(series, run.date, count, run.id);
    if (nextRungAbove(BAD_DAY_LADDER, count - 1) !== count) return;
    const nth = ordinal(count);
    walk.emit(run, {
      kind: 'showed-up',
      // The title counts the times she went out anyway, not her bad days; the slug keeps its old
      // words so links already shared stay valid.
      name: count === 1 ? 'showed-up-anyway' : `${count}${nth.slice(-2)}-bad-day`,
      title: showedUpTitle(count),
      value: run.distance,
      unit: 'm',
      rung: String(count),
      progression: { series, upTo },
    });
  };
}

/** A run hotter than every earlier one, at HOTTEST_RUN_FLOOR or above: "Hottest run yet: 32 °C". */
export function detectHeat(): Detector {
  const series = createSeries('hottest-run', 'Hottest run', 'C');
  let hottest: { value: number; date: IsoDate; slug: string | null; run: string } | null = null;
  return (run, walk) => {
    const temperature = run.temperature;
    if (temperature === null || (hottest && temperature <= hottest.value)) return;
    const upTo = appendPoint(series, run.date, temperature, run.id);
    let slug: string | null = null;
    if (temperature >= HOTTEST_RUN_FLOOR) {
      slug = walk.emit(run, {
        kind: 'heat',
        name: 'hottest-run-yet',
        title: `Hottest run yet: ${formatTemperature(temperature)}`,
        value: temperature,
        unit: 'C',
        previous: hottest ? { ...hottest } : null,
        progression: { series, upTo },
      }).slug;
    }
    hottest = { value: temperature, date: run.date, slug, run: run.id };
  };
}

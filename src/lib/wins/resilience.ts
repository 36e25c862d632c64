// Resilience family: comeback, back-to-form, showed-up, heat.
import type { IsoDate, Run } from '../types.ts';
import { daysBetween } from '../format/dates.ts';
import { formatTemperature } from '../format/units.ts';
import { HEAT_LADDER, reaches } from './rungs.ts';
import { appendPoint, createSeries, lastIndex, type Detector } from './walk.ts';

/** A break of this many days or more makes the next run a comeback. */
export const COMEBACK_DAYS = 14;
/** Back to form means matching the longest run of this many days up to the break. */
export const FORM_WINDOW_DAYS = 28;

interface Recent {
  day: number;
  date: IsoDate;
  distance: number;
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
      const target = longest && { day: windowDays[0]!, date: longest.date, distance: longest.distance };
      walk.emit(run, {
        kind: 'comeback',
        name: 'comeback',
        title: `Back after ${gap} days`,
        value: gap,
        unit: 'days',
        runs: [run.id, last.id],
        daysSincePrevious: gap,
        progression: { series: walk.weekly, upTo: lastIndex(walk.weekly) },
      });
      pending = target ? { target, comebackId: run.id, comebackDate: run.date } : null;
    } else if (pending && reaches(run.distance, pending.target.distance)) {
      walk.emit(run, {
        kind: 'back-to-form',
        name: 'back-to-form',
        title: 'Back to form',
        value: run.distance,
        unit: 'm',
        runs: [run.id, pending.comebackId],
        previous: { value: pending.target.distance, date: pending.target.date, slug: null },
        daysSincePrevious: daysBetween(pending.comebackDate, run.date),
        progression: { series: walk.weekly, upTo: lastIndex(walk.weekly) },
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

export function detectShowedUp(): Detector {
  return (run, walk) => {
    if (run.feeling === null || run.feeling > 2) return;
    walk.emit(run, {
      kind: 'showed-up',
      name: 'showed-up-anyway',
      title: 'Showed up anyway',
      value: run.distance,
      unit: 'm',
    });
  };
}

export function detectHeat(): Detector {
  const series = createSeries('hottest-run', 'Hottest run', 'C');
  let hottest: { value: number; date: IsoDate; slug: string | null } | null = null;
  let reached = 0;
  return (run, walk) => {
    const temperature = run.temperature;
    if (temperature === null || (hottest && temperature <= hottest.value)) return;
    const upTo = appendPoint(series, run.date, temperature, run.id);
    let count = reached;
    while (count < HEAT_LADDER.length && temperature >= HEAT_LADDER[count]!) count++;
    let slug: string | null = null;
    if (count > reached) {
      const rung = HEAT_LADDER[count - 1]!;
      slug = walk.emit(run, {
        kind: 'heat',
        name: `first-run-at-${rung}c`,
        title: `First run at ${formatTemperature(rung)}`,
        value: rung,
        unit: 'C',
        rung: `${rung}c`,
        previous: hottest ? { ...hottest } : null,
        progression: { series, upTo },
      }).slug;
      reached = count;
    }
    hottest = { value: temperature, date: run.date, slug };
  };
}

// Speed family: a new pace at the same effort ("Easy runs at 6:07 /km; a year ago 7:18"). The
// easy pace drifting faster at the same feeling is what aerobic fitness looks like: no race, no
// watch beeping, the same runs getting quicker without trying.
import type { IsoDate, Run } from '../types.ts';
import { dayNumber, dateOfDayNumber } from '../format/dates.ts';
import { formatDuration, formatPace, toUnit } from '../format/units.ts';
import { EASY_PACE_GAIN, EASY_PACE_MIN_RUNS, EASY_PACE_WINDOW_DAYS } from '../model/thresholds.ts';
import { isSession } from './session.ts';
import type { Detector } from './walk.ts';

const YEAR_DAYS = 365;

/** An easy run: typed easy or recovery, or not typed at all; timed, not a race, a session or a treadmill. */
export function isEasyRun(run: Pick<Run, 'type' | 'time' | 'isRace' | 'virtual' | 'title' | 'private' | 'distance'>): boolean {
  if (run.time === null || run.time <= 0 || run.distance <= 0 || run.isRace || run.virtual || isSession(run)) return false;
  const type = run.type?.trim().toLowerCase() ?? '';
  return type === '' || type === 'easy' || type === 'recovery';
}

/**
 * The feeling a run is compared at: a hard day (1–2), an ordinary one (3), a good one (4–5), or
 * not rated. A pace is only faster "at the same effort" against runs that felt the same.
 */
export function feelingBand(feeling: number | null): string {
  if (feeling === null) return 'unrated';
  return feeling <= 2 ? 'hard' : feeling === 3 ? 'ordinary' : 'good';
}

interface EasyRun {
  day: number;
  /** Seconds per metre. */
  pace: number;
  band: string;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The median pace of the easy runs of `band` in the days (from, to], or null with too few of them. */
function windowPace(runs: readonly EasyRun[], band: string, from: number, to: number): number | null {
  const paces = runs.filter((run) => run.band === band && run.day > from && run.day <= to).map((run) => run.pace);
  return paces.length >= EASY_PACE_MIN_RUNS ? median(paces) : null;
}

/**
 * A win when the median pace of the last EASY_PACE_WINDOW_DAYS of easy runs at this run's feeling
 * is at least EASY_PACE_GAIN faster than the same window a year before (else than the journal's
 * first window of easy runs, when the two do not overlap), and than the last easy pace celebrated.
 */
export function detectEasyPace(): Detector {
  const runs: EasyRun[] = [];
  let firstDay: number | null = null;
  let celebrated: number | null = null;
  return (run, walk) => {
    if (!isEasyRun(run)) return;
    const day = walk.day;
    firstDay ??= day;
    const band = feelingBand(run.feeling);
    runs.push({ day, pace: run.time! / run.distance, band });
    const now = windowPace(runs, band, day - EASY_PACE_WINDOW_DAYS, day);
    if (now === null) return;
    let reference = windowPace(runs, band, day - YEAR_DAYS - EASY_PACE_WINDOW_DAYS, day - YEAR_DAYS);
    let referenceEnd = day - YEAR_DAYS;
    let when = 'a year ago';
    if (reference === null && day - EASY_PACE_WINDOW_DAYS >= firstDay + EASY_PACE_WINDOW_DAYS) {
      referenceEnd = firstDay + EASY_PACE_WINDOW_DAYS - 1;
      reference = windowPace(runs, band, firstDay - 1, referenceEnd);
      when = 'in your first two months';
    }
    if (reference === null) return;
    const bar = (1 - EASY_PACE_GAIN) * Math.min(reference, celebrated ?? Number.POSITIVE_INFINITY);
    if (now > bar) return;
    const units = walk.profile.units;
    const before = formatDuration(reference / toUnit(1, units));
    const date: IsoDate = dateOfDayNumber(referenceEnd);
    walk.emit(run, {
      kind: 'easy-pace',
      name: 'easy-pace',
      title: `Easy runs at ${formatPace(1, now, units)}; ${when} ${before}`,
      value: now,
      unit: 'pace',
      // The pace it beat is a window's median, never a win of its own.
      previous: { value: reference, date, slug: null },
      daysSincePrevious: day - dayNumber(date),
    });
    celebrated = now;
  };
}

// Values that are possible but unlikely: warnings, never errors (a typo is likelier than a world record).
// The one exception is a date far past every other run and past today: no run can be that, and the
// engine would count every week up to it.
import type { IsoDate, Problem, Run } from '../types.ts';
import { formatDistance, formatDuration, formatPace } from '../format/units.ts';
import { aYearAfter } from './fields.ts';
import { problem } from './problems.ts';
import { beatsWorldRecord, worldRecordTime, WORLD_RECORDS } from './world-records.ts';

// The slowest world-record speed (the longest record's): a run no faster than this beats no record,
// so most runs are told apart without computing their distance's record.
const SLOWEST_RECORD_SPEED = WORLD_RECORDS.at(-1)!.distance / WORLD_RECORDS.at(-1)!.time;

/**
 * A run faster than the world record for its distance: a typo or a GPS glitch, not a human effort.
 * The wins engine leaves such runs out entirely (no win, no record to beat); `check` warns about them.
 */
export function beatsWorldRecordRun(run: Pick<Run, 'distance' | 'time'>): boolean {
  return run.time !== null && run.time > 0 && run.distance > SLOWEST_RECORD_SPEED * run.time && beatsWorldRecord(run.distance, run.time);
}

/** Longer than almost any single-stage ultra. */
export const LONGEST_PLAUSIBLE_RUN = 250_000;

function at(run: Run): { path: string; line: number | null } {
  return { path: run.source.path, line: run.source.line };
}

function where(run: Run): string {
  return run.source.line === null ? run.source.path : `${run.source.path}:${run.source.line}`;
}

/** The same run written twice: same day, start time, whole metres and time (compared as numbers: no string per run). */
function sameRun(a: Run, b: Run): boolean {
  return a.date === b.date && a.startTime === b.startTime && a.time === b.time && Math.round(a.distance) === Math.round(b.distance);
}

/** `runs` in id order (by date), as the journal holds them: duplicates are looked for day by day. */
export function implausibleRunWarnings(runs: readonly Run[]): Problem[] {
  const warnings: Problem[] = [];
  // The first run of each kind on the current day: a day holds only a few runs.
  let day = '';
  const firsts: Run[] = [];
  for (let r = 0; r < runs.length; r++) {
    const run = runs[r]!;
    if (beatsWorldRecordRun(run)) {
      const record = worldRecordTime(run.distance);
      warnings.push(
        problem(
          'warning',
          at(run),
          'time',
          formatDuration(run.time!),
          `a time slower than the world record for ${formatDistance(run.distance, 'km')} (${formatDuration(record)}, ${formatPace(run.distance, record, 'km')}; this is ${formatPace(run.distance, run.time!, 'km')}): until its distance and time are checked, it earns no win and sets no record`,
        ),
      );
    }
    if (run.distance > LONGEST_PLAUSIBLE_RUN) {
      warnings.push(problem('warning', at(run), 'distance', formatDistance(run.distance, 'km'), 'a run of 250 km or less (check the unit)'));
    }
    if (run.date !== day) {
      day = run.date;
      firsts.length = 0;
    }
    let first: Run | undefined;
    for (let i = 0; i < firsts.length && first === undefined; i++) if (sameRun(firsts[i]!, run)) first = firsts[i];
    if (first !== undefined) {
      warnings.push(problem('warning', at(run), 'date', run.date, `one line per run (same distance and time as ${where(first)})`));
    } else {
      firsts.push(run);
    }
  }
  return warnings;
}

/** Runs dated after `today` (the clock's date, read only by `check`). */
export function futureRunWarnings(runs: Run[], today: IsoDate): Problem[] {
  return runs
    .filter((run) => run.date > today)
    .map((run) => problem('warning', at(run), 'date', run.date, `a date on or before today (${today})`));
}

/**
 * Runs dated more than a year past the last credible run before them and more than a year after
 * today (`latest` is that day a year on): a year typo (`9999`, `2052` for `2025`), an error at its
 * line. `runs` in id order (by date). A run is credible when it is not such a typo, so a journal that
 * goes on past a `today` set in the past (SMALL_WINS_TODAY) stays whole, and a comeback after a long
 * break is dated before a year after today.
 */
export function farFutureDateErrors(runs: readonly Run[], latest: IsoDate): Problem[] {
  const errors: Problem[] = [];
  let credible: IsoDate | null = null;
  for (const run of runs) {
    if (credible === null || run.date <= latest || run.date <= aYearAfter(credible)) {
      credible = run.date;
      continue;
    }
    errors.push(
      problem('error', at(run), 'date', run.date, `a date by ${latest} (a year after today) or within a year of the latest run before it (${credible}): the year looks like a typo`),
    );
  }
  return errors;
}

// Values that are possible but unlikely: warnings, never errors (a typo is likelier than a world record).
import type { IsoDate, Problem, Run } from '../types.ts';
import { formatDistance, formatDuration, formatPace } from '../format/units.ts';
import { problem } from './problems.ts';

/** 2:30 /km: faster than any road world record pace over 1 km or more. */
export const FASTEST_PLAUSIBLE_PACE = 150;
export const FASTEST_PACE_MIN_DISTANCE = 1000;
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
    if (run.time !== null && run.distance >= FASTEST_PACE_MIN_DISTANCE && run.time / (run.distance / 1000) < FASTEST_PLAUSIBLE_PACE) {
      warnings.push(
        problem('warning', at(run), 'time', formatDuration(run.time), `a pace slower than 2:30 /km (this is ${formatPace(run.distance, run.time, 'km')} over ${formatDistance(run.distance, 'km')}: check the distance and time)`),
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

// A run far faster than the runner's own record is probably a typo (`1:05` for 1:05:00, a parkrun
// logged as `5` in a miles profile): a warning naming the line. The run still counts as written.
import type { DistanceUnit, Problem, Run } from '../types.ts';
import { formatDistance, formatDuration, formatPace } from '../format/units.ts';
import { beatsWorldRecordRun } from './plausibility.ts';
import { problem } from './problems.ts';

/** A pace this much better than the best at a similar distance is suspicious (20% faster). */
export const TYPO_PACE_RATIO = 0.8;
/**
 * A race is run at full effort, so it is held to its own kind: 20% faster than earlier races, or
 * 40% faster than any earlier run (a first race 25% faster than training is no typo).
 */
export const TYPO_RACE_RATIO_TO_TRAINING = 0.6;
/** Earlier runs needed before a pace is compared: a beginner's first runs improve fast. */
export const TYPO_MIN_EARLIER_RUNS = 10;
/**
 * Distances are compared in steps of 10%: a run's similar distances are the two steps either side,
 * within about a fifth of its own (a 5 km run is compared with runs of 4.1 to 6.1 km).
 */
const STEP = Math.log(1.1);
const NEIGHBOURS = 2;

/**
 * A recording's time and distance are measured, not typed: it is no typo, though its pace still
 * sets the records a written row is held to.
 */
function isHandWritten(run: Run): boolean {
  return run.source.kind === 'csv' || run.source.kind === 'markdown';
}

/** `runs` in id order. */
export function paceTypoWarnings(runs: readonly Run[], units: DistanceUnit): Problem[] {
  const warnings: Problem[] = [];
  // Best seconds per metre by distance step, of every run and of races: indexes, not maps.
  const bestOfAll: number[] = [];
  const bestOfRaces: number[] = [];
  let earlier = 0;
  for (const run of runs) {
    if (run.time === null || run.time <= 0 || run.virtual || run.distance < 100) {
      earlier++;
      continue;
    }
    const pace = run.time / run.distance;
    const step = Math.floor(Math.log(run.distance) / STEP);
    let ofAll = Infinity;
    let ofRaces = Infinity;
    for (let s = step - NEIGHBOURS; s <= step + NEIGHBOURS; s++) {
      ofAll = Math.min(ofAll, bestOfAll[s] ?? Infinity);
      ofRaces = Math.min(ofRaces, bestOfRaces[s] ?? Infinity);
    }
    // The record the run is held to, scaled so that "20% faster" means the same for both.
    const record = run.isRace ? Math.min(ofRaces, (ofAll * TYPO_RACE_RATIO_TO_TRAINING) / TYPO_PACE_RATIO) : ofAll;
    // Faster than the world record: the plausibility check warns already.
    const implausible = beatsWorldRecordRun(run);
    const suspicious = isHandWritten(run) && earlier >= TYPO_MIN_EARLIER_RUNS && record < Infinity && pace < TYPO_PACE_RATIO * record && !implausible;
    if (suspicious) {
      const shown = run.isRace && ofRaces <= record ? ofRaces : ofAll;
      const faster = Math.round((1 - pace / shown) * 100);
      warnings.push(
        problem(
          'warning',
          { path: run.source.path, line: run.source.line },
          'time',
          formatDuration(run.time),
          `a pace near your own (this is ${formatPace(run.distance, run.time, units)} over ${formatDistance(run.distance, units)}, ${faster}% faster than your best at a similar distance${run.isRace && ofRaces <= record ? ' in a race' : ''}, ${formatPace(1000, shown * 1000, units)}: probably a typo in the time or the distance; the run still counts as written)`,
        ),
      );
    } else if (!implausible) {
      // A suspicious run is no record to compare the next ones with.
      if (pace < (bestOfAll[step] ?? Infinity)) bestOfAll[step] = pace;
      if (run.isRace && pace < (bestOfRaces[step] ?? Infinity)) bestOfRaces[step] = pace;
    }
    earlier++;
  }
  return warnings;
}

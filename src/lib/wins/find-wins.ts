// The wins engine: walks the runs once, in id order, and lets each family's detectors spot wins.
// Pure: no I/O, no clock. Adding a kind is one detector module and one line below.
import type { Goal, Profile, Run, Win } from '../types.ts';
import { KIND_ORDER } from './kinds.ts';
import { createWalk, type Detector } from './walk.ts';
import { detectClimbFirsts, detectDistanceWins } from './distance.ts';
import { detectSpeedWins } from './speed.ts';
import { detectBiggestMonth, detectBiggestWeek, detectTotalDistance } from './volume.ts';
import { detectDailyStreak, detectEddington, detectRunCount, detectWeeklyStreak } from './consistency.ts';
import { detectComebacks, detectHeat, detectShowedUp } from './resilience.ts';
import { detectRaces } from './race.ts';
import { detectGoalWins } from './goal.ts';
import { detectAnniversaries } from './anniversary.ts';
import { detectCustomWins } from './personal.ts';

/** Detectors in kind order, so one run's wins come out in the fixed kind order. */
function createDetectors(goals: readonly Goal[]): Detector[] {
  return [
    detectDistanceWins(),
    detectSpeedWins(),
    detectClimbFirsts(),
    detectTotalDistance(),
    detectRunCount(),
    detectDailyStreak(),
    detectWeeklyStreak(),
    detectBiggestWeek(),
    detectBiggestMonth(),
    detectComebacks(),
    detectRaces(),
    detectGoalWins(goals),
    detectShowedUp(),
    detectHeat(),
    detectAnniversaries(),
    detectEddington(),
    detectCustomWins(),
  ];
}

/** Id order: the date, then the N of `YYYY-MM-DD-N` (so `-10` follows `-9`). */
export function compareRunIds(a: string, b: string): number {
  const dateA = a.slice(0, 10);
  const dateB = b.slice(0, 10);
  if (dateA !== dateB) return dateA < dateB ? -1 : 1;
  return (a.length > 11 ? Number(a.slice(11)) : 1) - (b.length > 11 ? Number(b.slice(11)) : 1);
}

/** The reader already sorts runs by id: check cheaply (dates first), sort only when needed. */
function inIdOrder(runs: readonly Run[]): readonly Run[] {
  for (let i = 1; i < runs.length; i++) {
    const a = runs[i - 1]!;
    const b = runs[i]!;
    if (a.date < b.date) continue;
    if (a.date > b.date || compareRunIds(a.id, b.id) > 0) return [...runs].sort((x, y) => compareRunIds(x.id, y.id));
  }
  return runs;
}

/** Every win in the journal, sorted by date, then run order, then kind order. */
export function findWins(runs: readonly Run[], goals: readonly Goal[], profile: Profile): Win[] {
  const recorder = createWalk(profile, goals, KIND_ORDER);
  const detectors = createDetectors(goals);
  const ordered = inIdOrder(runs);
  for (let index = 0; index < ordered.length; index++) {
    const run = ordered[index]!;
    recorder.advance(run, index);
    for (const detect of detectors) detect(run, recorder.walk);
    recorder.walk.previousRun = run;
  }
  return recorder.sorted();
}

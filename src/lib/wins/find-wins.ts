// The wins engine: walks the runs once, in id order, and lets each family's detectors spot wins.
// Pure: no I/O, no clock. Adding a kind is one detector module and two lines below.
import type { Goal, Profile, Run, Win } from '../types.ts';
import { KIND_ORDER } from './kinds.ts';
import { createWalk } from './walk.ts';
import { detectClimbFirsts, detectDistanceWins } from './distance.ts';
import { detectSpeedWins } from './speed.ts';
import { detectBiggestMonth, detectBiggestWeek, detectTotalDistance } from './volume.ts';
import { detectDailyStreak, detectEddington, detectRunCount, detectWeeklyStreak } from './consistency.ts';
import { detectComebacks, detectHeat, detectShowedUp } from './resilience.ts';
import { detectRaces } from './race.ts';
import { detectGoalWins } from './goal.ts';
import { detectAnniversaries } from './anniversary.ts';
import { detectCustomWins } from './personal.ts';

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
  const { walk } = recorder;
  // One call site per detector, in kind order (so one run's wins come out in the fixed kind
  // order): each site always calls the same function, which the engine can then inline; a loop
  // over a list of seventeen would call through one site that sees them all, on every run.
  const distance = detectDistanceWins();
  const speed = detectSpeedWins();
  const climb = detectClimbFirsts();
  const totalDistance = detectTotalDistance();
  const runCount = detectRunCount();
  const dailyStreak = detectDailyStreak();
  const weeklyStreak = detectWeeklyStreak();
  const biggestWeek = detectBiggestWeek();
  const biggestMonth = detectBiggestMonth();
  const comebacks = detectComebacks();
  const races = detectRaces();
  const goalWins = detectGoalWins(goals);
  const showedUp = detectShowedUp();
  const heat = detectHeat();
  const anniversaries = detectAnniversaries();
  const eddington = detectEddington();
  const custom = detectCustomWins();
  const ordered = inIdOrder(runs);
  for (let index = 0; index < ordered.length; index++) {
    const run = ordered[index]!;
    recorder.advance(run, index);
    distance(run, walk);
    speed(run, walk);
    climb(run, walk);
    totalDistance(run, walk);
    runCount(run, walk);
    dailyStreak(run, walk);
    weeklyStreak(run, walk);
    biggestWeek(run, walk);
    biggestMonth(run, walk);
    comebacks(run, walk);
    races(run, walk);
    goalWins(run, walk);
    showedUp(run, walk);
    heat(run, walk);
    anniversaries(run, walk);
    eddington(run, walk);
    custom(run, walk);
    walk.previousRun = run;
  }
  return recorder.sorted();
}

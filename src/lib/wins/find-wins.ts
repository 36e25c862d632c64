// The wins engine: walks the runs once, in id order, and lets each family's detectors spot wins.
// Pure: no I/O, no clock. Adding a kind is one detector module and two lines below.
import type { Goal, Profile, Run, Win } from '../types.ts';
import { beatsWorldRecordRun } from '../journal/plausibility.ts';
import { KIND_RANK_ORDER } from './kinds.ts';
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
  // Compared in place, no slices: the suffix has no leading zeros, so on one date a longer id has
  // the larger N, and ids of one length compare as text.
  for (let i = 0; i < 10; i++) {
    const d = a.charCodeAt(i) - b.charCodeAt(i);
    if (d !== 0) return d;
  }
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The runs to walk before `run` all come before it in id order. */
function follows(previous: Run, run: Run): boolean {
  if (previous.date !== run.date) return previous.date < run.date;
  return compareRunIds(previous.id, run.id) <= 0;
}

/** Every win in the journal, sorted by date, then headline first, then kind rank, then run order. */
export function findWins(journalRuns: readonly Run[], goals: readonly Goal[], profile: Profile): Win[] {
  // A run faster than the world record for its distance is a typo or a glitch: it earns no win and
  // sets no record for later runs to beat (`check` warns about it). Copied only when there is one.
  const runs = journalRuns.some(beatsWorldRecordRun) ? journalRuns.filter((run) => !beatsWorldRecordRun(run)) : journalRuns;
  // The reader hands the runs over in id order. The walk checks the order as it goes (it reads
  // every run anyway; a separate pass would read 100,000 runs from memory once more) and, on
  // the first run out of order, starts again over a sorted copy.
  return walkRuns(runs, goals, profile, true) ?? walkRuns([...runs].sort((a, b) => compareRunIds(a.id, b.id)), goals, profile, false)!;
}

/** The wins of `runs` walked in the order given; null when `checkOrder` finds that is not id order. */
function walkRuns(ordered: readonly Run[], goals: readonly Goal[], profile: Profile, checkOrder: boolean): Win[] | null {
  const recorder = createWalk(profile, goals, KIND_RANK_ORDER);
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
  for (let index = 0; index < ordered.length; index++) {
    const run = ordered[index]!;
    if (checkOrder && walk.previousRun !== null && !follows(walk.previousRun, run)) return null;
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

// The wins engine: walks the runs once, in id order, and lets each family's detectors spot wins.
// Pure: no I/O, no clock. Adding a kind is one detector module and one line in `createDetectors`.
import type { Goal, Profile, Run, Win } from '../types.ts';
import { beatsWorldRecordRun } from '../journal/plausibility.ts';
import { KIND_RANK_ORDER } from '../model/kinds.ts';
import { createWalk, type Detector } from './walk.ts';
import { detectClimbFirsts, detectDistanceWins, detectTimeOnFeet } from './distance.ts';
import { detectCourseBests } from './course.ts';
import { detectEasyPace } from './easy-pace.ts';
import { detectSessions } from './session.ts';
import { detectSpeedWins } from './speed.ts';
import { detectBiggestMonth, detectBiggestWeek, detectTotalDistance } from './volume.ts';
import { detectDailyStreak, detectEddington, detectRunCount, detectWeeklyStreak } from './consistency.ts';
import { detectComebacks, detectHeat, detectShowedUp } from './resilience.ts';
import { detectRaces } from './race.ts';
import { detectBackToBacks, detectGoalWins } from './goal.ts';
import { detectAnniversaries } from './anniversary.ts';
import { detectCustomWins } from './personal.ts';
import { compareRunIds } from '../model/run-order.ts';

/** The runs to walk before `run` all come before it in id order. */
function follows(previous: Run, run: Run): boolean {
  if (previous.date !== run.date) return previous.date < run.date;
  return compareRunIds(previous.id, run.id) <= 0;
}

/** A fresh set of detectors (each keeps its own state over one walk), in kind order, so one run's wins come out in the fixed kind order. */
function createDetectors(goals: readonly Goal[]): Detector[] {
  return [
    detectDistanceWins(),
    detectSpeedWins(),
    detectClimbFirsts(),
    detectTimeOnFeet(),
    detectCourseBests(),
    detectEasyPace(),
    detectSessions(),
    detectTotalDistance(),
    detectRunCount(),
    detectDailyStreak(),
    detectWeeklyStreak(),
    detectBiggestWeek(),
    detectBiggestMonth(),
    detectComebacks(),
    detectRaces(),
    detectGoalWins(goals),
    detectBackToBacks(goals),
    detectShowedUp(),
    detectHeat(),
    detectAnniversaries(),
    detectEddington(),
    detectCustomWins(),
  ];
}

/** Every win in the journal, sorted by date, then headline first, then kind rank, then run order. */
export function findWins(journalRuns: readonly Run[], goals: readonly Goal[], profile: Profile): Win[] {
  // A run faster than the world record for its distance is a typo or a glitch: it earns no win and
  // sets no record for later runs to beat (`check` warns about it). Copied only when there is one.
  const runs = journalRuns.some(beatsWorldRecordRun) ? journalRuns.filter((run) => !beatsWorldRecordRun(run)) : journalRuns;
  // The reader hands the runs over in id order; other callers may not.
  const ordered = runs.every((run, index) => index === 0 || follows(runs[index - 1]!, run))
    ? runs
    : [...runs].sort((a, b) => compareRunIds(a.id, b.id));
  const recorder = createWalk(profile, goals, KIND_RANK_ORDER);
  const { walk } = recorder;
  const detectors = createDetectors(goals);
  for (let index = 0; index < ordered.length; index++) {
    const run = ordered[index]!;
    recorder.advance(run, index);
    for (const detect of detectors) detect(run, walk);
    walk.previousRun = run;
  }
  return recorder.sorted();
}

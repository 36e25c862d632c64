// Distance family: first-run, distance-first, nonstop-first, longest-run, climb-first.
import type { PreviousRecord, Run } from '../types.ts';
import { dayNumber } from '../format/dates.ts';
import { formatDistance, formatElevation } from '../format/units.ts';
import { CLIMB_LADDER, distanceLadder, isMeasured, nonstopLadder, reaches, TIME_ON_FEET_LADDER, type DistanceRung } from '../model/rungs.ts';
import { knownLongest, ranBefore } from '../model/known-bests.ts';
import { isHeadline } from '../model/kinds.ts';
import { appendPoint, createSeries, type Detector } from './walk.ts';
import { asks, highest, mayAskDistance, milestone, type NextContext, type NextMilestone } from './next.ts';
import { LONGEST_RUN_FLOOR, LONGEST_RUN_MARGIN, LONGEST_RUN_MIN_STEP, NEW_RUNNER_WEEKS, NONSTOP_HABIT } from '../model/thresholds.ts';

/**
 * The distance a run must reach to be a longest-run win after a longest run of `longest` metres:
 * a tenth more, and in a runner's first weeks (`firstWeeks`) nothing else; after them, also
 * LONGEST_RUN_MIN_STEP more and at least LONGEST_RUN_FLOOR.
 */
export function longestRunTarget(longest: number, firstWeeks: boolean): number {
  const target = LONGEST_RUN_MARGIN * longest;
  return (firstWeeks ? target : Math.max(target, longest + LONGEST_RUN_MIN_STEP, LONGEST_RUN_FLOOR)) - 1e-6;
}

/**
 * Whether running without stopping has become a habit (NONSTOP_HABIT of the last runs): fed the
 * runs in order, it stays retired once it is. The detector and `next` ask the same one.
 */
export function nonstopHabit(): { add(run: Pick<Run, 'nonstop'>): void; readonly retired: boolean } {
  const recent: boolean[] = [];
  let count = 0;
  let retired = false;
  return {
    add(run) {
      if (retired) return;
      const nonstop = run.nonstop === true;
      recent.push(nonstop);
      if (nonstop) count++;
      if (recent.length > NONSTOP_HABIT.runs && recent.shift()) count--;
      retired = count >= NONSTOP_HABIT.nonstop;
    },
    get retired() {
      return retired;
    },
  };
}

/** Number of rungs of `ladder` that `distance` (`measured` or typed) reaches, bottom-up. */
export function rungsReached(distance: number, measured: boolean, ladder: readonly DistanceRung[]): number {
  let count = 0;
  while (count < ladder.length && reaches(distance, ladder[count]!.metres, measured)) count++;
  return count;
}

/** The rungs of `ladder` the runs reach between them: the most any one of them reaches. */
function rungsReachedBy(runs: readonly Pick<Run, 'distance' | 'source'>[], ladder: readonly DistanceRung[]): number {
  let most = 0;
  for (const run of runs) most = Math.max(most, rungsReached(run.distance, isMeasured(run), ladder));
  return most;
}

interface Best {
  value: number;
  date: string;
  slug: string | null;
  run?: string;
}

/** A record from the profile (set before the journal, on no known day) is beaten but not named. */
function asPrevious(record: Best | null): PreviousRecord | null {
  return record && record.date !== '' ? { value: record.value, date: record.date, slug: record.slug, run: record.run } : null;
}

export function detectDistanceWins(): Detector {
  const longestSeries = createSeries('longest-run', 'Longest run', 'm');
  const nonstopSeries = createSeries('longest-nonstop-run', 'Longest run without stopping', 'm');
  let longest: Best | null = null;
  let longestNonstop: Best | null = null;
  let reached = 0;
  let reachedNonstop = 0;
  let started = false;
  const habit = nonstopHabit();
  // The first day after the runner's first weeks, as a day number.
  let firstWeeksEnd = Number.NEGATIVE_INFINITY;

  return (run, walk) => {
    const unit = walk.profile.units;
    const isFirst = walk.index === 0;
    if (!started) {
      // A runner with a history starts from it: no firsts below the longest run they already had
      // (nor without stopping: a runner who has run 30 km has run 5 km without walking).
      started = true;
      const since = walk.profile.runningSince;
      firstWeeksEnd = dayNumber(since != null && since < run.date ? since : run.date) + 7 * NEW_RUNNER_WEEKS;
      const known = knownLongest(walk.profile);
      if (known > 0) {
        longest = { value: known, date: '', slug: null };
        // The profile's longest is typed: reached in full.
        reached = rungsReached(known, false, distanceLadder(unit));
        reachedNonstop = rungsReached(known, false, nonstopLadder(unit));
      }
    }
    // The journal's first run of a runner who ran before it is no first run, and no first at all.
    const benchmark = isFirst && ranBefore(walk.profile, run.date);
    const before = longest;
    const ladder = distanceLadder(unit);
    const newRungs = rungsReached(run.distance, isMeasured(run), ladder);
    // The nonstop ladder is the distance ladder's first rungs: a nonstop first never goes past it.
    const newNonstop = Math.min(newRungs, nonstopLadder(unit).length);
    let slug: string | null = null;
    let upTo = -1;
    if (!before || run.distance > before.value) upTo = appendPoint(longestSeries, run.date, run.distance, run.id);

    if (isFirst && !benchmark) {
      slug = walk.emit(run, {
        kind: 'first-run',
        name: 'first-run',
        title: 'First run',
        value: run.distance,
        unit: 'm',
        progression: { series: longestSeries, upTo },
      }).slug;
    }

    const earnedDistanceFirst = !isFirst && newRungs > reached;
    // Once running without stopping is a habit, the ladder is done: the run's own distance first stays.
    const nonstopLadderOpen = !habit.retired;
    habit.add(run);
    const nonstopRungs = nonstopLadderOpen && run.nonstop === true && !benchmark && newNonstop > reachedNonstop ? newNonstop : 0;
    if (newRungs > reached) {
      // A first without stopping at the same rung says it all: "First 4 km without stopping"
      // replaces "First 4 km". When the distance first is the higher rung, both stay.
      if (earnedDistanceFirst && !benchmark && newRungs > nonstopRungs) {
        const rung = ladder[newRungs - 1]!;
        slug = walk.emit(run, {
          kind: 'distance-first',
          name: `first-${rung.name}`,
          title: `First ${rung.label}`,
          // The figure is what the run did; the rung it reached is in the title and `rung`.
          value: run.distance,
          unit: 'm',
          rung: rung.name,
          headline: isHeadline('distance-first', run.distance, unit, rung.metres),
          previous: asPrevious(before),
          progression: { series: longestSeries, upTo },
        }).slug;
      }
      reached = newRungs;
    }

    if (run.nonstop === true) {
      const beforeNonstop = longestNonstop;
      let nonstopUpTo = -1;
      if (!beforeNonstop || run.distance > beforeNonstop.value) {
        nonstopUpTo = appendPoint(nonstopSeries, run.date, run.distance, run.id);
      }
      let nonstopSlug: string | null = null;
      if (nonstopRungs > 0) {
        const rung = ladder[newNonstop - 1]!;
        nonstopSlug = walk.emit(run, {
          kind: 'nonstop-first',
          name: `first-${rung.name}-nonstop`,
          title: `First ${rung.label} without stopping`,
          value: run.distance,
          unit: 'm',
          rung: rung.name,
          previous: asPrevious(beforeNonstop),
          progression: { series: nonstopSeries, upTo: nonstopUpTo },
        }).slug;
        // The distance first it replaced celebrated the run's distance too.
        if (earnedDistanceFirst && slug === null) slug = nonstopSlug;
      }
      if (newNonstop > reachedNonstop) reachedNonstop = newNonstop;
      if (nonstopUpTo >= 0) longestNonstop = { value: run.distance, date: run.date, slug: nonstopSlug, run: run.id };
    }

    if (!isFirst && !earnedDistanceFirst && before && run.distance >= longestRunTarget(before.value, walk.day < firstWeeksEnd)) {
      slug = walk.emit(run, {
        kind: 'longest-run',
        name: 'longest-run',
        title: `Longest run yet: ${formatDistance(run.distance, unit)}`,
        value: run.distance,
        unit: 'm',
        previous: asPrevious(before),
        progression: { series: longestSeries, upTo },
      }).slug;
    }
    if (upTo >= 0) longest = { value: run.distance, date: run.date, slug, run: run.id };
  };
}

export function detectClimbFirsts(): Detector {
  const series = createSeries('biggest-climb', 'Biggest climb', 'm-climb');
  let biggest: Best | null = null;
  let reached = 0;
  return (run: Run, walk) => {
    const gain = run.elevation;
    if (gain === null || gain <= (biggest?.value ?? 0)) return;
    const upTo = appendPoint(series, run.date, gain, run.id);
    const before = biggest;
    let count = reached;
    while (count < CLIMB_LADDER.length && gain >= CLIMB_LADDER[count]!) count++;
    let slug: string | null = null;
    if (count > reached) {
      const rung = CLIMB_LADDER[count - 1]!;
      slug = walk.emit(run, {
        kind: 'climb-first',
        name: `first-${rung}-m-climb`,
        title: `First ${formatElevation(rung, walk.profile.units)} of climbing`,
        value: gain,
        unit: 'm-climb',
        rung: `${rung}-m`,
        previous: asPrevious(before),
        progression: { series, upTo },
      }).slug;
      reached = count;
    }
    biggest = { value: gain, date: run.date, slug, run: run.id };
  };
}

/** How many rungs of the time-on-feet ladder `seconds` of moving time reach. */
function timeRungsReached(seconds: number): number {
  let count = 0;
  while (count < TIME_ON_FEET_LADDER.length && seconds >= TIME_ON_FEET_LADDER[count]!.seconds) count++;
  return count;
}

/**
 * Time on feet: the first run of an hour, 1:30, two hours... of moving time (TIME_ON_FEET_LADDER),
 * one win for the highest new rung. A runner with a history starts from it: her journal's first
 * run and the profile's best times reach their rungs without a win.
 */
export function detectTimeOnFeet(): Detector {
  const series = createSeries('time-on-feet', 'Longest time on feet', 'duration');
  let longest: Best | null = null;
  let reached = 0;
  return (run: Run, walk) => {
    if (walk.index === 0 && ranBefore(walk.profile, run.date)) {
      const known = Object.values(walk.profile.bests?.times ?? {});
      reached = timeRungsReached(Math.max(run.time ?? 0, ...known));
    }
    const time = run.time;
    if (time === null || time <= (longest?.value ?? 0)) return;
    const upTo = appendPoint(series, run.date, time, run.id);
    const count = timeRungsReached(time);
    let slug: string | null = null;
    if (count > reached) {
      const rung = TIME_ON_FEET_LADDER[count - 1]!;
      slug = walk.emit(run, {
        kind: 'time-on-feet',
        name: `first-${rung.name}-on-feet`,
        title: `First ${rung.label} on your feet`,
        value: time,
        unit: 'duration',
        rung: rung.name,
        previous: asPrevious(longest),
        progression: { series, upTo },
      }).slug;
      reached = count;
    }
    longest = { value: time, date: run.date, slug, run: run.id };
  };
}

/** The longest run (the earliest of equal ones: that is when the record was set), or null. */
export function longestRunStanding<R extends { id: string; date: string; distance: number }>(ordered: readonly R[]): R | null {
  let best: R | null = null;
  for (const run of ordered) if (!best || run.distance > best.distance) best = run;
  return best;
}

/**
 * Within reach on the distance ladders: the next distance first, with and without stopping, and the
 * next climb, as far as the runner's phase allows a longer run (`mayAskDistance`: never the goal
 * race's distance, nothing in a taper, small steps after a comeback).
 */
export function distanceNext(context: NextContext): NextMilestone[] {
  const { ordered, profile } = context;
  const ladder = distanceLadder(profile.units);
  const out: NextMilestone[] = [];
  // The detector's rule: the rung above the highest any run reached (a typed 16.0 km is no 10 miles).
  const nextRung = (runs: readonly Run[], rungs: readonly DistanceRung[] = ladder) => {
    const rung = rungs[rungsReachedBy(runs, rungs)];
    return rung && mayAskDistance(context, rung.metres) ? rung : null;
  };
  const longest = highest(ordered, (run) => run.distance);
  const rung = nextRung(ordered);
  if (rung) {
    out.push(milestone({ kind: 'distance-first', label: `first ${rung.label}`, remaining: rung.metres - longest, unit: 'm', target: rung.metres }));
  }
  const habit = nonstopHabit();
  for (const run of ordered) habit.add(run);
  if (ordered.some((run) => run.nonstop !== null) && !habit.retired) {
    const longestNonstop = highest(ordered, (run) => (run.nonstop ? run.distance : null));
    // The without-stopping ladder ends where walk breaks become a plan (nonstopLadder).
    const nonstop = nextRung(
      ordered.filter((run) => run.nonstop === true),
      nonstopLadder(profile.units),
    );
    if (nonstop) {
      out.push(
        milestone({
          kind: 'nonstop-first',
          label: `first ${nonstop.label} without stopping`,
          remaining: nonstop.metres - longestNonstop,
          unit: 'm',
          target: nonstop.metres,
        }),
      );
    }
  }
  if (asks(context).distance === 'any' && ordered.some((run) => run.elevation !== null)) {
    const climb = highest(ordered, (run) => run.elevation);
    const climbRung = CLIMB_LADDER.find((r) => climb < r);
    if (climbRung !== undefined) {
      out.push(
        milestone({
          kind: 'climb-first',
          label: `first ${formatElevation(climbRung, profile.units)} of climbing`,
          remaining: climbRung - climb,
          unit: 'm-climb',
          target: climbRung,
        }),
      );
    }
  }
  return out;
}

// Distance family: first-run, distance-first, nonstop-first, longest-run, climb-first.
import type { PreviousRecord, Run } from '../types.ts';
import { formatDistance, formatElevation } from '../format/units.ts';
import { CLIMB_LADDER, DISTANCE_LADDER, reaches } from './rungs.ts';
import { appendPoint, createSeries, type Detector } from './walk.ts';

/** A run strictly longer than every earlier one by more than this ratio is a longest-run win. */
const LONGEST_RUN_MARGIN = 1.01;

/** Number of distance rungs `distance` reaches (rungs are reached bottom-up). */
function rungsReached(distance: number): number {
  let count = 0;
  while (count < DISTANCE_LADDER.length && reaches(distance, DISTANCE_LADDER[count]!.metres)) count++;
  return count;
}

interface Best {
  value: number;
  date: string;
  slug: string | null;
}

function asPrevious(record: Best | null): PreviousRecord | null {
  return record ? { value: record.value, date: record.date, slug: record.slug } : null;
}

export function detectDistanceWins(): Detector {
  const longestSeries = createSeries('longest-run', 'Longest run', 'm');
  const nonstopSeries = createSeries('longest-nonstop-run', 'Longest run without stopping', 'm');
  let longest: Best | null = null;
  let longestNonstop: Best | null = null;
  let reached = 0;
  let reachedNonstop = 0;

  return (run, walk) => {
    const unit = walk.profile.units;
    const isFirst = walk.index === 0;
    const before = longest;
    const newRungs = rungsReached(run.distance);
    let slug: string | null = null;
    let upTo = -1;
    if (!before || run.distance > before.value) upTo = appendPoint(longestSeries, run.date, run.distance, run.id);

    if (isFirst) {
      slug = walk.emit(run, {
        kind: 'first-run',
        name: 'first-run',
        title: 'First run',
        value: run.distance,
        unit: 'm',
        progression: { series: longestSeries, upTo },
      }).slug;
    }

    let earnedDistanceFirst = false;
    if (newRungs > reached) {
      if (!isFirst) {
        const rung = DISTANCE_LADDER[newRungs - 1]!;
        slug = walk.emit(run, {
          kind: 'distance-first',
          name: `first-${rung.name}`,
          title: `First ${rung.label}`,
          value: rung.metres,
          unit: 'm',
          rung: rung.name,
          previous: asPrevious(before),
          progression: { series: longestSeries, upTo },
        }).slug;
        earnedDistanceFirst = true;
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
      if (newRungs > reachedNonstop) {
        const rung = DISTANCE_LADDER[newRungs - 1]!;
        nonstopSlug = walk.emit(run, {
          kind: 'nonstop-first',
          name: `first-${rung.name}-nonstop`,
          title: `First ${rung.label} without stopping`,
          value: rung.metres,
          unit: 'm',
          rung: rung.name,
          previous: asPrevious(beforeNonstop),
          progression: { series: nonstopSeries, upTo: nonstopUpTo },
        }).slug;
        reachedNonstop = newRungs;
      }
      if (nonstopUpTo >= 0) longestNonstop = { value: run.distance, date: run.date, slug: nonstopSlug };
    }

    if (!isFirst && !earnedDistanceFirst && before && run.distance > LONGEST_RUN_MARGIN * before.value) {
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
    if (upTo >= 0) longest = { value: run.distance, date: run.date, slug };
  };
}

export function detectClimbFirsts(): Detector {
  const series = createSeries('biggest-climb', 'Biggest climb', 'm');
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
        value: rung,
        unit: 'm',
        rung: `${rung}-m`,
        previous: asPrevious(before),
        progression: { series, upTo },
      }).slug;
      reached = count;
    }
    biggest = { value: gain, date: run.date, slug };
  };
}

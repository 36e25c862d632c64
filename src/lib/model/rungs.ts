// The ladders behind the ladder kinds, and the one name each rung has. Slugs use `name`, which
// never depends on the profile's units; titles use `label` (round-mile rungs read in miles).
import type { DistanceUnit, Run } from '../types.ts';
import { METRES_PER_KM, METRES_PER_MILE } from '../format/units.ts';
import { formatCount } from '../format/units.ts';
import { NONSTOP_LADDER_TOP } from './thresholds.ts';

/** A measured distance reaches a target at 99% of it: GPS reads a little short. */
export const DISTANCE_TOLERANCE = 0.99;

/** The half marathon and the marathon, metres: the distances taper, recovery and long races turn on. */
export const HALF_MARATHON_METRES = 21_097.5;
export const MARATHON_METRES = 42_195;

/**
 * A typed distance reaches a target less than this many metres short of it: the rounding of a
 * distance written to one decimal (13.1 miles is the half marathon, 26.2 the marathon, 3.1 the 5K),
 * and no more (a typed 16.0 km is not 10 miles, 11.9 km is not 12 km).
 */
export const TYPED_ROUNDING = 50;

/**
 * Whether a run's distance was measured by a device (an export or a GPS file in `imported/`) rather
 * than typed: runs.csv and stories hold the distance the runner wrote, so it is what she ran.
 */
export function isMeasured(run: Pick<Run, 'source'>): boolean {
  return run.source.kind !== 'csv' && run.source.kind !== 'markdown';
}

/**
 * The one rule for reaching a distance: a measured distance at DISTANCE_TOLERANCE of it, a typed one
 * less than TYPED_ROUNDING short of it (she wrote what she ran). Detectors and `next` both ask it.
 */
export function reaches(distance: number, target: number, measured: boolean): boolean {
  return measured ? distance >= DISTANCE_TOLERANCE * target : distance > target - TYPED_ROUNDING;
}

/** Whether a run reaches `target` metres, by where its distance came from. */
export function runReaches(run: Pick<Run, 'distance' | 'source'>, target: number): boolean {
  return reaches(run.distance, target, isMeasured(run));
}

export interface DistanceRung {
  /** Metres. */
  metres: number;
  /** Slug part: `4-km`, `5k`, `10-miles`, `half-marathon`. */
  name: string;
  /** Title part: `4 km`, `5K`, `10 miles`, `half marathon`. */
  label: string;
}

function kmRung(km: number): DistanceRung {
  return { metres: km * METRES_PER_KM, name: `${km}-km`, label: `${km} km` };
}

function mileRung(miles: number): DistanceRung {
  return { metres: miles * METRES_PER_MILE, name: `${miles}-miles`, label: `${miles} miles` };
}

/** The distance ladder (distance-first, nonstop-first), shortest first. */
export const DISTANCE_LADDER: readonly DistanceRung[] = [
  kmRung(1),
  kmRung(2),
  kmRung(3),
  kmRung(4),
  { metres: 5000, name: '5k', label: '5K' },
  kmRung(8),
  { metres: 10_000, name: '10k', label: '10K' },
  kmRung(12),
  kmRung(15),
  mileRung(10),
  kmRung(20),
  { metres: 21_097.5, name: 'half-marathon', label: 'half marathon' },
  kmRung(25),
  kmRung(30),
  kmRung(35),
  { metres: 42_195, name: 'marathon', label: 'marathon' },
  { metres: 50_000, name: '50k', label: '50K' },
  kmRung(60),
  mileRung(50),
  kmRung(100),
  mileRung(100),
];

/** Standard distances for personal bests, shortest first. */
export const STANDARD_DISTANCES: readonly DistanceRung[] = [
  { metres: METRES_PER_MILE, name: '1-mile', label: 'mile' },
  { metres: 5000, name: '5k', label: '5K' },
  { metres: 10_000, name: '10k', label: '10K' },
  { metres: 15_000, name: '15k', label: '15K' },
  mileRung(10),
  { metres: 21_097.5, name: 'half-marathon', label: 'half marathon' },
  { metres: 30_000, name: '30k', label: '30K' },
  { metres: 42_195, name: 'marathon', label: 'marathon' },
  { metres: 50_000, name: '50k', label: '50K' },
];

/**
 * Distances only a GPS/distance stream can time: a whole run of about 400 m or 1 km is usually a
 * warm-up or a stroll, but the fastest 400 m inside a tempo run is a real effort.
 */
export const STREAM_ONLY_DISTANCES: readonly DistanceRung[] = [
  { metres: 400, name: '400m', label: '400 m' },
  { metres: 1000, name: '1k', label: '1K' },
];

/** Effort window around a standard distance: a run of d in [0.99·D, 1.05·D] is an effort at D. */
export const EFFORT_MIN = 0.99;
export const EFFORT_MAX = 1.05;

export interface Barrier {
  seconds: number;
  /** `sub-25`, `sub-27-30`, `sub-1-50`. */
  name: string;
  /** `Sub-25`, `Sub-27:30`, `Sub-1:50`. */
  label: string;
}

/** 5K and 10K barriers read in minutes, half and marathon in hours. */
function barrier(hours: number, minutes: number, seconds: number, inHours: boolean): Barrier {
  const total = hours * 3600 + minutes * 60 + seconds;
  const [big, small] = inHours ? [hours, minutes] : [hours * 60 + minutes, seconds];
  const tail = small === 0 ? '' : String(small).padStart(2, '0');
  return {
    seconds: total,
    name: `sub-${big}${tail ? `-${tail}` : ''}`,
    label: `Sub-${big}${tail ? `:${tail}` : ''}`,
  };
}

const min = (m: number, s = 0): Barrier => barrier(0, m, s, false);
const hr = (h: number, m = 0): Barrier => barrier(h, m, 0, true);

/** Barriers per standard distance name, slowest first. */
export const BARRIERS: Readonly<Record<string, readonly Barrier[]>> = {
  '5k': [min(35), min(30), min(27, 30), min(25), min(22, 30), min(20), min(18), min(17), min(16), min(15)],
  '10k': [min(70), min(60), min(55), min(50), min(45), min(40), min(35)],
  'half-marathon': [hr(2, 30), hr(2, 15), hr(2), hr(1, 50), hr(1, 45), hr(1, 40), hr(1, 30), hr(1, 20)],
  marathon: [hr(5), hr(4, 30), hr(4), hr(3, 45), hr(3, 30), hr(3, 15), hr(3), hr(2, 45), hr(2, 30)],
};

/** Elevation gain ladder, metres. */
export const CLIMB_LADDER: readonly number[] = [100, 250, 500, 1000, 1500, 2000, 3000];

/**
 * Time on feet in one run, seconds of moving time, each with its name: the long-run steps a coach
 * plans in (an hour, ninety minutes, two hours...), not in kilometres, on trails and mountains alike.
 */
export const TIME_ON_FEET_LADDER: readonly { seconds: number; name: string; label: string }[] = [
  { seconds: 3600, name: '1-hour', label: '1 hour' },
  { seconds: 5400, name: '1-hour-30', label: '1:30' },
  { seconds: 7200, name: '2-hours', label: '2 hours' },
  { seconds: 10_800, name: '3-hours', label: '3 hours' },
  { seconds: 14_400, name: '4-hours', label: '4 hours' },
  { seconds: 18_000, name: '5-hours', label: '5 hours' },
  { seconds: 21_600, name: '6-hours', label: '6 hours' },
  { seconds: 28_800, name: '8-hours', label: '8 hours' },
  { seconds: 36_000, name: '10-hours', label: '10 hours' },
  { seconds: 43_200, name: '12-hours', label: '12 hours' },
  { seconds: 86_400, name: '24-hours', label: '24 hours' },
];

/** Time on feet from this long is a headline: three hours is a marathon's or a mountain day's time. */
export const TIME_ON_FEET_HEADLINE = 10_800;

/** Goal progress rungs, percent of the goal distance. */
export const GOAL_PERCENTS: readonly number[] = [25, 50, 75, 100];

/** A ladder with fixed rungs, then one every `step` after the last (an open ladder has no top). */
export interface OpenLadder {
  rungs: readonly number[];
  step: number;
}

/**
 * Run counts worth a win: a count is a counter, not an achievement, so only the round numbers a
 * runner would tell a friend. The 1st run is the rung below these, and it is the `first-run` win.
 */
export const RUN_COUNT_LADDER: OpenLadder = { rungs: [10, 50, 100, 250, 500, 1000], step: 500 };
export const DAILY_STREAK_LADDER: OpenLadder = {
  rungs: [7, 14, 21, 30, 50, 75, 100, 150, 200, 250, 300, 365, 500],
  step: 250,
};
export const WEEKLY_STREAK_LADDER: OpenLadder = { rungs: [4, 8, 12, 26, 52, 78, 104], step: 52 };

/** The bad days worth a win: the 1st, 3rd, 5th, 10th, 25th, 50th, 100th, then every 50th. */
export const BAD_DAY_LADDER: OpenLadder = { rungs: [1, 3, 5, 10, 25, 50, 100], step: 50 };

/** Lifetime distance, in the profile's unit (100 km or 100 miles): few rungs, each one a real distance. */
export const LIFETIME_LADDER: OpenLadder = { rungs: [100, 500, 1000], step: 1000 };

/**
 * The Eddington numbers worth a win, and no others: each value above 10 takes more days of a longer
 * distance, so a win at every new value would be a counter that asks for volume.
 */
export const EDDINGTON_RUNGS: readonly number[] = [10, 25, 50, 75, 100];

/** The smallest rung strictly above `value`. */
export function nextRungAbove(ladder: OpenLadder, value: number): number {
  for (const rung of ladder.rungs) if (rung > value) return rung;
  const last = ladder.rungs[ladder.rungs.length - 1] ?? 0;
  return last + (Math.floor((value - last) / ladder.step) + 1) * ladder.step;
}

/** The highest rung r with `from < r ≤ to`, or null when none lies in between. */
export function highestRungCrossed(ladder: OpenLadder, from: number, to: number): number | null {
  const first = nextRungAbove(ladder, from);
  if (first > to) return null;
  const last = ladder.rungs[ladder.rungs.length - 1] ?? 0;
  if (to < last) {
    let best = first;
    for (const rung of ladder.rungs) if (rung <= to) best = rung;
    return best;
  }
  return last + Math.floor((to - last) / ladder.step) * ladder.step;
}

/** `1st`, `2nd`, `103rd`, `111th`. */
export function ordinal(n: number): string {
  const mod100 = n % 100;
  const suffix = mod100 >= 11 && mod100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${formatCount(n)}${suffix}`;
}

/** Lifetime rung in the profile's unit: slug part `1000-km` / `500-miles`, title `1,000 km` / `500 miles`. */
export function lifetimeRungName(value: number, unit: DistanceUnit): { name: string; label: string } {
  return unit === 'mi'
    ? { name: `${value}-miles`, label: `${formatCount(value)} miles` }
    : { name: `${value}-km`, label: `${formatCount(value)} km` };
}

function milesRung(miles: number): DistanceRung {
  return {
    metres: miles * METRES_PER_MILE,
    name: `${miles}-mile${miles === 1 ? '' : 's'}`,
    label: `${miles} mile${miles === 1 ? '' : 's'}`,
  };
}

/**
 * The distance ladder of a `mi` profile: round miles, with the race distances a miler names by
 * their race (13.1 is the half marathon, 26.2 the marathon, 31.07 the 50K, at their exact lengths).
 */
export const MILE_DISTANCE_LADDER: readonly DistanceRung[] = [
  milesRung(1),
  milesRung(2),
  milesRung(3),
  milesRung(4),
  milesRung(5),
  milesRung(6),
  milesRung(8),
  milesRung(10),
  { metres: 21_097.5, name: 'half-marathon', label: 'half marathon' },
  milesRung(15),
  milesRung(18),
  milesRung(20),
  { metres: 42_195, name: 'marathon', label: 'marathon' },
  { metres: 50_000, name: '50k', label: '50K' },
  milesRung(50),
  milesRung(100),
];

/** The distance ladder in the profile's unit: the km ladder's slugs never change for a km profile. */
export function distanceLadder(unit: DistanceUnit): readonly DistanceRung[] {
  return unit === 'mi' ? MILE_DISTANCE_LADDER : DISTANCE_LADDER;
}

const NONSTOP_LADDERS: Readonly<Record<DistanceUnit, readonly DistanceRung[]>> = {
  km: DISTANCE_LADDER.filter((rung) => rung.metres <= NONSTOP_LADDER_TOP),
  mi: MILE_DISTANCE_LADDER.filter((rung) => rung.metres <= NONSTOP_LADDER_TOP),
};

/**
 * The rungs a first without stopping is a win at: the distance ladder up to NONSTOP_LADDER_TOP (its
 * first rungs, in the same order). The detector and `next` both read this one ladder.
 */
export function nonstopLadder(unit: DistanceUnit): readonly DistanceRung[] {
  return NONSTOP_LADDERS[unit];
}

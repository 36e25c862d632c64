// Per-kind metadata shared by the engine, the pages (filters, labels) and the share cards.
import type { DistanceUnit } from '../types.ts';
import { formatCount, metresPerUnit } from '../format/units.ts';
import {
  BAD_DAY_LADDER,
  CLIMB_LADDER,
  DAILY_STREAK_LADDER,
  DISTANCE_LADDER,
  EDDINGTON_RUNGS,
  GOAL_PERCENTS,
  HALF_MARATHON_METRES,
  LIFETIME_LADDER,
  MARATHON_METRES,
  nonstopLadder,
  ordinal,
  RUN_COUNT_LADDER,
  STANDARD_DISTANCES,
  TIME_ON_FEET_HEADLINE,
  TIME_ON_FEET_LADDER,
  WEEKLY_STREAK_LADDER,
} from './rungs.ts';
import {
  BACK_TO_BACK_SECONDS,
  BACK_TO_BACK_SHARE,
  BAD_DAY_FEELING,
  COURSE_BEST_MARGIN,
  COURSE_CLIMB_SHARE,
  COURSE_DISTANCE_SHARE,
  COURSE_MIN_ATTEMPTS,
  EASY_PACE_GAIN,
  EASY_PACE_WINDOW_DAYS,
  COMEBACK_DAYS,
  FORM_WINDOW_DAYS,
  GOAL_DAY_TOLERANCE,
  HOTTEST_RUN_FLOOR,
  LONGEST_RUN_FLOOR,
  LONGEST_RUN_MARGIN,
  LONGEST_RUN_MIN_STEP,
  marginPercent,
  NEW_RUNNER_WEEKS,
  NONSTOP_HABIT,
  PERIOD_RECORD_MARGIN,
} from './thresholds.ts';

/** Every kind, in the fixed order that breaks ties between wins of the same run. */
export const WIN_KINDS = [
  'first-run',
  'distance-first',
  'nonstop-first',
  'longest-run',
  'personal-best',
  'barrier',
  'climb-first',
  'time-on-feet',
  'course-best',
  'easy-pace',
  'session',
  'total-distance',
  'run-count',
  'daily-streak',
  'weekly-streak',
  'biggest-week',
  'biggest-month',
  'comeback',
  'back-to-form',
  'race',
  'goal-progress',
  'goal-achieved',
  'back-to-back',
  'showed-up',
  'heat',
  'anniversary',
  'eddington',
  'custom',
] as const;

export type WinKind = (typeof WIN_KINDS)[number];

/** Families group kinds for colour, icon and filtering. */
export const WIN_FAMILIES = ['distance', 'speed', 'volume', 'consistency', 'resilience', 'race', 'goal', 'personal'] as const;

export type WinFamily = (typeof WIN_FAMILIES)[number];

/**
 * What `Win.value` measures: metres run, metres climbed, seconds (a time: less is faster), a
 * duration (seconds: more is longer), a pace (seconds per metre), reps, counts, °C, the Eddington number.
 */
export const WIN_UNITS = ['m', 'm-climb', 's', 'duration', 'pace', 'reps', 'days', 'weeks', 'runs', 'years', 'percent', 'C', 'E'] as const;

export type WinUnit = (typeof WIN_UNITS)[number];

/** `25%, 50%, 75% or 100%` */
function orList(texts: readonly string[]): string {
  return texts.length < 2 ? texts.join('') : `${texts.slice(0, -1).join(', ')} or ${texts[texts.length - 1]}`;
}

/** `7, 14, 21, 30`: the first `count` rungs of a ladder. */
function firstRungs(rungs: readonly number[], count: number, format: (rung: number) => string = formatCount): string {
  return rungs.slice(0, count).map(format).join(', ');
}

const SMALL_NUMBERS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** `four`, `12`: a count as a sentence writes it. */
function inWords(count: number): string {
  return SMALL_NUMBERS[count] ?? formatCount(count);
}

/** The numbers from 1 to `top`: `1 or 2`. */
const upTo = (top: number): string => orList(Array.from({ length: top }, (_, i) => String(i + 1)));

const lastDistance = DISTANCE_LADDER[DISTANCE_LADDER.length - 1]!;
const kmNonstop = nonstopLadder('km');

export interface KindInfo {
  family: WinFamily;
  /** Short plural label for filters: "Distance firsts". */
  label: string;
  /** One sentence for users: what earns it. */
  description: string;
  /** Always a headline: the moments the essay names (others are by `isHeadline`'s rule, or never). */
  alwaysHeadline?: true;
}

export const KIND_INFO: Record<WinKind, KindInfo> = {
  'first-run': { family: 'distance', label: 'First run', description: 'The first run of the journal.', alwaysHeadline: true },
  'distance-first': {
    family: 'distance',
    label: 'Distance firsts',
    description: `The first run to reach a new distance: ${firstRungs(DISTANCE_LADDER.map((rung) => rung.metres / 1000), 5)} km up to ${lastDistance.label}.`,
  },
  'nonstop-first': {
    family: 'distance',
    label: 'Without stopping',
    description: `The first run to reach a new distance without walk breaks, from ${kmNonstop[0]!.label} up to ${kmNonstop[kmNonstop.length - 1]!.label}, until ${NONSTOP_HABIT.nonstop} of the last ${NONSTOP_HABIT.runs} runs were without stopping.`,
    alwaysHeadline: true,
  },
  'longest-run': {
    family: 'distance',
    label: 'Longest runs',
    description: `A run at least ${marginPercent(LONGEST_RUN_MARGIN)} longer than every run before it, and after the first ${inWords(NEW_RUNNER_WEEKS)} weeks of running at least ${formatCount(LONGEST_RUN_MIN_STEP)} m longer too and ${formatCount(LONGEST_RUN_FLOOR / 1000)} km or more.`,
  },
  'personal-best': {
    family: 'speed',
    label: 'Personal bests',
    description: `A faster time than ever before over a standard distance, from the ${STANDARD_DISTANCES[0]!.label} to ${STANDARD_DISTANCES[STANDARD_DISTANCES.length - 1]!.label}.`,
  },
  barrier: {
    family: 'speed',
    label: 'Barriers',
    description: 'A personal best that breaks a round time for the first time, like sub-25 for 5K.',
  },
  'climb-first': {
    family: 'distance',
    label: 'Climbing firsts',
    description: `The first run with a new amount of climbing: ${formatCount(CLIMB_LADDER[0]!)} m up to ${formatCount(CLIMB_LADDER[CLIMB_LADDER.length - 1]!)} m.`,
  },
  'time-on-feet': {
    family: 'distance',
    label: 'Time on feet',
    description: `The first run of ${orList(TIME_ON_FEET_LADDER.map((rung) => rung.label))} of moving time.`,
  },
  'course-best': {
    family: 'speed',
    label: 'Course bests',
    description: `From the ${ordinal(COURSE_MIN_ATTEMPTS)} run of a training route (within ${Math.round(COURSE_DISTANCE_SHARE * 100)}% of its distance and ${Math.round(COURSE_CLIMB_SHARE * 100)}% of its climb), a time at least ${Math.round(COURSE_BEST_MARGIN * 100)}% faster than its best.`,
  },
  'easy-pace': {
    family: 'speed',
    label: 'Easy pace',
    description: `The median pace of ${inWords(EASY_PACE_WINDOW_DAYS / 7)} weeks of easy runs at the same feeling, at least ${Math.round(EASY_PACE_GAIN * 100)}% faster than a year before or than in your first months.`,
  },
  session: {
    family: 'speed',
    label: 'Sessions',
    description: 'A hill, interval or tempo session with more reps, longer reps or a longer tempo than any before it of its type.',
  },
  'total-distance': {
    family: 'volume',
    label: 'Lifetime distance',
    description: `Lifetime distance crosses a milestone: ${firstRungs(LIFETIME_LADDER.rungs, LIFETIME_LADDER.rungs.length)} and every ${formatCount(LIFETIME_LADDER.step)} after (km, or miles for a mi profile).`,
  },
  'run-count': {
    family: 'volume',
    label: 'Run count',
    description: `The ${firstRungs(RUN_COUNT_LADDER.rungs, RUN_COUNT_LADDER.rungs.length, ordinal)} run and every ${ordinal(RUN_COUNT_LADDER.step)} after.`,
  },
  'daily-streak': {
    family: 'consistency',
    label: 'Daily streaks',
    description: `Runs on consecutive days, reaching ${firstRungs(DAILY_STREAK_LADDER.rungs, 4)} days and more for the first time.`,
  },
  'weekly-streak': {
    family: 'consistency',
    label: 'Weekly streaks',
    description: `Consecutive weeks with at least one run, reaching ${firstRungs(WEEKLY_STREAK_LADDER.rungs, 5)} weeks and more.`,
  },
  'biggest-week': {
    family: 'volume',
    label: 'Biggest weeks',
    description: `A week bigger than any before it and at least ${marginPercent(PERIOD_RECORD_MARGIN)} bigger than the last biggest week celebrated.`,
  },
  'biggest-month': {
    family: 'volume',
    label: 'Biggest months',
    description: `A calendar month bigger than any before it and at least ${marginPercent(PERIOD_RECORD_MARGIN)} bigger than the last biggest month celebrated.`,
  },
  comeback: {
    family: 'resilience',
    label: 'Comebacks',
    description: `A run after a break of ${COMEBACK_DAYS} days or more.`,
    alwaysHeadline: true,
  },
  'back-to-form': {
    family: 'resilience',
    label: 'Back to form',
    description: `After a comeback, matching the longest run of the ${inWords(FORM_WINDOW_DAYS / 7)} weeks before the break.`,
    alwaysHeadline: true,
  },
  race: {
    family: 'race',
    label: 'Races',
    description: 'The first race, the first at each distance and name, every half marathon or longer, course bests and round numbers of finishes.',
  },
  'goal-progress': {
    family: 'goal',
    label: 'Goal progress',
    description: `A training run reaching ${orList(GOAL_PERCENTS.map((percent) => `${percent}%`))} of a goal race distance.`,
  },
  'back-to-back': {
    family: 'goal',
    label: 'Back-to-backs',
    description: `For a goal of marathon distance or more, two days in a row that together reach ${Math.round(BACK_TO_BACK_SHARE * 100)}% of the goal distance or ${BACK_TO_BACK_SECONDS / 3600} hours.`,
  },
  'goal-achieved': {
    family: 'goal',
    label: 'Goals achieved',
    description: `Running the goal distance on (or within ${GOAL_DAY_TOLERANCE === 1 ? 'a day' : `${GOAL_DAY_TOLERANCE} days`} of) the goal date.`,
    alwaysHeadline: true,
  },
  'showed-up': {
    family: 'resilience',
    label: 'Showed up anyway',
    description: `Running on a day it felt hard (feeling ${upTo(BAD_DAY_FEELING)}, not hurt or ill): the ${firstRungs(BAD_DAY_LADDER.rungs, 4, ordinal)} time and on.`,
  },
  heat: {
    family: 'resilience',
    label: 'Heat',
    description: `The hottest run yet, at ${HOTTEST_RUN_FLOOR} °C or hotter.`,
  },
  anniversary: {
    family: 'consistency',
    label: 'Anniversaries',
    description: 'Another year since the first run.',
    alwaysHeadline: true,
  },
  eddington: {
    family: 'consistency',
    label: 'Eddington number',
    description: `The Eddington number (E days of at least E km or miles) reaches ${orList(EDDINGTON_RUNGS.map(String))}; off with eddington: no in the profile.`,
  },
  custom: { family: 'personal', label: 'Your own wins', description: 'A win you named yourself.', alwaysHeadline: true },
};

export const FAMILY_INFO: Record<WinFamily, { label: string }> = {
  distance: { label: 'Distance' },
  speed: { label: 'Speed' },
  volume: { label: 'Volume' },
  consistency: { label: 'Consistency' },
  resilience: { label: 'Resilience' },
  race: { label: 'Races' },
  goal: { label: 'Goals' },
  personal: { label: 'Personal' },
};

export const KIND_ORDER: ReadonlyMap<WinKind, number> = new Map(WIN_KINDS.map((kind, index) => [kind, index]));

/**
 * The kinds' rank among the wins of one day (docs/wins.md, "Same-day order"): the moments a runner
 * tells others about first, the steady counts last. Headline wins come before the others whatever
 * their rank.
 */
export const KIND_RANK: readonly WinKind[] = [
  'goal-achieved',
  'first-run',
  'race',
  'distance-first',
  'nonstop-first',
  'barrier',
  'personal-best',
  'course-best',
  'session',
  'comeback',
  'back-to-form',
  'custom',
  'anniversary',
  'total-distance',
  'time-on-feet',
  'longest-run',
  'easy-pace',
  'climb-first',
  'heat',
  'showed-up',
  'goal-progress',
  'back-to-back',
  'eddington',
  'biggest-month',
  'biggest-week',
  'daily-streak',
  'weekly-streak',
  'run-count',
];

export const KIND_RANK_ORDER: ReadonlyMap<WinKind, number> = new Map(KIND_RANK.map((kind, index) => [kind, index]));

const FIVE_K = 5000;
const TEN_K = 10_000;

/** Within 1% of `target` (a rung named in another unit, such as 13.1 miles for the half). */
function near(metres: number, target: number): boolean {
  return Math.abs(metres - target) <= 0.01 * target;
}

/**
 * Whether a win is a headline (docs/wins.md): distance firsts at 5K, 10K, the half and the
 * marathon or beyond; personal bests and barriers at 5K, 10K, the half and the marathon (the value
 * is a time: `rungMetres` names the distance); lifetime distance at round thousands; the kinds
 * KIND_INFO marks `alwaysHeadline`. Races decide their own (`race.ts`).
 */
export function isHeadline(kind: WinKind, value: number, units: DistanceUnit, rungMetres: number | null = null): boolean {
  if (KIND_INFO[kind].alwaysHeadline) return true;
  switch (kind) {
    case 'distance-first':
      // By the rung reached, not the run's own distance (its value): the rung is what the title says.
      return rungMetres !== null && ([FIVE_K, TEN_K, HALF_MARATHON_METRES].some((metres) => near(rungMetres, metres)) || rungMetres >= MARATHON_METRES);
    case 'personal-best':
    case 'barrier':
      return rungMetres !== null && [FIVE_K, TEN_K, HALF_MARATHON_METRES, MARATHON_METRES].some((metres) => near(rungMetres, metres));
    case 'time-on-feet':
      // The value is the run's moving time: past a rung exactly when the rung it reached is.
      return value >= TIME_ON_FEET_HEADLINE;
    case 'total-distance': {
      const inUnits = value / metresPerUnit(units);
      return Math.abs(inUnits - 1000 * Math.round(inUnits / 1000)) < 1e-6 && inUnits >= 1000;
    }
    default:
      return false;
  }
}

export function isWinKind(value: string): value is WinKind {
  return KIND_ORDER.has(value as WinKind);
}

// The engine's thresholds, in one module that imports nothing: the detectors apply them and the
// kinds' descriptions (kinds.ts) quote them, so a changed rule changes its description too.

/**
 * A run at least this much longer than every earlier one is a longest-run win: a tenth more is a
 * step a runner feels (11 km after 10 km).
 */
export const LONGEST_RUN_MARGIN = 1.1;

/**
 * Past the first weeks of running, a longest run must also be this many metres longer: a few
 * hundred metres more than 3 km is a detour, not a step (the margin alone would take 300 m).
 */
export const LONGEST_RUN_MIN_STEP = 500;

/**
 * A brand-new runner's first weeks (about the length of a beginner's programme to 5K), counted from
 * the first run or `running_since`: in them every tenth more is a win, however few metres it is
 * (1.7 km after 1.5 km is a step when 1.5 km was the most she had ever run).
 */
export const NEW_RUNNER_WEEKS = 12;

/**
 * Past the first weeks, a longest run must reach this far (metres): 3.6 km after 3.2 km is a long
 * run for a beginner in her first programme, but a runner months in who runs short is running
 * short on purpose (easy days, sessions), and a coach would not celebrate it as a longest run.
 */
export const LONGEST_RUN_FLOOR = 5000;

/**
 * Heat is a win only as the hottest run yet at this temperature (°C) or above: below it warm runs
 * are ordinary summer running, and a coach celebrates getting through real heat, not a warm day.
 */
export const HOTTEST_RUN_FLOOR = 30;

/**
 * The ladder "without stopping" is for a runner still running with walk breaks: once this many
 * (`nonstop`) of the last `runs` runs were without stopping, running without walking is how she
 * runs, and the ladder retires (her distance firsts say the rest).
 */
export const NONSTOP_HABIT = { nonstop: 8, runs: 10 } as const;

/**
 * The longest rung "without stopping" is a win at (metres): the walk-run beginner's ladder ends at
 * 10K. Past it, walk breaks are a plan (walking the climbs, run-walk long runs), not a stage to
 * outgrow, so a longer run without one is no step forward: "First 12 km without stopping" after
 * "First 12 km" would read like a step back.
 */
export const NONSTOP_LADDER_TOP = 10_000;

/**
 * A week or month at least this much bigger than the record is a win: a tenth more is a real step
 * up in training; a few hundred metres more than last month's record is noise.
 */
export const PERIOD_RECORD_MARGIN = 1.1;

/** A break of this many days or more makes the next run a comeback. */
export const COMEBACK_DAYS = 14;

/** Back to form means matching the longest run of this many days up to the break. */
export const FORM_WINDOW_DAYS = 28;

/** The goal's distance counts as run on race day or one day either side (time zones, late starts). */
export const GOAL_DAY_TOLERANCE = 1;

/** A run rated this or lower (1 awful – 5 great), not run hurt or ill, is a bad day run anyway. */
export const BAD_DAY_FEELING = 2;

/**
 * Runs of one training course: within this share of its distance and (COURSE_CLIMB_SHARE, or
 * COURSE_CLIMB_METRES on a flat course) of its climb. A route that went a little further or round a
 * puddle is the same course; a longer loop is another one.
 */
export const COURSE_DISTANCE_SHARE = 0.03;
export const COURSE_CLIMB_SHARE = 0.1;
export const COURSE_CLIMB_METRES = 10;

/** A course best counts from this attempt: the first two runs of a route are how it goes, not a record. */
export const COURSE_MIN_ATTEMPTS = 3;

/** A course best must beat the course's best by at least this share: a few seconds is the wind. */
export const COURSE_BEST_MARGIN = 0.01;

/** The easy pace is the median of the easy runs of this many days up to a run. */
export const EASY_PACE_WINDOW_DAYS = 56;

/** A window's median needs at least this many easy runs to say anything. */
export const EASY_PACE_MIN_RUNS = 4;

/** An easy pace at least this share faster than the one it is compared with is a win. */
export const EASY_PACE_GAIN = 0.05;

/**
 * Back-to-back long runs for a goal of marathon distance or more: two days in a row that together
 * reach this share of the goal distance, or BACK_TO_BACK_SECONDS of moving time.
 */
export const BACK_TO_BACK_SHARE = 0.6;
export const BACK_TO_BACK_SECONDS = 14_400;

/** Each day of a back-to-back is at least this share of the pair: a long run and a jog is not one. */
export const BACK_TO_BACK_DAY_SHARE = 1 / 3;

/** A margin such as 1.1 as the percentage more it asks for: `10%`. */
export function marginPercent(margin: number): string {
  return `${Math.round((margin - 1) * 100)}%`;
}

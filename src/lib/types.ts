// The domain, shared by the journal reader, the wins engine, the cards and the pages.
// Inside the program distances are metres, durations seconds, temperatures °C, dates the
// calendar day as the runner wrote it (`YYYY-MM-DD`, no timezone shifting).
import type { AssignedField, RunFields } from './model/run-columns.ts';
import type { WinFamily, WinKind, WinUnit } from './model/kinds.ts';

// Kinds, families and units are spelled out once, as lists in model/kinds.ts (the engine and the content schema use them).
export type { WinFamily, WinKind, WinUnit };

// Days and units are the formatting layer's own words (format/ imports nothing above it).
import type { IsoDate, WeekStart } from './format/dates.ts';
import type { DistanceUnit } from './format/units.ts';

export type { DistanceUnit, IsoDate, WeekStart };

/** Where a run (or any journal item) came from: the file and the line a problem would name. */
export interface SourceRef {
  /** Path as the user would type it, relative to the working directory (e.g. `data/runs.csv`). */
  path: string;
  /** 1-based line: the CSV record's first line, or the front-matter line. Null for a whole file. */
  line: number | null;
  kind: 'csv' | 'markdown' | 'strava' | 'garmin' | 'apple' | 'gpx' | 'tcx' | 'fit';
}

/** The fastest continuous stretch of a standard distance inside one run (from a GPS/distance stream). */
export interface Effort {
  /** The standard distance, metres (400, 1000, 1609.344, 5000, ...). */
  distance: number;
  /** Seconds for exactly that distance. */
  time: number;
  /** Where the stretch starts, metres from the run's start. */
  startOffset: number;
}

/** A drawable route: points already trimmed for privacy, in a local projection-free lat/lon form. */
export interface Track {
  /** [lat, lon] pairs, privacy-trimmed (start and end cut) — safe to draw and publish. */
  points: ReadonlyArray<readonly [number, number]>;
  /** Indices in `points` where a new line starts: the route passed through a hidden zone there. */
  breaks?: readonly number[];
}

/** A run: its fields, their types and meaning are listed once, in RUN_COLUMNS (model/run-columns.ts). */
export type Run = RunFields;

/** A Markdown/MDX journal entry: the story of a run. */
export interface Story {
  /** Stable id: the file path inside the journal folder without extension, e.g. `journal/2024-03-10-first-4k`. */
  id: string;
  runId: string;
  date: IsoDate;
  title: string | null;
  /** The Markdown/MDX body, as written. */
  body: string;
  format: 'md' | 'mdx';
  source: SourceRef;
  private: boolean;
}

/** The runner's own words about a week (`weeks/2025-W44.md`): they lead that week's post. */
export interface Reflection {
  /** The ISO week the file is named by, e.g. `2025-W44`. */
  week: string;
  title: string | null;
  /** The Markdown body, as written. */
  body: string;
  /** A private reflection is read and checked, never published. */
  private: boolean;
  source: SourceRef;
}

export interface Goal {
  slug: string;
  title: string;
  /** Race day. */
  date: IsoDate;
  /** Metres. */
  distance: number;
  /** Metres of climbing, if the race has notable climbing. */
  elevation: number | null;
  /** Target finish time, seconds: the goal is achieved only at or under it. Absent or null = finishing is the goal. */
  time?: number | null;
  /** When the build-up began; null = the journal's first run. */
  start: IsoDate | null;
  /** Why it matters (Markdown). */
  body: string;
  source: SourceRef;
}

export interface Profile {
  name: string;
  title: string;
  /** Public URL of the site, e.g. `https://ana.github.io/runs`; null when not set. */
  site: string | null;
  units: DistanceUnit;
  weekStart: WeekStart;
  /** IANA zone for imported UTC times. */
  timezone: string;
  locale: string;
  /** The about text (Markdown). */
  about: string;
  /** Extra font files (paths relative to the journal folder) cards fall back to, e.g. a CJK font. */
  fonts: string[];
  /** Metres cut from the start and the end of every published track (0 = off). */
  privacyTrim: number;
  /** When the runner began running, if before the journal (`running_since`); anniversaries count from it. */
  runningSince?: IsoDate | null;
  /** What the runner had done before the journal (`bests`): wins are measured against it. */
  bests?: KnownBests;
  /** False with `eddington: no`: no Eddington wins and no Eddington step in `next`. */
  eddington?: boolean;
}

/** Records set before the journal began, as the profile states them. */
export interface KnownBests {
  /** Longest run, metres; null when not given. */
  longest: number | null;
  /** Best times in seconds by standard distance name (`5k`, `half-marathon`, `marathon`). */
  times: Record<string, number>;
}

/**
 * What earns a reward: a win named by the engine's own keys. Ladder kinds are earned by their
 * first win at or past `value` (one run can cross two rungs; the engine names the highest).
 */
export interface RewardTarget {
  kind: WinKind;
  /**
   * The rung in the win's own unit: metres (distance, lifetime, climbing), runs, days, weeks,
   * years, percent of a goal, the Eddington number, or seconds for a barrier. Null for the kinds
   * with one win (first run, goal achieved) and the runner's own wins.
   */
  value: number | null;
  /** The standard distance of a barrier (`5k`), the ladder rung of a distance first (`30-km`). */
  rung: string | null;
  /** Goal slug, for goal steps and goals achieved. */
  goal: string | null;
  /** The runner's own win, in their words (compared as a slug). */
  words: string | null;
  /** The win in words, as pages and messages name it: `first 30 km`, `1,000 km lifetime`. */
  label: string;
}

/** A reward the runner promised themselves (`rewards.md`), tied to a win. */
export interface Reward {
  /** The reward in the runner's words. */
  text: string;
  target: RewardTarget;
  /** Counts, but its words are never published. */
  private: boolean;
  source: SourceRef;
}

export type Severity = 'error' | 'warning';

/** One problem in the journal: printed as `path:line: field: got "X", expected Y`. */
export interface Problem {
  severity: Severity;
  path: string;
  line: number | null;
  field: string | null;
  value: string | null;
  message: string;
}

/** Everything read from a journal folder, validated. */
export interface Journal {
  runs: Run[];
  stories: Story[];
  /** The runner's week reflections, by week; only those of weeks with runs. */
  reflections: Reflection[];
  goals: Goal[];
  profile: Profile;
  /** The rewards of `rewards.md`, in file order; absent or empty when there are none. */
  rewards?: Reward[];
  errors: Problem[];
  warnings: Problem[];
  /** Non-running activities skipped by importers, by sport. */
  skipped: Record<string, number>;
  /** Imported runs merged into a hand-written one. */
  merged: number;
  /** The journal's "today": SMALL_WINS_TODAY, else the last run's date; null when empty. */
  today: IsoDate | null;
}


/** A point of a progression series: the value at a date, and the run that set it. */
export interface SeriesPoint {
  date: IsoDate;
  value: number;
  runId: string | null;
}

/**
 * A progression shared by many wins (e.g. the 5K best over time, lifetime distance by month).
 * Wins reference it with `upTo` instead of copying it, so 100,000 runs stay cheap.
 */
export interface Series {
  id: string;
  label: string;
  unit: WinUnit;
  /** Lower is better (times). */
  lowerIsBetter: boolean;
  /**
   * The calendar period of each point for a series of totals (distance per week or month, lifetime
   * by month): its points rise and fall, they are not steps up. Null for a record progression.
   */
  period: 'week' | 'month' | null;
  points: SeriesPoint[];
}

export interface PreviousRecord {
  value: number;
  date: IsoDate;
  /** Slug of the win that set it, or null when it was set without a win (the benchmark effort). */
  slug: string | null;
  /** Id of the run that set it, for records of one run: a page links the run when no win did. */
  run?: string;
}

export interface Win {
  /** `YYYY-MM-DD-...`, unique, stable when later runs are added. */
  slug: string;
  kind: WinKind;
  family: WinFamily;
  date: IsoDate;
  title: string;
  value: number;
  unit: WinUnit;
  /** The record this win beat, or null. */
  previous: PreviousRecord | null;
  /** Ids of the runs behind it (the earning run first). */
  runs: string[];
  /** Rung name for ladder kinds (`5k`, `10-miles`, `1000-km`), standard distance name for efforts. */
  rung: string | null;
  /** Goal slug for goal kinds. */
  goal: string | null;
  /** Days since the previous record was set (how long it took to improve), or null. */
  daysSincePrevious: number | null;
  /** The progression that led here: a shared series and the index of this win's point in it. */
  progression: { series: Series; upTo: number } | null;
  /** For efforts from a stream: where in the run the stretch started (metres). */
  effortOffset: number | null;
  /** One of the moments that lead a day (see docs/wins.md): it titles its run's entry in lists. */
  headline: boolean;
}

/** A run as read from one file, before runs are merged and given their stable ids. */
export type RunDraft = Omit<Run, AssignedField>;

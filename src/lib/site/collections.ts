// What the content collections hold, shaped from the journal and the engine's wins: series stored
// once (wins point into them), and private runs scrubbed here, at the source, so no page can
// publish their title, notes or story by mistake.
import { fromRow, toRow, yearTables, type Row, type YearTable } from './year-tables.ts';
import { matchRewards, publishRewards, type PublishedReward } from '../wins/rewards.ts';
import type { Effort, Goal, IsoDate, Journal, Profile, Run, Series, Track, Win, WinFamily, WinKind, WinUnit } from '../types.ts';

/**
 * A run as pages see it: the journal's run less what is never published (the runner's own win
 * text lives in its custom win, unknown columns and source paths stay private). For a private run
 * `title`, `notes`, `race`, `tags`, `storyId` and `track` are emptied by `runEntry`.
 */
export interface RunEntry extends Omit<Run, 'win' | 'extra' | 'source'> {
  /** Slugs of the wins this run earned, in the engine's order. */
  wins: string[];
}

/** A win as pages see it: the progression names its shared series instead of holding it. */
export interface WinEntry extends Omit<Win, 'progression'> {
  progression: { seriesId: string; upTo: number } | null;
}

export interface GoalEntry extends Omit<Goal, 'source' | 'body'> {
  body: string;
}

export interface ProfileEntry extends Omit<Profile, 'fonts' | 'privacyTrim'> {
  today: IsoDate | null;
}

export interface SiteCollections {
  profile: ProfileEntry;
  runs: RunEntry[];
  wins: WinEntry[];
  series: Series[];
  goals: GoalEntry[];
  /** Earned first, then the ones ahead; a private reward's words are already gone. */
  rewards: PublishedReward[];
}

export function runEntry(run: Run, wins: string[]): RunEntry {
  const hidden = run.private;
  return {
    id: run.id,
    date: run.date,
    startTime: run.startTime,
    distance: run.distance,
    time: run.time,
    title: hidden ? null : run.title,
    type: run.type,
    race: hidden ? null : run.race,
    isRace: run.isRace,
    elevation: run.elevation,
    nonstop: run.nonstop,
    feeling: run.feeling,
    temperature: run.temperature,
    tags: hidden ? [] : run.tags,
    notes: hidden ? null : run.notes,
    private: run.private,
    virtual: run.virtual,
    storyId: hidden ? null : run.storyId,
    wins,
    efforts: run.efforts,
    // A private run's route is never published, not even trimmed.
    track: hidden ? null : run.track,
  };
}

/** A run entry's fields in the order a stored row holds them. */
export const RUN_COLUMNS = [
  'id',
  'date',
  'startTime',
  'distance',
  'time',
  'title',
  'type',
  'race',
  'isRace',
  'elevation',
  'nonstop',
  'feeling',
  'temperature',
  'tags',
  'notes',
  'private',
  'virtual',
  'storyId',
  'wins',
  'efforts',
  'track',
] as const satisfies ReadonlyArray<keyof RunEntry>;

/** A win entry's fields in the order a stored row holds them. */
export const WIN_COLUMNS = [
  'slug',
  'kind',
  'family',
  'date',
  'title',
  'value',
  'unit',
  'previous',
  'runs',
  'rung',
  'goal',
  'daysSincePrevious',
  'progression',
  'effortOffset',
  'headline',
] as const satisfies ReadonlyArray<keyof WinEntry>;

export type RunRow = Row<RunEntry, typeof RUN_COLUMNS>;
export type WinRow = Row<WinEntry, typeof WIN_COLUMNS>;

/**
 * Runs and wins as the content store keeps them: a table per year (`year-tables.ts`). A run as an
 * object spells out 21 field names; as rows, a 4,000-run journal's store is half the size (see
 * docs/performance.md), and an edit to one run re-checks one year's table.
 */
export const runYears = (runs: readonly RunEntry[]): YearTable<RunRow>[] => yearTables(runs, (run) => toRow(RUN_COLUMNS, run));
export const winYears = (wins: readonly WinEntry[]): YearTable<WinRow>[] => yearTables(wins, (win) => toRow(WIN_COLUMNS, win));
export const runFromRow = (row: RunRow): RunEntry => fromRow(RUN_COLUMNS, row);
export const winFromRow = (row: WinRow): WinEntry => fromRow(WIN_COLUMNS, row);

export function winEntry(win: Win): WinEntry {
  const { progression, ...rest } = win;
  return { ...rest, progression: progression ? { seriesId: progression.series.id, upTo: progression.upTo } : null };
}

export function siteCollections(journal: Journal, wins: readonly Win[]): SiteCollections {
  const earned = new Map<string, string[]>();
  const series = new Map<string, Series>();
  for (const win of wins) {
    const runId = win.runs[0];
    if (runId !== undefined) earned.set(runId, [...(earned.get(runId) ?? []), win.slug]);
    if (win.progression) series.set(win.progression.series.id, win.progression.series);
  }
  const { fonts: _fonts, privacyTrim: _trim, ...profile } = journal.profile;
  return {
    profile: { ...profile, today: journal.today },
    runs: journal.runs.map((run) => runEntry(run, earned.get(run.id) ?? [])),
    wins: wins.map(winEntry),
    series: [...series.values()],
    goals: journal.goals.map(({ source: _source, ...goal }) => goal),
    rewards: publishedRewards(journal, wins),
  };
}

/** The journal's rewards as the site may show them (the cards use the same). */
export function publishedRewards(journal: Journal, wins: readonly Win[]): PublishedReward[] {
  const rewards = journal.rewards ?? [];
  if (rewards.length === 0) return [];
  const standing = matchRewards(rewards, wins, journal.runs, journal.goals, journal.profile, journal.today);
  return publishRewards(standing, journal.profile.units);
}

// What the content collections hold, shaped from the journal and the engine's wins: series stored
// once (wins point into them), and private runs scrubbed here, at the source, so no page can
// publish their title, notes or story by mistake.
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

/**
 * A run as the content store keeps it: without its id (the entry's own) and without the fields at
 * their default (null, false, an empty list). Astro serialises, bundles and reads its whole store
 * on every build, and most of a run's fields are empty: a 4,000-run store is 40% smaller so.
 * `nonstop: false` is kept (it says the run had walk breaks; null says nothing).
 */
export type StoredRun = Pick<RunEntry, 'date' | 'distance'> & Partial<Omit<RunEntry, 'id' | 'date' | 'distance'>>;

function isDefault(field: string, value: unknown): boolean {
  if (value === null) return true;
  if (value === false) return field !== 'nonstop';
  return Array.isArray(value) && value.length === 0;
}

export function storedRun(run: RunEntry): StoredRun {
  const stored: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(run)) {
    if (field !== 'id' && !isDefault(field, value)) stored[field] = value;
  }
  return stored as StoredRun;
}

/** The run entry back from the store, every field in place. */
export function runFromStore(id: string, stored: StoredRun): RunEntry {
  return {
    id,
    date: stored.date,
    startTime: stored.startTime ?? null,
    distance: stored.distance,
    time: stored.time ?? null,
    title: stored.title ?? null,
    type: stored.type ?? null,
    race: stored.race ?? null,
    isRace: stored.isRace ?? false,
    elevation: stored.elevation ?? null,
    nonstop: stored.nonstop ?? null,
    feeling: stored.feeling ?? null,
    temperature: stored.temperature ?? null,
    tags: stored.tags ?? [],
    notes: stored.notes ?? null,
    private: stored.private ?? false,
    virtual: stored.virtual ?? false,
    storyId: stored.storyId ?? null,
    wins: stored.wins ?? [],
    efforts: stored.efforts ?? [],
    track: stored.track ?? null,
  };
}

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
  };
}

// What the content collections hold, shaped from the journal and the engine's wins: series stored
// once (wins point into them), and runs as `publish/run-entry.ts` scrubs them, so no page can
// publish a private run's title, notes or story by mistake.
import { PUBLISHED_RUN_COLUMNS, type ColumnKind } from '../model/run-columns.ts';
import { runEntry, type RunEntry } from '../publish/run-entry.ts';
import { publishedRewards } from '../publish/rewards.ts';
import { fromRow, toRow, yearTables, type Row, type YearTable } from './year-tables.ts';
import type { PublishedReward } from '../wins/rewards.ts';
import type { Goal, IsoDate, Journal, Profile, Series, Win } from '../types.ts';

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

/** A week's public reflection as pages see it (a private one never gets this far). */
export interface ReflectionEntry {
  week: string;
  title: string | null;
  body: string;
}

export interface SiteCollections {
  profile: ProfileEntry;
  reflections: ReflectionEntry[];
  runs: RunEntry[];
  wins: WinEntry[];
  series: Series[];
  goals: GoalEntry[];
  /** Earned first, then the ones ahead; a private reward's words are already gone. */
  rewards: PublishedReward[];
}

/** A run entry's fields in the order a stored row holds them: the published run columns, then the wins it earned. */
export const RUN_ROW: ReadonlyArray<{ name: keyof RunEntry; kind: ColumnKind }> = [
  ...PUBLISHED_RUN_COLUMNS.map((column) => ({ name: column.name as keyof RunEntry, kind: column.kind })),
  { name: 'wins', kind: 'texts' },
];
export const RUN_ROW_COLUMNS: ReadonlyArray<keyof RunEntry> = RUN_ROW.map((column) => column.name);

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

export type RunRow = Row<RunEntry, typeof RUN_ROW_COLUMNS>;
export type WinRow = Row<WinEntry, typeof WIN_COLUMNS>;

/**
 * Runs and wins as the content store keeps them: a table per year (`year-tables.ts`). A run as an
 * object spells out 21 field names; as rows, a 4,000-run journal's store is half the size (see
 * docs/performance.md), and an edit to one run re-checks one year's table.
 */
export const runYears = (runs: readonly RunEntry[]): YearTable<RunRow>[] => yearTables(runs, (run) => toRow(RUN_ROW_COLUMNS, run));
export const winYears = (wins: readonly WinEntry[]): YearTable<WinRow>[] => yearTables(wins, (win) => toRow(WIN_COLUMNS, win));
export const runFromRow = (row: RunRow): RunEntry => fromRow(RUN_ROW_COLUMNS, row);
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
    reflections: journal.reflections.filter((r) => !r.private).map(({ week, title, body }) => ({ week, title, body })),
    rewards: publishedRewards(journal, wins),
  };
}

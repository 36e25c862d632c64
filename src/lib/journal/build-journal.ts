// The journal from file contents: no I/O here, so any source of text (disk, tests, a benchmark) works.
import type { Goal, IsoDate, Journal, Problem, Profile, Reflection, RunDraft } from '../types.ts';
import { isImportCsvHeader, type ImportResult } from './imports/read-imports.ts';
import { mergeRuns } from './imports/merge.ts';
import { trackLinkProblems } from './track-links.ts';
import { csvHeader, parseRunsCsv } from './csv.ts';
import { parseGoal } from './goals.ts';
import { parseImportedCsv, readRouteFiles } from './imported-runs.ts';
import { farFutureDateErrors, implausibleRunWarnings } from './plausibility.ts';
import { paceTypoWarnings } from './pace-typos.ts';
import { problem, sortProblems, splitProblems } from './problems.ts';
import { assignRunIds } from './run-ids.ts';
import { keepShownReflections, parseReflection } from './reflections.ts';
import { parseRewards } from './rewards.ts';
import { attachStories, parseJournalEntry, type JournalEntry } from './stories.ts';

export interface SourceFile {
  /** As problems name it, e.g. `data/runs.csv`. */
  path: string;
  text: string;
}

export interface JournalSources {
  profile: Profile;
  profileProblems: Problem[];
  /** Files that could not be read, or whose bytes are not all UTF-8. */
  fileProblems?: Problem[];
  /** Top-level CSVs; those an importer recognises by their header are left to it. */
  csv: SourceFile[];
  /** Journal entries with their story id (`journal/2024-03-10-first-4k`). */
  entries: Array<SourceFile & { storyId: string }>;
  goals: SourceFile[];
  /** The week reflections (`weeks/2025-W44.md`), each with its name inside that folder. */
  reflections?: Array<SourceFile & { file: string }>;
  /** `rewards.md`, when the journal has one. */
  rewards?: SourceFile | null;
  imported: ImportResult;
  /** The CSVs `npm run import` wrote (`imported/*.csv`): runs with a `source`, read as imports. */
  importedCsv?: SourceFile[];
  /** Route files (`routes/*.geojson`), by their path inside the journal folder, and how problems name that folder. */
  routes?: { dir: string; files: Array<{ name: string; text: string }> };
}

/**
 * `target.push(...items)` without spreading: a 100,000-run file would overflow the call stack.
 */
function append<T>(target: T[], items: readonly T[]): void {
  for (let i = 0; i < items.length; i++) target.push(items[i]!);
}

function byPath<T extends { path: string }>(files: T[]): T[] {
  return [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export interface BuildJournalOptions {
  today?: IsoDate | null;
  /**
   * A year after today (SMALL_WINS_TODAY, else the clock's day, which the reader looks up): a run
   * dated later, and more than a year after the run before it, is an error. Unset: not checked.
   */
  latestDate?: IsoDate;
}

export function buildJournal(sources: JournalSources, options: BuildJournalOptions = {}): Journal {
  const { profile } = sources;
  const problems: Problem[] = [...sources.profileProblems, ...(sources.fileProblems ?? [])];

  const handWritten: RunDraft[] = [];
  for (const file of byPath(sources.csv)) {
    if (isImportCsvHeader(csvHeader(file.text))) continue;
    const parsed = parseRunsCsv(file.text, file.path, profile);
    append(handWritten, parsed.runs);
    append(problems, parsed.problems);
  }

  const entries: JournalEntry[] = [];
  for (const file of byPath(sources.entries)) {
    const { entry, problems: entryProblems } = parseJournalEntry(file.text, file.path, file.storyId, profile);
    problems.push(...entryProblems);
    if (entry === null) continue;
    entries.push(entry);
    if (entry.run !== null) handWritten.push(entry.run);
  }

  const goals: Goal[] = [];
  for (const file of byPath(sources.goals)) {
    const { goal, problems: goalProblems } = parseGoal(file.text, file.path, profile);
    problems.push(...goalProblems);
    if (goal === null) continue;
    const twin = goals.find((g) => g.slug === goal.slug);
    if (twin) problems.push(problem('error', { path: file.path, line: null }, null, null, `one goal file per name (${twin.source.path} is also "${goal.slug}")`));
    else goals.push(goal);
  }

  append(problems, sources.imported.problems);
  const importedRuns = [...sources.imported.runs];
  const routes = readRouteFiles(sources.routes?.files ?? []);
  for (const file of byPath(sources.importedCsv ?? [])) {
    const parsed = parseImportedCsv(file.text, file.path, profile, routes, sources.routes?.dir ?? 'routes');
    append(importedRuns, parsed.runs);
    append(problems, parsed.problems);
  }
  const trackLines = new Map(entries.map((entry) => [entry.path, entry.trackLine]));
  append(problems, trackLinkProblems(handWritten, importedRuns, (run) => (run.source.kind === 'markdown' ? trackLines.get(run.source.path) ?? null : null)));
  const merged = mergeRuns(handWritten, importedRuns);
  const attached = attachStories(assignRunIds(merged.runs), entries);
  append(problems, attached.problems);
  const written: Reflection[] = [];
  for (const file of byPath(sources.reflections ?? [])) {
    const parsed = parseReflection(file.text, file.path, file.file);
    append(problems, parsed.problems);
    if (parsed.reflection !== null) written.push(parsed.reflection);
  }
  const shown = keepShownReflections(written, attached.runs);
  append(problems, shown.problems);
  append(problems, implausibleRunWarnings(attached.runs));
  if (options.latestDate !== undefined) append(problems, farFutureDateErrors(attached.runs, options.latestDate));
  append(problems, paceTypoWarnings(attached.runs, profile.units));

  const runs = attached.runs;
  // Rewards are checked against the goals and the runs' own wins, so they are read last.
  const rewards = sources.rewards ? parseRewards(sources.rewards.text, sources.rewards.path, { profile, goals, runs }) : null;
  if (rewards !== null) append(problems, rewards.problems);
  const { errors, warnings } = splitProblems(sortProblems(problems));
  return {
    runs,
    stories: attached.stories,
    reflections: shown.reflections,
    goals: goals.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0)),
    profile,
    rewards: rewards?.rewards ?? [],
    errors,
    warnings,
    skipped: sources.imported.skipped,
    merged: merged.merged,
    today: options.today ?? runs.at(-1)?.date ?? null,
  };
}

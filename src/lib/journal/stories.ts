// Journal entries (`journal/**/*.md|mdx`): with a distance an entry is a run and its body the story;
// without one it is the story of a run from a CSV on its date.
import type { IsoDate, Problem, Profile, Run, RunDraft, Story } from '../types.ts';
import { parseFrontMatter } from './front-matter.ts';
import { isNearPrivate, PRIVATE_SPELLING_EXPECTED } from './private-spelling.ts';
import { problem } from './problems.ts';
import { mapFieldSource, parseRunRecord, toRunDraft, type RunValues } from './run-record.ts';

export interface JournalEntry {
  /** `journal/2024-03-10-first-4k`: the path inside the journal folder, without extension. */
  storyId: string;
  path: string;
  format: 'md' | 'mdx';
  body: string;
  values: RunValues;
  /** The line of the `date` field (where attach problems point). */
  dateLine: number;
  /** The line of the `track` field, null when there is none. */
  trackLine: number | null;
  /** Set when the entry has a distance: the entry is a run itself. */
  run: RunDraft | null;
}

/** `data/journal/2024/first-4k.mdx` inside `data` → `journal/2024/first-4k`. */
export function storyIdOf(pathInJournalFolder: string): string {
  return pathInJournalFolder.replace(/\.mdx?$/i, '');
}

export function parseJournalEntry(
  text: string,
  path: string,
  storyId: string,
  profile: Profile,
): { entry: JournalEntry | null; problems: Problem[] } {
  const fm = parseFrontMatter(text, path);
  if (!fm.readable) return { entry: null, problems: fm.problems };
  const hasDistance = (fm.fields.get('distance')?.text.trim() ?? '') !== '';
  const all = [...fm.problems];
  const values = parseRunRecord(mapFieldSource(fm.fields), { path, line: 1, unit: profile.units, requireDistance: false }, all);
  for (const field of fm.fields.values()) {
    // `privat: yes` would sit in `extra` and the story would be public.
    if (isNearPrivate(field.name)) all.push(problem('warning', { path, line: field.line }, field.name.trim(), field.text, PRIVATE_SPELLING_EXPECTED));
  }
  if (values.date === null || (hasDistance && values.distance === null)) return { entry: null, problems: all };
  const entry: JournalEntry = {
    storyId,
    path,
    format: /\.mdx$/i.test(path) ? 'mdx' : 'md',
    body: fm.body,
    values,
    dateLine: fm.fields.get('date')?.line ?? 1,
    trackLine: fm.fields.get('track')?.line ?? null,
    run: hasDistance ? toRunDraft(values, { path, line: 1, kind: 'markdown' }) : null,
  };
  return { entry, problems: all };
}

function sameTitle(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && a.trim().toLowerCase() === b.trim().toLowerCase();
}

function sameClock(a: string | null, b: string | null): boolean {
  // Minutes are enough: a story rarely names the second its run started.
  return a !== null && b !== null && a.slice(0, 5) === b.slice(0, 5);
}

/** The one candidate the entry's start time, else its title, picks; null when neither does. */
function pickRun(entry: JournalEntry, candidates: Run[]): Run | null {
  if (candidates.length === 1) return candidates[0] ?? null;
  const byTime = candidates.filter((run) => sameClock(run.startTime, entry.values.date?.startTime ?? null));
  if (byTime.length === 1) return byTime[0] ?? null;
  const byTitle = candidates.filter((run) => sameTitle(run.title, entry.values.title));
  if (byTitle.length === 1) return byTitle[0] ?? null;
  return null;
}

/** Fields the CSV left empty take the story's values; tags add up. */
function fillFromStory(run: Run, values: RunValues): Run {
  const type = run.type ?? values.type;
  const race = run.race ?? values.race;
  return {
    ...run,
    time: run.time ?? values.time,
    title: run.title ?? values.title,
    type,
    race,
    isRace: run.isRace || race !== null || type?.trim().toLowerCase() === 'race',
    elevation: run.elevation ?? values.elevation,
    nonstop: run.nonstop ?? values.nonstop,
    feeling: run.feeling ?? values.feeling,
    temperature: run.temperature ?? values.temperature,
    tags: [...new Set([...run.tags, ...values.tags])],
    win: run.win ?? values.win,
    notes: run.notes ?? values.notes,
    private: run.private || values.private === true,
    virtual: run.virtual || values.virtual === true,
    extra: { ...values.extra, ...run.extra },
  };
}

function storyOf(entry: JournalEntry, run: Run): Story {
  return {
    id: entry.storyId,
    runId: run.id,
    date: run.date,
    title: entry.values.title ?? run.title,
    body: entry.body,
    format: entry.format,
    source: { path: entry.path, line: 1, kind: 'markdown' },
    private: run.private || entry.values.private === true,
  };
}

/** Indexes of the runs dated `date`: runs in id order sit together, found by binary search. */
function indexesOn(runs: readonly Run[], date: IsoDate): number[] {
  let low = 0;
  let high = runs.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (runs[middle]!.date < date) low = middle + 1;
    else high = middle;
  }
  const found: number[] = [];
  for (let i = low; i < runs.length && runs[i]!.date === date; i++) found.push(i);
  return found;
}

/**
 * Gives every entry its run: entries that are runs find theirs by source file; the others attach to
 * the run of their date. `runs` are in id order (as `assignRunIds` returns them); returns them
 * (story ids set, empty fields filled) in the same order.
 */
export function attachStories(runs: Run[], entries: JournalEntry[]): { runs: Run[]; stories: Story[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const stories: Story[] = [];
  const result = [...runs];
  const ownerOf = new Map<string, string>();
  // The runs of each entry's date, looked up by date: a journal has far fewer entries than runs,
  // so nothing here walks all the runs.
  const byDate = new Map<string, number[]>();
  for (const entry of entries) {
    const date = entry.values.date?.date;
    if (date !== undefined && !byDate.has(date)) byDate.set(date, indexesOn(runs, date));
  }
  // An entry that is a run finds it among its date's runs by its file.
  const byPath = new Map<string, number>();
  for (const entry of entries) {
    const date = entry.values.date?.date;
    if (entry.run === null || date === undefined) continue;
    const own = byDate.get(date)?.find((i) => runs[i]!.source.kind === 'markdown' && runs[i]!.source.path === entry.path);
    if (own !== undefined) byPath.set(entry.path, own);
  }
  const sorted = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const attach = (entry: JournalEntry, index: number, values: RunValues | null): void => {
    const run = runs[index];
    if (run === undefined) return;
    const current = result[index] ?? run;
    const owner = ownerOf.get(run.id);
    if (owner !== undefined) {
      const at = { path: entry.path, line: entry.dateLine };
      problems.push(problem('error', at, 'date', current.date, `one story per run (${owner} already tells the run ${run.id})`));
      return;
    }
    ownerOf.set(run.id, entry.storyId);
    const filled = values === null ? current : fillFromStory(current, values);
    const withStory = { ...filled, storyId: entry.storyId };
    result[index] = withStory;
    stories.push(storyOf(entry, withStory));
  };

  // Entries that are runs first: their run is theirs, whatever the order of the files.
  for (const entry of sorted) {
    const own = entry.run === null ? undefined : byPath.get(entry.path);
    if (own !== undefined) attach(entry, own, null);
  }
  for (const entry of sorted) {
    if (entry.run !== null && byPath.has(entry.path)) continue;
    const date = entry.values.date?.date;
    if (date === undefined) continue;
    const at = { path: entry.path, line: entry.dateLine };
    // Runs written as entries already have their story. Candidates as read (not as filled by an earlier story), so the pick never depends on file order.
    const candidates = (byDate.get(date) ?? []).filter((i) => runs[i]?.source.kind !== 'markdown');
    if (candidates.length === 0) {
      problems.push(problem('error', at, 'date', date, 'a run on that day (in a CSV or an import) for this story to attach to'));
      continue;
    }
    const candidateRuns = candidates.map((i) => runs[i] as Run);
    const picked = pickRun(entry, candidateRuns);
    if (picked === null) {
      problems.push(
        problem('error', at, 'date', date, `one run on that day, but ${candidates.length} match: give the start time (date: ${date}T07:30) or the run's title`),
      );
      continue;
    }
    attach(entry, candidates[candidateRuns.indexOf(picked)] ?? -1, entry.values);
  }
  stories.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { runs: result, stories, problems };
}

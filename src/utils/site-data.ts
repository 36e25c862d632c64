// Shared page data: the profile (with the journal's today) and small lookups every page needs.
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import type { RunEntry } from '../lib/publish/run-entry.ts';
import { runFromRow, winFromRow, type WinEntry } from '../lib/site/collections.ts';
import { layoutInputs, type LayoutInputs } from '../lib/site/page-keys.ts';

export type ProfileData = CollectionEntry<'profile'>['data'];
export type WinData = WinEntry;
export type RunData = RunEntry;
export type RewardData = CollectionEntry<'rewards'>['data'];

const DEFAULT_PROFILE: ProfileData = {
  name: 'A runner',
  title: 'Small Wins',
  site: null,
  units: 'km',
  weekStart: 'monday',
  timezone: 'UTC',
  locale: 'en',
  today: null,
};

/** Year tables in year order, whatever order the store kept them in (a year added later comes last there). */
const byYear = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

// A year's rows are turned into records once per state of the store: every page that lists runs
// asks for all of them. The store hands out the same rows until that year changes.
const decodedYears = new WeakMap<readonly unknown[], readonly unknown[]>();

function decodedRows<R, T>(rows: readonly R[], decode: (row: R) => T): readonly T[] {
  let records = decodedYears.get(rows) as readonly T[] | undefined;
  if (records === undefined) {
    records = rows.map(decode);
    decodedYears.set(rows, records);
  }
  return records;
}

export async function getProfile(): Promise<ProfileData> {
  return (await getEntry('profile', 'profile'))?.data ?? DEFAULT_PROFILE;
}

/** Every win, in the engine's order (the store keeps them as a table per year: see winYears). */
export async function getWins(): Promise<WinData[]> {
  return (await getCollection('winYear')).sort(byYear).flatMap((entry) => decodedRows(entry.data.rows, winFromRow));
}

/** Every run, in id order (the store keeps them as a table per year: see runYears). */
export async function getRuns(): Promise<RunData[]> {
  return (await getCollection('runYear')).sort(byYear).flatMap((entry) => decodedRows(entry.data.rows, runFromRow));
}

/** The rewards as published: earned in the order they were earned, then the ones ahead in file order. */
export async function getRewards(): Promise<RewardData[]> {
  return (await getCollection('rewards')).sort(byYear).map((entry) => entry.data);
}

/** A run's name for people: its title, or "Private run" — a private run's title never reaches a page. */
export function runName(run: Pick<RunData, 'title' | 'private' | 'race'>): string {
  if (run.private) return 'Private run';
  return run.title ?? run.race ?? 'Run';
}

/** A story's name for lists: the title its entry gives (the runner's words for the story), else its run's name. */
export function storyName(story: { data: Record<string, unknown> } | undefined, run: Pick<RunData, 'title' | 'private' | 'race'>): string {
  const own = story?.data.title;
  return !run.private && typeof own === 'string' && own.trim() !== '' ? own.trim() : runName(run);
}

/** What every page's layout shows, for page cache keys (see lib/site/page-keys.ts). */
export async function getLayoutInputs(): Promise<LayoutInputs> {
  return layoutInputs(await getProfile(), (await getCollection('goals')).map((entry) => entry.data));
}

/** A week's reflection as pages show it: its title, its Markdown rendered, and its words for an excerpt. */
export interface ReflectionData {
  title: string | null;
  html: string;
  body: string;
}

/** The runner's public week reflections, by ISO week. */
export async function getReflections(): Promise<Map<string, ReflectionData>> {
  const entries = await getCollection('reflections');
  return new Map(entries.map((entry) => [entry.id, { title: entry.data.title, html: entry.rendered?.html ?? '', body: entry.body ?? '' }]));
}

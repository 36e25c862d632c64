// Shared page data: the profile (with the journal's today) and small lookups every page needs.
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import { runFromStore, type RunEntry } from '../lib/site/collections.ts';
import { layoutInputs, type LayoutInputs } from '../lib/site/page-keys.ts';

export type ProfileData = CollectionEntry<'profile'>['data'];
export type WinData = CollectionEntry<'wins'>['data'];
export type RunData = RunEntry;

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

export async function getProfile(): Promise<ProfileData> {
  return (await getEntry('profile', 'profile'))?.data ?? DEFAULT_PROFILE;
}

export async function getWins(): Promise<WinData[]> {
  return (await getCollection('wins')).map((entry) => entry.data);
}

/** Every run, by id, each with all its fields (the store keeps them sparse). */
export async function getRuns(): Promise<RunData[]> {
  return (await getCollection('runs')).map((entry) => runFromStore(entry.id, entry.data)).sort((a, b) => a.id.localeCompare(b.id));
}

/** A run's name for people: its title, or "Private run" — a private run's title never reaches a page. */
export function runName(run: Pick<RunData, 'title' | 'private' | 'race'>): string {
  if (run.private) return 'Private run';
  return run.title ?? run.race ?? 'Run';
}

/** What every page's layout shows, for page cache keys (see lib/site/page-keys.ts). */
export async function getLayoutInputs(): Promise<LayoutInputs> {
  return layoutInputs(await getProfile(), (await getCollection('goals')).map((entry) => entry.data));
}

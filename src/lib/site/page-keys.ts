// Astro's incremental build (`experimental.incrementalBuild`) renders a page again only when its
// cache key changes, and tracks the code a page runs by itself. A key here is a hash of all the
// journal data the page shows: its props and what every page's layout shows. A rebuild after one
// more run then renders the pages that run changes, not the thousand that stay the same. The
// journal's "today" is in no key but the goal page's (weeks to go) and the wins list's first page's
// ("as of"): the pages without a key (home, progress) show it too, and are rendered every time.
// tests/trust/incremental-build.build.test.ts checks an incremental rebuild against a fresh build.
import { createHash } from 'node:crypto';
import type { IsoDate } from '../types.ts';

export interface NavGoal {
  slug: string;
  title: string;
}

/** The goal the site's navigation names: the next one as of `today`, else the latest. */
export function navigationGoal<G extends NavGoal & { date: IsoDate }>(goals: readonly G[], today: IsoDate | null): NavGoal | null {
  const byDate = [...goals].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const goal = byDate.find((g) => today !== null && g.date >= today) ?? byDate.at(-1);
  return goal ? { slug: goal.slug, title: goal.title } : null;
}

/** What the layout around every page shows: the profile (but its today) and the navigation's goal. */
export interface LayoutInputs {
  profile: Record<string, unknown>;
  navGoal: NavGoal | null;
}

export function layoutInputs<P extends { today: IsoDate | null }>(profile: P, goals: ReadonlyArray<NavGoal & { date: IsoDate }>): LayoutInputs {
  const { today, ...rest } = profile;
  return { profile: rest, navGoal: navigationGoal(goals, today) };
}

/**
 * The cache keys of pages shown inside `layout`: a key for each page's `inputs`. Plain
 * `JSON.stringify` is enough, without sorting keys: the same code builds the same objects in the
 * same key order, and a different order only renders a page needlessly.
 */
export function pageKeys(layout: LayoutInputs): (inputs: unknown) => string {
  const around = JSON.stringify(layout);
  return (inputs) => createHash('sha256').update(around).update('\n').update(JSON.stringify(inputs) ?? 'null').digest('base64url');
}

// The wins list: every win, newest first, a run's wins one entry, in pages of a fixed number of
// entries; the same list for each family of wins, which the family filter links to. Paths are
// relative to the site's base. What must hold: every win is on exactly one page of the list and
// exactly one page of its family's, the filter's counts are over all wins (not one page), and no
// list page can take the address of a win or a year (`/wins/<slug>/`, `/wins/<year>/` are one level
// deep; list pages are `/wins/`, `/wins/page/<n>/`, `/wins/family/<family>/` and `.../<n>/`).
import { WIN_FAMILIES, type WinFamily } from '../model/kinds.ts';
import { newestFirst } from './timeline.ts';
import { groupByRun, type RunWin } from './win-entries.ts';

/** Entries (a run's wins are one) per page: pages stay small however long the journal is. */
export const WIN_ENTRIES_PER_PAGE = 50;

export interface ListedWin extends RunWin {
  family: WinFamily;
}

export interface FamilyCount {
  family: WinFamily;
  count: number;
}

export interface WinListPage<T> {
  /** The family shown, or null for all wins. */
  family: WinFamily | null;
  /** From 1. */
  number: number;
  last: number;
  /** Every win of the list (all, or the family's): what the heading counts. */
  total: number;
  /** The page's wins, newest first; a run's wins are never split between pages. */
  wins: T[];
  path: string;
  prev: string | null;
  next: string | null;
}

/** The address of a page of the list, relative to the base: page 1 has none of its own. */
export function winListPath(family: WinFamily | null, page = 1): string {
  const list = family === null ? 'wins/' : `wins/family/${family}/`;
  if (page === 1) return list;
  return family === null ? `${list}page/${page}/` : `${list}${page}/`;
}

/** How many wins each family has, over all of them; families without a win are left out. */
export function familyCounts(wins: readonly ListedWin[]): FamilyCount[] {
  const counts = new Map<WinFamily, number>();
  for (const win of wins) counts.set(win.family, (counts.get(win.family) ?? 0) + 1);
  return WIN_FAMILIES.filter((family) => counts.has(family)).map((family) => ({ family, count: counts.get(family) ?? 0 }));
}

/** The pages of one list: all wins (`family` null) or one family's; always at least one page. */
export function winListPages<T extends ListedWin>(wins: readonly T[], family: WinFamily | null, perPage = WIN_ENTRIES_PER_PAGE): WinListPage<T>[] {
  const listed = family === null ? wins : wins.filter((win) => win.family === family);
  const entries = groupByRun(newestFirst(listed));
  const last = Math.max(1, Math.ceil(entries.length / perPage));
  return Array.from({ length: last }, (_, i) => {
    const number = i + 1;
    return {
      family,
      number,
      last,
      total: listed.length,
      wins: entries.slice(i * perPage, number * perPage).flatMap((entry) => [entry.lead, ...entry.others]),
      path: winListPath(family, number),
      prev: number > 1 ? winListPath(family, number - 1) : null,
      next: number < last ? winListPath(family, number + 1) : null,
    };
  });
}

/** Every page of the wins list and of each family's list that has wins. */
export function allWinListPages<T extends ListedWin>(wins: readonly T[], perPage = WIN_ENTRIES_PER_PAGE): WinListPage<T>[] {
  return [null, ...familyCounts(wins).map((c) => c.family)].flatMap((family) => winListPages(wins, family, perPage));
}

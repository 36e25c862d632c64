// The paged wins list on the sample journal's wins (from the real engine) and on a decade-sized
// list: every win on exactly one page of the list and one of its family's, the counts over all
// wins, small pages, and addresses that no win or year page can have.
import { resolve } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { allWinListPages, familyCounts, WIN_ENTRIES_PER_PAGE, winListPages, winListPath, type ListedWin, type WinListPage } from '../../src/lib/site/win-pages.ts';
import { groupByRun } from '../../src/lib/site/win-entries.ts';
import { readJournal } from '../../src/lib/journal/read-journal.ts';
import { findWins } from '../../src/lib/wins/find-wins.ts';
import { WIN_FAMILIES, type WinFamily } from '../../src/lib/model/kinds.ts';
import type { Win } from '../../src/lib/types.ts';

const DATA = resolve(import.meta.dirname, '../../data');
let sample: Win[];

beforeAll(async () => {
  const journal = await readJournal(DATA, { today: '2025-12-03' });
  sample = findWins(journal.runs, journal.goals, journal.profile);
}, 60_000);

/** A decade of wins: most days one, some runs several (a day's wins share the run). */
function decadeOfWins(count: number): ListedWin[] {
  const wins: ListedWin[] = [];
  for (let i = 0; wins.length < count; i++) {
    const date = new Date(Date.UTC(2016, 0, 4) + Math.floor(i / 2) * 86_400_000).toISOString().slice(0, 10);
    const run = `${date}${i % 2 ? '-2' : ''}`;
    for (let k = 0; k < 1 + (i % 3) && wins.length < count; k++) {
      wins.push({ slug: `${run}-w${k}`, kind: 'custom', family: WIN_FAMILIES[(i + k) % WIN_FAMILIES.length] as WinFamily, date, runs: [run], headline: k === 0 });
    }
  }
  return wins;
}

const slugsOf = (pages: WinListPage<ListedWin>[]) => pages.flatMap((page) => page.wins.map((win) => win.slug));
const sorted = (slugs: string[]) => [...slugs].sort();

function checkList(wins: readonly ListedWin[], family: WinFamily | null, pages: WinListPage<ListedWin>[]) {
  const listed = wins.filter((win) => family === null || win.family === family);
  // Every win of the list exactly once, newest first.
  const shown = slugsOf(pages);
  expect(shown).toHaveLength(listed.length);
  expect(sorted(shown)).toEqual(sorted(listed.map((win) => win.slug)));
  const dates = pages.flatMap((page) => page.wins.map((win) => win.date));
  expect(dates).toEqual([...dates].sort().reverse());
  pages.forEach((page, i) => {
    expect(page).toMatchObject({ family, number: i + 1, last: pages.length, total: listed.length, path: winListPath(family, i + 1) });
    expect(page.prev).toBe(i === 0 ? null : pages[i - 1]?.path);
    expect(page.next).toBe(pages[i + 1]?.path ?? null);
    // Small pages, and a run's wins on one page: regrouping a page gives whole entries.
    const entries = groupByRun(page.wins);
    expect(entries.length).toBeLessThanOrEqual(WIN_ENTRIES_PER_PAGE);
    if (i < pages.length - 1) expect(entries.length).toBe(WIN_ENTRIES_PER_PAGE);
  });
  const runsOnPages = pages.map((page) => new Set(page.wins.map((win) => `${win.runs[0]} ${win.date}`)));
  runsOnPages.forEach((runs, i) => runsOnPages.slice(i + 1).forEach((later) => expect([...runs].filter((run) => later.has(run))).toEqual([])));
}

describe('the wins list of the sample journal', () => {
  test('lists every win the engine found exactly once, over more than one page', () => {
    const pages = winListPages(sample, null);
    expect(pages.length).toBeGreaterThan(1);
    checkList(sample, null, pages);
  });

  test("each family's list holds exactly its wins, and the counts are the engine's totals per family", () => {
    const counts = familyCounts(sample);
    for (const family of WIN_FAMILIES) {
      const total = sample.filter((win) => win.family === family).length;
      expect({ family, count: counts.find((c) => c.family === family)?.count ?? 0 }).toEqual({ family, count: total });
      if (total > 0) checkList(sample, family, winListPages(sample, family));
    }
    expect(counts.reduce((sum, c) => sum + c.count, 0)).toBe(sample.length);
    expect(counts.every((c) => c.count > 0)).toBe(true);
  });

  test('every page has its own address; none is a win or a year page', () => {
    const paths = allWinListPages(sample).map((page) => page.path);
    expect(new Set(paths).size).toBe(paths.length);
    // A win's page and a year's are `wins/<one segment>/`: no list page has that shape.
    expect(paths.filter((path) => path.split('/').length === 3)).toEqual([]);
    const winPaths = new Set(sample.map((win) => `wins/${win.slug}/`));
    expect(paths.filter((path) => winPaths.has(path))).toEqual([]);
  });
});

describe('a decade of wins', () => {
  const wins = decadeOfWins(15_000);

  test('pages of 50 entries cover all 15,000 wins once, in each family too', () => {
    const all = winListPages(wins, null);
    checkList(wins, null, all);
    expect(all.length).toBe(Math.ceil(groupByRun([...wins].reverse()).length / WIN_ENTRIES_PER_PAGE));
    for (const { family } of familyCounts(wins)) checkList(wins, family, winListPages(wins, family));
  });
});

describe('addresses', () => {
  test('page 1 is the list itself; later pages sit one level below it', () => {
    expect([winListPath(null), winListPath(null, 2), winListPath('speed'), winListPath('speed', 3)]).toEqual(['wins/', 'wins/page/2/', 'wins/family/speed/', 'wins/family/speed/3/']);
  });

  test('an empty journal has one empty page', () => {
    expect(winListPages([], null)).toEqual([{ family: null, number: 1, last: 1, total: 0, wins: [], path: 'wins/', prev: null, next: null }]);
    expect(familyCounts([])).toEqual([]);
  });
});

// One run, one story: the wins one run earned are one entry in a list (the lead win's title, the
// others as labels), and the run's story is printed on its lead win's page only.

export interface RunWin {
  slug: string;
  kind: string;
  date: string;
  runs: readonly string[];
  headline: boolean;
}

/** A run's wins as one list entry: the lead first. */
export interface WinGroup<T> {
  lead: T;
  others: T[];
}

/** The run a win belongs to in lists; an anniversary belongs to its own day, not to a run. */
function runOf(win: RunWin): string | null {
  return win.kind === 'anniversary' ? null : (win.runs[0] ?? null);
}

/**
 * Consecutive wins of one run on one day become one entry, led by the first of them: in the
 * engine's order (and `newestFirst`'s) a day's headline wins come first.
 */
export function groupByRun<T extends RunWin>(wins: readonly T[]): WinGroup<T>[] {
  const groups: WinGroup<T>[] = [];
  let lastRun: string | null = null;
  let lastDate = '';
  for (const win of wins) {
    const run = runOf(win);
    const group = groups.at(-1);
    if (group && run !== null && run === lastRun && win.date === lastDate) group.others.push(win);
    else groups.push({ lead: win, others: [] });
    lastRun = run;
    lastDate = win.date;
  }
  return groups;
}

/** For each run that earned wins, the slug of its lead win (wins in the engine's order). */
export function leadWinOfRun(wins: readonly RunWin[]): Map<string, string> {
  const lead = new Map<string, string>();
  for (const win of wins) {
    const run = runOf(win);
    if (run !== null && win.date === run.slice(0, 10) && !lead.has(run)) lead.set(run, win.slug);
  }
  return lead;
}

/** The newest headline win (the home page's "latest win"), else the newest win; wins in engine order. */
export function latestHeadline<T extends RunWin>(wins: readonly T[]): T | undefined {
  let latest: T | undefined;
  // Engine order: by date, a day's headline wins first; `>` keeps the first of the last day.
  for (const win of wins) if (win.headline && (!latest || win.date > latest.date)) latest = win;
  return latest ?? wins.at(-1);
}

/** The first paragraph of a story's Markdown, as plain text: what a win page that is not the story's shows. */
export function firstParagraph(markdown: string): string {
  for (const block of markdown.split(/\r?\n\s*\r?\n/)) {
    const text = block.trim();
    // Headings, imports, components, lists, quotes and pictures are not the opening words.
    if (text === '' || /^(#|import\s|export\s|<|[-*+>|]|!\[|\d+\.\s)/.test(text)) continue;
    return text
      .replace(/\s*\r?\n\s*/g, ' ')
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/(\*\*|__|\*|_|`)(.+?)\1/g, '$2');
  }
  return '';
}

import { describe, expect, it } from 'vitest';
import { firstParagraph, groupByRun, latestHeadline, leadWinOfRun } from '../../src/lib/site/win-entries.ts';

const win = (slug: string, kind: string, runs: string[], headline = false) => ({ slug, kind, date: slug.slice(0, 10), runs, headline });

describe('one run, one entry', () => {
  // Engine order: by date, a day's headline first.
  const wins = [
    win('2024-03-09-first-4-km-nonstop', 'nonstop-first', ['2024-03-09'], true),
    win('2024-03-09-lake', 'custom', ['2024-03-09'], true),
    win('2024-03-09-biggest-week', 'biggest-week', ['2024-03-09-2']),
    win('2024-03-09-one-year-of-running', 'anniversary', ['2023-03-09'], true),
    win('2024-03-10-longest-run', 'longest-run', ['2024-03-10']),
  ];

  it('groups consecutive wins of one run and day, led by the first; an anniversary stands alone', () => {
    expect(groupByRun(wins).map((g) => [g.lead.slug, g.others.map((o) => o.slug)])).toEqual([
      ['2024-03-09-first-4-km-nonstop', ['2024-03-09-lake']],
      ['2024-03-09-biggest-week', []],
      ['2024-03-09-one-year-of-running', []],
      ['2024-03-10-longest-run', []],
    ]);
  });

  it("finds each run's lead win (where its story is printed) and the latest headline win", () => {
    expect([...leadWinOfRun(wins)]).toEqual([
      ['2024-03-09', '2024-03-09-first-4-km-nonstop'],
      ['2024-03-09-2', '2024-03-09-biggest-week'],
      ['2024-03-10', '2024-03-10-longest-run'],
    ]);
    expect(latestHeadline(wins)?.slug).toBe('2024-03-09-first-4-km-nonstop');
    expect(latestHeadline(wins.slice(4))?.slug).toBe('2024-03-10-longest-run');
  });

  it("takes a story's first paragraph as plain text, past headings and imports", () => {
    const body = "import Map from '../Map.astro';\n\n# The lake\n\nThe lake loop is **4.1 km**.\nFor two months I ran it in [pieces](x).\n\nMore.";
    expect(firstParagraph(body)).toBe('The lake loop is 4.1 km. For two months I ran it in pieces.');
  });
});

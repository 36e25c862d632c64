// The runner's week reflections (`weeks/2025-W44.md`), read from real files on disk: what is
// read, what is kept for the site, and every problem with its path and line.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readJournal } from '../../src/lib/journal/read-journal.ts';
import { formatProblem } from '../../src/lib/journal/problems.ts';
import { siteCollections } from '../../src/lib/site/collections.ts';

// Runs on Tuesday 28 October 2025 (2025-W44) and Monday 3 November 2025 (2025-W45); none in 2025-W46.
const RUNS = 'date,distance,time\n2025-10-28,10,55:00\n2025-11-03,8,44:00\n';

const made: string[] = [];

async function journalWith(weeks: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'small-wins-reflections-'));
  made.push(dir);
  await writeFile(join(dir, 'runs.csv'), RUNS);
  await mkdir(join(dir, 'weeks'));
  for (const [name, text] of Object.entries(weeks)) await writeFile(join(dir, 'weeks', name), text);
  return dir;
}

/** Problems as `check` prints them, without the temporary folder. */
function lines(dir: string, problems: Parameters<typeof formatProblem>[0][]): string[] {
  return problems.map((p) => formatProblem({ ...p, path: p.path.slice(p.path.indexOf('weeks/')) }));
}

afterEach(async () => {
  for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('week reflections', () => {
  it('reads a reflection with or without front matter, its title and privacy', async () => {
    const dir = await journalWith({
      '2025-W44.md': '---\ntitle: A good week\n---\nLegs felt **light** all week.\n',
      '2025-W45.md': 'No front matter, just words.\n',
    });
    const journal = await readJournal(dir);
    expect(journal.errors).toEqual([]);
    expect(journal.warnings).toEqual([]);
    expect(journal.reflections.map(({ week, title, body, private: hidden }) => ({ week, title, body, hidden }))).toEqual([
      { week: '2025-W44', title: 'A good week', body: 'Legs felt **light** all week.\n', hidden: false },
      { week: '2025-W45', title: null, body: 'No front matter, just words.\n', hidden: false },
    ]);
  });

  it('keeps a private reflection out of what the site is given', async () => {
    const dir = await journalWith({ '2025-W44.md': '---\nprivate: yes\n---\nOnly for me.\n', '2025-W45.md': 'Public words.\n' });
    const journal = await readJournal(dir);
    expect(journal.reflections.map((r) => [r.week, r.private])).toEqual([['2025-W44', true], ['2025-W45', false]]);
    const site = siteCollections(journal, []);
    expect(site.reflections).toEqual([{ week: '2025-W45', title: null, body: 'Public words.\n' }]);
    expect(JSON.stringify(site)).not.toContain('Only for me');
  });

  it('names a file that is not a real ISO week, with what was expected', async () => {
    const dir = await journalWith({ '2025-W54.md': 'x\n', '2025-w44.md': 'x\n', '2025-W4.md': 'x\n', 'october.md': 'x\n' });
    const journal = await readJournal(dir);
    expect(lines(dir, journal.errors)).toEqual([
      'weeks/2025-W4.md:1: file name: got "2025-W4.md", expected the week written 2025-W04.md (four-digit year, capital W, two-digit week)',
      'weeks/2025-W54.md:1: file name: got "2025-W54.md", expected a week that 2025 has (2025-W01 to 2025-W52), like 2025-W44.md',
      'weeks/2025-w44.md:1: file name: got "2025-w44.md", expected the week written 2025-W44.md (four-digit year, capital W, two-digit week)',
      'weeks/october.md:1: file name: got "october.md", expected a file named by its ISO week, like 2025-W44.md',
    ]);
    expect(journal.reflections).toEqual([]);
  });

  it('accepts week 53 in a year that has one', async () => {
    const dir = await journalWith({ '2020-W53.md': 'x\n' });
    const journal = await readJournal(dir);
    expect(journal.errors).toEqual([]);
    // 2020-W53 is real but has no runs here: a warning, not an error about its name.
    expect(lines(dir, journal.warnings)).toEqual([
      'weeks/2020-W53.md:1: file name: got "2020-W53", expected a week with runs (2020-W53 has none, so it gets no post and this reflection would never be shown)',
    ]);
  });

  it('warns that a reflection for a week without runs would never be shown', async () => {
    const dir = await journalWith({ '2025-W46.md': 'A week off.\n', '2025-W44.md': 'Shown.\n' });
    const journal = await readJournal(dir);
    expect(journal.errors).toEqual([]);
    expect(lines(dir, journal.warnings)).toEqual([
      'weeks/2025-W46.md:1: file name: got "2025-W46", expected a week with runs (2025-W46 has none, so it gets no post and this reflection would never be shown)',
    ]);
    expect(journal.reflections.map((r) => r.week)).toEqual(['2025-W44']);
  });

  it('finds a week\'s runs on its Monday and its Sunday, across the turn of a year', async () => {
    // 2025-W01 runs Monday 30 December 2024 to Sunday 5 January 2025; 2026-W53 ends Sunday 3 January 2027.
    const dir = await journalWith({ '2025-W01.md': 'Monday.\n', '2026-W53.md': 'Sunday.\n', '2025-W02.md': 'None.\n' });
    await writeFile(join(dir, 'runs.csv'), 'date,distance,time\n2024-12-30,5,30:00\n2027-01-03,6,36:00\n2025-01-13,5,30:00\n');
    const journal = await readJournal(dir);
    expect(journal.errors).toEqual([]);
    expect(journal.reflections.map((r) => r.week)).toEqual(['2025-W01', '2026-W53']);
    // 2025-W02 is 6 to 12 January: the run of the 13th is the next week's.
    expect(lines(dir, journal.warnings)).toEqual([expect.stringMatching(/^weeks\/2025-W02\.md:1: file name: got "2025-W02", expected a week with runs/)]);
  });

  it('reports bad front matter, a malformed private flag and unknown fields at their lines', async () => {
    const dir = await journalWith({
      '2025-W44.md': '---\ntitle: fine\nprivate: maybe\n---\nWords.\n',
      '2025-W45.md': '---\ntitle: [unclosed\n---\nWords.\n',
      '2025-W43.md': '---\ntitle: ok\nmood: great\n---\nWords.\n',
    });
    const journal = await readJournal(dir);
    const errors = lines(dir, journal.errors);
    expect(errors[0]).toBe('weeks/2025-W44.md:3: private: got "maybe", expected yes or no');
    expect(errors[1]).toMatch(/^weeks\/2025-W45\.md:\d+: front matter: expected valid YAML \(/);
    expect(errors).toHaveLength(2);
    expect(lines(dir, journal.warnings)).toContain(
      'weeks/2025-W43.md:3: mood: expected title or private (a reflection has no other fields; this one is not used)',
    );
    // A reflection with an error is not shown (and not taken as public by mistake).
    expect(journal.reflections.map((r) => r.week)).toEqual([]);
  });

  it('takes one reflection per week', async () => {
    const dir = await journalWith({ '2025-W44.md': 'First.\n', '2025-W44.MD': 'Second.\n' });
    const journal = await readJournal(dir);
    expect(lines(dir, journal.errors)).toEqual([expect.stringMatching(/^weeks\/2025-W44\.md:1: file name: got "2025-W44", expected one reflection per week \(.*weeks\/2025-W44\.MD is also 2025-W44\)$/)]);
    expect(journal.reflections.map((r) => r.body)).toEqual(['Second.\n']);
  });

  it('says an MDX reflection is not read', async () => {
    const dir = await journalWith({ '2025-W44.mdx': 'Words.\n' });
    const journal = await readJournal(dir);
    expect(lines(dir, journal.warnings)).toEqual(['weeks/2025-W44.mdx: expected a .md file (a reflection is Markdown; this file is not read)']);
    expect(journal.reflections).toEqual([]);
  });
});

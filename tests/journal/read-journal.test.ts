import { describe, expect, it } from 'vitest';
import { readJournal } from '../../src/lib/journal/read-journal.ts';
import { formatSummaryLine, summarizeJournal } from '../../src/lib/journal/summary.ts';
import { formatProblem } from '../../src/lib/journal/problems.ts';
import { FIXTURES, located } from './helpers.ts';

describe('a good journal', async () => {
  const journal = await readJournal(`${FIXTURES}/good`);

  it('has no problems', () => {
    expect(journal.errors).toEqual([]);
    expect(journal.warnings).toEqual([]);
  });

  it('reads every CSV and the entries that are runs, sorted by id', () => {
    expect(journal.runs.map((r) => r.id)).toEqual([
      '2024-01-06',
      '2024-01-09',
      '2024-01-13',
      '2024-01-13-2',
      '2024-01-20',
      '2024-02-03',
      '2024-02-06',
      '2024-02-08',
      '2024-02-09',
      '2024-02-10',
    ]);
    expect(journal.runs.map((r) => r.source.path.replace(`${FIXTURES}/good/`, ''))).toEqual([
      ...Array(7).fill('runs.csv'),
      'more-runs.csv',
      'more-runs.csv',
      'journal/2024/2024-02-10-trail.mdx',
    ]);
  });

  it('turns an entry with a distance into a run whose story is its body', () => {
    const trail = journal.runs.find((r) => r.id === '2024-02-10');
    expect(trail).toMatchObject({
      startTime: '09:00:00',
      distance: 12500,
      time: 5400,
      elevation: 610,
      tags: ['trail', 'hills'],
      private: true,
      storyId: 'journal/2024/2024-02-10-trail',
      source: { path: `${FIXTURES}/good/journal/2024/2024-02-10-trail.mdx`, line: 1, kind: 'markdown' },
    });
    // A field the journal does not know is kept, as a CSV's `shoes` column is (a `track:` naming no
    // file would be a warning: tests/imports/journal.test.ts).
    expect(trail?.extra).toEqual({ shoes: 'Speedgoat' });
    const story = journal.stories.find((s) => s.id === 'journal/2024/2024-02-10-trail');
    expect(story).toMatchObject({ runId: '2024-02-10', format: 'mdx', title: 'Sintra trail', private: true });
    expect(story?.body).toContain('Mist on the hills.');
  });

  it('attaches entries without a distance to the run of their date', () => {
    expect(journal.stories.map((s) => [s.id, s.runId, s.format])).toEqual([
      ['journal/2024-01-13-parkrun', '2024-01-13', 'md'],
      ['journal/2024-01-20-first-4k', '2024-01-20', 'md'],
      ['journal/2024/2024-02-10-trail', '2024-02-10', 'mdx'],
    ]);
    const first4k = journal.runs.find((r) => r.id === '2024-01-20');
    // The CSV's own fields stay; the story fills what the CSV left empty.
    expect(first4k).toMatchObject({ storyId: 'journal/2024-01-20-first-4k', title: 'Four without stopping', win: 'first 4 km without stopping', tags: ['milestone'], feeling: 5 });
    const parkrun = journal.runs.find((r) => r.id === '2024-01-13');
    expect(parkrun).toMatchObject({ storyId: 'journal/2024-01-13-parkrun', feeling: 4 });
  });

  it('reads the profile and the goal', () => {
    expect(journal.profile).toEqual({
      name: 'Ana Lima',
      title: "Ana's small wins",
      site: 'https://ana.example.org/runs',
      units: 'km',
      weekStart: 'sunday',
      timezone: 'Europe/Lisbon',
      locale: 'pt-PT',
      about: 'I started running at 41, one lamp post at a time.',
      fonts: ['fonts/Inter-latin-500.woff'],
      privacyTrim: 300,
    });
    expect(journal.goals).toEqual([
      {
        slug: 'first-50k',
        title: 'My first 50K',
        date: '2025-10-12',
        distance: 50000,
        time: null,
        elevation: 2100,
        start: '2025-05-01',
        body: 'Because a year ago I could not run to the corner.',
        source: { path: `${FIXTURES}/good/goals/first-50k.md`, line: 1, kind: 'markdown' },
      },
    ]);
  });

  it('takes "today" from the last run, or from the option', async () => {
    expect(journal.today).toBe('2024-02-10');
    expect((await readJournal(`${FIXTURES}/good`, { today: '2024-06-01' })).today).toBe('2024-06-01');
  });

  it('summarises as the check JSON and one line', () => {
    const summary = summarizeJournal(journal);
    const total = journal.runs.reduce((sum, r) => sum + r.distance, 0);
    expect(summary).toEqual({
      runs: 10,
      distance: Math.round(total),
      firstDate: '2024-01-06',
      lastDate: '2024-02-10',
      journalEntries: 3,
      goals: 1,
      rewards: 0,
      skipped: {},
      merged: 0,
      errors: [],
      warnings: [],
    });
    expect(formatSummaryLine(summary, 'km')).toBe(`10 runs from 2024-01-06 to 2024-02-10, ${(total / 1000).toFixed(1)} km, 3 journal entries, 1 goal`);
  });

  it('is the same whatever the order files are listed in (reading twice gives equal journals)', async () => {
    expect(await readJournal(`${FIXTURES}/good`)).toEqual(journal);
  });
});

describe('a bad journal', async () => {
  const dir = `${FIXTURES}/bad`;
  const journal = await readJournal(dir);
  const byFile = (file: string) => journal.errors.filter((p) => p.path === `${dir}/${file}`);

  it('reports every error of every file at once, sorted by file and line', () => {
    expect(journal.errors.map(formatProblem)).toEqual([...journal.errors].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : (a.line ?? 0) - (b.line ?? 0))).map(formatProblem));
    expect(journal.errors).toHaveLength(25);
    expect(located(byFile('journal/bad-fields.md'))).toEqual([
      [3, 'distance', '10,5'],
      [4, 'feeling', '0'],
    ]);
    expect(located(byFile('profile.md'))).toEqual([
      [3, 'units', 'miles'],
      [4, 'week_start', 'tuesday'],
    ]);
    expect(located(byFile('goals/bad-goal.md'))).toEqual([
      [1, 'title', ''],
      [2, 'date', '2025-13-01'],
    ]);
    expect(located(byFile('journal/orphan.md'))).toEqual([[2, 'date', '2024-04-01']]);
    expect(located(byFile('journal/ambiguous.md'))).toEqual([[2, 'date', '2024-03-12']]);
  });

  it('formats problems as path:line: field: got "X", expected Y', () => {
    expect(formatProblem(byFile('journal/orphan.md')[0]!)).toBe(
      `${dir}/journal/orphan.md:2: date: got "2024-04-01", expected a run on that day (in a CSV or an import) for this story to attach to`,
    );
    expect(formatProblem({ severity: 'error', path: 'data', line: null, field: null, value: null, message: 'expected a journal folder' })).toBe(
      'data: expected a journal folder',
    );
  });

  it('warns about implausible runs without failing them', () => {
    expect(journal.warnings.map((p) => [p.line, p.field, p.value, p.message])).toEqual([
      [15, 'time', '10:00', 'expected a time slower than the world record for 5 km (12:35, 2:31 /km; this is 2:00 /km): until its distance and time are checked, it earns no win and sets no record'],
      [16, 'distance', '300 km', 'expected a run of 250 km or less (check the unit)'],
      [18, 'date', '2024-03-12', `expected one line per run (same distance and time as ${dir}/runs.csv:17)`],
    ]);
    expect(journal.runs.map((r) => r.source.line)).toContain(15);
  });

  it('falls back to default units when the profile names unknown ones', () => {
    expect(journal.profile).toMatchObject({ name: 'Sam', units: 'km', weekStart: 'monday' });
  });
});

describe('story attachment', async () => {
  const dir = `${FIXTURES}/stories`;
  const journal = await readJournal(dir);
  const runOf = (storyId: string) => journal.stories.find((s) => s.id === storyId)?.runId;

  it('picks among several runs by start time, then by title', () => {
    expect(runOf('journal/by-time')).toBe('2024-05-01-2');
    expect(journal.runs.find((r) => r.id === '2024-05-01-2')?.title).toBe('Evening strides');
    expect(runOf('journal/by-title')).toBe(journal.runs.find((r) => r.title === 'Long run')?.id);
  });

  it('attaches to the only run of the day whatever its title, filling empty fields', () => {
    expect(runOf('journal/2024-05-03-a')).toBe('2024-05-03');
    expect(journal.runs.find((r) => r.id === '2024-05-03')).toMatchObject({
      title: 'Tempo',
      feeling: 4,
      win: 'held 5:00/km',
      tags: ['road', 'tempo'],
      storyId: 'journal/2024-05-03-a',
    });
    expect(journal.stories.find((s) => s.id === 'journal/2024-05-03-a')?.title).toBe('A tempo to remember');
  });

  it('an entry that is a run keeps its own story; another entry of that day takes the CSV run', () => {
    expect(runOf('journal/2024/05-05-solo')).toBe('2024-05-05-2');
    expect(journal.runs.find((r) => r.id === '2024-05-05-2')?.source.kind).toBe('markdown');
    expect(runOf('journal/05-05-club')).toBe('2024-05-05');
    expect(journal.runs.find((r) => r.id === '2024-05-05')?.title).toBe('Club run');
  });

  it('names the file when a story attaches to nothing, to too many, or to a run that has one', () => {
    expect(journal.errors.map((p) => [p.path.replace(`${dir}/`, ''), p.line, p.field, p.value])).toEqual([
      ['journal/2024-05-03-b.md', 2, 'date', '2024-05-03'],
      ['journal/ambiguous.md', 2, 'date', '2024-05-04'],
      ['journal/nowhere.md', 2, 'date', '2024-05-09'],
    ]);
    expect(journal.errors.map((p) => p.message)).toEqual([
      'expected one story per run (journal/2024-05-03-a already tells the run 2024-05-03)',
      "expected one run on that day, but 2 match: give the start time (date: 2024-05-04T07:30) or the run's title",
      'expected a run on that day (in a CSV or an import) for this story to attach to',
    ]);
  });

  it('uses the default profile when there is no profile.md', () => {
    expect(journal.profile).toEqual({
      name: 'A runner',
      title: 'Small Wins',
      site: null,
      units: 'km',
      weekStart: 'monday',
      timezone: 'UTC',
      locale: 'en',
      about: '',
      fonts: [],
      privacyTrim: 500,
    });
  });
});

describe('empty and missing journals', () => {
  it('an empty folder is an empty journal, not a crash', async () => {
    const journal = await readJournal(`${FIXTURES}/empty`);
    expect(summarizeJournal(journal)).toEqual({
      runs: 0,
      distance: 0,
      firstDate: null,
      lastDate: null,
      journalEntries: 0,
      goals: 0,
      rewards: 0,
      skipped: {},
      merged: 0,
      errors: [],
      warnings: [],
    });
    expect(journal.today).toBeNull();
  });

  it('a missing folder is one whole-folder error', async () => {
    const journal = await readJournal(`${FIXTURES}/no-such-folder`);
    expect(journal.errors).toEqual([
      { severity: 'error', path: `${FIXTURES}/no-such-folder`, line: null, field: null, value: null, message: 'expected a journal folder (it does not exist)' },
    ]);
  });
});

describe('the sample journal in data/', () => {
  it('parses with no error', async () => {
    const journal = await readJournal('data');
    expect(journal.errors.map(formatProblem)).toEqual([]);
    expect(journal.runs.length).toBeGreaterThan(0);
  });
});

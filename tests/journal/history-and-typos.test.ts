// The profile's history (`running_since`, `bests`), the pace-typo warning and the year-typo error,
// read from journal folders written to disk, as `check` and the site read them.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readJournal } from '../../src/lib/journal/read-journal.ts';
import { formatProblem } from '../../src/lib/journal/problems.ts';
import { findWins } from '../../src/lib/wins/find-wins.ts';
import { readJournalAndWins } from '../../src/utils/journal-reading.ts';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function journalDir(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'small-wins-history-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    await mkdir(join(dir, name, '..'), { recursive: true });
    await writeFile(join(dir, name), text);
  }
  return dir;
}

const HEADER = 'date,distance,time,type,race';

describe('profile history', () => {
  it('reads running_since (a year or a date) and bests in the profile unit', async () => {
    const dir = await journalDir({
      'profile.md': ['---', 'units: mi', 'running_since: 2015', 'bests:', '  5k: "18:29"', '  Marathon: 2:58:40', '  half: 1:24:10', '  longest: 26.2', '---', ''].join('\n'),
      'runs.csv': `${HEADER}\n2024-03-01,3,24:00,,\n`,
    });
    const journal = await readJournal(dir);
    expect(journal.errors).toEqual([]);
    expect(journal.profile.runningSince).toBe('2015-01-01');
    expect(journal.profile.bests).toEqual({
      longest: 26.2 * 1609.344,
      times: { '5k': 18 * 60 + 29, marathon: 2 * 3600 + 58 * 60 + 40, 'half-marathon': 3600 + 24 * 60 + 10 },
    });
    // A mid-career journal: its first run is no "First run", and 3 miles is no first.
    const wins = findWins(journal.runs, journal.goals, journal.profile);
    expect(wins.map((w) => w.kind)).not.toContain('first-run');
    expect(wins.map((w) => w.kind)).not.toContain('distance-first');
  });

  it('names the file, line and field of a bad history', async () => {
    const dir = await journalDir({
      'profile.md': ['---', 'running_since: last spring', 'bests:', '  5k: fast', '  10 km: 40:00', '  longest: far', '---', ''].join('\n'),
      'runs.csv': `${HEADER}\n2024-03-01,5,25:00,,\n`,
    });
    const journal = await readJournal(dir);
    expect(journal.errors.map((p) => [p.line, p.field, p.value])).toEqual([
      [2, 'running_since', 'last spring'],
      [4, 'bests.5k', 'fast'],
      [5, 'bests.10 km', null],
      [6, 'bests.longest', 'far'],
    ]);
    expect(formatProblem(journal.errors[2]!)).toContain('a best named one of: longest, mile');
  });

  it('a date in running_since counts the anniversaries from it', async () => {
    const dir = await journalDir({
      'profile.md': ['---', 'running_since: 2019-05-20', '---', ''].join('\n'),
      'runs.csv': `${HEADER}\n2024-03-01,5,25:00,,\n2024-06-01,5,25:00,,\n2025-06-01,5,25:00,,\n`,
    });
    const journal = await readJournal(dir);
    const wins = findWins(journal.runs, journal.goals, journal.profile);
    expect(wins.filter((w) => w.kind === 'anniversary').map((w) => `${w.date} ${w.title}`)).toEqual([
      '2024-05-20 5 years of running',
      '2025-05-20 6 years of running',
    ]);
  });
});

describe('pace typos', () => {
  const steady = Array.from({ length: 12 }, (_, i) => `2024-03-${String(i + 1).padStart(2, '0')},5,27:30,,`);

  it('warns of a pace 20% faster than any earlier run at a similar distance, naming path:line; the run still counts', async () => {
    // Line 14: 5 km in 21:00 after twelve runs at 27:30 (24% faster). Line 15: 10 km at a
    // usual pace, no similar distance before it: no warning.
    const dir = await journalDir({
      'runs.csv': [HEADER, ...steady, '2024-03-13,5,21:00,,', '2024-03-14,10,58:00,,', ''].join('\n'),
    });
    const journal = await readJournal(dir);
    expect(journal.warnings.map(formatProblem)).toEqual([
      expect.stringMatching(new RegExp(`^${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/runs\\.csv:14: time: got "21:00", expected a pace near your own \\(this is 4:12 /km over 5 km, 24% faster than your best at a similar distance, 5:30 /km`)),
    ]);
    const wins = findWins(journal.runs, journal.goals, journal.profile);
    expect(wins.filter((w) => w.date === '2024-03-13').map((w) => w.title)).toEqual(['Sub-22:30 5K']);
  });

  it('is quiet before ten runs, and for a run 19% faster', async () => {
    const early = await journalDir({ 'runs.csv': [HEADER, ...steady.slice(0, 9), '2024-03-13,5,20:00,,', ''].join('\n') });
    expect((await readJournal(early)).warnings).toEqual([]);
    const close = await journalDir({ 'runs.csv': [HEADER, ...steady, '2024-03-13,5,22:20,,', ''].join('\n') });
    expect((await readJournal(close)).warnings).toEqual([]);
  });

  it('compares a race with earlier races only: a first race at full effort is no typo, a parkrun logged in miles is', async () => {
    const dir = await journalDir({
      'profile.md': '---\nunits: mi\n---\n',
      'runs.csv': [
        HEADER,
        ...Array.from({ length: 12 }, (_, i) => `2024-03-${String(i + 1).padStart(2, '0')},${i % 2 ? 3.1 : 5},${i % 2 ? '33:00' : '55:00'},,`),
        // Line 14: the first parkrun, 25% faster than training: no warning.
        '2024-03-16,3.1,24:30,race,Lakeside parkrun',
        // Line 15: the next one logged as 5 (miles) instead of 5 km: a warning.
        '2024-03-23,5,24:10,race,Lakeside parkrun',
        '',
      ].join('\n'),
    });
    const journal = await readJournal(dir);
    expect(journal.warnings.map((p) => [p.line, p.field, p.value])).toEqual([[15, 'time', '24:10']]);
    expect(formatProblem(journal.warnings[0]!)).toContain('this is 4:50 /mi over 5 mi, 56% faster than your best at a similar distance, 11:00 /mi');
  });

  it('is for hand-written rows: a device recording 24% faster is measured, not typed, and still sets the record a row is held to', async () => {
    const IMPORTED = 'date,distance,time,title,type,elevation,temperature,notes,private,virtual,win,source,efforts,route';
    const dir = await journalDir({
      'runs.csv': [HEADER, ...steady, '2024-03-20,5,21:10,,', ''].join('\n'),
      // A fast recorded 5 km after the twelve steady ones: no warning of its own.
      'imported/strava.csv': `${IMPORTED}\n2024-03-13T07:00:00,5000 m,21:00,Fast one,Run,,,,,,,strava:1,,\n`,
    });
    const journal = await readJournal(dir);
    expect(journal.errors).toEqual([]);
    // The row of 2024-03-20 (line 14) at 21:10 is within 20% of the recorded 21:00: quiet too.
    expect(journal.warnings.map(formatProblem)).toEqual([]);
    expect(journal.runs.map((run) => run.source.kind)).toContain('strava');
  });
});

describe('year typos', () => {
  const weekly = (from: number, weeks: number): string[] =>
    Array.from({ length: weeks }, (_, i) => `${new Date(Date.UTC(from, 0, 1 + 7 * i)).toISOString().slice(0, 10)},5,30:00,,`);

  it('a date more than a year past the run before it and past today is an error at its line, and the site gets no wins', async () => {
    // Line 5 of runs.csv: 9999 for 2024, between runs of March 2024.
    const dir = await journalDir({
      'runs.csv': [HEADER, '2024-03-01,5,30:00,,', '2024-03-04,6,36:00,,', '2024-03-07,5,29:40,,', '9999-03-10,8,48:00,,', '2024-03-12,5,29:30,,', ''].join('\n'),
    });
    for (const today of [null, '2024-03-20']) {
      const { journal, wins } = await readJournalAndWins(dir, today);
      expect(journal.errors).toEqual([
        expect.objectContaining({ severity: 'error', path: `${dir}/runs.csv`, line: 5, field: 'date', value: '9999-03-10' }),
      ]);
      expect(wins).toEqual([]);
    }
    const { journal } = await readJournalAndWins(dir, '2024-03-20');
    expect(formatProblem(journal.errors[0]!)).toBe(
      `${dir}/runs.csv:5: date: got "9999-03-10", expected a date by 2025-03-20 (a year after today) or within a year of the latest run before it (2024-03-12): the year looks like a typo`,
    );
  });

  it('a journal that goes on past a today set in the past, and a comeback after years away, are no typo', async () => {
    // Three years of weekly runs, read as of its first spring: each run is within a year of the one before.
    const onward = await journalDir({ 'runs.csv': [HEADER, ...weekly(2022, 156), ''].join('\n') });
    expect((await readJournal(onward, { today: '2022-04-01' })).errors).toEqual([]);
    // Three years without a run, then back: dated before a year after today (the clock's, or set).
    const comeback = await journalDir({ 'runs.csv': [HEADER, ...weekly(2019, 10), ...weekly(2023, 10), ''].join('\n') });
    expect((await readJournal(comeback)).errors).toEqual([]);
    expect((await readJournal(comeback, { today: '2023-03-20' })).errors).toEqual([]);
    // The same comeback read as of a day before it: more than a year past both, so each of its runs is named.
    const early = await readJournal(comeback, { today: '2020-06-01' });
    expect(early.errors.map((p) => [p.line, p.field, p.value])).toEqual(weekly(2023, 10).map((row, i) => [12 + i, 'date', row.slice(0, 10)]));
  });
});

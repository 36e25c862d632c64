// The benchmark's synthetic journals: reproducible for a seed, read by the real journal reader
// with no errors, and shaped like real running (weekly rhythm, breaks, races, stories, a goal).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateJournal, journalFiles, nextRunRecord, type GeneratedJournal } from '../../scripts/bench/lib/generate-journal.ts';
import { JOURNAL_SIZES } from '../../scripts/bench/lib/sizes.ts';
import { daysBetween, weekStartOf } from '../../src/lib/format/dates.ts';
import { readJournal } from '../../src/lib/journal/read-journal.ts';
import type { Journal } from '../../src/lib/types.ts';
import { writeJournal } from '../../scripts/bench/journals.ts';

const scratch = mkdtempSync(join(tmpdir(), 'small-wins-bench-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('generateJournal: reproducible', () => {
  it('gives the same files for the same seed, and different ones for another seed', () => {
    const a = generateJournal({ runs: 500, seed: 7, startDate: '2020-01-06' });
    const b = generateJournal({ runs: 500, seed: 7, startDate: '2020-01-06' });
    const c = generateJournal({ runs: 500, seed: 8, startDate: '2020-01-06' });
    expect(journalFiles(b)).toEqual(journalFiles(a));
    expect(c.csv).not.toBe(a.csv);
  });

  it('writes exactly the requested number of runs, starting on or after the start date', () => {
    for (const runs of [1, 37, 300]) {
      const journal = generateJournal({ runs, seed: runs, startDate: '2021-03-01' });
      expect(journal.summary.runs).toBe(runs);
      expect(journal.csv.trimEnd().split('\n')).toHaveLength(runs + 1);
      expect(daysBetween('2021-03-01', journal.summary.firstDate)).toBeGreaterThanOrEqual(0);
    }
  });
});

describe.each([
  { size: 'small' as const, runsPerWeek: [2, 7] as const, years: [0.8, 2] as const },
  { size: 'decade' as const, runsPerWeek: [5, 11] as const, years: [9.5, 10.5] as const },
])('the $size journal, read by the journal reader', ({ size, runsPerWeek, years }) => {
  let generated: GeneratedJournal;
  let journal: Journal;
  let dir: string;

  beforeAll(async () => {
    generated = generateJournal(JOURNAL_SIZES[size]);
    dir = join(scratch, size);
    writeJournal(dir, generated);
    journal = await readJournal(dir);
  });

  it('parses with no errors, every run and story accounted for', () => {
    expect(journal.errors).toEqual([]);
    expect(journal.runs).toHaveLength(JOURNAL_SIZES[size].runs);
    expect(journal.stories).toHaveLength(generated.summary.stories);
    expect(generated.summary.stories).toBeGreaterThan(0);
    expect(journal.runs.filter((run) => run.storyId !== null)).toHaveLength(generated.summary.stories);
  });

  it('has a goal after the last run and a profile', () => {
    expect(journal.goals).toHaveLength(1);
    const goal = journal.goals[0]!;
    expect(daysBetween(journal.today!, goal.date)).toBeGreaterThan(0);
    expect(goal.distance).toBeGreaterThan(20_000);
    expect(journal.profile.name).toBe('Sam Rivers');
  });

  it('spans the intended years with a realistic number of runs per running week', () => {
    const first = journal.runs[0]!.date;
    const last = journal.runs.at(-1)!.date;
    const spanYears = daysBetween(first, last) / 365.25;
    expect(spanYears).toBeGreaterThanOrEqual(years[0]);
    expect(spanYears).toBeLessThanOrEqual(years[1]);
    const perWeek = new Map<string, number>();
    for (const run of journal.runs) {
      const week = weekStartOf(run.date, 'monday');
      perWeek.set(week, (perWeek.get(week) ?? 0) + 1);
    }
    const counts = [...perWeek.values()].sort((a, b) => a - b);
    const median = counts[Math.floor(counts.length / 2)]!;
    expect(median).toBeGreaterThanOrEqual(runsPerWeek[0]);
    expect(median).toBeLessThanOrEqual(runsPerWeek[1]);
    // Rest weeks: the volume is not flat.
    expect(counts[0]!).toBeLessThan(counts.at(-1)!);
  });

  it('has an injury break of two weeks or more, and runs again after it', () => {
    let longestGap = 0;
    for (let i = 1; i < journal.runs.length; i++) {
      longestGap = Math.max(longestGap, daysBetween(journal.runs[i - 1]!.date, journal.runs[i]!.date));
    }
    expect(longestGap).toBeGreaterThanOrEqual(14);
    expect(generated.summary.breaks.length).toBeGreaterThan(0);
  });

  it('has races of standard distances, and beginner runs with walk breaks', () => {
    const races = journal.runs.filter((run) => run.isRace);
    expect(races.length).toBe(generated.summary.races);
    expect(races.length).toBeGreaterThanOrEqual(size === 'small' ? 2 : 20);
    expect(races.some((run) => Math.abs(run.distance - 5000) < 50)).toBe(true);
    expect(journal.runs.slice(0, 20).some((run) => run.nonstop === false)).toBe(true);
    expect(journal.runs.every((run) => run.time !== null && run.time > 0)).toBe(true);
  });

  it('accepts one more appended run', async () => {
    const appended = join(scratch, `${size}-appended`);
    writeJournal(appended, generated);
    const csv = join(appended, 'runs.csv');
    writeFileSync(csv, readFileSync(csv, 'utf8') + nextRunRecord(generated, 1));
    const more = await readJournal(appended);
    expect(more.errors).toEqual([]);
    expect(more.runs).toHaveLength(journal.runs.length + 1);
    expect(daysBetween(journal.today!, more.today!)).toBe(1);
  });
});

// Why a win counts, in one sentence from the run's own figures, for the sample journal's wins.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Journal, Run, Win } from '../../src/lib/types.ts';
import { readJournal } from '../../src/lib/journal/read-journal.ts';
import { findWins } from '../../src/lib/wins/find-wins.ts';
import { WIN_KINDS } from '../../src/lib/model/kinds.ts';
import { beatenKind, beatenWords, previousStep, recordWhen, runConditions, whyItCounts } from '../../src/lib/wins/why.ts';

let journal: Journal;
let wins: Win[];
let runs: Map<string, Run>;

beforeAll(async () => {
  journal = await readJournal('data', { today: null });
  wins = findWins(journal.runs, journal.goals, journal.profile);
  runs = new Map(journal.runs.map((run) => [run.id, run]));
});

const why = (slug: string): string => {
  const win = wins.find((w) => w.slug === slug)!;
  return whyItCounts(win, runs.get(win.runs[0]!) ?? null, journal.profile.units);
};

describe('why it counts', () => {
  it('says it from the run: feeling and distance, an Eddington number, a week record with its week', () => {
    expect(why('2024-11-21-3rd-bad-day')).toBe('You rated this run 1 of 5 and ran 5.6 km anyway.');
    expect(why('2024-11-02-eddington-10')).toBe('You have run at least 10 km on 10 days: your Eddington number.');
    expect(why('2024-03-10-biggest-week')).toBe('11.3 km this week, 36% more than your biggest week before (8.3 km, the week of Feb 26, 2024).');
    expect(why('2024-07-21-longest-run')).toMatch(/^11\.2 km is \d+% longer than your longest run before \(\d+(\.\d)? km\)\.$/);
    expect(why('2024-08-27-comeback')).toBe('You ran again after 24 days without a run.');
  });

  it('has one sentence for every win of the sample, naming no undefined or NaN', () => {
    for (const win of wins) {
      const sentence = why(win.slug);
      expect(sentence).toMatch(/^[A-Z0-9E].*\.$/);
      expect(sentence).not.toMatch(/undefined|NaN|null/);
    }
    // Every kind has its sentence (the switch is exhaustive; this checks the sample covers most).
    expect(new Set(wins.map((w) => w.kind)).size).toBeGreaterThan(WIN_KINDS.length - 5);
  });

  it("names a bad day's conditions from the journal, and a week record by its week", () => {
    expect(runConditions({ temperature: -1.4, tags: ['Sleet', 'wind', 'commute'], feeling: 2 })).toEqual(['-1 °C', 'Sleet', 'wind', 'feeling 2 of 5']);
    expect(recordWhen('biggest-week', '2024-02-26')).toBe('the week of Feb 26, 2024');
    expect(recordWhen('biggest-month', '2024-03-01')).toBe('March 2024');
    expect(recordWhen('longest-run', '2024-03-01')).toBe('March 1, 2024');
  });
});

describe('what a win beat', () => {
  const sentence = (slug: string): string => {
    const win = wins.find((w) => w.slug === slug)!;
    const points = win.progression?.series.points ?? [];
    const words = beatenWords(win, previousStep(points, win.progression?.upTo ?? -1, win.previous), journal.profile.units);
    return words ? `${words.before}${words.figure}${words.middle}${words.when}${words.after}` : '';
  };

  it('names a ladder\'s last milestone, not a record: the streak had run longer between them', () => {
    expect(sentence('2025-08-19-52-week-streak')).toBe('The last milestone was 26 weeks, on June 25, 2024 — 420 days earlier.');
    for (const kind of ['run-count', 'daily-streak', 'weekly-streak', 'eddington', 'total-distance'] as const) expect(beatenKind(kind)).toBe('milestone');
  });

  it("gives a goal step the run of the step before it, from the win's own series", () => {
    expect(sentence('2025-10-11-winter-trail-50k-75-percent')).toBe('Up from 25.1 km on Jul 19, 2025 — 84 days earlier.');
    // The step's own point is never its own step before.
    expect(previousStep([{ date: '2025-01-01' }], 0, { date: '2025-01-01' })).toBeUndefined();
  });

  it('names a record as one, a week by its week and year, a month by its month', () => {
    expect(sentence('2025-08-17-biggest-week')).toBe('The record before was 55.9 km, set the week of Jul 7, 2025.');
    expect(sentence('2025-08-30-biggest-month')).toBe('The record before was 191 km, set in July 2025.');
    expect(beatenKind('distance-first')).toBe('record');
    expect(beatenKind('personal-best')).toBe('record');
  });
});

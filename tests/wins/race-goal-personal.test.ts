import { describe, expect, it } from 'vitest';
import { GPS, makeGoal, makeProfile, makeRuns, type RunSpec } from './make-run.ts';
import { findWins } from '../../src/lib/wins/find-wins.ts';
import { cardInputForWin } from '../../src/lib/cards/card-input.ts';
import { ofKind, titles, winsOf } from './helpers.ts';

describe('race', () => {
  it('the first race, the first at each standard distance, the first of each name; valued by finish time, else distance', () => {
    const wins = winsOf([
      { date: '2024-01-01', km: 5, time: 1800, isRace: true, race: 'Lakeside parkrun' },
      { date: '2024-02-01', km: 10, isRace: true, type: 'race' },
      { date: '2024-03-01', km: 5, time: 1850, isRace: true, race: 'Lakeside parkrun' },
      { date: '2024-03-08', km: 5, time: 1900, isRace: true, race: 'Early Bird 5K' },
      { date: '2024-04-01', km: 7, time: 2400, isRace: true, race: 'Bridge Run' },
    ]);
    expect(ofKind(wins, 'race').map((w) => [w.slug, w.title, w.value, w.unit, w.headline])).toEqual([
      ['2024-01-01-lakeside-parkrun', 'First race: Lakeside parkrun', 1800, 's', true],
      ['2024-02-01-a-10k-race', 'First 10K race: a 10K race', 10_000, 'm', true],
      // A slower repeat of a short race is no win; a new race name is.
      ['2024-03-08-early-bird-5k', 'Finished Early Bird 5K', 1900, 's', false],
      ['2024-04-01-bridge-run', 'Finished Bridge Run', 2400, 's', false],
    ]);
  });

  it('every half marathon or longer; a course best; the 10th, 25th, 50th and 100th finish of one name', () => {
    const parkruns = Array.from({ length: 25 }, (_, i) => ({
      date: `2024-${String(1 + Math.floor(i / 4)).padStart(2, '0')}-${String(1 + 7 * (i % 4)).padStart(2, '0')}`,
      km: 5,
      time: i === 5 ? 1700 : 1800 + i,
      isRace: true,
      race: i % 2 === 0 ? 'Lakeside parkrun' : 'lakeside  Parkrun',
    }));
    const wins = winsOf([
      ...parkruns,
      // A faster 5K in training: the course best below is no personal best.
      { date: '2024-01-02', km: 5, time: 1650 },
      { date: '2024-09-01', km: 21.1, time: 7200, isRace: true, race: 'Coastline Half' },
      { date: '2024-10-01', km: 21.1, time: 7300, isRace: true, race: 'Coastline Half' },
    ]);
    const races = ofKind(wins, 'race');
    expect(races.map((w) => `${w.date} ${w.title}`)).toEqual([
      '2024-01-01 First race: Lakeside parkrun',
      '2024-02-08 Course best: lakeside  Parkrun',
      '2024-03-08 10th finish: lakeside  Parkrun',
      '2024-07-01 25th finish: Lakeside parkrun',
      '2024-09-01 First half marathon race: Coastline Half',
      '2024-10-01 Finished Coastline Half',
    ]);
    // The course best beat the best at that name before it, the first race (a win).
    expect(races[1]!.previous).toEqual({ value: 1800, date: '2024-01-01', slug: '2024-01-01-lakeside-parkrun', run: '2024-01-01' });
    expect(races.at(-1)!.headline).toBe(true);
  });

  it('a course best that is a personal best is told as the personal best only', () => {
    const wins = winsOf([
      { date: '2024-01-01', km: 5, time: 1400, isRace: true, race: 'Lakeside parkrun' },
      { date: '2024-01-08', km: 5, time: 1390, isRace: true, race: 'Lakeside parkrun' },
    ]);
    expect(wins.filter((w) => w.date === '2024-01-08').map((w) => w.title)).toEqual(['5K personal best']);
  });

  it('never names a private run by its race name either', () => {
    const wins = winsOf([{ date: '2024-01-01', km: 10, isRace: true, race: 'Clinic Fun Run', private: true }]);
    expect(wins.find((w) => w.kind === 'race')).toMatchObject({ title: 'First race: a 10K race' });
    expect(JSON.stringify(wins)).not.toContain('Clinic');
  });

  it('never ties a private race to a public race of its name: no course best, finish count or first of the name across them', () => {
    const profile = makeProfile();
    const bridge = (date: string, time: number, extra: Partial<RunSpec> = {}): RunSpec => ({ date, km: 7, time, isRace: true, race: 'Bridge Run', ...extra });
    const runs = makeRuns([
      bridge('2024-01-01', 2400),
      // Faster than the public Bridge Run: a course best would point the private run at it.
      bridge('2024-02-01', 2300, { private: true }),
      // A first private race of a new name, then the public one: the public one is its first.
      { date: '2024-03-01', km: 7, time: 2200, isRace: true, title: 'Clinic Fun Run', private: true },
      { date: '2024-04-01', km: 7, time: 2500, isRace: true, race: 'Clinic Fun Run' },
      // Slower than the private time, faster than the public one: a course best of public runs.
      bridge('2024-05-01', 2350),
    ]);
    const wins = findWins(runs, [], profile);
    const byId = new Map(runs.map((run) => [run.id, run]));
    expect(titles(wins, 'race')).toEqual([
      '2024-01-01 First race: Bridge Run',
      '2024-04-01 Finished Clinic Fun Run',
      '2024-05-01 Course best: Bridge Run',
    ]);
    expect(ofKind(wins, 'race').at(-1)!.previous).toMatchObject({ value: 2400, date: '2024-01-01', run: '2024-01-01' });
    for (const win of wins) {
      const shown = JSON.stringify([win, cardInputForWin(win, profile, { runs: byId })]);
      if (win.runs.some((id) => byId.get(id)!.private)) expect(shown).not.toMatch(/bridge|clinic/iu);
      // A public run's win names no private run, nor says its day or time.
      else expect(win.previous?.run === undefined || !byId.get(win.previous.run)!.private).toBe(true);
    }
  });

  it('never names a private run by its title', () => {
    const wins = winsOf([{ date: '2024-01-01', km: 7, isRace: true, title: 'Secret', private: true }]);
    expect(titles(wins, 'race')).toEqual(['2024-01-01 First race: a 7 km race']);
  });
});

describe('goal-progress and goal-achieved', () => {
  const goal = makeGoal({ slug: 'trail-50k', title: 'Trail 50K', date: '2024-06-01', distance: 50_000, start: '2024-02-01' });

  it('counts only the build-up, from start to the day before race day', () => {
    const wins = winsOf(
      [
        { date: '2024-01-15', km: 12 },
        // Measured: 99% of a step reaches it.
        { date: '2024-02-05', km: 12.375, source: GPS },
        { date: '2024-03-01', km: 26 },
        { date: '2024-05-01', km: 49.5, source: GPS },
        { date: '2024-05-31', km: 50 },
      ],
      { goals: [goal] },
    );
    expect(ofKind(wins, 'goal-progress').map((w) => [w.date, w.value, w.title, w.slug])).toEqual([
      ['2024-02-05', 25, 'A quarter of the way to Trail 50K', '2024-02-05-trail-50k-25-percent'],
      ['2024-03-01', 50, 'Halfway to Trail 50K', '2024-03-01-trail-50k-50-percent'],
      ['2024-05-01', 100, 'The full Trail 50K distance in training', '2024-05-01-trail-50k-100-percent'],
    ]);
    expect(ofKind(wins, 'goal-progress').every((w) => w.goal === 'trail-50k')).toBe(true);
    // The run a day before race day is within one day of it: it achieves the goal.
    expect(titles(wins, 'goal-achieved')).toEqual(['2024-05-31 Goal achieved: Trail 50K']);
  });

  it('skips the steps her longest run before the start already reached', () => {
    // A half marathon before the build-up starts: 25% of 50 km is behind her, not a step ahead.
    const wins = winsOf(
      [
        { date: '2024-01-20', km: 21.1 },
        { date: '2024-02-08', km: 14.8 },
        { date: '2024-03-02', km: 25 },
        { date: '2024-04-06', km: 37.5 },
      ],
      { goals: [goal] },
    );
    expect(titles(wins, 'goal-progress')).toEqual(['2024-03-02 Halfway to Trail 50K', '2024-04-06 Three quarters of the way to Trail 50K']);
    expect(ofKind(wins, 'goal-progress')[0]!.slug).toBe('2024-03-02-trail-50k-50-percent');
    // A run before the start past half the distance leaves the first step ahead at 75%.
    const longer = winsOf(
      [
        { date: '2024-01-20', km: 30 },
        { date: '2024-03-02', km: 26 },
        { date: '2024-04-06', km: 37.5 },
      ],
      { goals: [goal] },
    );
    expect(titles(longer, 'goal-progress')).toEqual(['2024-04-06 Three quarters of the way to Trail 50K']);
  });

  it('achieves the goal once, within a day of its date, at the goal distance', () => {
    const wins = winsOf(
      [
        { date: '2024-05-20', km: 51 },
        { date: '2024-06-01', km: 45 },
        { date: '2024-06-02', km: 50 },
        { date: '2024-06-03', km: 50 },
      ],
      { goals: [goal] },
    );
    expect(ofKind(wins, 'goal-achieved').map((w) => [w.slug, w.value, w.goal])).toEqual([
      ['2024-06-02-trail-50k-achieved', 50_000, 'trail-50k'],
    ]);
  });

  it('starts at the first run when the goal has no start', () => {
    const wins = winsOf([{ date: '2024-01-01', km: 26 }], { goals: [{ ...goal, start: null }] });
    expect(titles(wins, 'goal-progress')).toEqual(['2024-01-01 Halfway to Trail 50K']);
  });
});

describe('custom', () => {
  it('is titled with the runner’s own words', () => {
    const wins = winsOf([{ date: '2024-01-01', km: 4, win: '  Ran the whole lake — no walking!  ' }]);
    expect(ofKind(wins, 'custom').map((w) => [w.slug, w.title, w.value])).toEqual([
      ['2024-01-01-ran-the-whole-lake-no-walking', 'Ran the whole lake — no walking!', 4000],
    ]);
  });

  it('keeps a private run’s words private', () => {
    const wins = winsOf([{ date: '2024-01-01', km: 4, win: 'Told my doctor', private: true }]);
    expect(titles(wins, 'custom')).toEqual(['2024-01-01 A small win']);
  });
});

describe('anniversary', () => {
  it('is dated on the anniversary, once a run reaches it', () => {
    const before = winsOf([
      { date: '2024-03-10', km: 3 },
      { date: '2025-03-09', km: 3 },
    ]);
    expect(ofKind(before, 'anniversary')).toEqual([]);
    const wins = winsOf([
      { date: '2024-03-10', km: 3 },
      { date: '2025-03-09', km: 3 },
      { date: '2027-04-01', km: 3 },
    ]);
    expect(ofKind(wins, 'anniversary').map((w) => [w.slug, w.title, w.value, w.runs])).toEqual([
      ['2025-03-10-1-year-of-running', '1 year of running', 1, ['2024-03-10']],
      ['2026-03-10-2-years-of-running', '2 years of running', 2, ['2024-03-10']],
      ['2027-03-10-3-years-of-running', '3 years of running', 3, ['2024-03-10']],
    ]);
    // Sorted by date: the anniversaries come before the run that revealed them.
    expect(wins.map((w) => w.date)).toEqual([...wins.map((w) => w.date)].sort());
  });

  it('falls on 28 February for a leap-day start', () => {
    const wins = winsOf([
      { date: '2024-02-29', km: 3 },
      { date: '2025-02-28', km: 3 },
    ]);
    expect(titles(wins, 'anniversary')).toEqual(['2025-02-28 1 year of running']);
  });
});

// Properties over random journals: what `next` says is within reach is true (a run appended exactly
// there earns that win), and the standings the pages show are the engine's own figures.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Goal, Profile, Run, RunDraft, Win } from '../../src/lib/types.ts';
import { assignRunIds } from '../../src/lib/journal/run-ids.ts';
import { addDays, weekStartOf } from '../../src/lib/format/dates.ts';
import { metresPerUnit } from '../../src/lib/format/units.ts';
import { findWins } from '../../src/lib/wins/find-wins.ts';
import { KIND_ORDER } from '../../src/lib/model/kinds.ts';
import { nextMilestones, type NextMilestone } from '../../src/lib/wins/next-milestones.ts';
import { STANDARD_DISTANCES } from '../../src/lib/model/rungs.ts';
import { createWalk } from '../../src/lib/wins/walk.ts';
import { recordRows } from '../../src/lib/wins/standings.ts';
import { staircase } from '../../src/lib/site/goal.ts';
import { makeGoal, makeProfile, makeRun } from './make-run.ts';

const FIRST_DAY = '2023-01-01';

const draftArb = (line: number) =>
  fc
    .record({
      day: fc.integer({ min: 0, max: 400 }),
      km: fc.oneof(fc.double({ min: 0.5, max: 45, noNaN: true }), fc.constantFrom(1, 4.95, 5, 10, 21.0975, 42.195)),
      pace: fc.option(fc.integer({ min: 200, max: 600 }), { nil: null }),
      nonstop: fc.option(fc.boolean(), { nil: null }),
      elevation: fc.option(fc.integer({ min: 0, max: 2500 }), { nil: null }),
      type: fc.constantFrom(null, 'easy', 'Trail Run'),
      race: fc.option(fc.constantFrom('Lakeside parkrun', 'City 10K'), { nil: null }),
      virtual: fc.boolean(),
      startTime: fc.option(fc.constantFrom('06:30:00', '12:00:00'), { nil: null }),
    })
    .map(({ day, km, pace, race, ...rest }): RunDraft => {
      const { id: _id, storyId: _story, ...base } = makeRun({ date: addDays(FIRST_DAY, day), km });
      return { ...base, ...rest, time: pace === null ? null : pace * km, race, isRace: race !== null, source: { path: 'runs.csv', line, kind: 'csv' } };
    });

const journalArb = fc.integer({ min: 1, max: 60 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => draftArb(i + 2))));

/** A goal somewhere around the journal: ahead of it, in its taper, or behind it; with or without a time. */
const goalArb = fc
  .record({
    day: fc.integer({ min: 30, max: 480 }),
    distance: fc.constantFrom(5000, 10_000, 21_097.5, 42_195, 50_000),
    pace: fc.option(fc.integer({ min: 240, max: 480 }), { nil: null }),
    start: fc.option(fc.integer({ min: 0, max: 200 }), { nil: null }),
  })
  .map(({ day, distance, pace, start }): Goal =>
    makeGoal({
      slug: 'big-day',
      title: 'Big Day',
      date: addDays(FIRST_DAY, day),
      distance,
      time: pace === null ? null : (pace * distance) / 1000,
      start: start === null || start > day ? null : addDays(FIRST_DAY, start),
    }),
  );

const unitsArb = fc.constantFrom('km' as const, 'mi' as const);

/** The run that reaches `m`, appended after every run of the journal, or null when one run cannot. */
function runAt(m: NextMilestone, runs: readonly Run[], goal: Goal, profile: Profile): RunDraft | null {
  const last = runs.at(-1)!;
  // Metres as given: the run covers exactly what `next` says, not a rounding less.
  const after = (date: string, metres: number, extra: Partial<RunDraft> = {}): RunDraft => {
    const { id: _id, storyId: _story, ...base } = makeRun({ date, km: 1 });
    return { ...base, distance: metres, startTime: '23:59:59', source: { path: 'runs.csv', line: 9999, kind: 'csv' }, ...extra };
  };
  const tomorrow = addDays(last.date, 1);
  switch (m.kind) {
    case 'distance-first':
    case 'total-distance':
      return after(tomorrow, m.kind === 'distance-first' ? m.target : m.remaining);
    case 'nonstop-first':
      return after(tomorrow, m.target, { nonstop: true });
    case 'climb-first':
      return after(tomorrow, 1000, { elevation: m.target });
    case 'barrier': {
      const rung = STANDARD_DISTANCES.find((d) => m.label.endsWith(` ${d.label}`))!;
      return after(tomorrow, rung.metres, { time: m.target - 0.5 });
    }
    case 'biggest-week':
    case 'biggest-month':
      // What is left is a difference of sums: adding it back may land one float step short.
      return after(last.date, m.remaining + 1e-6);
    case 'goal-progress':
      return tomorrow < goal.date ? after(tomorrow, m.target) : null;
    case 'goal-achieved':
      // Done, or past race day: no run appended after the journal lands on race day.
      if (m.phase === 'done' || m.phase === 'unlogged') return null;
      return after(goal.date, goal.distance, { time: goal.time ?? null });
    case 'run-count':
      return m.remaining === 1 ? after(tomorrow, 1000) : null;
    case 'daily-streak':
      return m.remaining === 1 ? after(tomorrow, 1000) : null;
    case 'weekly-streak':
      return m.remaining === 1 ? after(addDays(weekStartOf(last.date, profile.weekStart), 7), 1000) : null;
    case 'eddington':
      return m.remaining === 1 ? after(tomorrow, m.target * metresPerUnit(profile.units)) : null;
    default:
      return null;
  }
}

/** Does `win`, earned by `runId`, fulfil milestone `m`? */
function fulfils(win: Win, m: NextMilestone, runId: string): boolean {
  if (win.kind !== m.kind || win.runs[0] !== runId) return false;
  switch (m.kind) {
    case 'barrier':
      return win.title.toLowerCase() === m.label.toLowerCase();
    case 'goal-progress':
      return win.goal === m.goal && win.value === Number(m.label.split('%')[0]);
    case 'goal-achieved':
      return win.goal === m.goal;
    case 'biggest-week':
    case 'biggest-month':
      return true;
    case 'distance-first':
    case 'nonstop-first':
    case 'climb-first':
    case 'total-distance':
      return Math.abs(win.value - m.target) < 1e-6;
    default:
      return win.value === m.target;
  }
}

describe('next over random journals', () => {
  it('a run appended exactly at what next says is within reach earns that win', () => {
    fc.assert(
      fc.property(journalArb, goalArb, unitsArb, (drafts, goal, units) => {
        const profile = makeProfile({ units });
        const runs = assignRunIds(drafts);
        for (const m of nextMilestones(runs, [goal], profile, null)) {
          const draft = runAt(m, runs, goal, profile);
          if (draft === null) continue;
          const grown = assignRunIds([...drafts, draft]);
          const added = grown.find((run) => run.source.line === 9999)!;
          expect(grown.at(-1)!.id, 'the run is appended').toBe(added.id);
          const wins = findWins(grown, [goal], profile).filter((win) => win.runs[0] === added.id);
          const earned = wins.some((win) => fulfils(win, m, added.id));
          if (!earned) throw new Error(`"${m.label}" (${m.kind}, ${m.remaining} to go) not earned; the run earned ${wins.map((w) => w.slug).join(', ') || 'nothing'}`);
        }
      }),
      { numRuns: 100 },
    );
  }, 120_000);

  it('never nudges toward the goal race distance while it is ahead, nor volume in its taper', () => {
    fc.assert(
      fc.property(journalArb, goalArb, unitsArb, (drafts, goal, units) => {
        const runs = assignRunIds(drafts);
        const list = nextMilestones(runs, [goal], makeProfile({ units }), null);
        const countdown = list.find((m) => m.kind === 'goal-achieved');
        // Past race day (done, or not logged yet) the race distance is no longer ahead.
        if (!countdown || countdown.phase === 'done' || countdown.phase === 'unlogged') return;
        for (const m of list) {
          if (m.kind === 'goal-progress') expect(m.target).toBeLessThan(goal.distance);
          if (m.kind === 'distance-first' || m.kind === 'nonstop-first') expect(m.target).toBeLessThan(0.99 * goal.distance);
          if (countdown.phase === 'taper') expect(['biggest-week', 'biggest-month', 'distance-first', 'goal-progress', 'eddington']).not.toContain(m.kind);
        }
        // A distance first and a goal step at one distance are one line.
        const targets = list.filter((m) => m.kind === 'distance-first' || m.kind === 'goal-progress').map((m) => Math.round(m.target / 100));
        expect(new Set(targets).size, 'one line per target').toBe(targets.length);
      }),
      { numRuns: 200 },
    );
  }, 120_000);
});

describe('standings over random journals', () => {
  it('the records table, streak and goal staircase are the engine’s own figures', () => {
    fc.assert(
      fc.property(journalArb, goalArb, (drafts, goal) => {
        const profile = makeProfile();
        const runs = assignRunIds(drafts);
        const wins = findWins(runs, [goal], profile);
        const rows = Object.fromEntries(recordRows(runs, wins, profile.weekStart).map((row) => [row.label, row]));

        // Longest run: the last point of the engine's longest-run series (the first run's win holds it).
        const longest = wins.find((w) => w.kind === 'first-run')!.progression!.series.points.at(-1)!;
        expect(rows['Longest run']).toMatchObject({ value: longest.value, date: longest.date, runId: longest.runId });

        // Best efforts: the last point of each best-time series the engine drew.
        for (const win of wins.filter((w) => w.kind === 'personal-best' || w.kind === 'barrier')) {
          const best = win.progression!.series.points.at(-1)!;
          const row = Object.values(rows).find((r) => r.label.startsWith('Best ') && win.progression!.series.label.toLowerCase().startsWith(r.label.slice(5).toLowerCase()));
          expect(row, win.progression!.series.label).toMatchObject({ value: best.value, date: best.date, runId: best.runId });
        }

        // Biggest week and month: the largest totals of the walk's own calendar series.
        const recorder = createWalk(profile, [goal], KIND_ORDER);
        runs.forEach((run, i) => recorder.advance(run, i));
        const max = (points: { value: number }[]) => Math.max(...points.map((p) => p.value));
        expect(rows['Biggest week']!.value).toBeCloseTo(max(recorder.walk.weekly.points), 6);
        expect(rows['Biggest month']!.value).toBeCloseTo(max(recorder.walk.monthly.points), 6);

        // Longest streak: the engine's longest-streak series, whenever a streak win drew it.
        const streakWin = wins.find((w) => w.kind === 'daily-streak');
        if (streakWin) expect(rows['Longest daily streak']!.value).toBe(streakWin.progression!.series.points.at(-1)!.value);
        for (const w of wins.filter((w) => w.kind === 'daily-streak')) expect(rows['Longest daily streak']!.value).toBeGreaterThanOrEqual(w.value);

        // The staircase: the goal's own progression (its build-up steps) and its goal-achieved run.
        const today = runs.at(-1)!.date;
        const stairs = staircase(goal, runs, today, profile.weekStart);
        const achieved = wins.find((w) => w.kind === 'goal-achieved' && w.goal === goal.slug);
        expect(stairs.result?.id ?? null).toBe(achieved?.runs[0] ?? null);
        // Its staircase wins (a back-to-back names the goal too, but is no step of it).
        const goalWin = wins.find((w) => w.goal === goal.slug && (w.kind === 'goal-progress' || w.kind === 'goal-achieved'));
        if (goalWin) {
          const points = goalWin.progression!.series.points.filter((_, i) => !achieved || i !== achieved.progression!.upTo);
          expect(stairs.steps.map((s) => [s.date, s.value, s.runId])).toEqual(points.map((p) => [p.date, p.value, p.runId]));
        }
      }),
      { numRuns: 200 },
    );
  }, 120_000);
});

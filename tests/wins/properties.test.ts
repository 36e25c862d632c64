// Properties over random journals: links never break when runs are appended, file order never
// matters, and every win is well formed (headline wins first within a day).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RunDraft, Win } from '../../src/lib/types.ts';
import { assignRunIds } from '../../src/lib/journal/run-ids.ts';
import { addDays } from '../../src/lib/format/dates.ts';
import { findWins } from '../../src/lib/wins/find-wins.ts';
import { makeGoal, makeProfile, makeRun } from './make-run.ts';

const goals = [makeGoal({ slug: 'autumn-half', title: 'Autumn Half', date: '2023-10-01', distance: 21_097.5 })];

const draftArb = (line: number) =>
  fc
    .record({
      day: fc.integer({ min: 0, max: 900 }),
      km: fc.oneof(fc.double({ min: 0.5, max: 45, noNaN: true }), fc.constantFrom(1, 4.95, 5, 5.25, 10, 21.0975, 42.195)),
      pace: fc.option(fc.integer({ min: 200, max: 600 }), { nil: null }),
      nonstop: fc.option(fc.boolean(), { nil: null }),
      feeling: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
      temperature: fc.option(fc.integer({ min: -10, max: 42 }), { nil: null }),
      elevation: fc.option(fc.integer({ min: 0, max: 2500 }), { nil: null }),
      race: fc.option(fc.constantFrom('Lakeside parkrun', 'City 10K'), { nil: null }),
      win: fc.option(fc.constantFrom('Felt strong', 'First run', 'Ran with Sam'), { nil: null }),
      virtual: fc.boolean(),
      startTime: fc.option(fc.constantFrom('06:30:00', '12:00:00', '18:45:00'), { nil: null }),
    })
    .map(({ day, km, pace, race, ...rest }): RunDraft => {
      const { id: _id, storyId: _story, ...base } = makeRun({ date: addDays('2023-01-01', day), km });
      return {
        ...base,
        ...rest,
        time: pace === null ? null : pace * km,
        race,
        isRace: race !== null,
        source: { path: 'runs.csv', line, kind: 'csv' },
      };
    });

const journalArb = fc
  .integer({ min: 1, max: 100 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => draftArb(i + 2))));

const key = (win: Win) => `${win.slug}|${win.kind}|${win.date}|${win.title}`;

describe('wins over random journals', () => {
  it('prefix stability: the wins of every prefix are among the wins of the whole', () => {
    fc.assert(
      fc.property(journalArb, (drafts) => {
        const runs = assignRunIds(drafts);
        const whole = new Set(findWins(runs, goals, makeProfile()).map(key));
        for (let length = 1; length < runs.length; length++) {
          for (const win of findWins(runs.slice(0, length), goals, makeProfile())) {
            if (!whole.has(key(win))) throw new Error(`prefix of ${length} runs has ${key(win)}, the whole journal not`);
          }
        }
      }),
      { numRuns: 50 },
    );
  }, 120_000);

  it('determinism: the same runs in another file order give the same wins', () => {
    fc.assert(
      fc.property(
        journalArb.chain((drafts) => fc.tuple(fc.constant(drafts), fc.shuffledSubarray(drafts, { minLength: drafts.length }))),
        fc.constantFrom('km' as const, 'mi' as const),
        ([drafts, shuffled], units) => {
          const profile = makeProfile({ units });
          const a = findWins(assignRunIds(drafts), goals, profile);
          const b = findWins(assignRunIds(shuffled), goals, profile);
          expect(b).toEqual(a);
        },
      ),
      { numRuns: 100 },
    );
  }, 120_000);

  it('runs handed to the engine out of id order give the wins of the runs in id order', () => {
    fc.assert(
      fc.property(
        journalArb.chain((drafts) => {
          const runs = assignRunIds(drafts);
          return fc.tuple(fc.constant(runs), fc.shuffledSubarray(runs, { minLength: runs.length }));
        }),
        ([runs, shuffled]) => {
          const profile = makeProfile();
          expect(findWins(shuffled, goals, profile)).toEqual(findWins(runs, goals, profile));
        },
      ),
      { numRuns: 100 },
    );
  }, 120_000);

  it('every win is well formed: unique dated slugs, sorted, runs that exist, a point in its series', () => {
    fc.assert(
      fc.property(journalArb, (drafts) => {
        const runs = assignRunIds(drafts);
        const ids = new Set(runs.map((run) => run.id));
        const wins = findWins(runs, goals, makeProfile());
        expect(new Set(wins.map((win) => win.slug)).size).toBe(wins.length);
        for (const [i, win] of wins.entries()) {
          expect(win.slug).toMatch(/^\d{4}-\d{2}-\d{2}-[a-z0-9]+(-[a-z0-9]+)*$/);
          expect(win.slug.startsWith(win.date)).toBe(true);
          if (i > 0) expect(wins[i - 1]!.date <= win.date).toBe(true);
          // A day's headline wins come first.
          if (i > 0 && wins[i - 1]!.date === win.date && win.headline) expect(wins[i - 1]!.headline).toBe(true);
          expect(typeof win.headline).toBe('boolean');
          expect(win.runs.length).toBeGreaterThan(0);
          for (const id of win.runs) expect(ids.has(id)).toBe(true);
          if (win.progression) expect(win.progression.series.points[win.progression.upTo]).toBeDefined();
          if (win.previous?.slug) expect(wins.some((other) => other.slug === win.previous!.slug)).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  }, 120_000);
});

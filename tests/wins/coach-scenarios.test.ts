// Three journals read as a coach would: a beginner on run/walk in miles, a marathoner who starts
// the journal with years of running behind them, and a runner coming back from injury. Each test
// asserts the wins a coach would expect, and the ones a coach would not hand out.
import { describe, expect, it } from 'vitest';
import type { Win } from '../../src/lib/types.ts';
import { addDays } from '../../src/lib/format/dates.ts';
import { ofKind, titles, winsOf } from './helpers.ts';
import { makeProfile, makeRuns, type RunSpec } from './make-run.ts';
import { nextMilestones } from '../../src/lib/wins/next-milestones.ts';

const MILE_KM = 1.609344;

/** Every win of one run, in the engine's order. */
function ofRun(wins: Win[], runId: string): Win[] {
  return wins.filter((win) => win.runs[0] === runId && win.kind !== 'anniversary');
}

describe('a beginner on run/walk, in miles', () => {
  // Three runs a week for twelve weeks: run/walk from 1 mile, the last run of each week a little
  // longer, the first nonstop run in week 8, a 5K parkrun in week 10; two hard days.
  const runs: RunSpec[] = [];
  for (let week = 0; week < 12; week++) {
    for (const [day, offset] of [0, 2, 5].entries()) {
      const miles = 1 + week * 0.18 + (day === 2 ? 0.1 : 0);
      runs.push({
        date: addDays('2024-01-01', week * 7 + offset),
        km: Math.round(miles * MILE_KM * 100) / 100,
        time: Math.round(miles * 13 * 60),
        nonstop: week >= 7 && day === 2 ? true : false,
        feeling: (week === 1 && day === 1) || (week === 4 && day === 0) || (week === 9 && day === 0) ? 2 : 4,
      });
    }
  }
  runs.push({ date: '2024-03-16', km: 5, time: 2100, isRace: true, race: 'Riverside parkrun', nonstop: true });
  const wins = winsOf(runs, { profile: { units: 'mi' } });

  it('celebrates the first run, the first race and the first runs without stopping', () => {
    expect(titles(wins, 'first-run')).toEqual(['2024-01-01 First run']);
    expect(titles(wins, 'race')).toEqual(['2024-03-16 First race: Riverside parkrun']);
    expect(ofKind(wins, 'nonstop-first').length).toBeGreaterThan(0);
    expect(ofKind(wins, 'nonstop-first')[0]!.date).toBe('2024-02-24');
    // The parkrun's wins are led by the race: the first race is the moment.
    const parkrun = ofRun(wins, ofKind(wins, 'race')[0]!.runs[0]!);
    expect(parkrun[0]).toMatchObject({ kind: 'race', headline: true });
  });

  it('gives no "longest run" for steps under 10%, and never a distance first and a nonstop first of one rung', () => {
    for (const win of ofKind(wins, 'longest-run')) {
      expect(win.value).toBeGreaterThanOrEqual(1.1 * win.previous!.value - 1e-6);
    }
    for (const win of ofKind(wins, 'nonstop-first')) {
      const first = ofRun(wins, win.runs[0]!).find((other) => other.kind === 'distance-first');
      if (first) expect(first.value).toBeGreaterThan(win.value);
    }
  });

  it('counts the hard days 1st and 3rd, and no record week before two months of running', () => {
    expect(titles(wins, 'showed-up')).toEqual(['2024-01-10 Showed up anyway', '2024-03-04 Showed up anyway, for the 3rd time']);
    for (const win of ofKind(wins, 'biggest-week')) expect(win.date >= '2024-02-26').toBe(true);
  });

  it('earns a third fewer wins than one a week or more would', () => {
    // Twelve weeks of a beginner's plan: a handful of moments, not a win every run.
    expect(wins.length).toBeLessThan(runs.length / 2);
  });
});

describe('a marathoner with history in the profile', () => {
  const profile = {
    runningSince: '2012-04-15',
    bests: { longest: 42_195, times: { '5k': 18 * 60 + 29, marathon: 2 * 3600 + 58 * 60 + 40 } },
  };
  const runs: RunSpec[] = [];
  // Ten months of training: easy runs, a weekly long run of 24 to 32 km.
  for (let day = 0; day < 300; day += 2) {
    const date = addDays('2024-03-01', day);
    runs.push({ date, km: day % 14 === 0 ? 24 + (day % 9) : 10, time: day % 14 === 0 ? (24 + (day % 9)) * 300 : 10 * 290 });
  }
  runs.push(
    { date: '2024-05-04', km: 5, time: 18 * 60 + 40, isRace: true, race: 'Lakeside parkrun' },
    { date: '2024-06-08', km: 5, time: 18 * 60 + 20, isRace: true, race: 'Lakeside parkrun' },
    { date: '2024-09-29', km: 42.4, time: 2 * 3600 + 58 * 60 + 20, isRace: true, race: 'Berlin Marathon' },
  );
  const wins = winsOf(runs, { profile });

  it('starts from the history: no first run, no distance firsts, no longest run below 42.2 km, no "first race"', () => {
    expect(ofKind(wins, 'first-run')).toEqual([]);
    expect(ofKind(wins, 'distance-first')).toEqual([]);
    expect(ofKind(wins, 'longest-run')).toEqual([]);
    expect(wins.some((win) => win.title.startsWith('First'))).toBe(false);
  });

  it('measures personal bests against the known bests, with the race time as logged', () => {
    // 18:40 is no best (18:29 is); 18:20 is, against the profile's best.
    expect(titles(wins, 'personal-best')).toEqual(['2024-06-08 5K personal best', '2024-09-29 Marathon personal best']);
    const marathon = ofKind(wins, 'personal-best')[1]!;
    // 42.4 km in 2:58:20 is a 2:58:20 marathon: a race's time is never scaled.
    expect(marathon.value).toBe(2 * 3600 + 58 * 60 + 20);
    // Sub-3 was broken before the journal: no barrier win.
    expect(ofKind(wins, 'barrier')).toEqual([]);
    // Beaten records from before the journal have no day to name.
    expect(marathon.previous).toBeNull();
    expect(marathon.headline).toBe(true);
  });

  it('celebrates the marathon and the first race of each name, not the repeat parkrun', () => {
    expect(titles(wins, 'race')).toEqual(['2024-05-04 Finished Lakeside parkrun', '2024-09-29 Finished Berlin Marathon']);
    expect(ofKind(wins, 'race')[1]!.headline).toBe(true);
  });

  it('counts anniversaries from running_since, and next counts down to the same day', () => {
    expect(titles(wins, 'anniversary')).toEqual(['2024-04-15 12 years of running']);
    const next = nextMilestones(makeRuns(runs), [], makeProfile(profile), '2024-12-01').find((m) => m.kind === 'anniversary');
    expect(next).toMatchObject({ label: '13 years of running', date: '2025-04-15' });
  });
});

describe('a runner coming back from injury', () => {
  const runs: RunSpec[] = [];
  // Eight weeks of five runs a week, a long run of 16 km on Sundays.
  for (let week = 0; week < 8; week++) {
    for (const offset of [0, 1, 3, 4, 6]) {
      runs.push({ date: addDays('2024-01-01', week * 7 + offset), km: offset === 6 ? 16 : 8 });
    }
  }
  // The knee goes: a painful run, then five weeks off.
  runs.push({ date: '2024-02-27', km: 4, feeling: 1, tags: ['Injury'] });
  // The way back: short runs growing week by week, a hard rainy day, and the long run again.
  const back = [3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15];
  back.forEach((km, i) => runs.push({ date: addDays('2024-04-02', 2 * i), km }));
  runs.push({ date: '2024-04-03', km: 4, feeling: 2, tags: ['rain'], temperature: 6 });
  runs.push({ date: '2024-04-30', km: 16.1 });
  const wins = winsOf(runs);

  it('never celebrates running hurt', () => {
    expect(ofRun(wins, '2024-02-27')).toEqual([]);
  });

  it('celebrates the comeback, the hard day after it and the return to form', () => {
    expect(titles(wins, 'comeback')).toEqual(['2024-04-02 Back after 35 days']);
    expect(titles(wins, 'showed-up')).toEqual(['2024-04-03 Showed up anyway']);
    expect(titles(wins, 'back-to-form')).toEqual(['2024-04-30 Back to form']);
    expect(ofKind(wins, 'back-to-form')[0]!.headline).toBe(true);
  });

  it('rebuilding to the old long run is no "longest run"', () => {
    expect(ofKind(wins, 'longest-run')).toEqual([]);
  });

  it("draws the comeback's chart up to the comeback run, not the rest of its week", () => {
    const comeback = ofKind(wins, 'comeback')[0]!;
    const { series, upTo } = comeback.progression!;
    expect(upTo).toBe(series.points.length - 1);
    expect(series.points[upTo]!.value).toBe(3000);
  });
});

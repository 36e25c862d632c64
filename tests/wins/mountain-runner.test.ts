// A mountain runner whose training is hill sessions and time trials on one climb, read as a coach
// would: the sessions that grew, the climb run faster, the long days on her feet; and none of the
// wins a coach must not see (a hard session as "showed up anyway", a course best on a jog).
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/lib/format/dates.ts';
import { isSession, sessionOf } from '../../src/lib/wins/session.ts';
import { ofKind, titles, winsOf } from './helpers.ts';
import type { RunSpec } from './make-run.ts';

describe('a mountain runner: hill sessions and time trials on one climb', () => {
  const runs: RunSpec[] = [];
  const reps = [6, 6, 8, 8, 10, 12];
  reps.forEach((count, week) => {
    // Tuesday hills, rated hard: the session is meant to hurt.
    runs.push({ date: addDays('2025-03-04', week * 7), km: 8, time: 3300, type: 'hills', title: `Hill repeats: ${count} x 2 min`, feeling: 2, elevation: 300 });
    // Thursday easy jog on the same loop, never a course best.
    runs.push({ date: addDays('2025-03-06', week * 7), km: 6, time: 2400, type: 'easy', title: 'Valley loop', feeling: 4 });
  });
  // Saturday time trials on the Kasprowy climb: 7.2 km, about 950 m up.
  const trials = [
    ['2025-03-08', 2970],
    ['2025-03-22', 2900],
    ['2025-04-05', 2480],
    ['2025-04-12', 2470],
  ] as const;
  for (const [date, time] of trials) runs.push({ date, km: 7.2, time, title: 'Kasprowy climb', elevation: 950 });
  // A long day in the mountains.
  runs.push({ date: '2025-04-13', km: 24, time: 3 * 3600 + 600, type: 'trail', title: 'Tatra ridge', elevation: 1800 });
  const wins = winsOf(runs);

  it('celebrates the hill sessions that grew, by their reps', () => {
    expect(titles(wins, 'session')).toEqual([
      '2025-03-18 Most hill reps yet: 8 × 2 min',
      '2025-04-01 Most hill reps yet: 10 × 2 min',
      '2025-04-08 Most hill reps yet: 12 × 2 min',
    ]);
    expect(ofKind(wins, 'session')[0]).toMatchObject({ value: 8, unit: 'reps', previous: { value: 6 } });
  });

  it('a course best on the climb from the third trial, at least 1 % faster, and none on the easy loop', () => {
    expect(titles(wins, 'course-best')).toEqual(['2025-04-05 Kasprowy climb: 41:20, 7:00 faster than in March']);
    // 2,470 s after 2,480 s is under 1 %: the wind, not a record.
    expect(ofKind(wins, 'course-best').some((win) => win.date === '2025-04-12')).toBe(false);
  });

  it('hard sessions are the plan, never "showed up anyway"', () => {
    expect(ofKind(wins, 'showed-up')).toEqual([]);
    expect(isSession({ type: 'hills', title: null, isRace: false, private: false })).toBe(true);
    expect(isSession({ type: 'easy', title: '10 x 100 m strides', isRace: false, private: false })).toBe(false);
    expect(sessionOf({ type: null, title: '6 x 1 km', isRace: false, private: false })).toMatchObject({ type: 'intervals', reps: { count: 6, length: 1000 } });
    expect(sessionOf({ type: null, title: '20 min @ 4:45', isRace: false, private: false })).toMatchObject({ type: 'tempo', tempo: 1200 });
    // A private run's title is never read.
    expect(sessionOf({ type: null, title: '6 x 1 km', isRace: false, private: true })).toBeNull();
  });

  it('time on feet: a first three hours on a ridge day is one win, the highest rung, and a headline', () => {
    const onFeet = ofKind(wins, 'time-on-feet');
    expect(onFeet.map((win) => win.title)).toEqual(['First 3 hours on your feet']);
    expect(onFeet[0]!.headline).toBe(true);
  });
});

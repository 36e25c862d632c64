import { describe, expect, it } from 'vitest';
import { describeMilestone, nextMilestones, type NextMilestone } from '../../src/lib/wins/next-milestones.ts';
import { dailyRuns, makeGoal, makeProfile, makeRuns, type RunSpec } from './make-run.ts';

function milestones(specs: RunSpec[], today: string | null, units: 'km' | 'mi' = 'km', goals = []) {
  return nextMilestones(makeRuns(specs), goals, makeProfile({ units }), today);
}

const find = (list: NextMilestone[], kind: NextMilestone['kind']) => list.find((m) => m.kind === kind);

describe('nextMilestones', () => {
  const runs: RunSpec[] = [...dailyRuns('2024-01-01', 5, 97.6 / 5, { time: 6000 }), { date: '2024-01-06', km: 5, time: 1500 }];

  it('gives the nearest lifetime rung and the distance to it', () => {
    const total = find(milestones(runs, null), 'total-distance')!;
    expect(total).toMatchObject({ label: '500 km lifetime', target: 500_000 });
    expect(total.remaining).toBeCloseTo(500_000 - 102_600, 6);
    expect(describeMilestone(total, 'km')).toBe('397 km to 500 km lifetime');
  });

  it('counts the current streak only while it can go on', () => {
    const alive = find(milestones(runs, '2024-01-07'), 'daily-streak')!;
    expect(alive).toMatchObject({ label: '7-day streak', remaining: 1 });
    expect(describeMilestone(alive, 'km')).toBe('1 more day for a 7-day streak');
    // Broken: no "7 more days for a 7-day streak" from nothing.
    expect(find(milestones(runs, '2024-01-08'), 'daily-streak')).toBeUndefined();
  });

  it('names the next distance, run count, barrier and Eddington rungs', () => {
    const list = milestones(runs, null);
    expect(find(list, 'distance-first')).toMatchObject({ label: 'first 20 km', target: 20_000 });
    expect(find(list, 'run-count')).toMatchObject({ label: '10th run', remaining: 4 });
    expect(find(list, 'barrier')).toMatchObject({ label: 'sub-25 5K', remaining: 0 });
    expect(find(list, 'eddington')).toMatchObject({ label: 'Eddington 10', remaining: 5 });
    expect(describeMilestone(find(list, 'eddington')!, 'km')).toBe('5 more days of 10+ km for Eddington 10');
  });

  it('asks for the next Eddington rung, never the next value, and nothing with eddington: no', () => {
    // Twelve days of 30 km: the number is 12; the next win is 25, not 13.
    const specs = dailyRuns('2024-01-01', 12, 30);
    expect(find(milestones(specs, null), 'eddington')).toMatchObject({ label: 'Eddington 25', target: 25, remaining: 13 });
    expect(find(nextMilestones(makeRuns(specs), [], makeProfile({ eddington: false }), null), 'eddington')).toBeUndefined();
    // Past the last rung there is nothing to ask for.
    expect(find(milestones(dailyRuns('2020-01-01', 100, 101), null), 'eddington')).toBeUndefined();
  });

  it('uses the mi ladder for a mi profile', () => {
    const total = find(milestones(runs, null, 'mi'), 'total-distance')!;
    expect(total.label).toBe('100 miles lifetime');
    expect(describeMilestone(total, 'mi')).toBe('36.2 mi to 100 miles lifetime');
  });

  it('counts down to a goal and its next long-run step', () => {
    const goal = makeGoal({ slug: 'half', title: 'City Half', date: '2024-03-01', distance: 21_097.5 });
    const list = nextMilestones(makeRuns(runs), [goal], makeProfile(), '2024-01-06');
    expect(list.find((m) => m.kind === 'goal-achieved')).toMatchObject({ remaining: 55, goal: 'half', date: '2024-03-01' });
    // 100% of the goal is for race day: the build-up's next step is the one below it.
    expect(list.find((m) => m.kind === 'goal-progress')).toBeUndefined();
    const early = nextMilestones(makeRuns([{ date: '2024-01-02', km: 12 }]), [goal], makeProfile(), '2024-01-06');
    expect(early.find((m) => m.kind === 'goal-progress')).toMatchObject({ label: '75% of City Half', goal: 'half' });
    // Past race day with no run for the race: it asks for the race, for a fortnight.
    const after = nextMilestones(makeRuns(runs), [goal], makeProfile(), '2024-03-02');
    expect(after.filter((m) => m.goal === 'half')).toMatchObject([{ phase: 'unlogged', date: '2024-03-01' }]);
    expect(describeMilestone(after.find((m) => m.goal === 'half')!, 'km')).toBe('City Half was on 1 March: log your race');
    expect(nextMilestones(makeRuns(runs), [goal], makeProfile(), '2024-03-16').some((m) => m.goal === 'half')).toBe(false);
  });

  it('works on an empty journal', () => {
    const list = milestones([], null);
    expect(find(list, 'total-distance')).toMatchObject({ remaining: 100_000 });
    expect(find(list, 'anniversary')).toBeUndefined();
  });
});

describe('biggest week and month within reach', () => {
  it('is a tenth over the old record less this week so far, after eight earlier weeks', () => {
    // Mondays 2024-01-01 .. 2024-02-19, then the current week.
    const specs: RunSpec[] = [
      { date: '2024-01-01', km: 10 },
      { date: '2024-01-08', km: 12 },
      { date: '2024-01-15', km: 8 },
      { date: '2024-01-22', km: 9 },
      { date: '2024-01-29', km: 10 },
      { date: '2024-02-05', km: 11 },
      { date: '2024-02-12', km: 9 },
      { date: '2024-02-19', km: 10 },
      { date: '2024-02-27', km: 4 },
    ];
    const week = find(milestones(specs, '2024-02-28'), 'biggest-week')!;
    // The detector's own rule: a record week is a tenth over the old record (12 km → 13.2 km).
    expect(week.target).toBeCloseTo(13_200, 3);
    expect(week.remaining).toBeCloseTo(9_200, 3);
    expect(describeMilestone(week, 'km')).toBe('9.2 km more this week for your biggest week yet');
    expect(find(milestones(specs.slice(1), '2024-02-28'), 'biggest-week')).toBeUndefined();
  });
});

describe('next a coach would sign', () => {
  const ultra = makeGoal({ slug: 'winter-50k', title: 'Winter Trail 50K', date: '2025-12-13', distance: 50_000 });
  // A build-up: weekly long runs up to 42.4 km, the last on 2025-11-09 (no break of two weeks: no comeback).
  const build: RunSpec[] = [
    ...Array.from({ length: 20 }, (_, i) => ({ date: `2025-${String(6 + Math.floor(i / 4)).padStart(2, '0')}-${String(1 + (i % 4) * 7).padStart(2, '0')}`, km: 10 + i })),
    { date: '2025-11-01', km: 12 },
    { date: '2025-11-09', km: 42.4 },
    { date: '2025-11-15', km: 8 },
  ];
  const texts = (list: NextMilestone[], units: 'km' | 'mi' = 'km') => list.map((m) => describeMilestone(m, units));

  it('in the taper: no distance, volume or daily-streak nudge, and the goal line reads as a taper', () => {
    const list = nextMilestones(makeRuns(build), [ultra], makeProfile(), '2025-11-16');
    const kinds = list.map((m) => m.kind);
    for (const kind of ['distance-first', 'goal-progress', 'biggest-week', 'biggest-month', 'daily-streak', 'eddington'] as const) {
      expect(kinds).not.toContain(kind);
    }
    expect(texts(list)).toContain('27 days to Winter Trail 50K: keep it easy');
  });

  it('before the taper: no first 50K nor 100 % of the goal, a 50K is for race day', () => {
    const list = nextMilestones(makeRuns(build), [ultra], makeProfile(), '2025-11-10');
    expect(list.find((m) => m.kind === 'distance-first')).toBeUndefined();
    expect(list.find((m) => m.kind === 'goal-progress')).toBeUndefined();
    expect(texts(list)).toContain('33 days to Winter Trail 50K');
    // Without the goal, the next rung is the 50K itself.
    expect(find(nextMilestones(makeRuns(build), [], makeProfile(), '2025-11-10'), 'distance-first')).toMatchObject({ label: 'first 50K' });
  });

  it('after the goal is achieved it is done, never 100 %', () => {
    const raced = makeRuns([...build, { date: '2025-12-13', km: 50.4, time: 7 * 3600, isRace: true }]);
    const list = nextMilestones(raced, [ultra], makeProfile(), '2025-12-14');
    expect(texts(list)).toContain('Winter Trail 50K: done');
    expect(list.filter((m) => m.goal === 'winter-50k')).toHaveLength(1);
    // A fortnight later it has left the list.
    expect(nextMilestones(raced, [ultra], makeProfile(), '2025-12-28').some((m) => m.goal === 'winter-50k')).toBe(false);
  });

  it('one line for one target: a first half marathon that is also halfway to the goal', () => {
    const marathon = makeGoal({ slug: 'city', title: 'City Marathon', date: '2026-10-01', distance: 42_195 });
    const list = nextMilestones(makeRuns([{ date: '2026-03-01', km: 20.2 }]), [marathon], makeProfile(), '2026-03-02');
    expect(list.filter((m) => m.kind === 'goal-progress')).toEqual([]);
    expect(texts(list)).toContain('0.9 km longer than your longest for your first half marathon (50% of City Marathon)');
  });

  it('shows the target pace of a goal with a time', () => {
    const marathon = makeGoal({ slug: 'city', title: 'City Marathon', date: '2026-10-01', distance: 42_195, time: 3 * 3600 });
    const list = nextMilestones(makeRuns([{ date: '2026-03-01', km: 15 }]), [marathon], makeProfile(), '2026-03-02');
    expect(texts(list)).toContain('213 days to City Marathon (target 3:00:00, 4:16 /km)');
    expect(texts(list, 'mi')).toContain('213 days to City Marathon (target 3:00:00, 6:52 /mi)');
  });

  it("a barrier's best is a road or track effort, not a trail run or a mountain run", () => {
    // Ten days apart: a break of two weeks would make each a comeback, and no time to chase.
    const specs: RunSpec[] = [
      { date: '2025-01-05', km: 42.195, time: 5 * 3600 + 2 * 60 + 32, elevation: 1300 },
      { date: '2025-01-15', km: 42.195, time: 5 * 3600 + 40 * 60, type: 'Trail Run' },
    ];
    expect(find(nextMilestones(makeRuns(specs), [], makeProfile(), null), 'barrier')).toBeUndefined();
    const road = [...specs, { date: '2025-01-25', km: 42.195, time: 5 * 3600 + 12 * 60, elevation: 250 }];
    expect(find(nextMilestones(makeRuns(road), [], makeProfile(), null), 'barrier')).toMatchObject({ label: 'sub-5 marathon', remaining: 12 * 60 });
  });

  it('offers a barrier only within reach: a few per cent, not a season away', () => {
    const fiveK = (time: number): RunSpec[] => [{ date: '2025-03-01', km: 5, time: 36 * 60 }, { date: '2025-03-08', km: 5, time }];
    // 25:30 is 2 % over sub-25: within reach. 28:00 is 12 % over it, and 2 % over sub-27:30, the line offered.
    expect(find(nextMilestones(makeRuns(fiveK(25 * 60 + 30)), [], makeProfile(), null), 'barrier')).toMatchObject({ label: 'sub-25 5K', remaining: 30 });
    expect(find(nextMilestones(makeRuns(fiveK(28 * 60)), [], makeProfile(), null), 'barrier')).toMatchObject({ label: 'sub-27:30 5K', remaining: 30 });
    // 33:00 is 10 % over sub-30, the next barrier: no line.
    expect(find(nextMilestones(makeRuns(fiveK(33 * 60)), [], makeProfile(), null), 'barrier')).toBeUndefined();
  });

  it('a daily streak is offered from its third day in a row', () => {
    const two = nextMilestones(makeRuns(dailyRuns('2025-03-01', 2, 5)), [], makeProfile(), '2025-03-02');
    expect(find(two, 'daily-streak')).toBeUndefined();
    const three = nextMilestones(makeRuns(dailyRuns('2025-03-01', 3, 5)), [], makeProfile(), '2025-03-03');
    expect(find(three, 'daily-streak')).toMatchObject({ label: '7-day streak', remaining: 4 });
  });

  it('after a comeback only a small step up, and no speed or volume records, for four weeks', () => {
    // Up to 11.2 km, then three weeks off, then back with 5 km.
    const before: RunSpec[] = [...dailyRuns('2025-03-01', 10, 8, { time: 8 * 330 }), { date: '2025-03-12', km: 11.2, time: 11.2 * 360 }];
    const back = makeRuns([...before, { date: '2025-04-05', km: 5, time: 5 * 380 }]);
    const kinds = nextMilestones(back, [], makeProfile(), '2025-04-05').map((m) => m.kind);
    for (const kind of ['distance-first', 'barrier', 'biggest-week', 'biggest-month', 'eddington', 'daily-streak', 'climb-first'] as const) {
      expect(kinds).not.toContain(kind);
    }
    // Up to 11 km since the comeback: 12 km is a tenth more, a small step.
    const stepped = makeRuns([...before, { date: '2025-04-05', km: 5 }, { date: '2025-04-12', km: 8 }, { date: '2025-04-19', km: 11 }]);
    expect(find(nextMilestones(stepped, [], makeProfile(), '2025-04-20'), 'distance-first')).toMatchObject({ label: 'first 12 km' });
    // Four weeks after the comeback, speed again.
    expect(find(nextMilestones(back, [], makeProfile(), '2025-05-04'), 'barrier')).toBeDefined();
  });

  it('recovery after a goal race: two weeks after a half, three after a marathon', () => {
    const runs = makeRuns([...dailyRuns('2025-03-01', 30, 8, { time: 8 * 330 }), { date: '2025-04-06', km: 21.2, time: 21.2 * 330, isRace: true }]);
    const half = makeGoal({ slug: 'half', title: 'Spring Half', date: '2025-04-06', distance: 21_097.5 });
    const has = (today: string, kind: NextMilestone['kind'], goal = half) => nextMilestones(runs, [goal], makeProfile(), today).some((m) => m.kind === kind);
    expect(has('2025-04-20', 'barrier')).toBe(false);
    expect(has('2025-04-21', 'barrier')).toBe(true);
    const full = makeGoal({ slug: 'full', title: 'Spring Marathon', date: '2025-04-06', distance: 42_195 });
    const marathon = makeRuns([...dailyRuns('2025-03-01', 30, 8, { time: 8 * 330 }), { date: '2025-04-06', km: 42.3, time: 42.3 * 360, isRace: true }]);
    const after = (today: string) => nextMilestones(marathon, [full], makeProfile(), today).some((m) => m.kind === 'barrier');
    expect(after('2025-04-27')).toBe(false);
    expect(after('2025-04-28')).toBe(true);
  });

  it('an unwell tag on the last run, in any case: one line, rest', () => {
    const hurt = makeRuns([...dailyRuns('2025-03-01', 5, 8), { date: '2025-03-07', km: 3, tags: ['Sick'] }]);
    const list = nextMilestones(hurt, [], makeProfile(), '2025-03-09');
    expect(texts(list)).toEqual(['Rest and heal: the comeback will be a win of its own']);
    expect(list[0]).toMatchObject({ kind: 'comeback', remaining: 12, unit: 'days', target: 14 });
  });

  it('a mi profile climbs the mile ladder', () => {
    const list = nextMilestones(makeRuns([{ date: '2025-01-05', km: 3.3 }]), [], makeProfile({ units: 'mi' }), null);
    expect(find(list, 'distance-first')).toMatchObject({ label: 'first 3 miles' });
    expect(describeMilestone(find(list, 'distance-first')!, 'mi')).toBe('0.9 mi longer than your longest for your first 3 miles');
  });
});

describe('next on the sample journal', () => {
  it('reads as a taper four weeks before the 50K: no 50 km, no biggest week, no mountain-run best', async () => {
    const { readJournal } = await import('../../src/lib/journal/read-journal.ts');
    const journal = await readJournal('data', { today: null });
    const lines = texts(nextMilestones(journal.runs, journal.goals, journal.profile, journal.today));
    expect(lines).toContain('27 days to Winter Trail 50K: keep it easy');
    const others = lines.filter((line) => !line.startsWith('27 days to'));
    for (const line of others) expect(line).not.toMatch(/50K|50 km|biggest|for sub-\S+ marathon|Eddington/);
  });
});

function texts(list: NextMilestone[]): string[] {
  return list.map((m) => describeMilestone(m, 'km'));
}

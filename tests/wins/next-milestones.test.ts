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
    expect(total).toMatchObject({ label: '250 km lifetime', target: 250_000 });
    expect(total.remaining).toBeCloseTo(250_000 - 102_600, 6);
    expect(describeMilestone(total, 'km')).toBe('147 km to 250 km lifetime');
  });

  it('counts the current streak only while it can go on', () => {
    const alive = find(milestones(runs, '2024-01-07'), 'daily-streak')!;
    expect(alive).toMatchObject({ label: '7-day streak', remaining: 1 });
    expect(describeMilestone(alive, 'km')).toBe('1 more day for a 7-day streak');
    const broken = find(milestones(runs, '2024-01-08'), 'daily-streak')!;
    expect(broken.remaining).toBe(7);
  });

  it('names the next distance, run count, barrier and Eddington rungs', () => {
    const list = milestones(runs, null);
    expect(find(list, 'distance-first')).toMatchObject({ label: 'first 20 km', target: 20_000 });
    expect(find(list, 'run-count')).toMatchObject({ label: '10th run', remaining: 4 });
    expect(find(list, 'barrier')).toMatchObject({ label: 'sub-25 5K', remaining: 0 });
    expect(find(list, 'eddington')).toMatchObject({ label: 'Eddington 10', remaining: 5 });
    expect(describeMilestone(find(list, 'eddington')!, 'km')).toBe('5 more days of 10+ km for Eddington 10');
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
    const after = nextMilestones(makeRuns(runs), [goal], makeProfile(), '2024-03-02');
    expect(after.some((m) => m.goal === 'half')).toBe(false);
  });

  it('works on an empty journal', () => {
    const list = milestones([], null);
    expect(find(list, 'total-distance')).toMatchObject({ remaining: 50_000 });
    expect(find(list, 'anniversary')).toBeUndefined();
  });
});

describe('biggest week and month within reach', () => {
  it('is the old record less this week so far, after four earlier weeks', () => {
    // Mondays 2024-01-01 .. 2024-01-29.
    const specs: RunSpec[] = [
      { date: '2024-01-01', km: 10 },
      { date: '2024-01-08', km: 12 },
      { date: '2024-01-15', km: 8 },
      { date: '2024-01-22', km: 9 },
      { date: '2024-01-30', km: 4 },
    ];
    const week = find(milestones(specs, '2024-01-31'), 'biggest-week')!;
    // A record is beaten, not tied: the target is the record and a metre.
    expect(week).toMatchObject({ remaining: 8001, target: 12_001 });
    expect(describeMilestone(week, 'km')).toBe('8 km more this week for your biggest week yet');
    expect(find(milestones(specs.slice(1), '2024-01-31'), 'biggest-week')).toBeUndefined();
  });
});

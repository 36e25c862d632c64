// The sample journal tells a story; its wins must tell the same one.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Journal, Win } from '../../src/lib/types.ts';
import { readJournal } from '../../src/lib/journal/read-journal.ts';
import { findWins } from '../../src/lib/wins/find-wins.ts';
import { nextMilestones } from '../../src/lib/wins/next-milestones.ts';

let journal: Journal;
let wins: Win[];

beforeAll(async () => {
  journal = await readJournal('data', { today: null });
  wins = findWins(journal.runs, journal.goals, journal.profile);
});

describe('the sample journal', () => {
  it('reads without errors and earns wins of many kinds', () => {
    expect(journal.errors).toEqual([]);
    expect(new Set(wins.map((win) => win.kind)).size).toBeGreaterThanOrEqual(15);
  });

  it('starts with the first run', () => {
    expect(wins[0]).toMatchObject({ kind: 'first-run', date: journal.runs[0]!.date });
  });

  it('celebrates the first 4 km without stopping', () => {
    const win = wins.find((w) => w.kind === 'nonstop-first' && w.rung === '4-km');
    expect(win).toMatchObject({ title: 'First 4 km without stopping' });
    expect(win!.slug).toBe(`${win!.date}-first-4-km-nonstop`);
    // Her story of that run is attached to it.
    const run = journal.runs.find((r) => r.id === win!.runs[0]);
    expect(run?.storyId).toMatch(/first-4k/);
  });

  it('tells the comeback after the knee injury, and the way back to form', () => {
    const comebacks = wins.filter((w) => w.kind === 'comeback');
    expect(comebacks.length).toBeGreaterThanOrEqual(1);
    const knee = comebacks[0]!;
    expect(knee.value).toBeGreaterThanOrEqual(14);
    expect(knee.title).toBe(`Back after ${knee.value} days`);
    const story = journal.stories.find((s) => s.runId === knee.runs[0]);
    expect(story?.id).toMatch(/comeback/);
    const form = wins.find((w) => w.kind === 'back-to-form');
    expect(form && form.date > knee.date).toBe(true);
    expect(form!.runs[1]).toBe(knee.runs[0]);
  });

  it('climbs the staircase toward the 50K goal', () => {
    const goal = journal.goals.find((g) => g.slug === 'winter-trail-50k');
    expect(goal).toBeDefined();
    const steps = wins.filter((w) => w.kind === 'goal-progress' && w.goal === 'winter-trail-50k');
    // Her half marathon in May, before the build-up's start in June, was a quarter of the way
    // already: the staircase starts at halfway.
    expect(steps.map((w) => w.value)).toEqual([50, 75]);
    const start = goal!.start;
    expect(start).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const step of steps) expect(step.date >= start!).toBe(true);
    const milestones = nextMilestones(journal.runs, journal.goals, journal.profile, journal.today);
    expect(milestones.some((m) => m.kind === 'goal-achieved' && m.goal === 'winter-trail-50k')).toBe(
      journal.today !== null && journal.today <= goal!.date,
    );
  });

  it('marks the speed story: a sub-25 5K, and a first half marathon', () => {
    expect(wins.some((w) => w.kind === 'barrier' && w.title === 'Sub-25 5K')).toBe(true);
    expect(wins.some((w) => w.kind === 'distance-first' && w.rung === 'half-marathon')).toBe(true);
    // Its address says what it is and when, so it never changes when later runs are added.
    const barrier = wins.find((w) => w.kind === 'barrier' && w.title === 'Sub-25 5K')!;
    expect(barrier.slug).toBe(`${barrier.date}-sub-25-5k`);
  });

  it('earns about a third fewer wins than every small step would (155), each essay moment still there', () => {
    expect(wins.length).toBeLessThanOrEqual(110);
    const titles = wins.map((w) => `${w.date} ${w.title}`);
    for (const moment of [
      '2024-03-09 First 4 km without stopping',
      '2024-06-15 First 10K race: Hammarby Summer 10K',
      '2024-08-27 Back after 24 days',
      '2024-08-27 Hottest run yet: 32 °C',
      '2024-09-22 Back to form',
      '2024-10-19 First 500 m of climbing',
      '2024-11-21 Showed up anyway, for the 3rd time',
      '2025-10-25 First marathon',
      '2025-10-11 Three quarters of the way to Winter Trail 50K',
      '2024-10-19 Ran every hill of the Ridge loop',
    ]) {
      expect(titles).toContain(moment);
    }
  });

  it('does not celebrate the run tagged injury as showing up anyway', () => {
    const injured = journal.runs.find((r) => r.date === '2024-08-03')!;
    expect(injured.tags).toContain('injury');
    expect(wins.filter((w) => w.runs[0] === injured.id)).toEqual([]);
  });

  it('leads each run with its headline: the first 4 km nonstop over her own words, the first marathon over the trail note', () => {
    const lead = (date: string) => wins.find((w) => w.date === date)!;
    expect(lead('2024-03-09')).toMatchObject({ kind: 'nonstop-first', headline: true });
    expect(lead('2024-06-15')).toMatchObject({ kind: 'race', headline: true });
    expect(lead('2025-10-25')).toMatchObject({ kind: 'distance-first', headline: true });
    // "First 4 km" is said by "First 4 km without stopping": one win, not two.
    expect(wins.filter((w) => w.date === '2024-03-09' && w.kind === 'distance-first')).toEqual([]);
  });
});

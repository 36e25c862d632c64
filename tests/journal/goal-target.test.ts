// A goal's time target and its named race distances, read from real files by the journal reader.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGoal } from '../../src/lib/journal/goals.ts';
import { defaultProfile } from '../../src/lib/journal/profile.ts';
import { readJournal } from '../../src/lib/journal/read-journal.ts';
import { findWins } from '../../src/lib/wins/find-wins.ts';
import { located } from './helpers.ts';

const goalFile = (fields: string) => `---\ntitle: City Marathon\ndate: 2025-10-12\n${fields}\n---\nWhy.\n`;

describe('goal targets', () => {
  it('names race distances: marathon, half, 50k, 10k, 5k, in any unit profile', () => {
    const mi = { ...defaultProfile(), units: 'mi' as const };
    const cases: Array<[string, number]> = [['marathon', 42_195], ['half', 21_097.5], ['Half Marathon', 21_097.5], ['50k', 50_000], ['10k', 10_000], ['5K', 5000]];
    for (const [name, metres] of cases) {
      const { goal, problems } = parseGoal(goalFile(`distance: ${name}`), 'goals/city.md', mi);
      expect(problems).toEqual([]);
      expect(goal?.distance, name).toBeCloseTo(metres, 6);
    }
  });

  it('reads a time target, and names the line of a bad one', () => {
    expect(parseGoal(goalFile('distance: marathon\ntime: 3:00:00'), 'goals/city.md', defaultProfile()).goal?.time).toBe(10_800);
    expect(parseGoal(goalFile('distance: marathon'), 'goals/city.md', defaultProfile()).goal?.time).toBeNull();
    const bad = parseGoal(goalFile('distance: marathen\ntime: three hours'), 'goals/city.md', defaultProfile());
    expect(bad.goal).toBeNull();
    expect(located(bad.problems)).toEqual([
      [4, 'distance', 'marathen'],
      [5, 'time', 'three hours'],
    ]);
    expect(bad.problems[0]!.message).toContain('marathon, half, 50k, 10k or 5k');
  });

  it('a goal with a time is achieved only at or under it (the time as logged)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'goal-target-'));
    mkdirSync(join(dir, 'goals'));
    writeFileSync(join(dir, 'goals', 'city.md'), goalFile('distance: marathon\ntime: 3:00:00'));
    const csv = (time: string) => `date,distance,time,race\n2025-09-01,10,50:00,\n2025-10-12,42.2,${time},City Marathon\n`;
    writeFileSync(join(dir, 'runs.csv'), csv('3:00:01'));
    let journal = await readJournal(dir);
    expect(journal.errors).toEqual([]);
    expect(findWins(journal.runs, journal.goals, journal.profile).some((w) => w.kind === 'goal-achieved')).toBe(false);
    writeFileSync(join(dir, 'runs.csv'), csv('2:59:59'));
    journal = await readJournal(dir);
    expect(findWins(journal.runs, journal.goals, journal.profile).find((w) => w.kind === 'goal-achieved')?.slug).toBe('2025-10-12-city-achieved');
  });
});

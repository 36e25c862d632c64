// `next` as a running coach would sign it, on copies of the sample journal (Maya: first ultra, the
// Winter Trail 50K on 2025-12-13; a knee injury on 2024-08-03, back on 2024-08-27): what it asks
// for depends on where she is in her season.
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJournal } from '../../src/lib/journal/read-journal.ts';
import { describeMilestone, nextMilestones } from '../../src/lib/wins/next-milestones.ts';

let scratch: string;
let sample: string;
let raced: string;

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'next-phases-'));
  sample = join(scratch, 'sample');
  raced = join(scratch, 'raced');
  cpSync('data', sample, { recursive: true });
  cpSync('data', raced, { recursive: true });
  const csv = join(raced, 'runs.csv');
  const header = readFileSync(csv, 'utf8').split('\n')[0]!;
  expect(header).toBe('date,distance,time,title,type,race,elevation,nonstop,feeling,temperature,tags,win,notes,private,shoes');
  const end = readFileSync(csv, 'utf8').endsWith('\n') ? '' : '\n';
  appendFileSync(csv, `${end}2025-12-13T08:00,50.4,7:12:00,Winter Trail 50K,race,Winter Trail 50K,1400,,4,-3,race;trail,,,,Kestrel 4\n`);
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** What `next` prints for the journal in `dir` on `today` (null: its last run's day), the reward aside. */
async function next(dir: string, today: string | null): Promise<string[]> {
  const journal = await readJournal(dir, { today });
  expect(journal.errors).toEqual([]);
  return nextMilestones(journal.runs, journal.goals, journal.profile, journal.today).map((m) => describeMilestone(m, journal.profile.units));
}

/** Lines that ask for more: speed, volume, streaks, longer runs and climbs. */
const ASKS_MORE = /off your best|lifetime|biggest|Eddington|streak|longer than your longest|more in one run/;

describe('next in the taper', () => {
  for (const today of [null, '2025-12-06', '2025-12-13']) {
    it(`${today ?? 'the last run (2025-11-16)'}: the race first, nothing to chase, gentle things kept`, async () => {
      const lines = await next(sample, today);
      expect(lines[0]).toMatch(/Winter Trail 50K/);
      expect(lines.filter((line) => ASKS_MORE.test(line))).toEqual([]);
      expect(lines.some((line) => /years? of running$/.test(line))).toBe(true);
    });
  }

  it('reads 27 days out as a taper in words', async () => {
    expect((await next(sample, null))[0]).toBe('27 days to Winter Trail 50K: keep it easy');
    expect((await next(sample, '2025-12-13'))[0]).toBe('Winter Trail 50K is today');
  });
});

describe('next when hurt, and back', () => {
  it('a week after the knee injury: one line, rest', async () => {
    expect(await next(sample, '2024-08-10')).toEqual(['Rest and heal: the comeback will be a win of its own']);
    // The day of the injury too: its run is the last.
    expect(await next(sample, '2024-08-03')).toEqual(['Rest and heal: the comeback will be a win of its own']);
  });

  it('on comeback day: no PB, no record week, no streak, no first 12 km from a 4 km run', async () => {
    const lines = await next(sample, '2024-08-27');
    expect(lines.filter((line) => /off your best|biggest|Eddington|day streak|first 12 km|climbing/.test(line))).toEqual([]);
    expect(lines.some((line) => /Winter Trail 50K/.test(line))).toBe(true);
  });

  it('weeks after the comeback it asks for speed and records again', async () => {
    const lines = await next(sample, '2024-10-20');
    expect(lines.some((line) => /off your best for sub-27:30 5K/.test(line))).toBe(true);
    expect(lines.some((line) => /biggest week/.test(line))).toBe(true);
  });
});

describe('next after the goal race', () => {
  it('race day with the race logged: the race done first, nothing to chase', async () => {
    const lines = await next(raced, '2025-12-13');
    expect(lines[0]).toBe('Winter Trail 50K: done');
    expect(lines.filter((line) => ASKS_MORE.test(line))).toEqual([]);
  });

  it('three weeks of recovery after a 50K, then asks again', async () => {
    expect((await next(raced, '2026-01-03')).filter((line) => ASKS_MORE.test(line))).toEqual([]);
    // The sample's last training run is from 2025-11-16: the race came after a break, so what
    // returns is what a comeback allows (the lifetime total), not yet speed.
    expect((await next(raced, '2026-01-04')).some((line) => /lifetime/.test(line))).toBe(true);
  });

  it('race day passed and no run for it: asks for the race, not more running', async () => {
    const lines = await next(sample, '2025-12-14');
    expect(lines[0]).toBe('Winter Trail 50K was on 13 December: log your race');
    expect(lines.filter((line) => ASKS_MORE.test(line))).toEqual([]);
  });
});

describe('next, milder', () => {
  it('no daily streak to chase from one or two days in a row', async () => {
    // 2025-10-25 and 2025-10-26: two days in a row.
    expect((await next(sample, '2025-10-26')).filter((line) => /day streak/.test(line))).toEqual([]);
  });

  it('one line for a first 12 km and a first 12 km without stopping', async () => {
    const lines = await next(sample, '2024-08-01');
    expect(lines.filter((line) => line.includes('first 12 km'))).toEqual(['0.8 km longer than your longest for your first 12 km']);
  });
});

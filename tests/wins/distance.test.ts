import { describe, expect, it } from 'vitest';
import { ofKind, titles, winsOf } from './helpers.ts';
import { GPS, makeProfile, makeRuns } from './make-run.ts';
import { nextMilestones } from '../../src/lib/wins/next-milestones.ts';

describe('first-run', () => {
  it('is the first run, and earns no distance-first or longest-run', () => {
    const wins = winsOf([{ date: '2024-01-01', km: 5 }]);
    expect(wins.map((w) => w.kind)).toEqual(['first-run']);
    expect(wins[0]).toMatchObject({ slug: '2024-01-01-first-run', title: 'First run', value: 5000, unit: 'm' });
  });

  it('counts the rungs it reaches as reached', () => {
    const wins = winsOf([
      { date: '2024-01-01', km: 5 },
      { date: '2024-01-02', km: 4.5 },
      { date: '2024-01-03', km: 6 },
    ]);
    expect(ofKind(wins, 'distance-first')).toEqual([]);
    expect(titles(wins, 'longest-run')).toEqual(['2024-01-03 Longest run yet: 6 km']);
  });
});

describe('distance-first', () => {
  it('reaches a rung at exactly 0.99 of it when measured, not below', () => {
    const wins = winsOf([
      { date: '2024-01-01', km: 1 },
      { date: '2024-01-02', km: 4.9499, source: GPS },
      { date: '2024-01-03', km: 4.95, source: GPS },
    ]);
    expect(titles(wins, 'distance-first')).toEqual(['2024-01-02 First 4 km', '2024-01-03 First 5K']);
    // Typed, 4.95 km is what she ran: 50 m short of a 5K.
    const typed = winsOf([
      { date: '2024-01-01', km: 1 },
      { date: '2024-01-02', km: 4.95 },
    ]);
    expect(titles(typed, 'distance-first')).toEqual(['2024-01-02 First 4 km']);
  });

  it('earns one win per run, for the highest new rung', () => {
    const wins = winsOf([
      { date: '2024-01-01', km: 2 },
      { date: '2024-01-05', km: 10.5 },
    ]);
    const firsts = ofKind(wins, 'distance-first');
    expect(firsts).toHaveLength(1);
    // The rung it reached is the title's and `rung`; the figure is what the run did.
    expect(firsts[0]).toMatchObject({ slug: '2024-01-05-first-10k', rung: '10k', value: 10_500 });
    expect(firsts[0]!.previous).toEqual({ value: 2000, date: '2024-01-01', slug: '2024-01-01-first-run', run: '2024-01-01' });
    expect(firsts[0]!.daysSincePrevious).toBe(4);
  });

  it('uses race names and mile names, with the same slugs for a mi profile', () => {
    const specs = [
      { date: '2024-01-01', km: 1 },
      { date: '2024-01-02', km: 16.1 },
      { date: '2024-01-03', km: 21.1 },
      { date: '2024-01-04', km: 42.2 },
    ];
    const km = winsOf(specs);
    const mi = winsOf(specs, { profile: { units: 'mi' } });
    expect(titles(km, 'distance-first')).toEqual([
      '2024-01-02 First 10 miles',
      '2024-01-03 First half marathon',
      '2024-01-04 First marathon',
    ]);
    expect(ofKind(mi, 'distance-first').map((w) => w.slug)).toEqual(ofKind(km, 'distance-first').map((w) => w.slug));
    expect(ofKind(km, 'distance-first')[0]!.slug).toBe('2024-01-02-first-10-miles');
  });

  it('carries the longest-run progression with this run as its point', () => {
    const wins = winsOf([
      { date: '2024-01-01', km: 1 },
      { date: '2024-01-02', km: 1.5 },
      { date: '2024-01-03', km: 2 },
    ]);
    const first2 = ofKind(wins, 'distance-first')[0]!;
    const { series, upTo } = first2.progression!;
    expect(series.points[upTo]).toMatchObject({ date: '2024-01-03', value: 2000, runId: '2024-01-03' });
    expect(upTo).toBe(2);
  });
});

describe('nonstop-first', () => {
  it('earns nothing in a journal that never uses the field', () => {
    const wins = winsOf([
      { date: '2024-01-01', km: 1 },
      { date: '2024-01-02', km: 4 },
    ]);
    expect(ofKind(wins, 'nonstop-first')).toEqual([]);
  });

  it('counts only nonstop runs; the first nonstop run earns its highest rung', () => {
    const wins = winsOf([
      { date: '2024-01-01', km: 3, nonstop: true },
      { date: '2024-01-02', km: 4, nonstop: false },
      { date: '2024-01-03', km: 4, nonstop: true },
    ]);
    expect(titles(wins, 'nonstop-first')).toEqual([
      '2024-01-01 First 3 km without stopping',
      '2024-01-03 First 4 km without stopping',
    ]);
    expect(ofKind(wins, 'nonstop-first')[1]!.slug).toBe('2024-01-03-first-4-km-nonstop');
  });

  it('ends at 10K: past it, a run without walk breaks is no win, and the distance first stays plain', () => {
    // A walk-run beginner: 5K and 10K without stopping are the steps; 12 km without stopping two
    // months after a 12 km with walk breaks, and a first 15 km that happens to be nonstop, are not.
    const wins = winsOf([
      { date: '2024-01-01', km: 5, nonstop: true },
      { date: '2024-01-10', km: 10, nonstop: true },
      { date: '2024-01-20', km: 12, nonstop: false },
      { date: '2024-01-30', km: 12, nonstop: true },
      { date: '2024-02-08', km: 15, nonstop: true },
    ]);
    expect(titles(wins, 'nonstop-first')).toEqual(['2024-01-01 First 5K without stopping', '2024-01-10 First 10K without stopping']);
    expect(titles(wins, 'distance-first')).toEqual(['2024-01-20 First 12 km', '2024-02-08 First 15 km']);
    expect(ofKind(wins, 'distance-first')[1]!.slug).toBe('2024-02-08-first-15-km');
    expect(wins.filter((w) => w.date === '2024-01-30')).toEqual([]);
  });

  it('a first nonstop run past 10K earns the 10K without stopping, and its own distance first', () => {
    const wins = winsOf([
      { date: '2024-01-01', km: 8 },
      { date: '2024-01-05', km: 12.1, nonstop: true },
    ]);
    expect(titles(wins, 'nonstop-first')).toEqual(['2024-01-05 First 10K without stopping']);
    expect(titles(wins, 'distance-first')).toEqual(['2024-01-05 First 12 km']);
  });

  it('retires once 8 of the last 10 runs were without stopping, and next stops asking for it', () => {
    // Seven nonstop runs in ten: still the walk-run stage, so 4 km without stopping is ahead. The
    // eighth in ten makes running without stopping her habit: from then on 4 km without stopping
    // is no win, a first 5K that happens to be nonstop is a plain "First 5K", and next asks for no
    // rung "without stopping".
    const specs = [
      ...['01', '02', '03'].map((day) => ({ date: `2024-02-${day}`, km: 4, nonstop: false })),
      ...['04', '05', '06', '07', '08', '09', '10', '11'].map((day) => ({ date: `2024-02-${day}`, km: 3, nonstop: true })),
      { date: '2024-02-12', km: 4.1, nonstop: true },
      { date: '2024-02-13', km: 5, nonstop: true },
    ];
    const wins = winsOf(specs);
    expect(titles(wins, 'nonstop-first')).toEqual(['2024-02-04 First 3 km without stopping']);
    expect(titles(wins, 'distance-first')).toContain('2024-02-13 First 5K');
    const next = (upTo: number) => nextMilestones(makeRuns(specs.slice(0, upTo)), [], makeProfile(), specs[upTo - 1]!.date);
    expect(next(10).filter((m) => m.kind === 'nonstop-first').map((m) => m.label)).toEqual(['first 4 km without stopping']);
    expect(next(11).filter((m) => m.kind === 'nonstop-first')).toEqual([]);
  });

  it('ends at 6 miles for a mi profile (the rung nearest 10K)', () => {
    const wins = winsOf(
      [
        { date: '2024-01-01', km: 1.7, nonstop: true },
        { date: '2024-02-01', km: 9.7, nonstop: true },
        { date: '2024-03-01', km: 13, nonstop: true },
      ],
      { profile: { units: 'mi' } },
    );
    expect(titles(wins, 'nonstop-first')).toEqual(['2024-01-01 First 1 mile without stopping', '2024-02-01 First 6 miles without stopping']);
  });
});

describe('longest-run', () => {
  it('needs at least 10% over every earlier run', () => {
    const wins = winsOf([
      { date: '2024-01-01', km: 5 },
      { date: '2024-01-02', km: 5.4 },
      { date: '2024-01-03', km: 5.94 },
      { date: '2024-01-04', km: 6.5 },
      { date: '2024-01-05', km: 7.149 },
      { date: '2024-01-06', km: 7.864 },
    ]);
    // 5.4 is 8% over 5; 5.94 is 10% over 5.4; 6.5 is 9.4% over 5.94; 7.149 falls a metre short
    // of 10% over 6.5, but is the record that 7.864 beats by 10%.
    expect(titles(wins, 'longest-run')).toEqual(['2024-01-03 Longest run yet: 5.9 km', '2024-01-06 Longest run yet: 7.9 km']);
    // The record it beat is the longest run before it, won or not.
    expect(ofKind(wins, 'longest-run')[1]!.previous).toMatchObject({ value: 7149, date: '2024-01-05', slug: null });
  });

  it('in the first twelve weeks a tenth more is a win, however short; after them it must be 500 m longer and 5 km or more', () => {
    const wins = winsOf([
      { date: '2024-01-01', km: 1.5 },
      { date: '2024-01-08', km: 1.7 },
      { date: '2024-01-15', km: 2.5 },
      ...['01-22', '01-29', '02-05', '02-12', '02-19', '02-26', '03-04', '03-11'].map((day) => ({ date: `2024-${day}`, km: 2.5 })),
      { date: '2024-03-18', km: 2.8 },
      { date: '2024-03-25', km: 3 },
      { date: '2024-04-01', km: 3.3 },
      { date: '2024-04-08', km: 3.8 },
      { date: '2024-04-15', km: 5.1 },
      { date: '2024-04-22', km: 5.4 },
      { date: '2024-04-29', km: 6 },
    ]);
    // 1.7 km after 1.5 km in week two, 2.8 after 2.5 in week twelve: steps. 3.3 km after 3 km in
    // week fourteen: 300 m, a detour; 3.8 km is a tenth and 500 m more, but under 5 km after the
    // first weeks: a short run on purpose. 5.1 km is the first 5K; 5.4 km is 300 m more, a detour;
    // 6 km is the step, and names 5.4 km, the longest run before it, as the record.
    expect(titles(wins, 'longest-run')).toEqual([
      '2024-01-08 Longest run yet: 1.7 km',
      '2024-03-18 Longest run yet: 2.8 km',
      '2024-04-29 Longest run yet: 6 km',
    ]);
    expect(ofKind(wins, 'longest-run')[2]!.previous).toMatchObject({ value: 5400, date: '2024-04-22', slug: null });
    // A runner whose profile says she started long before the journal has no first weeks in it.
    const seasoned = winsOf(
      [
        { date: '2024-01-01', km: 1.5 },
        { date: '2024-01-08', km: 1.7 },
      ],
      { profile: { runningSince: '2020-05-01' } },
    );
    expect(ofKind(seasoned, 'longest-run')).toEqual([]);
  });

  it('is not earned by a run that earned a distance-first', () => {
    const wins = winsOf([
      { date: '2024-01-01', km: 3.5 },
      { date: '2024-01-02', km: 4 },
    ]);
    expect(ofKind(wins, 'longest-run')).toEqual([]);
    expect(ofKind(wins, 'distance-first')).toHaveLength(1);
  });

  it('titles the distance in the profile unit', () => {
    const wins = winsOf(
      [
        { date: '2024-01-01', km: 5.5 },
        { date: '2024-01-02', km: 6.1 },
      ],
      { profile: { units: 'mi' } },
    );
    expect(titles(wins, 'longest-run')).toEqual(['2024-01-02 Longest run yet: 3.8 mi']);
  });
});

describe('climb-first', () => {
  it('compares elevation as written (no tolerance), one win for the highest new rung', () => {
    const wins = winsOf([
      { date: '2024-01-01', km: 5, elevation: 99 },
      { date: '2024-01-02', km: 5, elevation: 100 },
      { date: '2024-01-03', km: 5, elevation: 600 },
      { date: '2024-01-04', km: 5, elevation: 600 },
    ]);
    expect(titles(wins, 'climb-first')).toEqual([
      '2024-01-02 First 100 m of climbing',
      '2024-01-03 First 500 m of climbing',
    ]);
    expect(ofKind(wins, 'climb-first')[1]).toMatchObject({ slug: '2024-01-03-first-500-m-climb', rung: '500-m', value: 600, unit: 'm-climb' });
  });
});

import { describe, expect, it } from 'vitest';
import { dailyRuns } from './make-run.ts';
import { ofKind, titles, winsOf } from './helpers.ts';

describe('run-count', () => {
  it('celebrates the 10th and 50th runs, not the 25th, counting every run of a day', () => {
    const wins = winsOf([...dailyRuns('2024-01-01', 9, 1), { date: '2024-01-09', km: 1 }, ...dailyRuns('2024-01-10', 40, 1)]);
    expect(titles(wins, 'run-count')).toEqual(['2024-01-09 10th run', '2024-02-18 50th run']);
    const tenth = ofKind(wins, 'run-count')[0]!;
    expect(tenth).toMatchObject({ slug: '2024-01-09-10th-run', value: 10, unit: 'runs', runs: ['2024-01-09-2'] });
    // The 1st run is the first-run win, never a "1st run" count as well.
    expect(ofKind(wins, 'first-run')).toHaveLength(1);
  });

  it('goes 100, 250, 500, 1,000, then every 500th (no 150th, 200th, 300th, 400th, 750th)', () => {
    const wins = winsOf(dailyRuns('2020-01-01', 1500, 1));
    expect(ofKind(wins, 'run-count').map((w) => w.value)).toEqual([10, 50, 100, 250, 500, 1000, 1500]);
  });
});

describe('daily-streak', () => {
  it('reaches 7 days on the 7th consecutive day, not with a gap', () => {
    const six = winsOf([...dailyRuns('2024-01-01', 6, 3), ...dailyRuns('2024-01-08', 6, 3)]);
    expect(ofKind(six, 'daily-streak')).toEqual([]);
    const seven = winsOf(dailyRuns('2024-01-01', 7, 3));
    expect(ofKind(seven, 'daily-streak').map((w) => [w.slug, w.title, w.value])).toEqual([
      ['2024-01-07-7-day-streak', '7-day streak', 7],
    ]);
  });

  it('counts only the first time ever a length is reached', () => {
    const wins = winsOf([...dailyRuns('2024-01-01', 14, 3), ...dailyRuns('2024-02-01', 14, 3)]);
    expect(titles(wins, 'daily-streak')).toEqual(['2024-01-07 7-day streak', '2024-01-14 14-day streak']);
    expect(ofKind(wins, 'daily-streak')[1]!.previous).toMatchObject({ value: 7, date: '2024-01-07' });
  });
});

describe('weekly-streak', () => {
  it('reaches 4 weeks on the first run of the 4th week', () => {
    const wins = winsOf([
      { date: '2024-01-01', km: 3 },
      { date: '2024-01-10', km: 3 },
      { date: '2024-01-19', km: 3 },
      { date: '2024-01-26', km: 3 },
      { date: '2024-01-28', km: 3 },
      { date: '2024-01-29', km: 3 },
    ]);
    expect(ofKind(wins, 'weekly-streak').map((w) => [w.slug, w.title])).toEqual([
      ['2024-01-26-4-week-streak', '4-week streak'],
    ]);
  });

  it('follows the profile week start', () => {
    // Sunday weeks: 12-31, 01-07, 01-14, 01-21 each hold a run.
    const wins = winsOf(
      [
        { date: '2024-01-06', km: 3 },
        { date: '2024-01-07', km: 3 },
        { date: '2024-01-14', km: 3 },
        { date: '2024-01-21', km: 3 },
      ],
      { profile: { weekStart: 'sunday' } },
    );
    expect(titles(wins, 'weekly-streak')).toEqual(['2024-01-21 4-week streak']);
  });
});

describe('eddington', () => {
  it('rises to 10 when there are 10 days of at least 10 units', () => {
    const wins = winsOf([...dailyRuns('2024-01-01', 9, 10), ...dailyRuns('2024-01-10', 1, 9.999)]);
    expect(ofKind(wins, 'eddington')).toEqual([]);
    const ten = winsOf([...dailyRuns('2024-01-01', 9, 10), ...dailyRuns('2024-01-10', 1, 10)]);
    expect(ofKind(ten, 'eddington').map((w) => [w.slug, w.title, w.value])).toEqual([
      ['2024-01-10-eddington-10', 'Eddington number 10', 10],
    ]);
  });

  it('adds the runs of one day together', () => {
    const wins = winsOf([...dailyRuns('2024-01-01', 9, 12), { date: '2024-01-10', km: 6 }, { date: '2024-01-10', km: 6 }]);
    expect(titles(wins, 'eddington')).toEqual(['2024-01-10 Eddington number 10']);
    expect(ofKind(wins, 'eddington')[0]!.runs).toEqual(['2024-01-10-2']);
  });

  it('is a win only at 10, 25, 50, 75 and 100, never at the values between', () => {
    const wins = winsOf(dailyRuns('2020-01-01', 110, 110));
    expect(ofKind(wins, 'eddington').map((w) => [w.date, w.value])).toEqual([
      ['2020-01-10', 10],
      ['2020-01-25', 25],
      ['2020-02-19', 50],
      ['2020-03-15', 75],
      ['2020-04-09', 100],
    ]);
    expect(ofKind(wins, 'eddington')[1]!.previous).toMatchObject({ value: 10, date: '2020-01-10' });
    const eleven = winsOf(dailyRuns('2024-01-01', 11, 12));
    expect(titles(eleven, 'eddington')).toEqual(['2024-01-10 Eddington number 10']);
  });

  it('is off with `eddington: no` in the profile', () => {
    const wins = winsOf(dailyRuns('2024-01-01', 30, 30), { profile: { eddington: false } });
    expect(ofKind(wins, 'eddington')).toEqual([]);
    expect(ofKind(wins, 'run-count')).toHaveLength(1);
  });

  it('counts days in the profile unit', () => {
    const wins = winsOf(dailyRuns('2024-01-01', 10, 16.1), { profile: { units: 'mi' } });
    expect(titles(wins, 'eddington')).toEqual(['2024-01-10 Eddington number 10']);
    const km = winsOf(dailyRuns('2024-01-01', 10, 9.9));
    expect(ofKind(km, 'eddington')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { nextMilestones } from '../../src/lib/wins/next-milestones.ts';
import { dailyRuns, makeProfile, makeRuns } from './make-run.ts';
import { ofKind, titles, winsOf } from './helpers.ts';

describe('total-distance', () => {
  it('crosses 100 and 500 km (no 50 or 250), one win per run for the highest rung crossed', () => {
    const wins = winsOf([
      { date: '2024-01-01', km: 99.9 },
      { date: '2024-01-02', km: 0.1 },
      { date: '2024-01-03', km: 150 },
      { date: '2024-01-04', km: 350 },
    ]);
    expect(titles(wins, 'total-distance')).toEqual(['2024-01-02 100 km lifetime', '2024-01-04 500 km lifetime']);
    expect(ofKind(wins, 'total-distance')[0]).toMatchObject({ slug: '2024-01-02-100-km-lifetime', value: 100_000 });
  });

  it('continues every 1,000 km after 1,000 (no 1,500 or 2,500)', () => {
    const wins = winsOf([
      { date: '2024-01-01', km: 999 },
      { date: '2024-01-02', km: 1 },
      { date: '2024-01-03', km: 600 },
      { date: '2024-01-04', km: 1001 },
    ]);
    expect(titles(wins, 'total-distance').slice(-2)).toEqual(['2024-01-02 1,000 km lifetime', '2024-01-04 2,000 km lifetime']);
  });

  it('counts in miles for a mi profile', () => {
    const wins = winsOf(
      [
        { date: '2024-01-01', km: 100 },
        { date: '2024-01-02', km: 61 },
      ],
      { profile: { units: 'mi' } },
    );
    expect(ofKind(wins, 'total-distance').map((w) => [w.slug, w.title])).toEqual([
      ['2024-01-02-100-miles-lifetime', '100 miles lifetime'],
    ]);
  });
});

describe('biggest-week', () => {
  // Mondays: 2024-01-01, 08, 15, 22, 29, 02-05, 12, 19, 26, 03-04, 11, 18.
  const base = [
    { date: '2024-01-01', km: 10 },
    ...['01-08', '01-15', '01-22', '01-29', '02-05', '02-12', '02-19'].map((day) => ({ date: `2024-${day}`, km: 5 })),
  ];

  it('needs eight earlier weeks with runs', () => {
    const wins = winsOf([...base.slice(0, 7), { date: '2024-02-19', km: 12 }]);
    expect(ofKind(wins, 'biggest-week')).toEqual([]);
  });

  it('is dated on the run that takes the week 10% over the record, valued at the whole week', () => {
    const wins = winsOf([
      ...base,
      { date: '2024-02-26', km: 6 },
      { date: '2024-02-27', km: 4.9 },
      { date: '2024-02-28', km: 0.1 },
      { date: '2024-02-29', km: 3 },
    ]);
    const [week] = ofKind(wins, 'biggest-week');
    expect(week).toMatchObject({ slug: '2024-02-28-biggest-week', title: 'Biggest week yet', value: 14_000 });
    // The record: the week's total, dated on the week's first day, linked to no win.
    expect(week!.previous).toEqual({ value: 10_000, date: '2024-01-01', slug: null });
    const { series, upTo } = week!.progression!;
    expect(series.points[upTo]).toMatchObject({ date: '2024-02-26', value: 14_000 });
  });

  it('a week less than 10% over the last record celebrated is no win and leaves the bar; the record it beat is the biggest week; the week start follows the profile', () => {
    const close = winsOf([...base, { date: '2024-02-26', km: 10.9 }, { date: '2024-03-04', km: 11.5 }, { date: '2024-03-11', km: 12.65 }]);
    // 10.9 km is short of 11 (10% over the 10 km of the first weeks): the bar stays at 10 km, and
    // 11.5 clears it. Its record is still the biggest week before, 10.9 km, never a win.
    expect(titles(close, 'biggest-week')).toEqual(['2024-03-04 Biggest week yet', '2024-03-11 Biggest week yet']);
    expect(ofKind(close, 'biggest-week')[0]!.previous).toEqual({ value: 10_900, date: '2024-02-26', slug: null });
    expect(ofKind(close, 'biggest-week')[1]!.previous).toEqual({ value: 11_500, date: '2024-03-04', slug: '2024-03-04-biggest-week' });
    // With Sunday weeks, Sunday 2024-02-25 and Monday 2024-02-26 share a week.
    const sunday = winsOf([...base, { date: '2024-02-25', km: 6 }, { date: '2024-02-26', km: 6 }], {
      profile: { weekStart: 'sunday' },
    });
    expect(titles(sunday, 'biggest-week')).toEqual(['2024-02-26 Biggest week yet']);
  });

  it('celebrates steady growth: 5% more a week is a win every other week, measured from the last one celebrated', () => {
    // Each week 5% over the one before: never 10% over the biggest week before it.
    const weeks = ['02-26', '03-04', '03-11', '03-18', '03-25', '04-01', '04-08'];
    const kms = [10.5, 11.03, 11.58, 12.16, 12.76, 13.4, 14.07];
    const wins = winsOf([...base, ...weeks.map((day, i) => ({ date: `2024-${day}`, km: kms[i]! }))]);
    expect(titles(wins, 'biggest-week')).toEqual(['2024-03-04 Biggest week yet', '2024-03-18 Biggest week yet', '2024-04-01 Biggest week yet']);
    // Each names the biggest week before it, celebrated or not.
    expect(ofKind(wins, 'biggest-week').map((w) => w.previous)).toEqual([
      { value: 10_500, date: '2024-02-26', slug: null },
      { value: 11_580, date: '2024-03-11', slug: null },
      { value: 12_760, date: '2024-03-25', slug: null },
    ]);
  });

  it('next asks for 10% over the last week celebrated, the target the detector uses', () => {
    const weeks = ['02-26', '03-04', '03-11'];
    const kms = [10.5, 11.03, 11.58];
    const specs = [...base, ...weeks.map((day, i) => ({ date: `2024-${day}`, km: kms[i]! }))];
    expect(titles(winsOf(specs), 'biggest-week')).toEqual(['2024-03-04 Biggest week yet']);
    // In the week of 03-18, nothing run yet: 10% over 11.03 km, not over the bigger 11.58.
    const week = nextMilestones(makeRuns(specs), [], makeProfile(), '2024-03-18').find((m) => m.kind === 'biggest-week');
    expect(week?.target).toBeCloseTo(12_133, 0);
  });

  it('keeps zero weeks in the weekly series', () => {
    const wins = winsOf([...base, { date: '2024-03-18', km: 20 }]);
    const { series, upTo } = ofKind(wins, 'biggest-week')[0]!.progression!;
    expect(series.points.slice(upTo - 4, upTo + 1).map((p) => p.value)).toEqual([5000, 0, 0, 0, 20_000]);
  });
});

describe('biggest-month', () => {
  it('needs three earlier months with runs, and 10% over the record', () => {
    const months = [
      { date: '2024-01-10', km: 10 },
      { date: '2024-02-10', km: 10 },
      { date: '2024-04-10', km: 11 },
      { date: '2024-05-10', km: 5 },
      { date: '2024-05-20', km: 7 },
      { date: '2024-05-25', km: 0.1 },
    ];
    const wins = winsOf(months);
    expect(titles(wins, 'biggest-month')).toEqual(['2024-05-25 Biggest month yet']);
    expect(ofKind(wins, 'biggest-month')[0]!.previous).toMatchObject({ value: 11_000, date: '2024-04-01' });
  });

  it('measures a month against the last month celebrated, not a bigger month that was no win', () => {
    const months = [
      { date: '2024-01-10', km: 100 },
      { date: '2024-02-10', km: 100 },
      { date: '2024-03-10', km: 100 },
      // April clears 110 km: a win. May grows 5%, June 5% more: June is 10% over April.
      { date: '2024-04-10', km: 115 },
      { date: '2024-05-10', km: 120.75 },
      { date: '2024-06-10', km: 126.8 },
    ];
    expect(titles(winsOf(months), 'biggest-month')).toEqual(['2024-04-10 Biggest month yet', '2024-06-10 Biggest month yet']);
  });

  it('daily runs: the record month wins once', () => {
    const wins = winsOf([...dailyRuns('2024-01-01', 31 + 29 + 31, 1), ...dailyRuns('2024-04-01', 30, 2)]);
    // 34.1 km is 10% over January's 31 km: the 18th run of April (36 km) passes it.
    expect(titles(wins, 'biggest-month')).toEqual(['2024-04-18 Biggest month yet']);
    expect(ofKind(wins, 'biggest-month')[0]!.value).toBe(60_000);
  });
});

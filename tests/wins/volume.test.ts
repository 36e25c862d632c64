import { describe, expect, it } from 'vitest';
import { dailyRuns } from './make-run.ts';
import { ofKind, titles, winsOf } from './helpers.ts';

describe('total-distance', () => {
  it('crosses 50 and 100 km, one win per run for the highest rung crossed', () => {
    const wins = winsOf([
      { date: '2024-01-01', km: 49.9 },
      { date: '2024-01-02', km: 0.1 },
      { date: '2024-01-03', km: 150 },
    ]);
    expect(titles(wins, 'total-distance')).toEqual(['2024-01-02 50 km lifetime', '2024-01-03 100 km lifetime']);
    expect(ofKind(wins, 'total-distance')[1]).toMatchObject({ slug: '2024-01-03-100-km-lifetime', value: 100_000 });
  });

  it('continues every 500 km after 1,000', () => {
    const wins = winsOf([
      { date: '2024-01-01', km: 999 },
      { date: '2024-01-02', km: 1 },
      { date: '2024-01-03', km: 499 },
      { date: '2024-01-04', km: 1001 },
    ]);
    expect(titles(wins, 'total-distance').slice(-2)).toEqual(['2024-01-02 1,000 km lifetime', '2024-01-04 2,500 km lifetime']);
  });

  it('has its own ladder in miles for a mi profile', () => {
    const wins = winsOf(
      [
        { date: '2024-01-01', km: 30 },
        { date: '2024-01-02', km: 11 },
      ],
      { profile: { units: 'mi' } },
    );
    expect(ofKind(wins, 'total-distance').map((w) => [w.slug, w.title])).toEqual([
      ['2024-01-02-25-miles-lifetime', '25 miles lifetime'],
    ]);
  });
});

describe('biggest-week', () => {
  // Mondays: 2024-01-01, 08, 15, 22, 29.
  const base = [
    { date: '2024-01-01', km: 10 },
    { date: '2024-01-08', km: 5 },
    { date: '2024-01-15', km: 5 },
    { date: '2024-01-22', km: 5 },
  ];

  it('needs four earlier weeks with runs', () => {
    const wins = winsOf([...base.slice(0, 3), { date: '2024-01-22', km: 11 }]);
    expect(ofKind(wins, 'biggest-week')).toEqual([]);
  });

  it('is dated on the run that passes the record, valued at the whole week', () => {
    const wins = winsOf([
      ...base,
      { date: '2024-01-29', km: 6 },
      { date: '2024-01-30', km: 5 },
      { date: '2024-02-01', km: 3 },
    ]);
    const [week] = ofKind(wins, 'biggest-week');
    expect(week).toMatchObject({ slug: '2024-01-30-biggest-week', title: 'Biggest week yet', value: 14_000 });
    expect(week!.previous).toEqual({ value: 10_000, date: '2024-01-01', slug: null });
    const { series, upTo } = week!.progression!;
    expect(series.points[upTo]).toMatchObject({ date: '2024-01-29', value: 14_000 });
  });

  it('a tie with the record is not a win; the week start follows the profile', () => {
    const tie = winsOf([...base, { date: '2024-01-29', km: 10 }]);
    expect(ofKind(tie, 'biggest-week')).toEqual([]);
    // With Sunday weeks, Sunday 2024-01-28 and Monday 2024-01-29 share a week.
    const sunday = winsOf([...base, { date: '2024-01-28', km: 6 }, { date: '2024-01-29', km: 6 }], {
      profile: { weekStart: 'sunday' },
    });
    expect(titles(sunday, 'biggest-week')).toEqual(['2024-01-29 Biggest week yet']);
  });

  it('keeps zero weeks in the weekly series', () => {
    const wins = winsOf([...base, { date: '2024-02-19', km: 20 }]);
    const { series, upTo } = ofKind(wins, 'biggest-week')[0]!.progression!;
    expect(series.points.slice(upTo - 4, upTo + 1).map((p) => p.value)).toEqual([5000, 0, 0, 0, 20_000]);
  });
});

describe('biggest-month', () => {
  it('needs three earlier months with runs', () => {
    const months = [
      { date: '2024-01-10', km: 10 },
      { date: '2024-02-10', km: 10 },
      { date: '2024-04-10', km: 11 },
      { date: '2024-05-10', km: 5 },
      { date: '2024-05-20', km: 7 },
    ];
    const wins = winsOf(months);
    expect(titles(wins, 'biggest-month')).toEqual(['2024-05-20 Biggest month yet']);
    expect(ofKind(wins, 'biggest-month')[0]!.previous).toMatchObject({ value: 11_000, date: '2024-04-01' });
  });

  it('daily runs: the record month wins once', () => {
    const wins = winsOf([...dailyRuns('2024-01-01', 31 + 29 + 31, 1), ...dailyRuns('2024-04-01', 30, 2)]);
    expect(titles(wins, 'biggest-month')).toEqual(['2024-04-16 Biggest month yet']);
    expect(ofKind(wins, 'biggest-month')[0]!.value).toBe(60_000);
  });
});

import { describe, expect, it } from 'vitest';
import { ofKind, titles, winsOf } from './helpers.ts';

const min = (m: number, s = 0) => m * 60 + s;

describe('personal-best', () => {
  it('the first effort is the benchmark; a faster later one wins, scaled to the distance', () => {
    const wins = winsOf([
      { date: '2024-01-01', km: 5, time: min(40) },
      { date: '2024-02-01', km: 5.2, time: min(41) },
    ]);
    const [pb] = ofKind(wins, 'personal-best');
    expect(pb).toMatchObject({ slug: '2024-02-01-5k-personal-best', title: '5K personal best', rung: '5k', unit: 's' });
    expect(pb!.value).toBeCloseTo((min(41) * 5000) / 5200, 9);
    expect(pb!.previous).toEqual({ value: min(40), date: '2024-01-01', slug: null, run: '2024-01-01' });
    expect(pb!.daysSincePrevious).toBe(31);
  });

  it('accepts efforts from 0.99·D to 1.05·D only', () => {
    const edges = winsOf([
      { date: '2024-01-01', km: 5, time: min(40) },
      { date: '2024-01-02', km: 4.95, time: min(39) },
      { date: '2024-01-03', km: 5.25, time: min(39) },
    ]);
    expect(titles(edges, 'personal-best')).toEqual(['2024-01-02 5K personal best', '2024-01-03 5K personal best']);
    const outside = winsOf([
      { date: '2024-01-01', km: 5, time: min(40) },
      { date: '2024-01-02', km: 4.94, time: min(30) },
      { date: '2024-01-03', km: 5.26, time: min(30) },
    ]);
    expect(ofKind(outside, 'personal-best')).toEqual([]);
  });

  it('a tie is not a personal best', () => {
    const wins = winsOf([
      { date: '2024-01-01', km: 10, time: min(80) },
      { date: '2024-01-02', km: 10, time: min(80) },
    ]);
    expect(ofKind(wins, 'personal-best')).toEqual([]);
  });

  it('uses stream efforts over the whole-run estimate, with their offset', () => {
    const wins = winsOf([
      { date: '2024-01-01', km: 5, time: min(40) },
      {
        date: '2024-01-02',
        km: 8,
        time: min(70),
        efforts: [
          { distance: 400, time: 120, startOffset: 0 },
          { distance: 5000, time: min(38), startOffset: 1200 },
        ],
      },
    ]);
    const [pb] = ofKind(wins, 'personal-best');
    expect(pb).toMatchObject({ value: min(38), effortOffset: 1200, date: '2024-01-02' });
  });

  it('times 400 m and 1K only from a stream, never from a whole short run', () => {
    const wins = winsOf([
      { date: '2024-01-01', km: 0.4, time: 100 },
      { date: '2024-01-02', km: 0.4, time: 90 },
      { date: '2024-01-03', km: 6, time: min(40), efforts: [{ distance: 400, time: 110, startOffset: 2000 }] },
      { date: '2024-01-04', km: 6, time: min(40), efforts: [{ distance: 400, time: 104, startOffset: 3100 }] },
    ]);
    const [pb] = ofKind(wins, 'personal-best');
    expect(ofKind(wins, 'personal-best')).toHaveLength(1);
    expect(pb).toMatchObject({
      slug: '2024-01-04-400m-personal-best',
      title: '400 m personal best',
      value: 104,
      effortOffset: 3100,
      previous: { value: 110, date: '2024-01-03', slug: null },
    });
  });

  it('never counts virtual runs', () => {
    const wins = winsOf([
      { date: '2024-01-01', km: 5, time: min(40) },
      { date: '2024-01-02', km: 5, time: min(20), virtual: true },
      { date: '2024-01-03', km: 5, time: min(39) },
    ]);
    expect(ofKind(wins, 'personal-best').map((w) => w.previous?.value)).toEqual([min(40)]);
  });

  it('earns one per run, the longest distance, while every record still moves', () => {
    const wins = winsOf([
      { date: '2024-01-01', km: 10, time: min(75), efforts: [{ distance: 5000, time: min(37), startOffset: 0 }] },
      { date: '2024-01-02', km: 10, time: min(74), efforts: [{ distance: 5000, time: min(36), startOffset: 0 }] },
      { date: '2024-01-03', km: 5, time: min(35, 30) },
    ]);
    expect(titles(wins, 'personal-best')).toEqual(['2024-01-02 10K personal best', '2024-01-03 5K personal best']);
    expect(ofKind(wins, 'personal-best')[1]!.previous).toEqual({ value: min(36), date: '2024-01-02', slug: null, run: '2024-01-02' });
  });
});

describe('barrier', () => {
  it('replaces the personal best when new barriers fall, naming the fastest', () => {
    const wins = winsOf([
      { date: '2024-01-01', km: 5, time: min(31) },
      { date: '2024-01-08', km: 5, time: min(26) },
      { date: '2024-01-15', km: 5, time: min(25, 30) },
      { date: '2024-01-22', km: 5, time: min(24, 59) },
    ]);
    expect(titles(wins, 'barrier')).toEqual(['2024-01-08 Sub-27:30 5K', '2024-01-22 Sub-25 5K']);
    expect(titles(wins, 'personal-best')).toEqual(['2024-01-15 5K personal best']);
    expect(ofKind(wins, 'barrier')[1]).toMatchObject({ slug: '2024-01-22-sub-25-5k', value: min(24, 59) });
    expect(ofKind(wins, 'barrier')[1]!.previous).toMatchObject({ value: min(25, 30), slug: '2024-01-15-5k-personal-best' });
  });

  it('the benchmark silently breaks the barriers it is under', () => {
    const wins = winsOf([
      { date: '2024-01-01', km: 5, time: min(24) },
      { date: '2024-01-02', km: 5, time: min(23) },
    ]);
    expect(ofKind(wins, 'barrier')).toEqual([]);
    expect(titles(wins, 'personal-best')).toEqual(['2024-01-02 5K personal best']);
  });

  it('exactly on a barrier does not break it', () => {
    const wins = winsOf([
      { date: '2024-01-01', km: 21.0975, time: 2 * 3600 + 60 },
      { date: '2024-02-01', km: 21.0975, time: 2 * 3600 },
      { date: '2024-03-01', km: 21.0975, time: 2 * 3600 - 1 },
    ]);
    expect(titles(wins, 'personal-best')).toEqual(['2024-02-01 Half marathon personal best']);
    expect(ofKind(wins, 'barrier').map((w) => [w.slug, w.title])).toEqual([
      ['2024-03-01-sub-2-half-marathon', 'Sub-2 half marathon'],
    ]);
  });

  it('names marathon and 10K barriers', () => {
    const wins = winsOf([
      { date: '2024-01-01', km: 42.195, time: 4 * 3600 },
      { date: '2024-02-01', km: 42.195, time: 3 * 3600 + 44 * 60 },
      { date: '2024-03-01', km: 10, time: min(70) },
      { date: '2024-04-01', km: 10, time: min(59) },
    ]);
    expect(titles(wins, 'barrier')).toEqual(['2024-02-01 Sub-3:45 marathon', '2024-04-01 Sub-60 10K']);
    expect(ofKind(wins, 'barrier')[0]!.slug).toBe('2024-02-01-sub-3-45-marathon');
  });
});

import { describe, expect, test } from 'vitest';
import { bestEfforts, recordRows } from '../../src/lib/site/records.ts';

const pb = (slug: string, date: string, rung: string, value: number) => ({
  slug,
  kind: 'personal-best',
  date,
  value,
  unit: 's' as const,
  rung,
  runs: [date],
  title: slug,
});

const wins = [
  pb('a', '2024-05-01', '5k', 1800),
  pb('b', '2024-09-01', '5k', 1620),
  pb('c', '2024-06-01', '10k', 3700),
  pb('d', '2024-07-01', 'mile', 540),
  { ...pb('e', '2024-10-01', '10k', 3500), kind: 'barrier' },
  { ...pb('f', '2024-10-01', '5k', 1500), kind: 'race' },
];

describe('bestEfforts', () => {
  test('the latest personal best or barrier of each rung, shortest distance first', () => {
    expect(bestEfforts(wins).map((w) => [w.rung, w.value, w.slug])).toEqual([
      ['mile', 540, 'd'],
      ['5k', 1620, 'b'],
      ['10k', 3500, 'e'],
    ]);
  });
});

describe('recordRows', () => {
  const runs = [
    { id: '2024-05-01', date: '2024-05-01', distance: 5000, time: 1800 },
    { id: '2024-05-02', date: '2024-05-02', distance: 12000, time: 4000 },
    { id: '2024-05-03', date: '2024-05-03', distance: 3000, time: 1000 },
    { id: '2024-06-20', date: '2024-06-20', distance: 12000, time: 3900 },
    { id: '2024-06-21', date: '2024-06-21', distance: 6000, time: 2000 },
  ];
  const rows = recordRows(runs, wins, 'monday', (rung) => rung.toUpperCase());
  const byLabel = Object.fromEntries(rows.map((row) => [row.label, row]));

  test('best efforts come first, labelled by rung', () => {
    expect(rows.slice(0, 3).map((r) => r.label)).toEqual(['Best MILE', 'Best 5K', 'Best 10K']);
    expect(byLabel['Best 5K']).toMatchObject({ value: 1620, slug: 'b', runId: '2024-09-01' });
  });

  test('longest run: the first to reach the distance', () => {
    expect(byLabel['Longest run']).toMatchObject({ value: 12000, date: '2024-05-02', runId: '2024-05-02' });
  });

  test('biggest week and month', () => {
    // 2024-04-29 is the Monday of the week of 1–3 May.
    expect(byLabel['Biggest week']).toMatchObject({ value: 20000, period: '2024-04-29' });
    expect(byLabel['Biggest month']).toMatchObject({ value: 20000, period: '2024-05' });
  });

  test('longest streak of days', () => {
    expect(byLabel['Longest daily streak']).toMatchObject({ value: 3, date: '2024-05-01', until: '2024-05-03', unit: 'days' });
  });

  test('no runs: only the best efforts', () => {
    expect(recordRows([], wins, 'monday').map((r) => r.label)).toEqual(['Best mile', 'Best 5k', 'Best 10k']);
  });
});

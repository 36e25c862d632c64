import { describe, expect, test } from 'vitest';
import { groupByMonth, newestFirst, yearIndex } from '../../src/lib/site/timeline.ts';

const wins = [
  { slug: '2024-03-02-b', date: '2024-03-02' },
  { slug: '2025-01-10-c', date: '2025-01-10' },
  { slug: '2024-03-02-a', date: '2024-03-02' },
  { slug: '2024-02-20-d', date: '2024-02-20' },
  { slug: '2025-01-31-e', date: '2025-01-31' },
];

describe('timeline', () => {
  test('newest first, same-day wins in the order given (the engine order: headline first), not by slug', () => {
    expect(newestFirst(wins).map((w) => w.slug)).toEqual([
      '2025-01-31-e',
      '2025-01-10-c',
      '2024-03-02-b',
      '2024-03-02-a',
      '2024-02-20-d',
    ]);
  });

  test('groups by month, newest month first', () => {
    const groups = groupByMonth(wins);
    expect(groups.map((g) => [g.month, g.items.length])).toEqual([
      ['2025-01', 2],
      ['2024-03', 2],
      ['2024-02', 1],
    ]);
  });

  test('a limit keeps only the newest items', () => {
    expect(groupByMonth(wins, 3).map((g) => g.items.map((w) => w.slug))).toEqual([
      ['2025-01-31-e', '2025-01-10-c'],
      ['2024-03-02-b'],
    ]);
  });

  test('year index counts wins per year, newest first', () => {
    expect(yearIndex(wins)).toEqual([
      { year: '2025', count: 2 },
      { year: '2024', count: 3 },
    ]);
  });
});

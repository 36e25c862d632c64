import { describe, expect, it } from 'vitest';
import { layoutInputs, navigationGoal, pageKeys } from '../../src/lib/site/page-keys.ts';

const goals = [
  { slug: 'spring-half', title: 'Spring half', date: '2025-04-12' },
  { slug: 'autumn-marathon', title: 'Autumn marathon', date: '2025-10-05' },
];
const profile = { name: 'Sam', title: 'Small Wins', units: 'km', locale: 'en', today: '2025-05-01' as string | null };

describe('navigationGoal', () => {
  it('names the next goal as of today, else the latest, whatever order they come in', () => {
    expect(navigationGoal([...goals].reverse(), '2025-01-01')).toEqual({ slug: 'spring-half', title: 'Spring half' });
    expect(navigationGoal(goals, '2025-04-12')).toEqual({ slug: 'spring-half', title: 'Spring half' });
    expect(navigationGoal(goals, '2025-04-13')).toEqual({ slug: 'autumn-marathon', title: 'Autumn marathon' });
    expect(navigationGoal(goals, '2026-01-01')).toEqual({ slug: 'autumn-marathon', title: 'Autumn marathon' });
    expect(navigationGoal(goals, null)).toEqual({ slug: 'autumn-marathon', title: 'Autumn marathon' });
    expect(navigationGoal([], '2025-01-01')).toBeNull();
  });
});

describe('page keys', () => {
  const key = pageKeys(layoutInputs(profile, goals));

  it('are equal for equal inputs and differ when anything a page shows differs', () => {
    const win = { slug: '2025-03-01-first-10-km', title: 'First 10 km', value: 10_000 };
    expect(key({ win })).toBe(key({ win: { ...win } }));
    expect(key({ win: { ...win, title: 'First 10 km!' } })).not.toBe(key({ win }));
    expect(key({ win, next: null })).not.toBe(key({ win, next: { slug: 'x' } }));
    expect(pageKeys(layoutInputs({ ...profile, name: 'Alex' }, goals))({ win })).not.toBe(key({ win }));
  });

  it('do not change with the journal day alone, only with the goal the navigation names', () => {
    const later = pageKeys(layoutInputs({ ...profile, today: '2025-04-10' }, goals));
    expect(later({ a: 1 })).not.toBe(key({ a: 1 }));
    const sameGoal = pageKeys(layoutInputs({ ...profile, today: '2025-09-01' }, goals));
    expect(sameGoal({ a: 1 })).toBe(key({ a: 1 }));
  });
});

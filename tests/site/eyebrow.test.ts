// A win page's eyebrow names its family, and its kind only where that says something more.
import { describe, expect, it } from 'vitest';
import { winEyebrow } from '../../src/lib/site/eyebrow.ts';
import { KIND_INFO, WIN_KINDS } from '../../src/lib/model/kinds.ts';

describe('winEyebrow', () => {
  it('drops a kind that echoes its family', () => {
    expect(winEyebrow('race', 'race')).toBe('Races');
    expect(winEyebrow('goal', 'goal-progress')).toBe('Goals');
    expect(winEyebrow('goal', 'goal-achieved')).toBe('Goals');
    expect(winEyebrow('consistency', 'weekly-streak')).toBe('Consistency · Weekly streaks');
    expect(winEyebrow('resilience', 'showed-up')).toBe('Resilience · Showed up anyway');
  });

  it('never repeats a word of the family for any kind', () => {
    const eyebrows = WIN_KINDS.map((kind) => ({ kind, parts: winEyebrow(KIND_INFO[kind].family, kind).split(' · ') }));
    const named = eyebrows.filter(({ parts }) => parts.length === 2);
    // Most kinds say something more than their family: the rule below has words to check.
    expect(named.length).toBeGreaterThan(WIN_KINDS.length / 2);
    const echoes = named.filter(({ parts: [family, rest] }) => rest!.toLowerCase().startsWith(family!.toLowerCase().replace(/s$/, '')));
    expect(echoes.map(({ kind }) => kind)).toEqual([]);
  });
});

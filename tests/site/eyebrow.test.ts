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
    for (const kind of WIN_KINDS) {
      const [family, rest] = winEyebrow(KIND_INFO[kind].family, kind).split(' · ');
      if (rest) expect({ kind, echo: rest.toLowerCase().startsWith(family!.toLowerCase().replace(/s$/, '')) }).toEqual({ kind, echo: false });
    }
  });
});

import { describe, expect, it } from 'vitest';
import { groupMoments, momentOf } from '../../src/lib/publish/moments.ts';
import { winsOf } from './helpers.ts';

describe('moments', () => {
  const specs = [
    { date: '2024-01-01', km: 1.5 },
    { date: '2024-01-08', km: 2.1, nonstop: true, win: 'Did not walk once' },
    { date: '2024-01-15', km: 2.2 },
    { date: '2024-01-22', km: 3.1, nonstop: true },
  ];

  it('makes the wins of one run one moment, led by her own words, the others as facets', () => {
    const wins = winsOf(specs);
    const moments = groupMoments(wins);
    const day = moments.find((m) => m.lead.runs[0]!.startsWith('2024-01-08'))!;
    expect(day.lead.kind).toBe('custom');
    expect(day.slug).toBe(day.lead.slug);
    expect(day.facets.map((w) => w.kind)).toContain('nonstop-first');
    // Every win is in exactly one moment, and no moment holds two runs' wins.
    expect(moments.flatMap((m) => [m.lead, ...m.facets]).map((w) => w.slug).sort()).toEqual(wins.map((w) => w.slug).sort());
    for (const m of moments) expect(new Set([m.lead, ...m.facets].map((w) => w.runs[0])).size).toBe(1);
    expect(moments.length).toBeLessThan(wins.length);
  });

  it('leads without her words by headline, then kind rank', () => {
    const moments = groupMoments(winsOf(specs.map(({ win: _, ...rest }) => rest)));
    const day = moments.find((m) => m.lead.runs[0]!.startsWith('2024-01-08'))!;
    expect(day.lead.kind).toBe('nonstop-first');
  });

  it('keeps every moment slug, lead and facets when later runs are added', () => {
    const before = momentOf(groupMoments(winsOf(specs)));
    const after = momentOf(groupMoments(winsOf([...specs, { date: '2024-01-29', km: 4.2, nonstop: true, win: 'Four!' }, { date: '2024-02-05', km: 5.1 }])));
    for (const [slug, moment] of before) expect(after.get(slug)).toBe(moment);
    expect(after.size).toBeGreaterThan(before.size);
  });
});

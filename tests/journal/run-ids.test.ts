import { describe, expect, it } from 'vitest';
import { assignRunIds } from '../../src/lib/journal/run-ids.ts';
import { parseRunsCsv } from '../../src/lib/journal/csv.ts';
import { defaultProfile } from '../../src/lib/journal/profile.ts';

const csv = `date,distance,title
2024-03-02,5,b
2024-03-01T18:00,3,evening
2024-03-01,10,untimed long
2024-03-01T07:00,8,morning
2024-03-01,4,untimed short
`;

describe('assignRunIds', () => {
  const drafts = parseRunsCsv(csv, 'runs.csv', defaultProfile()).runs;

  it('numbers runs within a day by start time (unknown first), then distance', () => {
    const runs = assignRunIds(drafts);
    expect(runs.map((r) => [r.id, r.title])).toEqual([
      ['2024-03-01', 'untimed short'],
      ['2024-03-01-2', 'untimed long'],
      ['2024-03-01-3', 'morning'],
      ['2024-03-01-4', 'evening'],
      ['2024-03-02', 'b'],
    ]);
    expect(runs.every((r) => r.storyId === null)).toBe(true);
  });

  it('does not depend on the order runs are given in', () => {
    const ids = (list: typeof drafts) => assignRunIds(list).map((r) => `${r.id} ${r.title}`);
    expect(ids([...drafts].reverse())).toEqual(ids(drafts));
  });

  it('breaks full ties by source path and line', () => {
    const [a] = drafts;
    if (!a) throw new Error('fixture has runs');
    const twin = { ...a, source: { ...a.source, path: 'a.csv' } };
    const runs = assignRunIds([a, twin]);
    expect(runs.map((r) => [r.id, r.source.path])).toEqual([
      ['2024-03-02', 'a.csv'],
      ['2024-03-02-2', 'runs.csv'],
    ]);
  });

  it('numbers past 9 in order', () => {
    const many = Array.from({ length: 11 }, (_, i) => ({ ...drafts[0]!, distance: 1000 * (i + 1) }));
    expect(assignRunIds(many).map((r) => r.id).slice(-3)).toEqual(['2024-03-02-9', '2024-03-02-10', '2024-03-02-11']);
  });
});

describe('assignRunIds and the runs it returned before', () => {
  it('never changes a run an earlier call returned, when the same drafts are numbered again', () => {
    const drafts = parseRunsCsv(csv, 'runs.csv', defaultProfile()).runs;
    const later = drafts.filter((d) => d.title !== 'untimed short');
    const first = assignRunIds(later);
    const idsBefore = first.map((r) => `${r.id} ${r.title}`);
    // Numbered again with a run that comes earlier that day: the ids move along in the new result only.
    const again = assignRunIds(drafts);
    expect(again.map((r) => `${r.id} ${r.title}`).slice(0, 2)).toEqual(['2024-03-01 untimed short', '2024-03-01-2 untimed long']);
    expect(first.map((r) => `${r.id} ${r.title}`)).toEqual(idsBefore);
    expect(idsBefore[0]).toBe('2024-03-01 untimed long');
  });
});

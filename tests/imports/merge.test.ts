import { describe, expect, it } from 'vitest';
import { matchDistance, mergeRuns } from '../../src/lib/journal/imports/merge.ts';
import { emptyRunDraft } from '../../src/lib/model/run-columns.ts';
import type { RunDraft, SourceRef } from '../../src/lib/types.ts';

function draft(kind: SourceRef['kind'], fields: Partial<RunDraft> = {}): RunDraft {
  return { ...emptyRunDraft({ date: '2024-03-10', distance: 5000, source: { path: `data/${kind}`, line: 2, kind } }), ...fields };
}

const efforts = [{ distance: 1000, time: 250, startOffset: 1000 }];
const track = { points: [[45.1, 10.0], [45.2, 10.0]] as Array<[number, number]> };

describe('matching', () => {
  it('matches the same start time, or the same day and distance within 2%', () => {
    expect(matchDistance(draft('csv', { startTime: '07:00:00' }), draft('strava', { startTime: '07:01:30', distance: 9000 }))).not.toBeNull();
    expect(matchDistance(draft('csv', { distance: 5000 }), draft('strava', { distance: 5100 }))).not.toBeNull();
    expect(matchDistance(draft('csv', { distance: 5000 }), draft('strava', { distance: 5101 }))).toBeNull();
    expect(matchDistance(draft('csv'), draft('strava', { date: '2024-03-11' }))).toBeNull();
  });
});

describe('mergeRuns', () => {
  it('makes one run of a hand-written run and its import: hand-written fields win, the import fills gaps', () => {
    const hand = draft('csv', { distance: 5000, time: 1500, title: 'First 5K!', nonstop: true, feeling: 5, win: 'no walking', tags: ['park'] });
    const imported = draft('strava', {
      distance: 5030,
      time: 1490,
      startTime: '06:58:00',
      title: 'Morning Run',
      elevation: 42,
      temperature: 12,
      notes: 'from strava',
      efforts,
      track,
    });
    const { runs, merged } = mergeRuns([hand], [imported]);
    expect(merged).toBe(1);
    expect(runs).toEqual([
      {
        ...hand,
        startTime: '06:58:00',
        elevation: 42,
        temperature: 12,
        notes: 'from strava',
        efforts,
        track,
      },
    ]);
  });

  it('matches one-to-one, nearest first, on a day with two runs', () => {
    const morning = draft('csv', { distance: 5000, title: 'morning' });
    const evening = draft('csv', { distance: 5080, title: 'evening' });
    // 5,075 m is within 2% of both; it is nearer the evening run, so the 5,010 m import takes the morning.
    const a = draft('strava', { distance: 5075, temperature: 20 });
    const b = draft('strava', { distance: 5010, temperature: 8 });
    const { runs, merged } = mergeRuns([morning, evening], [a, b]);
    expect(merged).toBe(2);
    expect(runs.map((r) => [r.title, r.temperature])).toEqual([
      ['morning', 8],
      ['evening', 20],
    ]);
  });

  it('prefers the same start time to a closer distance', () => {
    const hand = draft('csv', { startTime: '18:00:00', distance: 5000 });
    const sameDistance = draft('strava', { startTime: '07:00:00', distance: 5000, title: 'morning' });
    const sameStart = draft('strava', { startTime: '18:00:40', distance: 5050, title: 'evening' });
    const { runs, merged } = mergeRuns([hand], [sameDistance, sameStart]);
    expect(merged).toBe(1);
    expect(runs.map((r) => r.title)).toEqual(['evening', 'morning']);
  });

  it('keeps imports that match nothing, and never merges hand-written runs with each other', () => {
    const hand = [draft('csv'), draft('csv')];
    const other = draft('strava', { date: '2024-03-12' });
    const { runs, merged } = mergeRuns(hand, [other]);
    expect(merged).toBe(0);
    expect(runs).toHaveLength(3);
  });

  it('merges a GPS file into the export row of the same run before the hand-written run', () => {
    const hand = draft('markdown', { distance: 5000, feeling: 4 });
    const row = draft('strava', { distance: 5020, title: 'Strava title', time: 1510 });
    const file = draft('gpx', { distance: 5025, efforts, track, startTime: '07:00:00' });
    const { runs, merged } = mergeRuns([hand], [file, row]);
    expect(merged).toBe(2);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ feeling: 4, title: 'Strava title', time: 1510, efforts, track, startTime: '07:00:00', source: hand.source });
  });

  it("links a journal entry's `track:` file whatever its distance", () => {
    const hand = draft('markdown', { distance: 4000, extra: { track: 'tracks/long.gpx' } });
    const linked = draft('gpx', { distance: 6000, track, source: { path: 'data/tracks/long.gpx', line: null, kind: 'gpx' } });
    const { runs, merged } = mergeRuns([hand], [linked]);
    expect(merged).toBe(1);
    expect(runs).toEqual([{ ...hand, track }]);
  });

  it('keeps a virtual flag from either side', () => {
    const { runs } = mergeRuns([draft('csv')], [draft('strava', { virtual: true })]);
    expect(runs[0]!.virtual).toBe(true);
  });
});

import { describe, expect, test } from 'vitest';
import { runEntry } from '../../src/lib/publish/run-entry.ts';
import { RUN_ROW_COLUMNS, runFromRow, runYears, siteCollections, WIN_COLUMNS, winEntry, winFromRow, winYears } from '../../src/lib/site/collections.ts';
import { emptyRunDraft } from '../../src/lib/model/run-columns.ts';
import type { Journal, Run, Series, Win } from '../../src/lib/types.ts';

function run(id: string, extra: Partial<Run> = {}): Run {
  return {
    id,
    storyId: null,
    ...emptyRunDraft({ date: id.slice(0, 10), distance: 5000, source: { path: 'data/runs.csv', line: 2, kind: 'csv' } }),
    time: 1800,
    title: `Run ${id}`,
    type: 'easy',
    nonstop: true,
    feeling: 4,
    tags: ['park'],
    notes: 'felt good',
    ...extra,
  };
}

const series: Series = { id: 'best-5k', label: '5K best', unit: 's', lowerIsBetter: true, period: null, points: [] };

function win(slug: string, runId: string, progression: Win['progression'] = null): Win {
  return {
    slug,
    kind: 'personal-best',
    family: 'speed',
    date: runId.slice(0, 10),
    title: slug,
    value: 1500,
    unit: 's',
    previous: null,
    headline: false,
    runs: [runId],
    rung: '5k',
    goal: null,
    daysSincePrevious: null,
    progression,
    effortOffset: null,
  };
}

const journal: Journal = {
  runs: [
    run('2025-01-01', { storyId: 'journal/first' }),
    run('2025-01-01-2', { track: { points: [[59.1, 18.1], [59.2, 18.2]] }, efforts: [{ distance: 1000, time: 300, startOffset: 700 }] }),
    run('2025-01-02', {
      private: true,
      title: 'Secret <b>date</b>',
      notes: 'private notes',
      race: 'Secret race',
      tags: ['who'],
      storyId: 'journal/secret',
      track: { points: [[48.8566, 2.3522], [48.857, 2.353]], breaks: [1] },
      efforts: [{ distance: 1000, time: 280, startOffset: 1200 }],
    }),
  ],
  stories: [],
  reflections: [],
  goals: [],
  profile: {
    name: 'Ana',
    title: 'Small Wins',
    site: null,
    units: 'km',
    weekStart: 'monday',
    timezone: 'UTC',
    locale: 'en',
    about: 'Hi',
    fonts: ['fonts/cjk.ttf'],
    privacyTrim: 500,
  },
  errors: [],
  warnings: [],
  skipped: {},
  merged: 0,
  today: '2025-01-02',
};

describe('siteCollections', () => {
  const wins = [win('a', '2025-01-01', { series, upTo: 0 }), win('b', '2025-01-02', { series, upTo: 1 }), win('c', '2025-01-02')];
  const site = siteCollections(journal, wins);

  test('a private run keeps its numbers but loses its title, notes, race name, tags and story', () => {
    const hidden = site.runs.find((r) => r.id === '2025-01-02');
    expect(hidden).toMatchObject({ private: true, distance: 5000, time: 1800, title: null, notes: null, race: null, tags: [], storyId: null });
    expect(JSON.stringify(site)).not.toMatch(/Secret|private notes|journal\/secret/);
  });

  test('a private run never publishes its route, not even trimmed, but keeps its efforts', () => {
    const hidden = site.runs.find((r) => r.id === '2025-01-02');
    expect(hidden?.track).toBeNull();
    expect(hidden?.efforts).toEqual([{ distance: 1000, time: 280, startOffset: 1200 }]);
    expect(JSON.stringify(site)).not.toMatch(/48\.85|2\.35/);
  });

  test('a public run with GPS keeps its (already trimmed) track and efforts', () => {
    const gps = site.runs.find((r) => r.id === '2025-01-01-2');
    expect(gps?.track).toEqual({ points: [[59.1, 18.1], [59.2, 18.2]] });
    expect(gps?.efforts).toEqual([{ distance: 1000, time: 300, startOffset: 700 }]);
  });

  test('a public run keeps everything', () => {
    expect(site.runs[0]).toMatchObject({ title: 'Run 2025-01-01', notes: 'felt good', storyId: 'journal/first', tags: ['park'] });
  });

  test('each run lists the wins it earned', () => {
    expect(site.runs.map((r) => r.wins)).toEqual([['a'], [], ['b', 'c']]);
  });

  test('a series is stored once and wins point into it', () => {
    expect(site.series).toEqual([series]);
    expect(site.wins.map((w) => w.progression)).toEqual([{ seriesId: 'best-5k', upTo: 0 }, { seriesId: 'best-5k', upTo: 1 }, null]);
  });

  test('the profile carries the journal today, not the build settings', () => {
    expect(site.profile).toMatchObject({ name: 'Ana', today: '2025-01-02' });
    expect(site.profile).not.toHaveProperty('fonts');
  });
});

describe('runs in the content store', () => {
  const entries = [
    runEntry(run('2023-12-31'), []),
    runEntry(run('2024-03-02', { nonstop: false, feeling: null, tags: [], notes: null, startTime: '07:30:00' }), ['2024-03-02-first-5k']),
    runEntry(run('2024-03-03', { private: true, isRace: true, race: 'Parkrun', virtual: true, nonstop: null, temperature: 0, elevation: 0 }), []),
    runEntry(run('2024-03-04', { track: { points: [[52.5, 13.4], [52.51, 13.41]] }, efforts: [{ distance: 1000, time: 290, startOffset: 0 }], storyId: 'journal/a' }), []),
  ];

  test('are kept as one table per calendar year and come back whole, in order', () => {
    const years = runYears(entries);
    expect(years.map(({ year, rows }) => [year, rows.length])).toEqual([
      ['2023', 1],
      ['2024', 3],
    ]);
    expect(years.flatMap(({ rows }) => rows.map(runFromRow))).toEqual(entries);
  });

  test('hold every field of a run entry, once', () => {
    expect([...RUN_ROW_COLUMNS].sort()).toEqual(Object.keys(entries[0]!).sort());
    expect(runYears(entries)[1]!.rows[0]!.length).toBe(RUN_ROW_COLUMNS.length);
  });
});

describe('wins in the content store', () => {
  const wins = [
    winEntry(win('2024-12-31-sub-25-5k', '2024-12-31', { series, upTo: 0 })),
    winEntry({ ...win('2025-01-05-5k-pb', '2025-01-05'), previous: { value: 1500, date: '2024-12-31', slug: '2024-12-31-sub-25-5k' }, daysSincePrevious: 5 }),
    winEntry({ ...win('2025-02-01-first-half-marathon', '2025-02-01'), kind: 'distance-first', family: 'distance', unit: 'm', value: 21097.5, rung: 'half-marathon', effortOffset: 12.5 }),
  ];

  test('are kept as one table per calendar year and come back whole, in order', () => {
    const years = winYears(wins);
    expect(years.map(({ year, rows }) => [year, rows.length])).toEqual([
      ['2024', 1],
      ['2025', 2],
    ]);
    expect(years.flatMap(({ rows }) => rows.map(winFromRow))).toEqual(wins);
    expect([...WIN_COLUMNS].sort()).toEqual(Object.keys(wins[0]!).sort());
  });
});

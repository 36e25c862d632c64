// RUN_COLUMNS is the one list of a run's fields: a run with every field set goes through the
// content store's rows and their schema and comes back whole, every stored value is checked by the
// schema, and a draft's defaults are the empty values.
import { describe, expect, test } from 'vitest';
import { emptyRunDraft, RUN_COLUMNS, RUN_FIELDS, type ColumnKind, type ColumnValues } from '../../src/lib/model/run-columns.ts';
import { NEW_FILE_COLUMNS } from '../../src/lib/log/csv-append.ts';
import { runEntry } from '../../src/lib/publish/run-entry.ts';
import { RUN_ROW_COLUMNS, runFromRow, runYears } from '../../src/lib/site/collections.ts';
import type { Run } from '../../src/lib/types.ts';
import { runRowSchema } from '../../src/utils/content-schemas.ts';

/** A value of each kind that is nobody's default, so a field lost on the way shows. */
const SET: { [K in ColumnKind]: ColumnValues[K] } = {
  text: '2024-03-10-2',
  date: '2024-03-10',
  'text?': 'something',
  metres: 5012.5,
  'number?': 7,
  flag: true,
  'yes-no?': false,
  texts: ['park', 'hills'],
  efforts: [{ distance: 1000, time: 251.5, startOffset: 120 }],
  'track?': { points: [[52.5, 13.4], [52.51, 13.41]], breaks: [1] },
  extra: { shoes: 'old ones' },
  source: { path: 'data/runs.csv', line: 3, kind: 'csv' },
};

/** A public run with every other field of RUN_COLUMNS set. */
function fullRun(overrides: Partial<Run> = {}): Run {
  const run: Record<string, unknown> = {};
  for (const column of RUN_COLUMNS) run[column.name] = SET[column.kind];
  return { ...(run as unknown as Run), private: false, ...overrides };
}

const PUBLISHED = RUN_COLUMNS.filter((column) => column.publish !== 'no');

describe('a run in the content store', () => {
  const entry = runEntry(fullRun(), ['2024-03-10-first-5k']);

  test('holds every published column and the wins, and nothing unpublished', () => {
    const published = PUBLISHED.map((column) => column.name);
    expect(Object.keys(entry).sort()).toEqual([...published, 'wins'].sort());
    expect([...RUN_ROW_COLUMNS].sort()).toEqual([...published, 'wins'].sort());
    for (const column of PUBLISHED.filter((c) => c.name !== 'private')) expect(entry[column.name as keyof typeof entry], column.name).toEqual(SET[column.kind]);
    expect(JSON.stringify(entry)).not.toContain('old ones');
  });

  test('comes back whole through the rows and their schema', () => {
    const rows = runYears([entry]).flatMap((year) => year.rows);
    expect(rows).toHaveLength(1);
    const parsed = runRowSchema.parse(JSON.parse(JSON.stringify(rows[0])));
    expect(runFromRow(parsed)).toEqual(entry);
  });

  test('has each value checked by the schema: a wrong one is refused at its own column', () => {
    const row = runYears([entry])[0]!.rows[0]!;
    expect(row).toHaveLength(RUN_ROW_COLUMNS.length);
    RUN_ROW_COLUMNS.forEach((name, i) => {
      const broken = [...row];
      broken[i] = Symbol(name) as never;
      const result = runRowSchema.safeParse(broken);
      expect(result.success, name).toBe(false);
      expect(result.error?.issues[0]?.path, name).toEqual([i]);
    });
    expect(runRowSchema.safeParse(row.slice(0, -1)).success).toBe(false);
    expect(runRowSchema.safeParse([...row, null]).success).toBe(false);
  });

  test('of a private run empties its public columns and keeps the rest', () => {
    const hidden = runEntry(fullRun({ private: true }), []);
    for (const column of PUBLISHED) {
      const value = hidden[column.name as keyof typeof hidden];
      if (column.publish === 'public') expect([null, []], column.name).toContainEqual(value);
      else if (column.name !== 'private') expect(value, column.name).toEqual(SET[column.kind]);
    }
    expect(runFromRow(runRowSchema.parse(runYears([hidden])[0]!.rows[0]))).toEqual(hidden);
  });
});

describe('a run draft', () => {
  test('has its date, distance and source, and every other field empty', () => {
    const source = { path: 'data/strava', line: 2, kind: 'strava' } as const;
    const draft = emptyRunDraft({ date: '2024-03-10', distance: 5000, source });
    expect(Object.keys(draft)).toEqual(RUN_COLUMNS.map((column) => column.name).filter((name) => name !== 'id' && name !== 'storyId'));
    expect(draft).toEqual({
      date: '2024-03-10',
      startTime: null,
      distance: 5000,
      time: null,
      title: null,
      type: null,
      race: null,
      isRace: false,
      elevation: null,
      nonstop: null,
      feeling: null,
      temperature: null,
      tags: [],
      win: null,
      notes: null,
      private: false,
      virtual: false,
      extra: {},
      source,
      efforts: [],
      track: null,
    });
  });

  test('shares frozen empty lists: writing to one throws', () => {
    const a = emptyRunDraft({ date: '2024-03-10', distance: 5000, source: { path: 'x', line: null, kind: 'gpx' } });
    expect(() => (a.tags as string[]).push('x')).toThrow();
    expect(() => (a.efforts as unknown[]).push(1)).toThrow();
    expect(() => {
      a.extra.shoes = 'x';
    }).toThrow();
  });
});

test('the journal columns are the written run columns, and a new runs.csv lists them but virtual', () => {
  expect(RUN_FIELDS).toEqual(RUN_COLUMNS.filter((column) => column.written).map((column) => column.name));
  expect(NEW_FILE_COLUMNS.join(',')).toBe('date,distance,time,title,type,race,elevation,nonstop,feeling,temperature,tags,win,notes,private');
});

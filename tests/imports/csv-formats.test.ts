import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsvRecords } from '../../src/lib/journal/imports/csv-records.ts';
import { garminColumns, garminRowToDraft } from '../../src/lib/journal/imports/garmin-csv.ts';
import { parseDuration, parseLocaleNumber } from '../../src/lib/journal/imports/numbers.ts';
import { isImportCsvHeader } from '../../src/lib/journal/imports/read-imports.ts';
import { parseStravaDate, stravaColumns, stravaRowToDraft, type StravaColumns } from '../../src/lib/journal/imports/strava-csv.ts';
import { FIXTURES, testProfile } from './helpers.ts';

async function table(path: string) {
  return readCsvRecords(await readFile(join(FIXTURES, path), 'utf8'));
}

describe('numbers as exports write them', () => {
  it.each([
    ['5.03', 5.03],
    ['5,03', 5.03],
    ['4,808', 4808],
    ['1,204.5', 1204.5],
    ['1.204,5', 1204.5],
    ['5030,4', 5030.4],
    ['--', null],
    ['', null],
    ['No', null],
    ['abc', null],
  ] as const)('%s → %s', (cell, value) => {
    expect(parseLocaleNumber(cell)).toBe(value);
  });

  it.each([
    ['00:52:10', 3130],
    ['00:22:10.5', 1330.5],
    ['5:12', 312],
    ['1:02:03', 3723],
    ['820.0', 820],
    ['No', null],
    ['--', null],
  ] as const)('duration %s → %s', (cell, value) => {
    expect(parseDuration(cell)).toBe(value);
  });
});

describe('Strava activities.csv', () => {
  it('reads Activity Date as UTC', () => {
    expect(parseStravaDate('Feb 17, 2022, 12:18:26 PM')).toBe(Date.UTC(2022, 1, 17, 12, 18, 26));
    expect(parseStravaDate('Jan 1, 2024, 12:05:00 AM')).toBe(Date.UTC(2024, 0, 1, 0, 5, 0));
    // Newer exports put a narrow no-break space before AM/PM.
    expect(parseStravaDate('Sep 3, 2023, 5:00:00\u202fPM')).toBe(Date.UTC(2023, 8, 3, 17, 0, 0));
    expect(parseStravaDate('2022-02-17 12:18:26')).toBe(Date.UTC(2022, 1, 17, 12, 18, 26));
    expect(parseStravaDate('17.02.2022, 12:18:26')).toBe(Date.UTC(2022, 1, 17, 12, 18, 26));
    expect(parseStravaDate('17 févr. 2022, 12:18:26')).toBe(Date.UTC(2022, 1, 17, 12, 18, 26));
    expect(parseStravaDate('17 dic 2022, 12:18:26')).toBe(Date.UTC(2022, 11, 17, 12, 18, 26));
    expect(parseStravaDate('17 mrt. 2022, 12:18:26')).toBe(Date.UTC(2022, 2, 17, 12, 18, 26));
    expect(parseStravaDate('17 de fev. de 2022, 12:18:26')).toBe(Date.UTC(2022, 1, 17, 12, 18, 26));
    expect(parseStravaDate('17.13.2022, 12:18:26')).toBeNull();
    expect(parseStravaDate('17 Smarch 2022, 12:18:26')).toBeNull();
  });

  it('reads a British account\'s dates (`24 Dec 2020, 08:13:59`) as the same runs as an American one', async () => {
    expect(parseStravaDate('24 Dec 2020, 08:13:59')).toBe(Date.UTC(2020, 11, 24, 8, 13, 59));
    expect(parseStravaDate('3 Sept 2023, 17:00:00')).toBe(Date.UTC(2023, 8, 3, 17, 0, 0));
    const american = await table('strava-export/activities.csv');
    const british = await table('strava-british/activities.csv');
    const read = ({ header, records }: typeof american) =>
      records.map((record) => stravaRowToDraft(record, stravaColumns(header) as StravaColumns, 'data/a.csv', testProfile({ timezone: 'Europe/London' }), null));
    const fromBritish = read(british);
    expect(fromBritish.filter((r) => r.kind === 'problem')).toEqual([]);
    expect(fromBritish.filter((r) => r.kind === 'run').length).toBeGreaterThan(0);
    expect(fromBritish).toEqual(read(american));
  });

  it.each(['german', 'french', 'spanish'])('reads a %s export (translated header, types, dates, decimal commas) as the same runs as the English one', async (language) => {
    const english = await table('strava-export/activities.csv');
    const localised = await table(`strava-${language}/activities.csv`);
    const read = ({ header, records }: typeof english) =>
      records.map((record) => {
        const result = stravaRowToDraft(record, stravaColumns(header) as StravaColumns, 'data/a.csv', testProfile({ timezone: 'Europe/Berlin' }), null);
        return result.kind === 'run' ? { ...result, draft: { ...result.draft, type: null } } : result.kind;
      });
    const runs = read(english);
    expect(runs.filter((r) => typeof r !== 'string' && r.kind === 'run').length).toBe(5);
    expect(read(localised)).toEqual(runs);
  });

  it('finds the display block and the SI block of repeated columns', async () => {
    const { header } = await table('strava-export/activities.csv');
    const columns = stravaColumns(header) as StravaColumns;
    expect(columns).toMatchObject({ displayElapsed: 5, displayDistance: 6, elapsed: 15, moving: 16, distance: 17, elevationGain: 20, temperature: 36 });
    expect(isImportCsvHeader(header)).toBe(true);
  });

  it('reads a translated header by the English positions', async () => {
    const { header, records } = await table('strava-translated/activities.csv');
    const columns = stravaColumns(header) as StravaColumns;
    expect(columns.distance).toBe(17);
    const result = stravaRowToDraft(records[0]!, columns, 'data/x.csv', testProfile({ timezone: 'Europe/Berlin' }), null);
    expect(result).toMatchObject({ kind: 'run', draft: { date: '2023-09-03', startTime: '19:00:00', distance: 7200, time: 2350, elevation: 45 } });
  });

  it('names the missing column of an incomplete English header', () => {
    expect(stravaColumns(['Activity ID', 'Activity Date', 'Activity Name', 'Distance'])).toBe('Activity Type');
    expect(isImportCsvHeader(['Activity ID', 'Activity Date', 'Activity Name', 'Distance'])).toBe(false);
    expect(stravaColumns(['date', 'distance', 'time'])).toBeNull();
    expect(isImportCsvHeader(['date', 'distance', 'time'])).toBe(false);
  });

  it('keeps a decimal-comma account and a manual row without SI values', async () => {
    const { header, records } = await table('strava-decimal-comma/activities.csv');
    const columns = stravaColumns(header) as StravaColumns;
    const profile = testProfile({ timezone: 'Europe/Amsterdam' });
    const [first, second] = records.map((record) => stravaRowToDraft(record, columns, 'data/a.csv', profile, null));
    expect(first).toMatchObject({ kind: 'run', draft: { date: '2023-05-04', startTime: '08:05:00', distance: 5030.4, time: 1650, elevation: 13 } });
    // No SI distance: the display value, in the profile's unit.
    expect(second).toMatchObject({ kind: 'run', draft: { distance: 10_500, time: 3600, source: { path: 'data/a.csv', line: 3, kind: 'strava' } } });
    const miles = stravaRowToDraft(records[1]!, columns, 'data/a.csv', testProfile({ units: 'mi' }), null);
    expect(miles).toMatchObject({ kind: 'run', draft: { distance: 16_898.1 } });
  });

  it('gives a located error for a date it cannot read', async () => {
    const { header, records } = await table('strava-export/activities.csv');
    const columns = stravaColumns(header) as StravaColumns;
    const record = { ...records[0]!, cells: records[0]!.cells.map((c, i) => (i === 1 ? '10.03.2024 07:00' : c)) };
    expect(stravaRowToDraft(record, columns, 'data/strava/activities.csv', testProfile(), null)).toEqual({
      kind: 'problem',
      problem: {
        severity: 'error',
        path: 'data/strava/activities.csv',
        line: 2,
        field: 'Activity Date',
        value: '10.03.2024 07:00',
        message: 'got "10.03.2024 07:00", expected a date like "Feb 17, 2022, 12:18:26 PM" or "17 Feb 2022, 12:18:26"',
      },
    });
  });
});

describe('Garmin Connect CSV', () => {
  it('reads running rows: `--`, thousands separators, track runs in metres, Moving Time `No`', async () => {
    const { header, records } = await table('garmin/Activities.csv');
    const columns = garminColumns(header)!;
    expect(isImportCsvHeader(header)).toBe(true);
    const results = records.map((record) => garminRowToDraft(record, columns, 'data/Activities.csv', testProfile()));
    expect(results.map((r) => r.kind)).toEqual(['run', 'run', 'run', 'skipped', 'skipped', 'problem']);
    expect(results[0]).toMatchObject({
      draft: { date: '2024-05-01', startTime: '07:12:33', distance: 10_020, time: 3118, title: 'Morning Run', elevation: 85, virtual: false },
    });
    expect(results[1]).toMatchObject({ draft: { distance: 4808, time: 1331, elevation: null, type: 'Track Running' } });
    expect(results[2]).toMatchObject({ draft: { distance: 8000, time: 2700, virtual: true } });
    expect(results[3]).toEqual({ kind: 'skipped', sport: 'Cycling' });
    expect(results[5]).toMatchObject({ problem: { path: 'data/Activities.csv', line: 7, field: 'Distance', value: '--' } });
  });

  it('reads distance in miles and ascent in feet for a mile account', async () => {
    const { header, records } = await table('garmin/Activities.csv');
    const result = garminRowToDraft(records[0]!, garminColumns(header)!, 'data/Activities.csv', testProfile({ units: 'mi' }));
    expect(result).toMatchObject({ draft: { distance: 16_125.6, elevation: 26 } });
  });
});

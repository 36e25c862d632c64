import { describe, expect, it } from 'vitest';
import { summarizeActivity } from '../../src/lib/journal/imports/activity.ts';
import { readCsvRecords } from '../../src/lib/journal/imports/csv-records.ts';
import { garminColumns, garminRowToDraft } from '../../src/lib/journal/imports/garmin-csv.ts';
import { readGarminSummaries, summaryDraft } from '../../src/lib/journal/imports/garmin-summaries.ts';
import { parseGpx } from '../../src/lib/journal/imports/gpx.ts';
import { parseTcx } from '../../src/lib/journal/imports/tcx.ts';
import { testProfile } from './helpers.ts';

const HEADER = 'Activity Type,Date,Title,Distance,Time,Total Ascent,Moving Time,Elapsed Time';

function garminCsvRow(row: string) {
  const { header, records } = readCsvRecords(`${HEADER}\n${row}\n`);
  return garminRowToDraft(records[0]!, garminColumns(header)!, 'data/Activities.csv', testProfile());
}

function summaryOf(activity: Record<string, unknown>) {
  const json = JSON.stringify([{ summarizedActivitiesExport: [{ activityId: 1, beginTimestamp: Date.UTC(2024, 4, 1, 7), distance: 500000, duration: 1800000, ...activity }] }]);
  const { summaries, problems } = readGarminSummaries(json, 'summaries.json');
  expect(problems).toEqual([]);
  return summaryDraft(summaries[0]!, 'summaries.json', 'UTC');
}

const gpx = (type: string) =>
  `<?xml version="1.0"?><gpx version="1.1" creator="t" xmlns="http://www.topografix.com/GPX/1/1"><trk><name>Run</name><type>${type}</type><trkseg>
  <trkpt lat="48.1" lon="11.5"><time>2024-05-01T07:00:00Z</time></trkpt>
  <trkpt lat="48.11" lon="11.5"><time>2024-05-01T07:06:00Z</time></trkpt></trkseg></trk></gpx>`;

const tcx = (sport: string) =>
  `<?xml version="1.0"?><TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"><Activities><Activity Sport="${sport}"><Id>2024-05-01T07:00:00Z</Id>
  <Lap StartTime="2024-05-01T07:00:00Z"><TotalTimeSeconds>360</TotalTimeSeconds><DistanceMeters>1100</DistanceMeters></Lap></Activity></Activities></TrainingCenterDatabase>`;

const OFF_ROAD = ['indoor_running', 'virtual_run', 'treadmill_running'];

describe('every Garmin running type is a run', () => {
  it.each(['running', 'street_running', 'track_running', 'indoor_running', 'ultra_run', 'obstacle_run', 'trail_running', 'virtual_run', 'treadmill_running'])(
    'summaries JSON %s',
    (key) => {
      const draft = summaryOf({ activityType: { typeKey: key } });
      expect(draft).not.toBeNull();
      expect(draft!.virtual).toBe(OFF_ROAD.includes(key));
    },
  );

  it.each([
    ['Running', false],
    ['Street Running', false],
    ['Track Running', false],
    ['Trail Running', false],
    ['Ultra Run', false],
    ['Obstacle Run', false],
    ['Indoor Running', true],
    ['Treadmill Running', true],
    ['Virtual Run', true],
  ] as const)('Garmin CSV "%s" (virtual: %s)', (type, virtual) => {
    const result = garminCsvRow(`${type},2024-05-01 07:00:00,Run,5.00,00:30:00,10,00:29:00,00:31:00`);
    expect(result.kind).toBe('run');
    if (result.kind === 'run') expect(result.draft.virtual).toBe(virtual);
  });

  it.each([
    ['Run', false],
    ['running', false],
    ['TrailRun', false],
    ['VirtualRun', true],
  ] as const)('GPX type %s (virtual: %s)', (type, virtual) => {
    const { summary } = summarizeActivity(parseGpx(gpx(type)).activity, 0);
    expect(summary.isRun).toBe(true);
    expect(summary.virtual).toBe(virtual);
  });

  it.each(['Running', 'TrailRun', 'VirtualRun'])('TCX sport %s', (sport) => {
    expect(summarizeActivity(parseTcx(tcx(sport)).activity, 0).summary.isRun).toBe(true);
  });

  it('other sports stay out', () => {
    expect(garminCsvRow('Cycling,2024-05-01 07:00:00,Ride,20.00,00:50:00,10,00:49:00,00:51:00').kind).toBe('skipped');
    expect(summaryOf({ activityType: 'cycling' })).toBeNull();
    expect(summarizeActivity(parseGpx(gpx('Ride')).activity, 0).summary.isRun).toBe(false);
    expect(summarizeActivity(parseTcx(tcx('Biking')).activity, 0).summary.isRun).toBe(false);
  });
});

describe('a time Garmin did not measure', () => {
  it('a CSV Moving Time of 00:00:00 falls back to the next time, never a 0 s run', () => {
    const result = garminCsvRow('Treadmill Running,2024-05-01 07:00:00,Treadmill,5.00,00:00:00,--,00:00:00,00:31:00');
    expect(result.kind).toBe('run');
    if (result.kind === 'run') expect(result.draft.time).toBe(31 * 60);
  });

  it('a summary duration of 0 falls back to elapsedDuration', () => {
    expect(summaryOf({ activityType: 'running', duration: 0, movingDuration: 0, elapsedDuration: 1860000 })!.time).toBe(1860);
  });
});

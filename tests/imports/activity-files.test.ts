import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readActivityFile } from '../../src/lib/journal/imports/activity-file.ts';
import { draftFromSummary, localDateTime } from '../../src/lib/journal/imports/activity.ts';
import { parseFit } from '../../src/lib/journal/imports/fit.ts';
import { parseGpx } from '../../src/lib/journal/imports/gpx.ts';
import { parseTcx } from '../../src/lib/journal/imports/tcx.ts';
import { haversine, METRES_PER_DEGREE_LAT } from '../../src/lib/journal/imports/streams.ts';
import { FIXTURES } from './helpers.ts';

const real = (name: string): string => join(FIXTURES, 'real', name);
const read = (path: string) => readActivityFile(path, 500, null);

describe('GPX with known splits (splits-3k.gpx)', () => {
  it('reads name, type, 31 timed points with elevation', async () => {
    const { activity: parsed, warnings } = parseGpx(await readFile(join(FIXTURES, 'splits-3k.gpx'), 'utf8'));
    expect(warnings).toEqual([]);
    expect(parsed.name).toBe('Three k splits');
    expect(parsed.sport).toBe('running');
    expect(parsed.samples).toHaveLength(31);
    expect(parsed.samples[0]).toEqual({ time: Date.UTC(2024, 2, 10, 7), lat: 45, lon: 10, elevation: 100, distance: null });
  });

  it('gives the hand-computed distance, time, climb and best efforts', async () => {
    const { summary, warnings } = await read(join(FIXTURES, 'splits-3k.gpx'));
    expect(warnings).toEqual([]);
    expect(summary!.distance).toBeCloseTo(3000, 2);
    expect(summary!.time).toBe(820);
    expect(summary!.elevation).toBe(20);
    // 400 m: the last four splits of km 2 (25+25+25+24 = 99 s), from 1,600 m.
    // 1 km: km 2 (250 s). Mile: km 2 plus 609.344 m of km 3 at 27 s/100 m = 414.52 s.
    expect(summary!.efforts).toEqual([
      { distance: 400, time: 99, startOffset: 1600 },
      { distance: 1000, time: 250, startOffset: 1000 },
      { distance: 1609.344, time: 414.5, startOffset: 1000 },
    ]);
  });

  it('takes the day and clock from the profile time zone (GPX has no local time)', async () => {
    const { summary } = await read(join(FIXTURES, 'splits-3k.gpx'));
    const source = { path: 'data/splits-3k.gpx', line: null, kind: 'gpx' as const };
    expect(draftFromSummary(summary!, source, 'Europe/Berlin')).toMatchObject({ date: '2024-03-10', startTime: '08:00:00' });
    expect(draftFromSummary(summary!, source, 'Pacific/Auckland')).toMatchObject({ date: '2024-03-10', startTime: '20:00:00' });
    expect(draftFromSummary(summary!, source, 'America/Los_Angeles')).toMatchObject({ date: '2024-03-09', startTime: '23:00:00' });
  });

  it('rejects a file that is not GPX', () => {
    expect(() => parseGpx('<kml></kml>')).toThrow(/not a GPX file \(<kml> where <gpx> should be\)/);
    expect(() => parseGpx('just text')).toThrow(/not a GPX file \(no XML element in it\)/);
  });

  it('reads a cut-off file up to where it ends, and says so', async () => {
    const whole = await readFile(join(FIXTURES, 'splits-3k.gpx'), 'utf8');
    const cut = whole.slice(0, whole.indexOf('<trkpt', whole.length / 2) + 20);
    const { activity, warnings } = parseGpx(cut);
    expect(activity.samples.length).toBeGreaterThan(5);
    expect(activity.samples.length).toBeLessThan(31);
    expect(warnings).toEqual(['the file ends before </gpx> (cut off?)']);
    // Through the importer: a run read in part, with its warning, and never cached.
    const dir = await mkdtemp(join(tmpdir(), 'small-wins-cut-'));
    await writeFile(join(dir, 'cut.gpx'), cut);
    const read = await readActivityFile(join(dir, 'cut.gpx'), 0, null);
    expect(read.summary?.distance).toBeGreaterThan(0);
    expect(read.warnings).toEqual(['the file ends before </gpx> (cut off?)']);
    await rm(dir, { recursive: true, force: true });
  });

  it('reads namespaced elements, entities and CDATA as the text they stand for', () => {
    const xml = `<?xml version="1.0"?>
<g:gpx xmlns:g="http://www.topografix.com/GPX/1/1"><g:trk><g:name>Tom &amp; Jerry&#39;s &lt;loop&gt;</g:name><g:desc><![CDATA[Hills & <more>]]></g:desc>
<g:trkseg><g:trkpt lat="45.5" lon="10.25"><g:ele>12.5</g:ele><g:time>2024-03-10T07:00:00Z</g:time></g:trkpt>
<g:trkpt lat="45.6" lon="10.26"><g:time>not a time</g:time></g:trkpt></g:trkseg></g:trk></g:gpx>`;
    const { activity, warnings } = parseGpx(xml);
    expect(warnings).toEqual([]);
    expect(activity).toMatchObject({ name: "Tom & Jerry's <loop>", description: 'Hills & <more>' });
    expect(activity.samples).toEqual([{ time: Date.UTC(2024, 2, 10, 7), lat: 45.5, lon: 10.25, elevation: 12.5, distance: null }]);
  });
});

describe('GPX with several segments or tracks', () => {
  // Two 1 km stretches (100 m every 30 s), the second 5 km north of the first and a minute after
  // it: a watch paused on a train, or two tracks joined in one file.
  const degrees100m = 100 / METRES_PER_DEGREE_LAT;
  const stretch = (fromLat: number, startMinute: number): string =>
    Array.from({ length: 11 }, (_, i) => {
      const time = new Date(Date.UTC(2024, 2, 10, 7, startMinute) + i * 30_000).toISOString();
      return `<trkpt lat="${(fromLat + i * degrees100m).toFixed(7)}" lon="10"><time>${time}</time></trkpt>`;
    }).join('');
  const farNorth = 45 + 60 * degrees100m;

  it.each([
    ['two segments of one track', `<trk><name>Split</name><trkseg>${stretch(45, 0)}</trkseg><trkseg>${stretch(farNorth, 6)}</trkseg></trk>`],
    ['two tracks', `<trk><name>Split</name><trkseg>${stretch(45, 0)}</trkseg></trk><trk><trkseg>${stretch(farNorth, 6)}</trkseg></trk>`],
  ])('counts no distance and no effort across the gap (%s), and says so', async (_, body) => {
    const dir = await mkdtemp(join(tmpdir(), 'small-wins-segments-'));
    try {
      await writeFile(join(dir, 'split.gpx'), `<?xml version="1.0"?><gpx version="1.1" creator="test">${body}</gpx>`);
      const { summary, warnings } = await readActivityFile(join(dir, 'split.gpx'), 0, null);
      expect(summary!.distance).toBeCloseTo(2000, 0);
      expect(summary!.efforts.map((e) => e.distance)).toEqual([400, 1000, 1609.344]);
      // The mile spans the gap, so it takes the minute of the gap too: 10 min for 2 km less 391 m, plus 60 s.
      expect(summary!.efforts[2]!.time).toBeGreaterThan(540);
      expect(warnings).toEqual(['2 track segments: the gaps between them are not counted as distance']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('TCX (short.tcx)', () => {
  it('reads laps, the distance stream and notes', async () => {
    const { activity: parsed, warnings } = parseTcx(await readFile(join(FIXTURES, 'short.tcx'), 'utf8'));
    expect(warnings).toEqual([]);
    expect(parsed).toMatchObject({ sport: 'Running', distance: 1200, timerTime: 360, description: 'Hill reps warm-up' });
    expect(parsed.samples.map((s) => s.distance)).toEqual([0, 400, 800, 1200]);
  });

  it('reads a cut-off file up to where it ends, and rejects one with no activity', async () => {
    const whole = await readFile(join(FIXTURES, 'short.tcx'), 'utf8');
    const { activity, warnings } = parseTcx(whole.slice(0, whole.lastIndexOf('</Trackpoint>') + '</Trackpoint>'.length));
    expect(activity.samples.map((s) => s.distance)).toEqual([0, 400, 800, 1200]);
    expect(warnings).toEqual(['the file ends before </TrainingCenterDatabase> (cut off?)']);
    expect(() => parseTcx('<TrainingCenterDatabase><Activities/></TrainingCenterDatabase>')).toThrow(/not a TCX activity file/);
  });

  it('finds efforts on the device distance stream', async () => {
    const { summary } = await read(join(FIXTURES, 'short.tcx'));
    // 400 m: 400–800 m took 110 s. 1 km from the start ends at 230 + 200/400·130 = 295 s.
    expect(summary!.efforts).toEqual([
      { distance: 400, time: 110, startOffset: 400 },
      { distance: 1000, time: 295, startOffset: 0 },
    ]);
  });
});

describe('real FIT recordings match their device summaries', () => {
  it.each([
    // file, distance m, timer s, start UTC, local date/time (FIT local_timestamp where present)
    ['activity-small-fenix2-run.fit', 9008.22, 2832, '2015-08-15T14:45:08.000Z', '2015-08-15', '16:45:08'],
    ['2013-02-06-12-11-14.fit', 4835.38, 2625, '2013-02-06T12:11:14.000Z', '2013-02-06', '12:11:14'],
    ['garmin-fenix-5-run.fit', 157.56, 57, '2017-06-11T14:34:09.000Z', null, null],
  ] as const)('%s', async (file, distance, timer, start, date, time) => {
    const { summary, warnings } = await read(real(file));
    expect(warnings).toEqual([]);
    expect(summary!.isRun).toBe(true);
    expect(summary!.distance).toBeCloseTo(distance, 1);
    expect(Math.abs(summary!.time! - timer)).toBeLessThanOrEqual(1);
    expect(new Date(summary!.start!).toISOString()).toBe(start);
    if (date) {
      // The 2013 file has no local time: with a UTC profile its day is the UTC day.
      expect(localDateTime(summary!.start!, summary!.utcOffset, 'UTC')).toEqual({ date, startTime: time });
    }
  });

  it('uses FIT local_timestamp over the profile time zone', async () => {
    const { summary } = await read(real('activity-small-fenix2-run.fit'));
    expect(summary!.utcOffset).toBe(7200);
    expect(localDateTime(summary!.start!, summary!.utcOffset, 'America/New_York')).toEqual({ date: '2015-08-15', startTime: '16:45:08' });
  });

  it('finds efforts inside the fenix 2 run (a 5K from the middle of a 9 km run)', async () => {
    const { summary } = await read(real('activity-small-fenix2-run.fit'));
    expect(summary!.efforts.map((e) => e.distance)).toEqual([400, 1000, 1609.344, 5000]);
    const fiveK = summary!.efforts[3]!;
    expect(fiveK.startOffset).toBeGreaterThan(0);
    // Faster than the whole run's average pace over 5 km.
    expect(fiveK.time).toBeLessThan((2832 * 5000) / 9008.22);
    expect(fiveK.time).toBeGreaterThan(1000);
  });

  it('skips other sports: a ride and indoor rowing', async () => {
    expect((await read(real('garmin-fenix-5-bike.fit'))).summary).toMatchObject({ isRun: false, sport: 'cycling' });
    expect((await read(real('20170518-191602-1740899583.fit'))).summary).toMatchObject({ isRun: false, sport: 'fitnessEquipment' });
  });
});

describe('the GPX made from the fenix 2 FIT run', () => {
  it('matches the device summary within tolerance, from positions alone', async () => {
    const { summary } = await read(real('fenix2-run-2015-08-15.gpx'));
    expect(summary!.sport).toBeNull();
    expect(summary!.isRun).toBe(true);
    expect(Math.abs(summary!.distance! - 9008.22) / 9008.22).toBeLessThan(0.01);
    expect(Math.abs(summary!.time! - 2832) / 2832).toBeLessThan(0.02);
    expect(Math.abs(summary!.elevation! - 64)).toBeLessThanOrEqual(64 * 0.15);
    expect(new Date(summary!.start!).toISOString()).toBe('2015-08-15T14:45:08.000Z');
    expect(summary!.utcOffset).toBeNull();
  });

  it('publishes a trimmed, small track: no point within 500 m of the start or the end', async () => {
    const gpx = parseGpx(await readFile(real('fenix2-run-2015-08-15.gpx'), 'utf8')).activity;
    const first = gpx.samples[0]!;
    const last = gpx.samples[gpx.samples.length - 1]!;
    const { summary } = await read(real('fenix2-run-2015-08-15.gpx'));
    const points = summary!.track!.points;
    expect(points.length).toBeGreaterThan(10);
    expect(points.length).toBeLessThanOrEqual(300);
    for (const point of points) {
      expect(haversine(point, [first.lat!, first.lon!])).toBeGreaterThanOrEqual(500);
      expect(haversine(point, [last.lat!, last.lon!])).toBeGreaterThanOrEqual(500);
    }
  });
});

describe('damaged FIT files give a result or a located warning, never a crash', () => {
  it.each([
    ['activity-unexpected-eof.fit', 5.73, '2012-04-09T21:22:26.000Z', /end of stream/],
    ['activity-settings-corruptheader.fit', 5.73, '2012-04-09T21:22:26.000Z', /not a FIT file/],
  ] as const)('%s', async (file, distance, start, warning) => {
    const { summary, warnings } = await read(real(file));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(warning);
    expect(summary!.distance).toBeCloseTo(distance, 1);
    expect(new Date(summary!.start!).toISOString()).toBe(start);
  });

  it('keeps only the samples before the garbage in the Strava app file', async () => {
    const parsed = parseFit(await readFile(real('strava-android-app-201.10-b1218918.fit')));
    const times = parsed.activity!.samples.map((s) => s.time);
    expect(Math.max(...times)).toBeGreaterThan(Date.UTC(2080, 0, 1));
  });

  it('keeps the session totals of a file decoded in part, without the part\'s climb or efforts', async () => {
    const { summary, warnings } = await read(real('strava-android-app-201.10-b1218918.fit'));
    expect(warnings[0]).toMatch(/FIT Runtime Error at byte 7472/);
    expect(warnings[1]).toMatch(/^the recorded points cover only 0\.9 km of the 11\.3 km the file's summary gives: its totals are kept/);
    expect(warnings).toHaveLength(2);
    expect(summary!.distance).toBeCloseTo(11274.04, 1);
    expect(summary!.time).toBe(3558);
    expect(new Date(summary!.start!).toISOString()).toBe('2021-09-27T14:13:10.000Z');
    // The session has no ascent; the first kilometre's climb is not the run's.
    expect(summary!.elevation).toBeNull();
    expect(summary!.efforts).toEqual([]);
  });

  it('takes a stream that covers its session whole at its word', async () => {
    const { summary, warnings } = await read(real('activity-small-fenix2-run.fit'));
    expect(warnings).toEqual([]);
    expect(summary!.efforts.length).toBeGreaterThan(0);
  });

  it('reports bytes that are no FIT file at all', () => {
    const result = parseFit(new TextEncoder().encode('hello, this is not a FIT file'));
    expect(result.activity).toBeNull();
    expect(result.warnings[0]).toMatch(/FIT/);
  });
});

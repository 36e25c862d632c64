// Tracks written by the tests: a GPX or TCX from a list of legs at given speeds, so a test states
// the run it means (5 km at 5:00 /km, then 10 km at 5 m/s) and the file follows. And journal
// folders holding them, read as the site reads them.
import { Encoder, Profile, type Encodable, type FileIdMesg, type RecordMesg, type SessionMesg } from '@garmin/fitsdk';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { readJournal } from '../../src/lib/journal/read-journal.ts';
import type { Journal, Win } from '../../src/lib/types.ts';
import { findWins } from '../../src/lib/wins/find-wins.ts';

/** The journal's today in these tests. */
export const TODAY = '2026-12-03';

/** Temp journal folders for a describe block (and a temp import cache). */
export function useJournalFolders() {
  let count = 0;
  let previousCache: string | undefined;
  const folders = {
    root: '',
    setup(): void {
      folders.root = mkdtempSync(join(tmpdir(), 'small-wins-gps-'));
      previousCache = process.env.SMALL_WINS_CACHE;
      process.env.SMALL_WINS_CACHE = join(folders.root, 'cache');
    },
    teardown(): void {
      if (previousCache === undefined) delete process.env.SMALL_WINS_CACHE;
      else process.env.SMALL_WINS_CACHE = previousCache;
      rmSync(folders.root, { recursive: true, force: true });
    },
    /** A journal folder holding `files` (path → content), read with its wins. */
    async journalOf(files: Record<string, string | Uint8Array>): Promise<{ data: string; journal: Journal; wins: Win[] }> {
      const data = join(folders.root, `data-${++count}`);
      mkdirSync(data, { recursive: true });
      for (const [path, content] of Object.entries(files)) {
        mkdirSync(dirname(join(data, path)), { recursive: true });
        writeFileSync(join(data, path), content);
      }
      const journal = await readJournal(data, { today: TODAY });
      return { data, journal, wins: journal.errors.length > 0 ? [] : findWins(journal.runs, journal.goals, journal.profile) };
    },
  };
  return folders;
}

/** Metres along a meridian per degree of latitude (the stream's own figure, rounded). */
const METRES_PER_DEGREE = 111_195;

export interface Leg {
  /** Metres. */
  distance: number;
  /** Metres per second. */
  speed: number;
}

export interface TrackPoint {
  /** Epoch ms. */
  time: number;
  lat: number;
  lon: number;
  /** Metres from the start (the device's distance, for TCX). */
  distance: number;
}

/** Points every `step` seconds heading north from `start`, leg after leg. */
export function pointsOf(legs: readonly Leg[], start = Date.UTC(2024, 4, 1, 7, 0, 0), step = 10, from: [number, number] = [38.7, -9.14]): TrackPoint[] {
  const points: TrackPoint[] = [{ time: start, lat: from[0], lon: from[1], distance: 0 }];
  let t = start;
  let d = 0;
  for (const leg of legs) {
    const steps = Math.round(leg.distance / (leg.speed * step));
    for (let i = 0; i < steps; i++) {
      t += step * 1000;
      d = Math.round((d + leg.distance / steps) * 1000) / 1000;
      points.push({ time: t, lat: from[0] + d / METRES_PER_DEGREE, lon: from[1], distance: d });
    }
  }
  return points;
}

const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');

/** A GPX file; `timeText` overrides how a point's time is written (a device with an unset clock). */
export function gpxOf(points: readonly TrackPoint[], timeText: (p: TrackPoint, i: number) => string = (p) => iso(p.time)): string {
  const trkpts = points.map((p, i) => `<trkpt lat="${p.lat.toFixed(7)}" lon="${p.lon.toFixed(7)}"><time>${timeText(p, i)}</time></trkpt>`);
  return `<?xml version="1.0"?>\n<gpx version="1.1" creator="test"><trk><name>Test run</name><type>running</type><trkseg>\n${trkpts.join('\n')}\n</trkseg></trk></gpx>\n`;
}

/** A TCX file with the device's distance on every point and one lap of `lapDistance` metres. */
export function tcxOf(points: readonly TrackPoint[], lapDistance: number, distanceOf: (p: TrackPoint, i: number) => number = (p) => p.distance): string {
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const trackpoints = points.map(
    (p, i) =>
      `<Trackpoint><Time>${iso(p.time)}</Time><Position><LatitudeDegrees>${p.lat.toFixed(7)}</LatitudeDegrees><LongitudeDegrees>${p.lon.toFixed(7)}</LongitudeDegrees></Position><DistanceMeters>${distanceOf(p, i)}</DistanceMeters></Trackpoint>`,
  );
  return `<?xml version="1.0"?>\n<TrainingCenterDatabase><Activities><Activity Sport="Running"><Id>${iso(first.time)}</Id><Lap StartTime="${iso(first.time)}"><TotalTimeSeconds>${(last.time - first.time) / 1000}</TotalTimeSeconds><DistanceMeters>${lapDistance}</DistanceMeters><Track>\n${trackpoints.join('\n')}\n</Track></Lap></Activity></Activities></TrainingCenterDatabase>\n`;
}

/** A Strava activities.csv with the columns the importer reads, one row per `[id, date, name, km, seconds, filename]`. */
export function stravaCsv(rows: ReadonlyArray<[number, string, string, number, number, string]>): string {
  const header = 'Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time,Distance,Filename,Elapsed Time,Moving Time,Distance';
  const lines = rows.map(([id, date, name, km, seconds, file]) => `${id},"${date}",${name},Run,${seconds},${km.toFixed(2)},${file},${seconds},${seconds},${km * 1000}`);
  return `${header}\n${lines.join('\n')}\n`;
}

const SEMICIRCLES_PER_DEGREE = 2 ** 31 / 180;

/** A FIT activity written with Garmin's SDK: a record per point and a running session of `sessionDistance` metres. */
export function fitOf(points: readonly TrackPoint[], sessionDistance: number, distanceOf: (p: TrackPoint, i: number) => number = (p) => p.distance): Uint8Array {
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const encoder = new Encoder();
  const fileId: Encodable<FileIdMesg> = { mesgNum: Profile.MesgNum.FILE_ID!, type: 'activity', manufacturer: 'development', product: 0, timeCreated: new Date(first.time), serialNumber: 1 };
  encoder.writeMesg(fileId);
  points.forEach((p, i) => {
    const record: Encodable<RecordMesg> = {
      mesgNum: Profile.MesgNum.RECORD!,
      timestamp: new Date(p.time),
      distance: distanceOf(p, i),
      positionLat: Math.round(p.lat * SEMICIRCLES_PER_DEGREE),
      positionLong: Math.round(p.lon * SEMICIRCLES_PER_DEGREE),
    };
    encoder.writeMesg(record);
  });
  const seconds = (last.time - first.time) / 1000;
  const session: Encodable<SessionMesg> = {
    mesgNum: Profile.MesgNum.SESSION!,
    timestamp: new Date(last.time),
    startTime: new Date(first.time),
    totalDistance: sessionDistance,
    totalTimerTime: seconds,
    totalElapsedTime: seconds,
    sport: 'running',
  };
  encoder.writeMesg(session);
  return encoder.close();
}

/** A FIT file that is not an activity (a Garmin export holds thousands: settings, monitoring), as a device writes its header. */
export function deviceFileFit(type: 'settings' | 'monitoringA', created = Date.UTC(2024, 4, 1, 6, 0, 0)): Uint8Array {
  const encoder = new Encoder();
  const fileId: Encodable<FileIdMesg> = { mesgNum: Profile.MesgNum.FILE_ID!, type, manufacturer: 'garmin', product: 0, timeCreated: new Date(created), serialNumber: 1 };
  encoder.writeMesg(fileId);
  return encoder.close();
}

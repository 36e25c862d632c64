// A synthetic Strava bulk export for the imports benchmark: `activities.csv` in Strava's English
// layout and one GPX track per activity (1–5 s between points, a few thousand points), seeded and
// reproducible. Tracks are generated one at a time (`activityGpx`) so a large export never has to
// sit in memory at once. Pure: the benchmark writes (and gzips) the files.
import Papa from 'papaparse';
import { createRandom } from './random.ts';

export interface StravaExportOptions {
  activities: number;
  seed: number;
  /** First activity, UTC milliseconds. */
  start: number;
}

export type StravaSport = 'Run' | 'Ride' | 'Walk';

export interface StravaActivity {
  id: number;
  sport: StravaSport;
  /** UTC milliseconds. */
  start: number;
  /** Seconds between track points. */
  interval: number;
  points: number;
  /** Metres per second, on average. */
  speed: number;
  /** `activities/<id>.gpx` inside the export (the benchmark may add `.gz`). */
  file: string;
  /** Each track has its own seed, so it can be generated alone. */
  trackSeed: number;
}

export interface StravaExport {
  activities: StravaActivity[];
  /** How many of each sport: the importer keeps the runs and skips the rest. */
  counts: Record<StravaSport, number>;
}

// Strava's English header (as in a real export: some names appear twice).
export const STRAVA_HEADER = [
  'Activity ID', 'Activity Date', 'Activity Name', 'Activity Type', 'Activity Description', 'Elapsed Time', 'Distance',
  'Max Heart Rate', 'Relative Effort', 'Commute', 'Activity Private Note', 'Activity Gear', 'Filename', 'Athlete Weight',
  'Bike Weight', 'Elapsed Time', 'Moving Time', 'Distance', 'Max Speed', 'Average Speed', 'Elevation Gain', 'Elevation Loss',
  'Elevation Low', 'Elevation High', 'Max Grade', 'Average Grade', 'Average Positive Grade', 'Average Negative Grade',
  'Max Cadence', 'Average Cadence', 'Max Heart Rate', 'Average Heart Rate', 'Max Watts', 'Average Watts', 'Calories',
  'Max Temperature', 'Average Temperature', 'Relative Effort', 'Total Work', 'Number of Runs', 'Uphill Time',
  'Downhill Time', 'Other Time', 'Perceived Exertion', 'Type', 'Start Time', 'Weighted Average Power', 'Power Count',
  'Prefer Perceived Exertion', 'Perceived Relative Effort', 'Commute', 'Total Weight Lifted', 'From Upload',
  'Grade Adjusted Distance', 'Weather Observation Time', 'Weather Condition', 'Weather Temperature', 'Apparent Temperature',
  'Dewpoint', 'Humidity',
] as const;

const INTERVALS = [1, 1, 1, 2, 3, 5] as const;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export function generateStravaExport(options: StravaExportOptions): StravaExport {
  const random = createRandom(options.seed);
  const activities: StravaActivity[] = [];
  const counts: Record<StravaSport, number> = { Run: 0, Ride: 0, Walk: 0 };
  let day = options.start - (options.start % DAY);
  for (let i = 0; i < options.activities; i++) {
    day += random.chance(0.7) ? DAY : 2 * DAY;
    // About one in eight activities is not a run: the importer must skip it.
    const roll = random.next();
    const sport: StravaSport = roll < 0.08 ? 'Ride' : roll < 0.13 ? 'Walk' : 'Run';
    const interval = random.pick(INTERVALS);
    const minutes = sport === 'Ride' ? random.between(45, 120) : random.between(20, 75);
    const speed = sport === 'Ride' ? random.between(6, 9) : sport === 'Walk' ? random.between(1.2, 1.6) : random.between(2.6, 3.8);
    counts[sport]++;
    activities.push({
      id: 1_000_000 + i,
      sport,
      start: day + Math.round(random.between(6, 19) * HOUR / 1000) * 1000,
      interval,
      // A few thousand points at 1 s; fewer (but never under a few hundred) at 5 s.
      points: Math.max(300, Math.round((minutes * 60) / interval)),
      speed,
      file: `activities/${1_000_000 + i}.gpx`,
      trackSeed: random.int(1, 2 ** 31),
    });
  }
  return { activities, counts };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Strava's English date cell, in UTC: `Mar 10, 2024, 7:00:00 AM`. */
export function stravaDate(ms: number): string {
  const d = new Date(ms);
  const h = d.getUTCHours();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}, ${h % 12 || 12}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${h < 12 ? 'AM' : 'PM'}`;
}

const durationOf = (a: StravaActivity) => (a.points - 1) * a.interval;

/** The track's distance, metres (the CSV states what the track covers). */
function distanceOf(a: StravaActivity): number {
  return a.speed * durationOf(a);
}

/** `activities.csv`; `gzipped` names the files `.gpx.gz`, as Strava does for uploaded GPX. */
export function stravaActivitiesCsv(data: StravaExport, options: { gzipped: boolean }): string {
  const index = (name: string, nth = 0) => STRAVA_HEADER.map((h, i) => (h === name ? i : -1)).filter((i) => i >= 0)[nth]!;
  const rows = data.activities.map((a) => {
    const row: string[] = STRAVA_HEADER.map(() => '');
    const seconds = durationOf(a);
    const metres = distanceOf(a);
    row[index('Activity ID')] = String(a.id);
    row[index('Activity Date')] = stravaDate(a.start);
    row[index('Activity Name')] = `${a.sport === 'Run' ? 'Morning run' : a.sport === 'Ride' ? 'Commute ride' : 'Walk'} ${a.id}`;
    row[index('Activity Type')] = a.sport;
    row[index('Elapsed Time')] = String(seconds);
    row[index('Distance')] = (metres / 1000).toFixed(2);
    row[index('Commute')] = 'false';
    row[index('Filename')] = a.file + (options.gzipped ? '.gz' : '');
    row[index('Elapsed Time', 1)] = `${seconds}.0`;
    row[index('Moving Time', 0)] = `${seconds}.0`;
    row[index('Distance', 1)] = metres.toFixed(1);
    return row;
  });
  return Papa.unparse({ fields: [...STRAVA_HEADER], data: rows }, { newline: '\n' }) + '\n';
}

const M_PER_DEG_LAT = 111_320;

/** One activity's GPX track: a wandering route with noisy pace and rolling elevation. */
export function activityGpx(a: StravaActivity): string {
  const random = createRandom(a.trackSeed);
  let lat = 59.9 + random.between(-0.05, 0.05);
  let lon = 10.7 + random.between(-0.05, 0.05);
  let heading = random.between(0, 2 * Math.PI);
  let ele = random.between(20, 200);
  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gpx version="1.1" creator="small-wins benchmark" xmlns="http://www.topografix.com/GPX/1/1">',
    ` <trk><name>${a.sport} ${a.id}</name><type>${a.sport === 'Run' ? 'running' : a.sport === 'Ride' ? 'cycling' : 'walking'}</type><trkseg>`,
  ];
  for (let i = 0; i < a.points; i++) {
    const time = new Date(a.start + i * a.interval * 1000).toISOString().replace('.000Z', 'Z');
    lines.push(`  <trkpt lat="${lat.toFixed(7)}" lon="${lon.toFixed(7)}"><ele>${ele.toFixed(1)}</ele><time>${time}</time></trkpt>`);
    const step = a.speed * a.interval * (1 + 0.08 * random.normal());
    heading += 0.15 * random.normal();
    lat += (step * Math.cos(heading)) / M_PER_DEG_LAT;
    lon += (step * Math.sin(heading)) / (M_PER_DEG_LAT * Math.cos((lat * Math.PI) / 180));
    ele = Math.max(0, ele + 0.3 * random.normal() * a.interval);
  }
  lines.push(' </trkseg></trk>', '</gpx>', '');
  return lines.join('\n');
}

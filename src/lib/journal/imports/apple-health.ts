// Apple Health's export (`export.zip` from the iPhone Health app): `apple_health_export/export.xml`
// holds every health record the phone ever kept (gigabytes of heart rates and steps) and, among
// them, the workouts; `workout-routes/*.gpx` holds their routes. The XML is read as a stream of
// text: only `<Workout>` elements are cut out of it and read (with the GPX reader's element
// tokenizer), everything else is passed over unparsed, so memory holds one chunk and one workout.
import type { Problem, RunDraft } from '../../types.ts';
import { emptyRunDraft } from '../../model/run-columns.ts';
import { localDateTime, TRACK_DISTANCE_TOLERANCE, type ActivitySummary } from './activity.ts';
import { plausibleEfforts } from './best-efforts.ts';
import { numberOf, readElements } from './xml-elements.ts';

/** One `<Workout>` of the export, in metres, seconds and UTC. */
export interface AppleWorkout {
  /** Line of export.xml where the element starts. */
  line: number;
  /** `Running`, `Walking`, `Cycling`: `workoutActivityType` without its `HKWorkoutActivityType` prefix. */
  activityType: string;
  /** Epoch ms of `startDate`; null when it is not a date Apple writes. */
  start: number | null;
  /** `startDate` as written, for a message. */
  startText: string;
  /** Seconds the phone's clock was ahead of UTC (the `+0200` of its dates). */
  utcOffset: number | null;
  /** Seconds: `duration` in its unit, else end minus start. */
  duration: number | null;
  /** Metres: the `DistanceWalkingRunning` statistics (recent iOS), else `totalDistance` (older). */
  distance: number | null;
  /** Metres climbed (`HKElevationAscended`). */
  ascent: number | null;
  /** `HKIndoorWorkout` 1: a treadmill or indoor track. */
  indoor: boolean;
  /** °C (`HKWeatherTemperature`). */
  temperature: number | null;
  /** The route file as its `FileReference` names it (`/workout-routes/route_2024-05-01_7.12am.gpx`). */
  route: string | null;
}

/** The export's main file, by name (it is `export.xml` in every language; `export_cda.xml` is another record). */
export function isAppleHealthExport(name: string): boolean {
  return /(^|\/)export\.xml$/i.test(name);
}

const APPLE_DATE = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2})$/;

/** `2024-05-01 07:12:03 +0200` → the UTC instant and the offset; null for anything else. */
export function parseAppleDate(text: string): { ms: number; utcOffset: number } | null {
  const m = APPLE_DATE.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s, sign, oh, om] = m;
  const utcOffset = (sign === '-' ? -1 : 1) * (Number(oh) * 3600 + Number(om) * 60);
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  return Number.isFinite(wall) ? { ms: wall - utcOffset * 1000, utcOffset } : null;
}

const METRES: Readonly<Record<string, number>> = { m: 1, km: 1000, cm: 0.01, mi: 1609.344, ft: 0.3048, yd: 0.9144 };
const SECONDS: Readonly<Record<string, number>> = { s: 1, sec: 1, min: 60, hr: 3600, h: 3600 };

/** A quantity in one of the units above (`5.12` `km`, `4520 cm`); null when either is unknown. */
function quantity(value: string | undefined, unit: string | undefined, units: Readonly<Record<string, number>>): number | null {
  const n = numberOf(value);
  const factor = unit === undefined ? undefined : units[unit.trim()];
  return n === null || factor === undefined ? null : n * factor;
}

/** A metadata value with its unit after it: `4520 cm`, `68 degF`. */
function valueAndUnit(text: string | undefined): [string | undefined, string | undefined] {
  const m = /^\s*(-?[\d.]+)\s*(\S+)\s*$/.exec(text ?? '');
  return m ? [m[1], m[2]] : [undefined, undefined];
}

function temperatureOf(text: string | undefined): number | null {
  const [value, unit] = valueAndUnit(text);
  const n = numberOf(value);
  if (n === null) return null;
  if (unit === 'degC') return n;
  if (unit === 'degF') return Math.round(((n - 32) * 5) / 9 * 10) / 10;
  return null;
}

const DISTANCE_STATISTIC = 'HKQuantityTypeIdentifierDistanceWalkingRunning';

/** One `<Workout>…</Workout>` element's text, read into a workout. */
export function readWorkout(xml: string, line: number): AppleWorkout {
  let attributes: Readonly<Record<string, string>> = {};
  const metadata = new Map<string, string>();
  let statistic: number | null = null;
  let route: string | null = null;
  readElements(xml, {
    open(name, parent, attrs) {
      if (name === 'Workout' && parent === null) attributes = attrs;
      else if (name === 'MetadataEntry' && parent === 'Workout' && attrs.key !== undefined) metadata.set(attrs.key, attrs.value ?? '');
      else if (name === 'WorkoutStatistics' && parent === 'Workout' && attrs.type === DISTANCE_STATISTIC) statistic = quantity(attrs.sum, attrs.unit, METRES);
      else if (name === 'FileReference' && parent === 'WorkoutRoute') route ??= attrs.path ?? null;
    },
  });
  const start = parseAppleDate(attributes.startDate ?? '');
  const end = parseAppleDate(attributes.endDate ?? '');
  // Minutes with fifteen decimals (`13.66666666666667`): to the millisecond, so 820 s stays 820.
  const minutes = quantity(attributes.duration, attributes.durationUnit, SECONDS);
  const duration = minutes !== null ? Math.round(minutes * 1000) / 1000 : start && end && end.ms > start.ms ? (end.ms - start.ms) / 1000 : null;
  const [ascentValue, ascentUnit] = valueAndUnit(metadata.get('HKElevationAscended'));
  return {
    line,
    activityType: (attributes.workoutActivityType ?? '').replace(/^HKWorkoutActivityType/, '') || 'Unknown',
    start: start?.ms ?? null,
    startText: attributes.startDate ?? '',
    utcOffset: start?.utcOffset ?? null,
    duration,
    distance: statistic ?? quantity(attributes.totalDistance, attributes.totalDistanceUnit, METRES),
    ascent: quantity(ascentValue, ascentUnit, METRES),
    indoor: metadata.get('HKIndoorWorkout')?.trim() === '1',
    temperature: temperatureOf(metadata.get('HKWeatherTemperature')),
    route,
  };
}

/** Longer than this, a `<Workout>` is not one (an unclosed element): the file is refused, not held in memory. */
export const MAX_WORKOUT_CHARS = 16 * 1024 * 1024;

const OPEN = '<Workout';
const CLOSE = '</Workout>';

/**
 * Cuts the `<Workout>` elements out of export.xml as it streams by, chunk after chunk. Only the text
 * of a workout not yet closed is kept between chunks; `<WorkoutRoute>` and the DTD's
 * `<!ATTLIST Workout` are not workouts.
 */
export class WorkoutScanner {
  private buffer = '';
  /** Line number at `buffer[counted]`. */
  private line = 1;
  private counted = 0;
  /** True when the text ended inside a workout (a cut-off file). */
  cutOff = false;
  private readonly onWorkout: (xml: string, line: number) => void;

  constructor(onWorkout: (xml: string, line: number) => void) {
    this.onWorkout = onWorkout;
  }

  write(chunk: string): void {
    this.buffer += chunk;
    this.drain();
  }

  end(): void {
    this.drain();
    const open = this.findOpen(0);
    this.cutOff = open !== -1;
    this.buffer = '';
    this.counted = 0;
  }

  private lineAt(index: number): number {
    for (let i = this.buffer.indexOf('\n', this.counted); i !== -1 && i < index; i = this.buffer.indexOf('\n', i + 1)) this.line++;
    this.counted = index;
    return this.line;
  }

  /** Where the next workout opens from `from`; -1 when none does (or the buffer ends before it can tell). */
  private findOpen(from: number): number {
    for (let at = this.buffer.indexOf(OPEN, from); at !== -1; at = this.buffer.indexOf(OPEN, at + OPEN.length)) {
      const next = this.buffer.charCodeAt(at + OPEN.length);
      // A space, a line break, a tab, '>' or '/': the element itself, not <WorkoutRoute> or <WorkoutEvent>.
      if (next === 32 || next === 10 || next === 13 || next === 9 || next === 62 || next === 47) return at;
      if (Number.isNaN(next)) return -1;
    }
    return -1;
  }

  /** Where the workout opened at `open` ends (just after it), or -1 when it has not ended yet. */
  private findEnd(open: number): number {
    const tagEnd = this.buffer.indexOf('>', open);
    if (tagEnd === -1) return -1;
    if (this.buffer.charCodeAt(tagEnd - 1) === 47) return tagEnd + 1; // <Workout ... />
    const close = this.buffer.indexOf(CLOSE, tagEnd);
    return close === -1 ? -1 : close + CLOSE.length;
  }

  private drain(): void {
    let at = 0;
    for (;;) {
      const open = this.findOpen(at);
      if (open === -1) {
        // Keep a tail that may be the start of `<Workout` cut by the chunk's end.
        this.keepFrom(Math.max(at, this.buffer.length - OPEN.length));
        return;
      }
      const end = this.findEnd(open);
      if (end === -1) {
        this.keepFrom(open);
        if (this.buffer.length > MAX_WORKOUT_CHARS) {
          throw new Error(`line ${this.line}: a <Workout> element runs past ${MAX_WORKOUT_CHARS / 1024 / 1024} M characters without closing: not an export this can read`);
        }
        return;
      }
      this.onWorkout(this.buffer.slice(open, end), this.lineAt(open));
      at = end;
    }
  }

  private keepFrom(index: number): void {
    this.lineAt(index);
    this.buffer = this.buffer.slice(index);
    this.counted = 0;
  }
}

export interface AppleHealthRead {
  workouts: AppleWorkout[];
  /** Workouts of other activities, by activity type. */
  others: Record<string, number>;
  warnings: string[];
}

/**
 * Reads export.xml from its bytes as they stream in, keeping only running workouts (others are
 * counted by type); `onBytes` is told how many bytes have been read so far.
 */
export async function readAppleHealthXml(
  bytes: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  isRun: (activityType: string) => boolean,
  onBytes: (read: number) => void = () => {},
): Promise<AppleHealthRead> {
  const out: AppleHealthRead = { workouts: [], others: {}, warnings: [] };
  const decoder = new TextDecoder();
  const scanner = new WorkoutScanner((xml, line) => {
    const workout = readWorkout(xml, line);
    if (isRun(workout.activityType)) out.workouts.push(workout);
    else out.others[workout.activityType] = (out.others[workout.activityType] ?? 0) + 1;
  });
  let read = 0;
  let sawHealthData = false;
  for await (const chunk of bytes) {
    const text = decoder.decode(chunk, { stream: true });
    if (!sawHealthData && read < 1024 * 1024) sawHealthData = text.includes('<HealthData');
    read += chunk.byteLength;
    scanner.write(read === chunk.byteLength ? text.replace(/^\uFEFF/, '') : text);
    onBytes(read);
  }
  scanner.write(decoder.decode());
  scanner.end();
  if (!sawHealthData) throw new Error('not an Apple Health export (no <HealthData> element at its start)');
  if (scanner.cutOff) out.warnings.push('the file ends inside a <Workout> (cut off?): that workout is not read');
  return out;
}

/** What `too short to be a run` is judged on, for a workout. */
export function workoutLength(workout: AppleWorkout): { start: number | null; distance: number | null; time: number | null } {
  return { start: workout.start, distance: workout.distance, time: workout.duration };
}

/** The route file a workout names, as a path inside the export folder (`workout-routes/route_….gpx`); null for none. */
export function routePath(workout: AppleWorkout): string | null {
  if (workout.route === null) return null;
  const path = workout.route.replace(/\\/g, '/').replace(/^\/+/, '');
  return path === '' || path.split('/').includes('..') ? null : path;
}

export type AppleWorkoutResult = { kind: 'run'; draft: RunDraft; warning?: Problem } | { kind: 'problem'; problem: Problem };

/**
 * A running workout as a run. `route` is the summary of its route file, when it has one: it lends
 * the run its trimmed track, its best efforts (when it is within 10% of the workout's distance)
 * and its climb when the workout has none. An indoor run is virtual: no route, no efforts.
 */
export function appleWorkoutDraft(workout: AppleWorkout, path: string, route: ActivitySummary | null, timezone: string): AppleWorkoutResult {
  const at = { path, line: workout.line };
  if (workout.start === null) {
    const message = `got "${workout.startText}", expected a date like "2024-05-01 07:12:03 +0200"`;
    return { kind: 'problem', problem: { severity: 'error', ...at, field: 'startDate', value: workout.startText, message } };
  }
  const outdoorRoute = workout.indoor ? null : route;
  const distance = workout.distance ?? outdoorRoute?.distance ?? null;
  if (distance === null || distance <= 0) {
    return { kind: 'problem', problem: { severity: 'warning', ...at, field: 'totalDistance', value: null, message: 'a running workout without a distance: not counted as a run' } };
  }
  const disagrees = outdoorRoute?.distance != null && Math.abs(outdoorRoute.distance - distance) > TRACK_DISTANCE_TOLERANCE * distance;
  const { date, startTime } = localDateTime(workout.start, workout.utcOffset, timezone);
  const elevation = workout.ascent ?? (workout.indoor ? null : (outdoorRoute?.elevation ?? null));
  const draft: RunDraft = {
    ...emptyRunDraft({ date, distance: Math.round(distance * 10) / 10, source: { ...at, kind: 'apple' } }),
    startTime,
    time: workout.duration === null || workout.duration <= 0 ? (outdoorRoute?.time ?? null) : Math.round(workout.duration),
    type: workout.activityType,
    elevation: elevation === null ? null : Math.round(elevation),
    temperature: workout.temperature,
    virtual: workout.indoor,
    efforts: outdoorRoute && !disagrees ? plausibleEfforts(outdoorRoute.efforts, distance) : [],
    track: outdoorRoute?.track ?? null,
  };
  if (!disagrees) return { kind: 'run', draft };
  const message = `the route holds ${(outdoorRoute!.distance! / 1000).toFixed(2)} km, more than 10% from the workout's ${(distance / 1000).toFixed(2)} km: its efforts are not used`;
  return { kind: 'run', draft, warning: { severity: 'warning', ...at, field: 'WorkoutRoute', value: workout.route, message } };
}

// One activity file, whatever its format, and the summary of it that becomes a run.
import { tzOffset } from '@date-fns/tz';
import type { Effort, RunDraft, SourceRef, Track } from '../../types.ts';
import { emptyRunDraft } from '../../model/run-columns.ts';
import { findBestEfforts, plausibleEfforts } from './best-efforts.ts';
import { streamElevationGain } from './elevation.ts';
import { publishableTrack, type PrivacyInput } from './privacy.ts';
import { isRunningSport, isVirtualRun } from './run-types.ts';
import { EARLIEST_MS, EARLIEST_YEAR, HUMAN_SPEED_CEILING_M_S, movingTime, readStream, streamDistance, streamDuration, type RawSample } from './streams.ts';

/** What a GPX, TCX or FIT parser reads from a file. */
export interface ParsedActivity {
  /** The sport as the file names it (`running`, `cycling`, `Run`), or null when it does not say. */
  sport: string | null;
  /** The file's sub-sport, e.g. FIT `treadmill`. */
  subSport: string | null;
  /** Epoch ms, UTC. */
  start: number | null;
  /** Seconds the device's local time was ahead of UTC (FIT `local_timestamp`), when known. */
  utcOffset: number | null;
  /**
   * The file's times carry no zone (a GPX or TCX `2024-05-01T07:12:03`): `start` and the samples'
   * times are its wall clock read as UTC, to be placed in the journal's time zone.
   */
  localTimes?: true;
  name: string | null;
  description: string | null;
  /** Device summary values, when the file has them (FIT session, TCX laps). */
  distance: number | null;
  timerTime: number | null;
  ascent: number | null;
  /** Average °C the device measured. */
  temperature: number | null;
  samples: RawSample[];
}

/** The cacheable result of reading one activity file: plain JSON. */
export interface ActivitySummary {
  sport: string | null;
  isRun: boolean;
  virtual: boolean;
  start: number | null;
  utcOffset: number | null;
  /** As in ParsedActivity: `start` is a wall clock until `settleLocalTimes` places it in a time zone. */
  localTimes?: true;
  name: string | null;
  description: string | null;
  distance: number | null;
  time: number | null;
  elevation: number | null;
  temperature: number | null;
  efforts: Effort[];
  track: Track | null;
}

/**
 * Points timed before 1900 are worth a warning: the file's clock was not set. Glitches are not: a
 * watch's first seconds jump like that in ordinary files, and dropping them is routine cleanup.
 */
function dropWarnings(undated: number): string[] {
  if (undated === 0) return [];
  return [`${undated} point${undated === 1 ? '' : 's'} timed before ${EARLIEST_YEAR} (a clock that was not set) ignored`];
}

/**
 * A track this far (relative) from the distance it is held to (an export row's, a file's own
 * summary) is another activity or a damaged one: its best efforts and climb are not used.
 */
export const TRACK_DISTANCE_TOLERANCE = 0.1;

/**
 * How short of the file's own summary its stream stops, when it stops short: `1.0 km of 11.3 km`.
 * A summary no human could run (a flipped bit in its distance) is not one to hold the stream to.
 */
function partialStream(fromStream: number, parsed: ParsedActivity): string | null {
  const summaryDistance = parsed.distance;
  if (summaryDistance === null || summaryDistance <= 0 || fromStream >= (1 - TRACK_DISTANCE_TOLERANCE) * summaryDistance) return null;
  if (parsed.timerTime !== null && summaryDistance > HUMAN_SPEED_CEILING_M_S * parsed.timerTime) return null;
  const km = (metres: number): string => (metres / 1000).toFixed(1);
  return `the recorded points cover only ${km(fromStream)} km of the ${km(summaryDistance)} km the file's summary gives: its totals are kept, the points' climb and best efforts are not used`;
}

/** Distance, time, elevation, efforts and the publishable track of a parsed file, and what was left out of it. */
export function summarizeActivity(parsed: ParsedActivity, privacy: PrivacyInput): { summary: ActivitySummary; warnings: string[] } {
  const { stream, drops } = readStream(parsed.samples);
  const isRun = isRunningSport(parsed.sport);
  const virtual = isVirtualRun(parsed.sport, parsed.subSport);
  const fromStream = stream ? streamDistance(stream) : 0;
  const distance = parsed.distance !== null && parsed.distance > 0 ? parsed.distance : fromStream > 0 ? fromStream : null;
  let time = parsed.timerTime !== null && parsed.timerTime > 0 ? parsed.timerTime : null;
  if (time === null && stream) time = movingTime(stream) || streamDuration(stream) || null;
  // A stream decoded only in part (a file damaged after its first kilometre) says nothing of the
  // rest: the summary's totals stand, and the part's climb and efforts would be wrong for the whole.
  const partial = stream ? partialStream(fromStream, parsed) : null;
  const elevation = parsed.ascent ?? (stream && !partial ? streamElevationGain(stream.time, stream.elevation) : null);
  const start = parsed.start !== null && parsed.start >= EARLIEST_MS ? parsed.start : stream?.start ?? null;
  const summary: ActivitySummary = {
    sport: parsed.sport,
    isRun,
    virtual,
    // A file-level start from a clock that was not set gives way to the track's first point.
    start,
    utcOffset: parsed.utcOffset,
    ...(parsed.localTimes ? { localTimes: true as const } : {}),
    name: parsed.name,
    description: parsed.description,
    distance,
    time: time === null ? null : Math.round(time),
    elevation: elevation === null ? null : Math.round(elevation),
    temperature: parsed.temperature,
    // Treadmill and virtual distances come from a foot pod or a belt, not the road: by default
    // they set no best efforts.
    efforts: stream && isRun && !virtual && !partial && distance !== null ? plausibleEfforts(findBestEfforts(stream), distance) : [],
    // The run's start names it for its zones' radii: the same file always gets the same map.
    track: stream && isRun && !virtual ? publishableTrack(stream.positions, privacy, { id: String(start), times: stream.time }) : null,
  };
  return { summary, warnings: [...dropWarnings(drops.undated), ...(partial ? [partial] : [])] };
}

/**
 * The local calendar day and clock time of a UTC instant: shifted by the file's own offset when it
 * recorded one, else by the profile's time zone.
 */
export function localDateTime(utcMs: number, utcOffset: number | null, timezone: string): { date: string; startTime: string } {
  const offsetMinutes = utcOffset !== null ? utcOffset / 60 : tzOffset(timezone, new Date(utcMs));
  const local = new Date(utcMs + offsetMinutes * 60_000).toISOString();
  return { date: local.slice(0, 10), startTime: local.slice(11, 19) };
}

/**
 * A summary whose times had no zone, placed in the journal's time zone: its start becomes the UTC
 * instant of that wall clock there, and its offset the zone's then. So the same file gives the same
 * date, start and id on every computer, whatever zone the computer is set to. Others are returned as they are.
 */
export function settleLocalTimes(summary: ActivitySummary, timezone: string): ActivitySummary {
  if (!summary.localTimes || summary.start === null) return summary;
  const wall = summary.start;
  // The zone's offset at the instant itself, which is an offset away from the wall clock read as UTC.
  let offsetMinutes = tzOffset(timezone, new Date(wall));
  offsetMinutes = tzOffset(timezone, new Date(wall - offsetMinutes * 60_000));
  const { localTimes: _local, ...settled } = summary;
  return { ...settled, start: wall - offsetMinutes * 60_000, utcOffset: offsetMinutes * 60 };
}

/** Shorter than this (metres) or than `MIN_RUN_SECONDS`, a recording is a watch started by mistake, not a run. */
export const MIN_RUN_METRES = 200;
export const MIN_RUN_SECONDS = 120;
/** The key in a reader's `skipped` counts under which such recordings are counted apart from other sports. */
export const TOO_SHORT = 'too short to be a run';

/** A recording under 200 m or 2 minutes (by its time, else its stream's length): counted apart, never a run. */
export function tooShortToBeRun(summary: Pick<ActivitySummary, 'start' | 'distance' | 'time'>): boolean {
  if (summary.start === null || summary.distance === null || summary.distance <= 0) return false;
  if (summary.distance < MIN_RUN_METRES) return true;
  return summary.time !== null && summary.time < MIN_RUN_SECONDS;
}

/** A run draft from a GPS file alone (a loose file, or one an export points to). */
export function draftFromSummary(fileSummary: ActivitySummary, source: SourceRef, timezone: string): RunDraft | null {
  const summary = settleLocalTimes(fileSummary, timezone);
  if (summary.start === null || summary.distance === null || summary.distance <= 0) return null;
  const { date, startTime } = localDateTime(summary.start, summary.utcOffset, timezone);
  return {
    ...emptyRunDraft({ date, distance: Math.round(summary.distance * 10) / 10, source }),
    startTime,
    time: summary.time,
    title: summary.name,
    type: summary.sport,
    elevation: summary.elevation,
    temperature: summary.temperature,
    notes: summary.description,
    virtual: summary.virtual,
    efforts: summary.efforts,
    track: summary.track,
  };
}

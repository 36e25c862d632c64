// FIT files, read with Garmin's official SDK. A damaged or truncated file keeps whatever
// decoded before the damage; the SDK's error becomes a warning, never a crash.
import { Decoder, Profile, Stream as FitStream } from '@garmin/fitsdk';
import type { ParsedActivity } from './activity.ts';
import { isRunningSport } from './run-types.ts';
import type { RawSample } from './streams.ts';

const FIT_EPOCH_S = 631_065_600;
const SEMICIRCLE_TO_DEGREES = 180 / 2 ** 31;

export interface FitResult {
  activity: ParsedActivity | null;
  /** What went wrong while decoding, e.g. `FIT Runtime Error end of stream at byte 768`. */
  warnings: string[];
}

function epochMs(value: unknown): number | null {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'number' && Number.isFinite(value)) return (value + FIT_EPOCH_S) * 1000;
  return null;
}

function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : null;
}

/** Thrown from the decoder's message listener to stop reading a file whose rest is not wanted. */
class StopReading extends Error {}

/**
 * Stops the decoder at the first message that shows the rest of the file is not wanted: a FIT
 * file that is not an activity (a Garmin export holds thousands of monitoring, settings and
 * device files beside the activities), or an activity of another sport (its sport message comes
 * before the records). Their records are never decoded.
 */
function stopEarly(mesgNum: number, message: Record<string, unknown>): void {
  if (mesgNum === Profile.MesgNum.FILE_ID && typeof message.type === 'string' && message.type !== 'activity') throw new StopReading(message.type);
  if (mesgNum === Profile.MesgNum.SPORT && typeof message.sport === 'string' && !isRunningSport(message.sport)) throw new StopReading(message.sport);
}

/** When a file stopped early began: its timer's first start, else when the file was created. */
function startBeforeRecords(messages: ReturnType<Decoder['read']>['messages']): number | null {
  const timerStart = messages.eventMesgs?.find((e) => String(e.event) === 'timer' && String(e.eventType) === 'start');
  return epochMs(timerStart?.timestamp) ?? epochMs(messages.fileIdMesgs?.[0]?.timeCreated);
}

/**
 * The time of a FIT file's first record, decoding nothing after it: the start a full read gives
 * (the session's, which devices write as the first record's), known from the first messages, so a
 * re-import can tell an activity it already has without decoding it. Null when there is none.
 */
export function firstRecordTime(bytes: Uint8Array): number | null {
  let time: number | null = null;
  try {
    new Decoder(FitStream.fromBuffer(bytes)).read({
      convertDateTimesToDates: true,
      mergeHeartRates: false,
      mesgListener: (mesgNum, message) => {
        if (mesgNum !== Profile.MesgNum.RECORD) return;
        time = epochMs((message as { timestamp?: unknown }).timestamp);
        throw new StopReading('record');
      },
    });
  } catch {
    return null;
  }
  return time;
}

export function parseFit(bytes: Uint8Array): FitResult {
  const warnings: string[] = [];
  let decoded: ReturnType<Decoder['read']>;
  try {
    decoded = new Decoder(FitStream.fromBuffer(bytes)).read({ convertDateTimesToDates: true, mergeHeartRates: false, mesgListener: (mesgNum, message) => stopEarly(mesgNum, message as unknown as Record<string, unknown>) });
  } catch (error) {
    return { activity: null, warnings: [`not a readable FIT file (${(error as Error).message})`] };
  }
  const { messages, errors } = decoded;
  for (const error of errors) if (!(error instanceof StopReading)) warnings.push(error.message);
  const otherSport = errors.some((error) => error instanceof StopReading) ? text(messages.sportMesgs?.[0]?.sport) : null;
  // Not an activity (a monitoring or settings file): nothing to read and nothing wrong.
  const fileType = messages.fileIdMesgs?.[0]?.type;
  if (typeof fileType === 'string' && fileType !== 'activity') return { activity: null, warnings: [] };

  const records = messages.recordMesgs ?? [];
  const session = messages.sessionMesgs?.[0];
  const activityMesg = messages.activityMesgs?.[0];
  const samples: RawSample[] = [];
  for (const record of records) {
    const time = epochMs(record.timestamp);
    if (time === null) continue;
    const lat = num(record.positionLat);
    const lon = num(record.positionLong);
    samples.push({
      time,
      lat: lat === null ? null : lat * SEMICIRCLE_TO_DEGREES,
      lon: lon === null ? null : lon * SEMICIRCLE_TO_DEGREES,
      elevation: num(record.enhancedAltitude) ?? num(record.altitude),
      distance: num(record.distance),
    });
  }
  if (!session && samples.length === 0 && otherSport === null) {
    return { activity: null, warnings: warnings.length > 0 ? warnings : ['no activity in this FIT file'] };
  }

  // local_timestamp is the device's wall clock at `timestamp`: their difference is the UTC offset.
  const local = num(activityMesg?.localTimestamp);
  const stamp = epochMs(activityMesg?.timestamp);
  const utcOffset = local !== null && stamp !== null ? Math.round(((local + FIT_EPOCH_S) * 1000 - stamp) / 60_000) * 60 : null;
  const start = epochMs(session?.startTime) ?? samples[0]?.time ?? (otherSport === null ? null : startBeforeRecords(messages));

  return {
    activity: {
      sport: text(session?.sport) ?? text(messages.sportMesgs?.[0]?.sport),
      subSport: text(session?.subSport),
      start,
      utcOffset: utcOffset !== null && Math.abs(utcOffset) <= 14 * 3600 ? utcOffset : null,
      name: null,
      description: null,
      distance: num(session?.totalDistance),
      timerTime: num(session?.totalTimerTime),
      ascent: num(session?.totalAscent),
      temperature: num(session?.avgTemperature),
      samples,
    },
    warnings,
  };
}

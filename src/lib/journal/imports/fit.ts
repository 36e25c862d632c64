// FIT files, read with Garmin's official SDK. A damaged or truncated file keeps whatever
// decoded before the damage; the SDK's error becomes a warning, never a crash.
import { Decoder, Stream as FitStream } from '@garmin/fitsdk';
import type { ParsedActivity } from './activity.ts';
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

export function parseFit(bytes: Uint8Array): FitResult {
  const warnings: string[] = [];
  let decoded: ReturnType<Decoder['read']>;
  try {
    decoded = new Decoder(FitStream.fromBuffer(bytes)).read({ convertDateTimesToDates: true, mergeHeartRates: false });
  } catch (error) {
    return { activity: null, warnings: [`not a readable FIT file (${(error as Error).message})`] };
  }
  const { messages, errors } = decoded;
  for (const error of errors) warnings.push(error.message);

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
  if (!session && samples.length === 0) {
    return { activity: null, warnings: warnings.length > 0 ? warnings : ['no activity in this FIT file'] };
  }

  // local_timestamp is the device's wall clock at `timestamp`: their difference is the UTC offset.
  const local = num(activityMesg?.localTimestamp);
  const stamp = epochMs(activityMesg?.timestamp);
  const utcOffset = local !== null && stamp !== null ? Math.round(((local + FIT_EPOCH_S) * 1000 - stamp) / 60_000) * 60 : null;
  const start = epochMs(session?.startTime) ?? samples[0]?.time ?? null;

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

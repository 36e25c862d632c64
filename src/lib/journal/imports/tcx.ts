// TCX (Garmin Training Center) files: the first activity's sport, notes and laps (distance and
// timer totals, start), and every timed trackpoint of its laps, read as a stream of elements.
import type { ParsedActivity } from './activity.ts';
import type { RawSample } from './streams.ts';
import { isZoneless, numberOf, readElements, timeOf } from './xml-elements.ts';

interface Point {
  time: number;
  lat: number | null;
  lon: number | null;
  elevation: number | null;
  distance: number | null;
}

export function parseTcx(xml: string): { activity: ParsedActivity; warnings: string[] } {
  const samples: RawSample[] = [];
  let activities = 0;
  let inFirst = false;
  let sport: string | null = null;
  let notes: string | null = null;
  let start = Number.NaN;
  let laps = 0;
  let distance = 0;
  let timer = 0;
  let point: Point | null = null;
  // Decided by the first time in the file (TCX asks for UTC; some apps write their wall clock).
  let localTimes: boolean | null = null;
  const { root, complete } = readElements(xml, {
    open(name, parent, attributes) {
      if (name === 'Activity' && parent === 'Activities') {
        activities++;
        inFirst = activities === 1;
        if (inFirst) sport = attributes.Sport?.trim() || null;
      } else if (!inFirst) return;
      else if (name === 'Lap' && parent === 'Activity') {
        laps++;
        if (laps === 1) {
          start = timeOf(attributes.StartTime ?? '');
          if (Number.isFinite(start)) localTimes ??= isZoneless(attributes.StartTime!);
        }
      } else if (name === 'Trackpoint' && parent === 'Track') {
        point = { time: Number.NaN, lat: null, lon: null, elevation: null, distance: null };
      }
    },
    close(name, parent, text) {
      if (name === 'Activity' && parent === 'Activities') {
        inFirst = false;
        return;
      }
      if (!inFirst) return;
      if (point && parent === 'Trackpoint') {
        if (name === 'Time') {
          point.time = timeOf(text);
          localTimes ??= isZoneless(text);
        }
        else if (name === 'AltitudeMeters') point.elevation = numberOf(text);
        else if (name === 'DistanceMeters') point.distance = numberOf(text);
      } else if (point && parent === 'Position') {
        if (name === 'LatitudeDegrees') point.lat = numberOf(text);
        else if (name === 'LongitudeDegrees') point.lon = numberOf(text);
      } else if (name === 'Trackpoint' && point) {
        if (Number.isFinite(point.time)) samples.push(point);
        point = null;
      } else if (parent === 'Lap') {
        if (name === 'DistanceMeters') distance += numberOf(text) ?? 0;
        else if (name === 'TotalTimeSeconds') timer += numberOf(text) ?? 0;
      } else if (name === 'Notes' && parent === 'Activity') {
        notes = text.trim() || null;
      }
    },
  });
  if (root !== 'TrainingCenterDatabase' || activities === 0) throw new Error('not a TCX activity file (no <Activity>)');
  const activity: ParsedActivity = {
    sport,
    subSport: null,
    start: Number.isFinite(start) ? start : null,
    utcOffset: null,
    ...(localTimes ? { localTimes: true as const } : {}),
    name: null,
    description: notes,
    distance: distance > 0 ? distance : null,
    timerTime: timer > 0 ? timer : null,
    ascent: null,
    temperature: null,
    samples,
  };
  return { activity, warnings: complete ? [] : ['the file ends before </TrainingCenterDatabase> (cut off?)'] };
}

// TCX (Garmin Training Center) files, read with fast-xml-parser.
import { XMLParser } from 'fast-xml-parser';
import type { ParsedActivity } from './activity.ts';
import type { RawSample } from './streams.ts';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: true,
  isArray: (name) => ['Activity', 'Lap', 'Track', 'Trackpoint'].includes(name),
});

type Node = Record<string, unknown>;

function num(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : null;
}

function list(value: unknown): Node[] {
  return Array.isArray(value) ? (value as Node[]) : [];
}

export function parseTcx(xml: string): ParsedActivity {
  const root = (parser.parse(xml) as Node).TrainingCenterDatabase as Node | undefined;
  const activity = list((root?.Activities as Node | undefined)?.Activity)[0];
  if (!activity) throw new Error('not a TCX activity file (no <Activity>)');
  const laps = list(activity.Lap);
  const samples: RawSample[] = [];
  let distance = 0;
  let timer = 0;
  for (const lap of laps) {
    distance += num(lap.DistanceMeters) ?? 0;
    timer += num(lap.TotalTimeSeconds) ?? 0;
    for (const track of list(lap.Track)) {
      for (const point of list(track.Trackpoint)) {
        const time = Date.parse(String(point.Time ?? ''));
        if (!Number.isFinite(time)) continue;
        const position = point.Position as Node | undefined;
        samples.push({
          time,
          lat: num(position?.LatitudeDegrees),
          lon: num(position?.LongitudeDegrees),
          elevation: num(point.AltitudeMeters),
          distance: num(point.DistanceMeters),
        });
      }
    }
  }
  const firstLap = laps[0];
  const start = firstLap ? Date.parse(String(firstLap['@StartTime'] ?? '')) : NaN;
  const notes = typeof activity.Notes === 'string' ? activity.Notes.trim() : '';
  return {
    sport: typeof activity['@Sport'] === 'string' ? activity['@Sport'] : null,
    subSport: null,
    start: Number.isFinite(start) ? start : null,
    utcOffset: null,
    name: null,
    description: notes || null,
    distance: distance > 0 ? distance : null,
    timerTime: timer > 0 ? timer : null,
    ascent: null,
    temperature: null,
    samples,
  };
}

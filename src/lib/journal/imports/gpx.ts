// GPX files: the first track's name, description and type, and every timed point of every track
// (position, elevation), read as a stream of elements.
import type { ParsedActivity } from './activity.ts';
import type { RawSample } from './streams.ts';
import { isZoneless, numberOf, readElements, timeOf } from './xml-elements.ts';

interface Point {
  lat: number | null;
  lon: number | null;
  elevation: number | null;
  time: number;
}

export function parseGpx(xml: string): { activity: ParsedActivity; warnings: string[] } {
  const samples: RawSample[] = [];
  const first = { name: null as string | null, description: null as string | null, type: null as string | null };
  let tracks = 0;
  let segments = 0;
  // Set at each new segment or track after the first: its first timed point starts a gap.
  let gapPending = false;
  let point: Point | null = null;
  // Decided by the first time in the file: GPX 1.1 asks for UTC, some apps write their wall clock.
  let localTimes: boolean | null = null;
  const { root, complete } = readElements(xml, {
    open(name, parent, attributes) {
      if (name === 'trk' && parent === 'gpx') tracks++;
      else if (name === 'trkseg' && parent === 'trk') {
        segments++;
        if (segments > 1) gapPending = true;
      } else if (name === 'trkpt' && parent === 'trkseg') {
        point = { lat: numberOf(attributes.lat), lon: numberOf(attributes.lon), elevation: null, time: Number.NaN };
      }
    },
    close(name, parent, text) {
      if (parent === 'trkpt' && point) {
        if (name === 'ele') point.elevation = numberOf(text);
        else if (name === 'time') {
          point.time = timeOf(text);
          localTimes ??= isZoneless(text);
        }
      } else if (name === 'trkpt' && point) {
        if (Number.isFinite(point.time)) {
          const sample: RawSample = { time: point.time, lat: point.lat, lon: point.lon, elevation: point.elevation, distance: null };
          if (gapPending) sample.segmentStart = true;
          gapPending = false;
          samples.push(sample);
        }
        point = null;
      } else if (parent === 'trk' && tracks === 1) {
        const value = text.trim() || null;
        if (name === 'name') first.name = value;
        else if (name === 'desc') first.description = value;
        else if (name === 'type') first.type = value;
      }
    },
  });
  if (root !== 'gpx') throw new Error(`not a GPX file (${root === null ? 'no XML element in it' : `<${root}> where <gpx> should be`})`);
  const activity: ParsedActivity = {
    sport: first.type,
    subSport: null,
    start: null,
    // GPX times are UTC and carry no local offset: the profile's time zone decides the day.
    utcOffset: null,
    ...(localTimes ? { localTimes: true as const } : {}),
    name: first.name,
    description: first.description,
    distance: null,
    timerTime: null,
    ascent: null,
    temperature: null,
    samples,
  };
  const warnings: string[] = [];
  if (segments > 1) warnings.push(`${segments} track segments: the gaps between them are not counted as distance`);
  if (!complete) warnings.push('the file ends before </gpx> (cut off?)');
  return { activity, warnings };
}

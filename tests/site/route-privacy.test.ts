// The sample journal's GPS run, as the site gets it: every point its route map draws lies at least
// 500 m from where the raw GPX starts and ends (the default privacy trim).
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { routeGeometry } from '../../src/lib/site/route-geometry.ts';
import { readJournal } from '../../src/lib/journal/read-journal.ts';
import { siteCollections } from '../../src/lib/site/collections.ts';
import type { Track } from '../../src/lib/types.ts';
import { findWins } from '../../src/lib/wins/find-wins.ts';

const DATA = resolve(import.meta.dirname, '../../data');
// The raw GPX the sample's route was imported from (data/ holds only the trimmed route).
const GPX = resolve(import.meta.dirname, '../fixtures/sample/2024-10-19-ridge-loop.gpx');
const TRIM = 500;

type LatLon = [number, number];

/** Great-circle metres, written here independently of the importers' own maths. */
function metresBetween([lat1, lon1]: readonly [number, number], [lat2, lon2]: readonly [number, number]): number {
  const rad = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(a));
}

async function rawEnds(): Promise<{ first: LatLon; last: LatLon; count: number }> {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'trkpt' || name === 'trkseg' });
  const gpx = parser.parse(await readFile(GPX, 'utf8'));
  const points: LatLon[] = gpx.gpx.trk.trkseg.flatMap((seg: { trkpt: Array<{ lat: string; lon: string }> }) =>
    seg.trkpt.map((p) => [Number(p.lat), Number(p.lon)] as LatLon),
  );
  return { first: points[0]!, last: points.at(-1)!, count: points.length };
}

/** Undoes routeGeometry's projection: the lat/lon each drawn [x, y] stands for. */
function drawnPlaces(track: Track, size = 320, padding = 12): LatLon[] {
  const { lines } = routeGeometry(track, size, padding);
  const meanLat = track.points.reduce((sum, [lat]) => sum + lat, 0) / track.points.length;
  const xScale = Math.cos((meanLat * Math.PI) / 180);
  const xs = track.points.map(([, lon]) => lon * xScale);
  const ys = track.points.map(([lat]) => -lat);
  const minX = Math.min(...xs);
  const minY = Math.min(...ys);
  const span = Math.max(Math.max(...xs) - minX, Math.max(...ys) - minY);
  const scale = (size - 2 * padding) / span;
  return lines.flat().map(([x, y]) => [-((y - padding) / scale + minY), ((x - padding) / scale + minX) / xScale]);
}

describe('the sample run with a GPS track', async () => {
  const journal = await readJournal(DATA);
  const site = siteCollections(journal, findWins(journal.runs, journal.goals, journal.profile));
  const run = site.runs.find((r) => r.id === '2024-10-19');
  const raw = await rawEnds();

  test('reaches the site with a track and its efforts', () => {
    expect(run?.track?.points.length).toBeGreaterThan(10);
    expect(run?.efforts.length).toBeGreaterThan(0);
  });

  test('its route map draws every published point, and only those', () => {
    const track = run!.track!;
    const drawn = drawnPlaces(track);
    expect(drawn.length).toBe(track.points.length);
    // The inverse projection lands back on the track (sub-pixel rounding only).
    for (const [i, place] of drawn.entries()) expect(metresBetween(place, track.points[i]!)).toBeLessThan(10);
  });

  test('every drawn point lies at least 500 m from the raw start and finish', () => {
    const drawn = drawnPlaces(run!.track!);
    const nearest = Math.min(...drawn.flatMap((place) => [metresBetween(place, raw.first), metresBetween(place, raw.last)]));
    expect(nearest).toBeGreaterThanOrEqual(TRIM);
  });

  test('the raw start coordinates are nowhere in what the site is given', () => {
    const published = JSON.stringify(site);
    for (const value of [...raw.first, ...raw.last]) expect(published).not.toContain(value.toFixed(4));
  });
});

// Routes kept in the journal as GeoJSON (`routes/<id>.geojson`): the already-trimmed, simplified
// points of a track, which GitHub draws as a map. Both directions live here, so what the import
// writes is exactly what the reader reads back.
import type { Track } from '../types.ts';

type Position = [number, number];

/**
 * A LineString for an unbroken route; a MultiLineString when the route passed through a hidden
 * zone (one line per stretch). GeoJSON orders coordinates longitude first.
 */
export function trackToGeoJson(track: Track): string {
  const lines: Position[][] = [];
  const starts = [0, ...(track.breaks ?? []), track.points.length];
  for (let i = 0; i + 1 < starts.length; i++) {
    lines.push(track.points.slice(starts[i], starts[i + 1]).map(([lat, lon]) => [lon, lat]));
  }
  const geometry =
    lines.length === 1 ? { type: 'LineString', coordinates: lines[0] } : { type: 'MultiLineString', coordinates: lines };
  const body = JSON.stringify(geometry.coordinates).replace(/\],\[/g, '],\n[');
  return `{"type":"${geometry.type}","coordinates":${body}}\n`;
}

function isPosition(value: unknown): value is Position {
  return (
    Array.isArray(value) &&
    value.length >= 2 &&
    typeof value[0] === 'number' &&
    typeof value[1] === 'number' &&
    Math.abs(value[0]) <= 180 &&
    Math.abs(value[1]) <= 90
  );
}

/** The track a route file holds, or the `expected ...` clause when it is not a route. */
export function parseRouteGeoJson(text: string): { track: Track } | { expected: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { expected: 'a GeoJSON LineString (the file is not valid JSON)' };
  }
  const geometry = (value as { type?: unknown; geometry?: unknown })?.type === 'Feature' ? (value as { geometry: unknown }).geometry : value;
  const { type, coordinates } = (geometry ?? {}) as { type?: unknown; coordinates?: unknown };
  const lines =
    type === 'LineString' ? [coordinates] : type === 'MultiLineString' && Array.isArray(coordinates) ? coordinates : null;
  if (lines === null || !lines.every((line) => Array.isArray(line) && line.every(isPosition))) {
    return { expected: 'a GeoJSON LineString or MultiLineString of [longitude, latitude] positions' };
  }
  const points: Position[] = [];
  const breaks: number[] = [];
  for (const line of lines as Position[][]) {
    if (line.length === 0) continue;
    if (points.length > 0) breaks.push(points.length);
    for (const [lon, lat] of line) points.push([lat, lon]);
  }
  if (points.length < 2) return { expected: 'a route of at least two positions' };
  return { track: breaks.length > 0 ? { points, breaks } : { points } };
}

// Where a published track's points land in a drawing: a flat projection (fine at the scale of a
// run), fitted into a box with the route's real proportions. Pure numbers; the component draws.
import type { Track } from '../types.ts';

export interface RouteGeometry {
  width: number;
  height: number;
  /** One polyline per stretch of the route (a hidden zone splits it), as [x, y] pixel pairs. */
  lines: Array<Array<[number, number]>>;
}

/** Fits the track into `size`×`size` at most (the longer side gets `size`), with `padding` around it. */
export function routeGeometry(track: Track, size = 320, padding = 12): RouteGeometry {
  const points = track.points;
  if (points.length === 0) return { width: size, height: size, lines: [] };
  const meanLat = points.reduce((sum, [lat]) => sum + lat, 0) / points.length;
  const xScale = Math.cos((meanLat * Math.PI) / 180);
  const xs = points.map(([, lon]) => lon * xScale);
  const ys = points.map(([lat]) => -lat);
  const minX = Math.min(...xs);
  const minY = Math.min(...ys);
  const spanX = Math.max(...xs) - minX;
  const spanY = Math.max(...ys) - minY;
  const span = Math.max(spanX, spanY) || 1;
  const scale = (size - 2 * padding) / span;
  const width = Math.round(spanX * scale + 2 * padding);
  const height = Math.round(spanY * scale + 2 * padding);
  const at = (i: number): [number, number] => [
    Math.round(((xs[i]! - minX) * scale + padding) * 10) / 10,
    Math.round(((ys[i]! - minY) * scale + padding) * 10) / 10,
  ];
  const starts = [0, ...(track.breaks ?? []), points.length];
  const lines: Array<Array<[number, number]>> = [];
  for (let s = 0; s + 1 < starts.length; s++) {
    const line: Array<[number, number]> = [];
    for (let i = starts[s]!; i < starts[s + 1]!; i++) line.push(at(i));
    if (line.length > 0) lines.push(line);
  }
  return { width, height, lines };
}

// Geometry for the static SVG charts (win progression, goal staircase, weekly bars): pure numbers,
// the components only draw them. Coordinates are in the SVG's viewBox units.
import { dayNumber } from '../format/dates.ts';
import type { IsoDate } from '../types.ts';

export interface Frame {
  width: number;
  height: number;
  /** Space for axis labels: top, right, bottom, left. */
  padding: [number, number, number, number];
}

export interface Dot {
  cx: number;
  cy: number;
  date: IsoDate;
  value: number;
  highlight: boolean;
}

export interface Tick {
  /** x or y position. */
  at: number;
  value: number;
}

export interface LineGeometry {
  /** The `d` of a step path: a record holds until it is beaten. */
  path: string;
  dots: Dot[];
  yTicks: Tick[];
  /** First and last dates, for the x axis. */
  xLabels: Array<{ at: number; date: IsoDate }>;
  plot: { left: number; top: number; right: number; bottom: number };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Three evenly spaced, distinct tick values from min to max. */
function ticks(min: number, max: number): number[] {
  if (min === max) return [min];
  return [min, (min + max) / 2, max];
}

/**
 * A step line through dated values. `invert` puts low values at the top, so a falling time
 * (a faster personal best) still climbs: on every chart, up is better.
 */
export function stepLine(
  points: ReadonlyArray<{ date: IsoDate; value: number }>,
  frame: Frame,
  options: { invert?: boolean; highlight?: number; extendTo?: IsoDate; lineTo?: IsoDate; floor?: number; ceiling?: number } = {},
): LineGeometry {
  const [top, right, bottom, left] = frame.padding;
  const plot = { left, top, right: frame.width - right, bottom: frame.height - bottom };
  if (points.length === 0) return { path: '', dots: [], yTicks: [], xLabels: [], plot };
  const days = points.map((p) => dayNumber(p.date));
  const lastDate = options.extendTo && options.extendTo > (points.at(-1) as { date: IsoDate }).date ? options.extendTo : null;
  const d0 = days[0] as number;
  const d1 = Math.max(lastDate ? dayNumber(lastDate) : (days.at(-1) as number), d0 + 1);
  const values = points.map((p) => p.value);
  let v0 = Math.min(...values, options.floor ?? Infinity);
  let v1 = Math.max(...values, options.ceiling ?? -Infinity);
  if (v0 === v1) {
    v0 -= Math.abs(v0) * 0.1 || 1;
    v1 += Math.abs(v1) * 0.1 || 1;
  }
  const x = (day: number): number => round(plot.left + ((day - d0) / (d1 - d0)) * (plot.right - plot.left));
  const y = (value: number) => {
    const t = (value - v0) / (v1 - v0);
    return round(options.invert ? plot.top + t * (plot.bottom - plot.top) : plot.bottom - t * (plot.bottom - plot.top));
  };
  const dots = points.map((p, i) => ({
    cx: x(days[i] as number),
    cy: y(p.value),
    date: p.date,
    value: p.value,
    highlight: i === options.highlight,
  }));
  let path = '';
  dots.forEach((dot, i) => {
    if (i === 0) path += `M${dot.cx} ${dot.cy}`;
    else path += `H${dot.cx}V${dot.cy}`;
  });
  // The last record holds until `lineTo` (the journal's today), the axis runs on to `extendTo`.
  const lineEnd = options.lineTo ?? lastDate;
  if (lineEnd && lineEnd > (points.at(-1) as { date: IsoDate }).date) path += `H${x(Math.min(dayNumber(lineEnd), d1))}`;
  const first = points[0] as { date: IsoDate };
  return {
    path,
    dots,
    yTicks: ticks(v0, v1).map((value) => ({ at: y(value), value })),
    xLabels: [
      { at: plot.left, date: first.date },
      { at: plot.right, date: lastDate ?? (points.at(-1) as { date: IsoDate }).date },
    ],
    plot,
  };
}

export interface Bar {
  x: number;
  y: number;
  width: number;
  height: number;
  value: number;
  label: string;
}

/** Bars for a series of values (weekly distance): zero values keep their slot. */
export function bars(
  items: ReadonlyArray<{ label: string; value: number }>,
  frame: Frame,
  options: { gap?: number; max?: number } = {},
): { bars: Bar[]; max: number; plot: LineGeometry['plot'] } {
  const [top, right, bottom, left] = frame.padding;
  const plot = { left, top, right: frame.width - right, bottom: frame.height - bottom };
  const max = Math.max(options.max ?? 0, ...items.map((item) => item.value), 0);
  const slot = items.length ? (plot.right - plot.left) / items.length : 0;
  const gap = Math.min(options.gap ?? 2, slot / 3);
  return {
    max,
    plot,
    bars: items.map((item, i) => {
      const height = max > 0 ? round((item.value / max) * (plot.bottom - plot.top)) : 0;
      return {
        x: round(plot.left + i * slot + gap / 2),
        y: round(plot.bottom - height),
        width: round(slot - gap),
        height,
        value: item.value,
        label: item.label,
      };
    }),
  };
}

// Geometry for the static SVG charts (win progression, goal staircase, weekly bars): pure numbers,
// the components only draw them. Coordinates are in the SVG's viewBox units.
import { dayNumber } from '../format/dates.ts';
import type { IsoDate } from '../types.ts';

/**
 * The largest label size, in viewBox units, of the SVG charts (all 640 units wide): on the
 * narrowest screens labels grow to it to stay at least 11 px (global.css), so padding that holds
 * a label is computed at this size.
 */
export const CHART_FONT_MAX = 26;

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
  /** Where a value lies on the y axis (a target line). */
  y?: (value: number) => number;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/**
 * How an axis counts, so its ticks land on round values: durations in seconds step by whole
 * minutes (25:00, 30:00), numbers by 1, 2, 2.5 or 5 times a power of ten of the unit shown
 * (`scale`: metres per km or mile, so distances read 0/20/40 km).
 */
export type Axis = { kind: 'duration' } | { kind: 'number'; scale?: number; whole?: boolean };

const DURATION_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400];

/** The smallest round step that covers `range` in at most `intervals` steps. */
export function niceStep(range: number, axis: Axis = { kind: 'number' }, intervals = 3): number {
  const target = range / intervals;
  if (axis.kind === 'duration') return DURATION_STEPS.find((step) => step >= target) ?? Math.ceil(target / 86400) * 86400;
  const scale = axis.scale ?? 1;
  const scaled = target / scale;
  const power = 10 ** Math.floor(Math.log10(scaled));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * power >= scaled) ?? 10) * power;
  return (axis.whole ? Math.max(1, Math.ceil(step)) : step) * scale;
}

/** Round ticks from a multiple of the step at or below `min` to one at or above `max`. */
export function niceTicks(min: number, max: number, axis: Axis = { kind: 'number' }): number[] {
  if (min === max) return [min];
  const step = niceStep(max - min, axis);
  const first = Math.floor(min / step + 1e-9) * step;
  const last = Math.ceil(max / step - 1e-9) * step;
  const out: number[] = [];
  for (let value = first; value <= last + step / 1e6; value += step) out.push(Math.round(value * 1e6) / 1e6);
  return out;
}

/**
 * A step line through dated values. `invert` puts low values at the top, so a falling time
 * (a faster personal best) still climbs: on every chart, up is better.
 */
export function stepLine(
  points: ReadonlyArray<{ date: IsoDate; value: number }>,
  frame: Frame,
  options: { invert?: boolean; highlight?: number; extendTo?: IsoDate; lineTo?: IsoDate; floor?: number; ceiling?: number; axis?: Axis } = {},
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
  // The axis runs from tick to tick, so the first and last labels are round values too.
  const yValues = niceTicks(v0, v1, options.axis);
  v0 = yValues[0] as number;
  v1 = yValues.at(-1) as number;
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
    yTicks: yValues.map((value) => ({ at: y(value), value })),
    y,
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
  options: { gap?: number; max?: number; axis?: Axis } = {},
): { bars: Bar[]; max: number; ticks: number[]; plot: LineGeometry['plot'] } {
  const [top, right, bottom, left] = frame.padding;
  const plot = { left, top, right: frame.width - right, bottom: frame.height - bottom };
  const highest = Math.max(options.max ?? 0, ...items.map((item) => item.value), 0);
  // With an axis, the top of the plot is the round tick at or above the highest bar.
  const ticks = options.axis && highest > 0 ? niceTicks(0, highest, options.axis) : [0, highest];
  const max = ticks.at(-1) as number;
  const slot = items.length ? (plot.right - plot.left) / items.length : 0;
  const gap = Math.min(options.gap ?? 2, slot / 3);
  return {
    max,
    ticks,
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

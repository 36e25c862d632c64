// A win's big figure and a series value in words: "24:48", "1,000 km", "30 days".
import { formatCount, formatDistance, formatDuration, formatElevation, metresPerUnit } from '../format/units.ts';
import type { Axis } from './chart-geometry.ts';
import { formatMeasure } from '../wins/figure.ts';
import type { DistanceUnit, WinUnit } from '../types.ts';

/** A win's unit in words; a re-export so pages import their formatting from one place. */
export { formatMeasure as formatValue, formatWinFigure } from '../wins/figure.ts';

/** A compact axis label (no unit word for counts). */
export function formatAxisValue(value: number, unit: WinUnit, units: DistanceUnit, locale = 'en'): string {
  if (unit === 'm') return formatDistance(value, units, { locale, decimals: value >= 10_000 ? 0 : 1 });
  if (unit === 'm-climb') return formatElevation(value, units);
  if (unit === 's' || unit === 'duration') return formatDuration(value);
  if (unit === 'pace') return formatMeasure(value, unit, units, locale);
  return formatCount(Math.round(value * 10) / 10, locale);
}

/** How a chart axis of this unit steps: whole minutes, round distances in the profile's unit, whole counts. */
export function axisFor(unit: WinUnit, units: DistanceUnit): Axis {
  if (unit === 's' || unit === 'duration') return { kind: 'duration' };
  if (unit === 'm') return { kind: 'number', scale: metresPerUnit(units) };
  return { kind: 'number', whole: unit !== 'percent' && unit !== 'C' };
}

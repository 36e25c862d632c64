// A win's big figure and a series value in words: "24:48", "1,000 km", "30 days".
import { formatCount, formatDistance, formatDuration, formatTemperature } from '../format/units.ts';
import type { DistanceUnit, WinUnit } from '../types.ts';

function plural(value: number, one: string, many: string, locale: string): string {
  return `${formatCount(value, locale)} ${value === 1 ? one : many}`;
}

export function formatValue(value: number, unit: WinUnit, units: DistanceUnit, locale = 'en'): string {
  switch (unit) {
    case 'm':
      return formatDistance(value, units, { locale });
    case 's':
      return formatDuration(value);
    case 'days':
      return plural(value, 'day', 'days', locale);
    case 'weeks':
      return plural(value, 'week', 'weeks', locale);
    case 'runs':
      return plural(value, 'run', 'runs', locale);
    case 'years':
      return plural(value, 'year', 'years', locale);
    case 'percent':
      return `${formatCount(Math.round(value), locale)}%`;
    case 'C':
      return formatTemperature(value);
    case 'E':
      return `E${formatCount(value, locale)}`;
  }
}

/** A compact axis label (no unit word for counts). */
export function formatAxisValue(value: number, unit: WinUnit, units: DistanceUnit, locale = 'en'): string {
  if (unit === 'm') return formatDistance(value, units, { locale, decimals: value >= 10_000 ? 0 : 1 });
  if (unit === 's') return formatDuration(value);
  return formatCount(Math.round(value * 10) / 10, locale);
}

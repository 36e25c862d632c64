// A win's headline figure in words ("24:48", "1,000 km", "30 days"): the CLI table, pages and cards.
import type { DistanceUnit, WinUnit } from '../types.ts';
import { formatCount, formatDistance, formatDuration, formatElevation, formatPace, formatTemperature } from '../format/units.ts';

function plural(value: number, one: string, many: string, locale: string): string {
  return `${formatCount(value, locale)} ${value === 1 ? one : many}`;
}

export function formatWinFigure(win: { value: number; unit: WinUnit }, units: DistanceUnit, locale = 'en'): string {
  return formatMeasure(win.value, win.unit, units, locale);
}

/** Any value of a win's unit in words (series points, records): "24:48", "12.4 km", "30 days". */
export function formatMeasure(value: number, unit: WinUnit, units: DistanceUnit, locale = 'en'): string {
  switch (unit) {
    case 'm':
      return formatDistance(value, units, { locale });
    case 'm-climb':
      return formatElevation(value, units);
    case 's':
    case 'duration':
      return formatDuration(value);
    case 'pace':
      // Seconds per metre, as the engine keeps a pace: per km or mile at the edge.
      return formatPace(1, value, units);
    case 'reps':
      return plural(value, 'rep', 'reps', locale);
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
      // The Eddington number says what it is: E days of at least E km (or miles).
      return `${plural(value, 'day', 'days', locale)} of ${formatCount(value, locale)}+ ${units}`;
  }
}

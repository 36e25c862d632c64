// A win's headline figure in words ("24:48", "1,000 km", "30 days"): the CLI table, pages and cards.
import type { DistanceUnit, Win } from '../types.ts';
import { formatCount, formatDistance, formatDuration, formatElevation, formatTemperature } from '../format/units.ts';

function plural(value: number, one: string, many: string, locale: string): string {
  return `${formatCount(value, locale)} ${value === 1 ? one : many}`;
}

export function formatWinFigure(win: Pick<Win, 'kind' | 'value' | 'unit'>, units: DistanceUnit, locale = 'en'): string {
  const { value } = win;
  // Climbing is metres too, but reads as elevation (m or ft), never as km.
  if (win.kind === 'climb-first') return formatElevation(value, units);
  switch (win.unit) {
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
      return `${formatCount(value, locale)}%`;
    case 'C':
      return formatTemperature(value);
    case 'E':
      return `E ${formatCount(value, locale)}`;
  }
}

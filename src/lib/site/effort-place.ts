// Where in a run a best effort happened, for a win page: "between km 3.2 and 8.2 of a 16.2 km run".
import { formatDistance } from '../format/units.ts';
import type { DistanceUnit, Effort } from '../types.ts';
import { STANDARD_DISTANCES, STREAM_ONLY_DISTANCES } from '../model/rungs.ts';

const MARKER: Record<DistanceUnit, string> = { km: 'km', mi: 'mile' };

/** A position along the run as a bare number in the profile's unit (`3.2`), with one decimal. */
function position(metres: number, unit: DistanceUnit, locale: string): string {
  // formatDistance owns rounding and separators; the marker word goes in front instead of the unit.
  return formatDistance(metres, unit, { decimals: 1, locale }).slice(0, -(unit.length + 1));
}

/**
 * The stretch `[offset, offset + length]` of a `runDistance` run, in words. The end never reads past
 * the run's own distance (an effort ends inside the run it came from).
 */
export function effortPlace(
  offset: number,
  length: number,
  runDistance: number,
  unit: DistanceUnit,
  locale = 'en',
): string {
  const end = Math.min(offset + length, runDistance);
  const total = formatDistance(runDistance, unit, { decimals: 1, locale });
  return `between ${MARKER[unit]} ${position(offset, unit, locale)} and ${position(end, unit, locale)} of a ${total} run`;
}

/**
 * How long the stretch behind a stream win is: its rung's distance (`5k` → 5000 m), or else the
 * longest of the run's efforts that starts at the win's offset. Null when neither says.
 */
export function effortLength(rung: string | null, efforts: readonly Effort[], offset: number): number | null {
  const named = [...STANDARD_DISTANCES, ...STREAM_ONLY_DISTANCES].find((r) => r.name === rung);
  if (named) return named.metres;
  const starting = efforts.filter((effort) => Math.abs(effort.startOffset - offset) < 0.5);
  return starting.length > 0 ? Math.max(...starting.map((effort) => effort.distance)) : null;
}

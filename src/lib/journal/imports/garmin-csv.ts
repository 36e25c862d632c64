// Garmin Connect "Export CSV": local dates, the account's distance unit (track runs in metres),
// `--` for missing values, thousands separators, `HH:MM:SS(.s)` durations.
import type { Problem, Profile, RunDraft } from '../../types.ts';
import { metresPerUnit } from '../../format/units.ts';
import { emptyRunDraft } from '../../model/run-columns.ts';
import type { CsvRecord } from './csv-records.ts';
import { parseDuration, parseLocaleNumber } from './numbers.ts';
import { isRunningSport, isVirtualRun } from './run-types.ts';

export interface GarminColumns {
  type: number;
  date: number;
  title: number;
  distance: number;
  /** `Time` or `Total Time`: timer time. */
  time: number;
  movingTime: number;
  elapsedTime: number;
  ascent: number;
}

export function garminColumns(header: readonly string[]): GarminColumns | null {
  const at = (name: string): number => header.indexOf(name);
  if (at('Activity ID') >= 0 || at('Activity Type') < 0 || at('Date') < 0 || at('Distance') < 0) return null;
  const time = at('Time') >= 0 ? at('Time') : at('Total Time');
  if (time < 0) return null;
  return {
    type: at('Activity Type'),
    date: at('Date'),
    title: at('Title'),
    distance: at('Distance'),
    time,
    movingTime: at('Moving Time'),
    elapsedTime: at('Elapsed Time'),
    ascent: at('Total Ascent'),
  };
}

export function isGarminHeader(header: readonly string[]): boolean {
  return garminColumns(header) !== null;
}

export type GarminRowResult =
  | { kind: 'run'; draft: RunDraft }
  | { kind: 'skipped'; sport: string }
  | { kind: 'problem'; problem: Problem };

export function garminRowToDraft(record: CsvRecord, columns: GarminColumns, path: string, profile: Profile): GarminRowResult {
  const cell = (index: number): string => (index >= 0 ? (record.cells[index] ?? '').trim() : '');
  const problem = (field: string, value: string, message: string): GarminRowResult => ({
    kind: 'problem',
    problem: { severity: 'error', path, line: record.line, field, value, message },
  });
  const type = cell(columns.type);
  if (!isRunningSport(type)) return { kind: 'skipped', sport: type || 'Unknown' };

  const dateCell = cell(columns.date);
  const date = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2})?)/.exec(dateCell);
  if (!date) return problem('Date', dateCell, `got "${dateCell}", expected a local date like "2024-03-10 07:15:00"`);

  const rawDistance = parseLocaleNumber(cell(columns.distance));
  // Track running is recorded in metres whatever the account's unit.
  const unitMetres = /track/i.test(type) ? 1 : metresPerUnit(profile.units);
  if (rawDistance === null || rawDistance <= 0) {
    return problem('Distance', cell(columns.distance), `got "${cell(columns.distance)}", expected a distance greater than 0`);
  }
  // Garmin writes a Moving Time of 00:00:00 when it did not measure one: the first time above zero counts.
  const time = [columns.movingTime, columns.time, columns.elapsedTime].map((index) => parseDuration(cell(index))).find((seconds) => seconds !== null && seconds > 0) ?? null;
  const ascent = parseLocaleNumber(cell(columns.ascent));
  // Ascent follows the account's unit: feet for a mile account.
  const elevation = ascent === null ? null : Math.round(profile.units === 'mi' ? ascent * 0.3048 : ascent);
  const startTime = date[2]!.length === 5 ? `${date[2]}:00` : date[2]!;
  return {
    kind: 'run',
    draft: {
      ...emptyRunDraft({ date: date[1]!, distance: Math.round(rawDistance * unitMetres * 10) / 10, source: { path, line: record.line, kind: 'garmin' } }),
      startTime,
      time: time === null ? null : Math.round(time),
      title: cell(columns.title) || null,
      type,
      elevation,
      virtual: isVirtualRun(type),
    },
  };
}

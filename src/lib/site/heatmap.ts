// The calendar heatmap (a static SVG): one block per calendar year, a column per week, a row per weekday.
import { addDays, dayNumber, weekStartOf } from '../format/dates.ts';
import type { IsoDate, WeekStart } from '../types.ts';
import type { RunLike } from '../wins/volume.ts';

export const CELL = 11;
export const GAP = 3;

export interface HeatCell {
  x: number;
  y: number;
  date: IsoDate;
  /** Metres run that day. */
  distance: number;
  /** 0 = no run, 1–4 = more distance. */
  level: 0 | 1 | 2 | 3 | 4;
}

export interface HeatmapYear {
  year: string;
  width: number;
  height: number;
  cells: HeatCell[];
  /** Where each month's first week starts. */
  months: Array<{ x: number; month: string }>;
}

/** Levels relative to the runner's own typical day, so a beginner's map is as lively as an ultra runner's. */
export function levelFor(distance: number, typical: number): HeatCell['level'] {
  if (distance <= 0) return 0;
  const ratio = distance / (typical || distance);
  if (ratio < 0.75) return 1;
  if (ratio < 1.25) return 2;
  if (ratio < 2) return 3;
  return 4;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return 0;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * Heatmaps of the calendar years that hold runs, newest first, each up to `today` (the journal's
 * today), at most `maxYears` of them.
 */
export function heatmapYears(
  runs: readonly RunLike[],
  today: IsoDate,
  weekStart: WeekStart,
  maxYears = 3,
): HeatmapYear[] {
  const perDay = new Map<IsoDate, number>();
  for (const run of runs) if (run.date <= today) perDay.set(run.date, (perDay.get(run.date) ?? 0) + run.distance);
  const typical = median([...perDay.values()]);
  const years = [...new Set([...perDay.keys()].map((date) => date.slice(0, 4)))].sort().reverse().slice(0, maxYears);
  return years.map((year) => {
    const first = `${year}-01-01`;
    const last = `${year}-12-31` < today ? `${year}-12-31` : today;
    const origin = weekStartOf(first, weekStart);
    const cells: HeatCell[] = [];
    const months: HeatmapYear['months'] = [];
    let columns = 0;
    for (let date = first; date <= last; date = addDays(date, 1)) {
      const offset = dayNumber(date) - dayNumber(origin);
      const column = Math.floor(offset / 7);
      const row = offset % 7;
      columns = column + 1;
      const distance = perDay.get(date) ?? 0;
      cells.push({ x: column * (CELL + GAP), y: row * (CELL + GAP), date, distance, level: levelFor(distance, typical) });
      if (date.endsWith('-01')) months.push({ x: column * (CELL + GAP), month: date.slice(0, 7) });
    }
    return { year, width: columns * (CELL + GAP) - GAP, height: 7 * (CELL + GAP) - GAP, cells, months };
  });
}

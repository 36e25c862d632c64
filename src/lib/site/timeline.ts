// The home page's timeline: the latest wins, newest first, grouped by month.
import { monthOf } from '../format/dates.ts';

export interface Dated {
  date: string;
  slug: string;
}

export interface MonthGroup<T> {
  /** `YYYY-MM`. */
  month: string;
  items: T[];
}

/**
 * Newest first; items of one day keep the order they came in (for wins, the engine's: the
 * headline first, then by kind rank).
 */
export function newestFirst<T extends Dated>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => (a.date === b.date ? 0 : a.date < b.date ? 1 : -1));
}

/** The `limit` newest items grouped by month, months newest first. */
export function groupByMonth<T extends Dated>(items: readonly T[], limit = Infinity): MonthGroup<T>[] {
  const groups: MonthGroup<T>[] = [];
  for (const item of newestFirst(items).slice(0, limit)) {
    const month = monthOf(item.date);
    const last = groups.at(-1);
    if (last && last.month === month) last.items.push(item);
    else groups.push({ month, items: [item] });
  }
  return groups;
}

export interface YearCount {
  year: string;
  count: number;
}

/** Years that hold at least one item, newest first, with how many. */
export function yearIndex(items: readonly Dated[]): YearCount[] {
  const counts = new Map<string, number>();
  for (const item of items) {
    const year = item.date.slice(0, 4);
    counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  return [...counts].map(([year, count]) => ({ year, count })).sort((a, b) => b.year.localeCompare(a.year));
}

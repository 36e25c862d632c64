// The records table on /progress/: best efforts (from the engine's personal-best wins), longest run,
// biggest week and month, longest streak.
import type { IsoDate, WeekStart, WinUnit } from '../types.ts';
import { longestDailyStreak } from './streaks.ts';
import { monthlyTotals, weeklyTotals, type RunLike } from './totals.ts';

export interface RecordRow {
  label: string;
  value: number;
  unit: WinUnit;
  date: IsoDate;
  /** Last day of a multi-day record (a streak). */
  until: IsoDate | null;
  /** The period a week/month record covers (`YYYY-MM-DD` week start or `YYYY-MM`). */
  period: string | null;
  /** The win that set it, when there is one. */
  slug: string | null;
  runId: string | null;
}

export interface PbWinLike {
  slug: string;
  kind: string;
  date: IsoDate;
  value: number;
  unit: WinUnit;
  rung: string | null;
  runs: string[];
  title: string;
}

/** Shorter standard distances first; unknown rungs after, by name. */
const RUNG_ORDER = ['400m', '800m', '1k', '1-km', 'mile', '1-mile', '2k', '3k', '5k', '5-km', '10k', '10-km', '15k', '10-miles', 'half-marathon', 'half', '30k', 'marathon', '50k', '50-km'];

function rungRank(rung: string): number {
  const index = RUNG_ORDER.indexOf(rung.toLowerCase());
  return index < 0 ? RUNG_ORDER.length : index;
}

/** Kinds that set a new best time over a standard distance (a barrier is a personal best too). */
const BEST_KINDS = new Set(['personal-best', 'barrier']);

/** The standing best per standard distance: the latest best-time win of each rung. */
export function bestEfforts(wins: readonly PbWinLike[]): PbWinLike[] {
  const latest = new Map<string, PbWinLike>();
  for (const win of wins) {
    if (!BEST_KINDS.has(win.kind) || win.rung === null) continue;
    const seen = latest.get(win.rung);
    if (!seen || win.date > seen.date || (win.date === seen.date && win.value < seen.value)) latest.set(win.rung, win);
  }
  return [...latest.values()].sort(
    (a, b) => rungRank(a.rung as string) - rungRank(b.rung as string) || (a.rung as string).localeCompare(b.rung as string),
  );
}

export interface RunWithId extends RunLike {
  id: string;
}

export function recordRows(
  runs: readonly RunWithId[],
  wins: readonly PbWinLike[],
  weekStart: WeekStart,
  rungLabel: (rung: string) => string = (rung) => rung,
): RecordRow[] {
  const rows: RecordRow[] = bestEfforts(wins).map((win) => ({
    label: `Best ${rungLabel(win.rung as string)}`,
    value: win.value,
    unit: win.unit,
    date: win.date,
    until: null,
    period: null,
    slug: win.slug,
    runId: win.runs[0] ?? null,
  }));
  if (runs.length === 0) return rows;
  // The earliest wins a tie: that is when the record was set.
  const longest = runs.reduce((best, run) => (run.distance > best.distance || (run.distance === best.distance && run.date < best.date) ? run : best));
  rows.push({ label: 'Longest run', value: longest.distance, unit: 'm', date: longest.date, until: null, period: null, slug: null, runId: longest.id });
  const biggest = (totals: ReturnType<typeof monthlyTotals>) => totals.reduce((best, t) => (t.distance > best.distance ? t : best));
  const week = biggest(weeklyTotals(runs, weekStart));
  rows.push({ label: 'Biggest week', value: week.distance, unit: 'm', date: week.period, until: null, period: week.period, slug: null, runId: null });
  const month = biggest(monthlyTotals(runs));
  rows.push({ label: 'Biggest month', value: month.distance, unit: 'm', date: `${month.period}-01`, until: null, period: month.period, slug: null, runId: null });
  const streak = longestDailyStreak(runs.map((run) => run.date));
  rows.push({ label: 'Longest daily streak', value: streak.length, unit: 'days', date: streak.from as IsoDate, until: streak.to, period: null, slug: null, runId: null });
  return rows;
}

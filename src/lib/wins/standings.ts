// The records table: where each record stands, read from the families that detect its wins (best
// efforts from speed, longest run from distance, biggest week and month from volume, longest streak
// from consistency), each row linked to the win that celebrated it when there was one.
import type { IsoDate, WeekStart, WinKind, WinUnit } from '../types.ts';
import { addDays } from '../format/dates.ts';
import { longestDailyStreak, longestWeeklyStreak } from './consistency.ts';
import { longestRunStanding } from './distance.ts';
import { bestEffortStandings, type EffortRun } from './speed.ts';
import { biggestPeriod, monthlyTotals, weeklyTotals } from './volume.ts';

export interface RecordRow {
  label: string;
  value: number;
  unit: WinUnit;
  date: IsoDate;
  /** Last day of a multi-day record (a streak). */
  until: IsoDate | null;
  /** The period a week/month record covers (`YYYY-MM-DD` week start or `YYYY-MM`). */
  period: string | null;
  /** The win that celebrated it, when there is one. */
  slug: string | null;
  /** The run that set it (none for a week, month or streak). */
  runId: string | null;
}

/** The fields of a win the table links to. */
export interface RecordWin {
  slug: string;
  kind: WinKind;
  date: IsoDate;
  rung: string | null;
  runs: string[];
}

const BEST_KINDS: ReadonlySet<WinKind> = new Set(['personal-best', 'barrier']);
const LONGEST_KINDS: ReadonlySet<WinKind> = new Set(['first-run', 'distance-first', 'longest-run']);

/** The last win that matches, or null. */
function lastWin(wins: readonly RecordWin[], match: (win: RecordWin) => boolean): string | null {
  for (let i = wins.length - 1; i >= 0; i--) if (match(wins[i]!)) return wins[i]!.slug;
  return null;
}

/**
 * Every record, best efforts first (shortest distance first), then longest run, biggest week,
 * biggest month and the longest daily and weekly streaks. `runs` are in id order, `wins` in the engine's order.
 */
export function recordRows(runs: readonly EffortRun[], wins: readonly RecordWin[], weekStart: WeekStart): RecordRow[] {
  const bests = bestEffortStandings(runs);
  const rows: RecordRow[] = [];
  for (const best of bests) {
    // The win that celebrated the time: a best or a barrier, else the race it was run in.
    const slug =
      lastWin(wins, (w) => BEST_KINDS.has(w.kind) && w.rung === best.rung.name && w.runs[0] === best.runId) ??
      lastWin(wins, (w) => w.kind === 'race' && w.runs[0] === best.runId);
    // A best never celebrated and slower per km than a longer best is no record: the longer effort
    // held a faster stretch at this distance that no split recorded (a 1K from a trail run's GPS
    // beside a road 5K).
    if (slug === null && bests.some((longer) => longer.rung.metres > best.rung.metres && longer.time / longer.rung.metres < best.time / best.rung.metres)) continue;
    rows.push({ label: `Best ${best.rung.label}`, value: best.time, unit: 's', date: best.date, until: null, period: null, slug, runId: best.runId });
  }
  const longest = longestRunStanding(runs);
  if (longest === null) return rows;
  rows.push({
    label: 'Longest run',
    value: longest.distance,
    unit: 'm',
    date: longest.date,
    until: null,
    period: null,
    slug: lastWin(wins, (w) => LONGEST_KINDS.has(w.kind) && w.runs[0] === longest.id),
    runId: longest.id,
  });
  const week = biggestPeriod(weeklyTotals(runs, weekStart))!;
  const weekEnd = addDays(week.period, 6);
  rows.push({
    label: 'Biggest week',
    value: week.distance,
    unit: 'm',
    date: week.period,
    until: null,
    period: week.period,
    slug: lastWin(wins, (w) => w.kind === 'biggest-week' && w.date >= week.period && w.date <= weekEnd),
    runId: null,
  });
  const month = biggestPeriod(monthlyTotals(runs))!;
  rows.push({
    label: 'Biggest month',
    value: month.distance,
    unit: 'm',
    date: `${month.period}-01`,
    until: null,
    period: month.period,
    slug: lastWin(wins, (w) => w.kind === 'biggest-month' && w.date.startsWith(month.period)),
    runId: null,
  });
  const streak = longestDailyStreak(runs.map((run) => run.date));
  rows.push({
    label: 'Longest daily streak',
    value: streak.length,
    unit: 'days',
    date: streak.from!,
    until: streak.to,
    period: null,
    slug: lastWin(wins, (w) => w.kind === 'daily-streak' && w.date >= streak.from! && w.date <= streak.to!),
    runId: null,
  });
  const weeks = longestWeeklyStreak(runs.map((run) => run.date), weekStart);
  const lastWeekEnd = addDays(weeks.to!, 6);
  rows.push({
    label: 'Longest weekly streak',
    value: weeks.length,
    unit: 'weeks',
    date: weeks.from!,
    until: lastWeekEnd,
    period: null,
    slug: lastWin(wins, (w) => w.kind === 'weekly-streak' && w.date >= weeks.from! && w.date <= lastWeekEnd),
    runId: null,
  });
  return rows;
}

// Weekly recaps: one post per ISO week that has runs (its runs, its wins, a summary in plain words
// and how it compares with the four weeks before). Pure: computed from the engine's runs and wins.
import type { DistanceUnit, IsoDate } from '../types.ts';
import { addDays } from '../format/dates.ts';
import { isoWeekOf, mondayOfIsoWeek, type IsoWeek } from '../format/iso-weeks.ts';
import { formatDistance } from '../format/units.ts';

export { isoWeekOf, mondayOfIsoWeek, type IsoWeek };

/** Whether a win is worth a week's summary: the engine's own headline mark (docs/wins.md). */
export function isHeadlineWin(win: WeekWin): boolean {
  return win.headline;
}

/** What a recap needs of a run: the engine's `Run` and the pages' run entries both fit. */
export interface WeekRun {
  id: string;
  date: IsoDate;
  distance: number;
  time: number | null;
}

/** What a recap needs of a win. */
export interface WeekWin {
  date: IsoDate;
  title: string;
  headline: boolean;
}

export interface WeekComparison {
  /** Mean distance of the four weeks before (weeks without runs count as 0), metres. */
  averageDistance: number;
  /** Mean runs of the four weeks before. */
  averageRuns: number;
  /** This week's distance minus the average, metres. */
  distanceDifference: number;
}

export interface WeekRecap<R extends WeekRun = WeekRun, W extends WeekWin = WeekWin> {
  week: IsoWeek;
  /** Monday and Sunday of the week. */
  from: IsoDate;
  to: IsoDate;
  runs: R[];
  wins: W[];
  distance: number;
  /** Seconds, counting only runs with a time. */
  time: number;
  longest: number;
  comparison: WeekComparison;
}

/** One recap per week that has runs, oldest first. Private runs count, as they do in totals. */
export function weekRecaps<R extends WeekRun, W extends WeekWin>(
  runs: readonly R[],
  wins: readonly W[],
): Array<WeekRecap<R, W>> {
  const byWeek = new Map<IsoWeek, R[]>();
  for (const run of runs) {
    const week = isoWeekOf(run.date);
    const list = byWeek.get(week);
    if (list) list.push(run);
    else byWeek.set(week, [run]);
  }
  const winsByWeek = new Map<IsoWeek, W[]>();
  for (const win of wins) {
    const week = isoWeekOf(win.date);
    const list = winsByWeek.get(week);
    if (list) list.push(win);
    else winsByWeek.set(week, [win]);
  }
  const distanceOf = (week: IsoWeek): number => sum(byWeek.get(week) ?? [], (run) => run.distance);
  const runsOf = (week: IsoWeek): number => byWeek.get(week)?.length ?? 0;
  return [...byWeek.keys()].sort().map((week) => {
    const from = mondayOfIsoWeek(week) as IsoDate;
    const weekRuns = (byWeek.get(week) as R[]).slice().sort(byDateThenId);
    const distance = sum(weekRuns, (run) => run.distance);
    const before = [1, 2, 3, 4].map((back) => isoWeekOf(addDays(from, -7 * back)));
    const averageDistance = sum(before, distanceOf) / 4;
    return {
      week,
      from,
      to: addDays(from, 6),
      runs: weekRuns,
      wins: (winsByWeek.get(week) ?? []).slice().sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
      distance,
      time: sum(weekRuns, (run) => run.time ?? 0),
      longest: Math.max(...weekRuns.map((run) => run.distance)),
      comparison: {
        averageDistance,
        averageRuns: sum(before, runsOf) / 4,
        distanceDifference: distance - averageDistance,
      },
    };
  });
}

/** `4 runs, 38 km, longest 16 km; new: First 30K` — the week in plain words. */
export function weekSummary(recap: WeekRecap, unit: DistanceUnit): string {
  const count = `${recap.runs.length} ${recap.runs.length === 1 ? 'run' : 'runs'}`;
  const longest = recap.runs.length > 1 ? `, longest ${formatDistance(recap.longest, unit)}` : '';
  const headlines = recap.wins.filter(isHeadlineWin).map((win) => win.title);
  // A dot between wins: a title may hold a comma of its own ("A marathon on trails, as training").
  const news = headlines.length > 0 ? `; new: ${headlines.join(' · ')}` : '';
  return `${count}, ${formatDistance(recap.distance, unit)}${longest}${news}`;
}

/** `12 km more than the four weeks before (26 km a week)`, in plain words. */
export function weekComparisonText(recap: WeekRecap, unit: DistanceUnit): string {
  const { averageDistance, distanceDifference } = recap.comparison;
  if (averageDistance === 0) return 'No runs in the four weeks before.';
  const average = `${formatDistance(averageDistance, unit)} a week`;
  if (Math.abs(distanceDifference) < 50) return `About the same as the four weeks before (${average}).`;
  const more = distanceDifference > 0 ? 'more' : 'less';
  return `${formatDistance(Math.abs(distanceDifference), unit)} ${more} than the four weeks before (${average}).`;
}

function sum<T>(items: readonly T[], value: (item: T) => number): number {
  let total = 0;
  for (const item of items) total += value(item);
  return total;
}

function byDateThenId(a: WeekRun, b: WeekRun): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** "Week 46": how a page names an ISO week (`2025-W46`); its dates give the year. */
export function weekName(week: IsoWeek): string {
  return `Week ${Number(week.slice(week.indexOf('W') + 1))}`;
}

const rangeFormats = new Map<string, Intl.DateTimeFormat>();

/** "Nov 10–16, 2025", "Sep 29 – Oct 5, 2025", "Dec 30, 2024 – Jan 5, 2025": a week's first and last days. */
export function weekDates(from: IsoDate, to: IsoDate, locale = 'en'): string {
  let format = rangeFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    rangeFormats.set(locale, format);
  }
  const text = format.formatRange(new Date(`${from}T00:00:00Z`), new Date(`${to}T00:00:00Z`)).replace(/[\u2009\u202F]/gu, ' ');
  // Days of one month close up around the dash ("10–16"); across months it keeps its spaces.
  return text.replace(/(\d) – (?=\d+(?:[,.]|\s|$))/u, '$1–');
}

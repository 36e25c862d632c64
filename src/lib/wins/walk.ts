// The state shared by every detector while the engine walks the runs in id order: running
// totals, the calendar series several kinds draw on, and `emit`, which turns a detector's draft
// into a Win with a unique, stable slug.
import type { Goal, IsoDate, PreviousRecord, Profile, Run, Series, Win, WinKind, WinUnit } from '../types.ts';
import { dateOfDayNumber, dayNumber, daysBetween, monthOf } from '../format/dates.ts';
import { isHeadline, KIND_INFO, WIN_KINDS } from '../model/kinds.ts';

export interface WinDraft {
  kind: WinKind;
  /** Slug after the date: `first-4-km`, `sub-25-5k`. */
  name: string;
  title: string;
  value: number;
  unit: WinUnit;
  previous?: PreviousRecord | null;
  /** Defaults to the run being walked. */
  runs?: string[];
  rung?: string | null;
  goal?: string | null;
  /** Defaults to the days since `previous.date`. */
  daysSincePrevious?: number | null;
  progression?: { series: Series; upTo: number } | null;
  effortOffset?: number | null;
  /** Defaults to the run's date (anniversaries fall on their own day). */
  date?: IsoDate;
  /** Defaults to the documented rule for the kind (`isHeadline`); race detectors decide their own. */
  headline?: boolean;
}

/** A detector sees each run once, in order, after the walk's totals include it. */
export type Detector = (run: Run, walk: Walk) => void;

export interface Walk {
  readonly profile: Profile;
  readonly goals: readonly Goal[];
  /** Position of the current run in the walk. */
  index: number;
  previousRun: Run | null;
  /** Day numbers (days since 1970-01-01) of the current and the previous run. */
  day: number;
  previousDay: number | null;
  /** Lifetime distance before and including the current run, metres. */
  lifetimeBefore: number;
  lifetime: number;
  /** Runs so far, the current one included. */
  count: number;
  /** Distance per week (zero weeks included), the current week last and still growing. */
  readonly weekly: Series;
  /** Start of the current run's week, as a date and as a day number. */
  week: IsoDate;
  weekDay: number;
  weekTotalBefore: number;
  /** Weeks with runs before the current run's week. */
  earlierWeeksWithRuns: number;
  /** Distance per calendar month (zero months included), the current month last. */
  readonly monthly: Series;
  month: string;
  monthTotalBefore: number;
  earlierMonthsWithRuns: number;
  /** Lifetime distance at the end of each month, the current month last and still growing. */
  readonly lifetimeByMonth: Series;
  emit(run: Run, draft: WinDraft): Win;
  /** Whether the current run has earned a win of `kind` so far (detectors run in kind order). */
  earned(kind: WinKind): boolean;
}

export function createSeries(id: string, label: string, unit: WinUnit, lowerIsBetter = false, period: Series['period'] = null): Series {
  return { id, label, unit, lowerIsBetter, period, points: [] };
}

/** Appends a point and returns its index (a win's `upTo`). */
export function appendPoint(series: Series, date: IsoDate, value: number, runId: string | null): number {
  series.points.push({ date, value, runId });
  return series.points.length - 1;
}

export function lastIndex(series: Series): number {
  return series.points.length - 1;
}

interface Placed {
  win: Win;
  index: number;
  kindOrder: number;
  seq: number;
}

/** Same-day order: headline wins first, then by the kinds' rank, then in walk order. */
function comparePlaced(a: Placed, b: Placed): number {
  return (
    (a.win.date < b.win.date ? -1 : a.win.date > b.win.date ? 1 : 0) ||
    (a.win.headline === b.win.headline ? 0 : a.win.headline ? -1 : 1) ||
    a.kindOrder - b.kindOrder ||
    a.index - b.index ||
    a.seq - b.seq
  );
}

export interface WalkRecorder {
  walk: Walk;
  /** Moves the totals and calendar series on to include `run`. */
  advance(run: Run, index: number): void;
  /** The wins emitted so far, sorted by date, then headline first, kind rank and run order. */
  sorted(): Win[];
}

export function createWalk(profile: Profile, goals: readonly Goal[], kindOrder: ReadonlyMap<WinKind, number>): WalkRecorder {
  const placed: Placed[] = [];
  // The kinds the current run has earned, one bit per kind: detectors that defer to another
  // family's win (a course best that is a personal best anyway) ask without a set per run.
  let earnedBits = 0;
  const kindBit = new Map(WIN_KINDS.map((kind, index) => [kind, 1 << index]));
  // Every slug taken so far: a later win that would repeat one gets the next free suffix.
  const taken = new Set<string>();

  function uniqueSlug(date: IsoDate, name: string): string {
    const base = `${date}-${name}`;
    let slug = base;
    // Later duplicates get -2, -3...: earlier wins keep the plain slug, so links stay stable.
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    taken.add(slug);
    return slug;
  }

  const walk: Walk = {
    profile,
    goals,
    index: -1,
    previousRun: null,
    day: 0,
    previousDay: null,
    lifetimeBefore: 0,
    lifetime: 0,
    count: 0,
    weekly: createSeries('weekly-distance', 'Distance per week', 'm', false, 'week'),
    week: '',
    weekDay: Number.NaN,
    weekTotalBefore: 0,
    earlierWeeksWithRuns: 0,
    monthly: createSeries('monthly-distance', 'Distance per month', 'm', false, 'month'),
    month: '',
    monthTotalBefore: 0,
    earlierMonthsWithRuns: 0,
    lifetimeByMonth: createSeries('lifetime-distance', 'Lifetime distance', 'm', false, 'month'),
    emit(run, draft) {
      const date = draft.date ?? run.date;
      const previous = draft.previous ?? null;
      const win: Win = {
        slug: uniqueSlug(date, draft.name),
        kind: draft.kind,
        family: KIND_INFO[draft.kind].family,
        date,
        title: draft.title,
        value: draft.value,
        unit: draft.unit,
        previous,
        runs: draft.runs ?? [run.id],
        rung: draft.rung ?? null,
        goal: draft.goal ?? null,
        daysSincePrevious:
          draft.daysSincePrevious !== undefined
            ? draft.daysSincePrevious
            : previous
              ? daysBetween(previous.date, date)
              : null,
        progression: draft.progression ?? null,
        effortOffset: draft.effortOffset ?? null,
        headline: draft.headline ?? isHeadline(draft.kind, draft.value, profile.units),
      };
      placed.push({ win, index: walk.index, kindOrder: kindOrder.get(draft.kind) ?? 0, seq: placed.length });
      earnedBits |= kindBit.get(draft.kind) ?? 0;
      return win;
    },
    earned(kind) {
      return (earnedBits & (kindBit.get(kind) ?? 0)) !== 0;
    },
  };

  function advanceWeek(run: Run): void {
    // Day arithmetic on day numbers: no date string is built unless the week changes.
    const weekday = (walk.day + 4) % 7; // 1970-01-01 was a Thursday: weekday 0 = Sunday.
    const weekDay = walk.day - (profile.weekStart === 'monday' ? (weekday + 6) % 7 : weekday);
    const points = walk.weekly.points;
    if (weekDay === walk.weekDay) {
      walk.weekTotalBefore = points[points.length - 1]?.value ?? 0;
      return;
    }
    if (walk.week !== '') {
      walk.earlierWeeksWithRuns++;
      // Empty weeks stay in the series as zeros: a break should show as a gap in the chart.
      for (let gap = walk.weekDay + 7; gap < weekDay; gap += 7) appendPoint(walk.weekly, dateOfDayNumber(gap), 0, null);
    }
    walk.weekDay = weekDay;
    walk.week = dateOfDayNumber(weekDay);
    walk.weekTotalBefore = 0;
    appendPoint(walk.weekly, walk.week, 0, run.id);
  }

  function advanceMonth(run: Run): void {
    const month = monthOf(run.date);
    if (month === walk.month) {
      walk.monthTotalBefore = walk.monthly.points[walk.monthly.points.length - 1]?.value ?? 0;
      return;
    }
    if (walk.month !== '') {
      walk.earlierMonthsWithRuns++;
      for (let gap = nextMonth(walk.month); gap < month; gap = nextMonth(gap)) {
        appendPoint(walk.monthly, `${gap}-01`, 0, null);
        appendPoint(walk.lifetimeByMonth, `${gap}-01`, walk.lifetime, null);
      }
    }
    walk.month = month;
    walk.monthTotalBefore = 0;
    appendPoint(walk.monthly, `${month}-01`, 0, run.id);
    appendPoint(walk.lifetimeByMonth, `${month}-01`, walk.lifetime, run.id);
  }

  return {
    walk,
    advance(run, index) {
      walk.index = index;
      earnedBits = 0;
      walk.previousDay = walk.previousRun ? walk.day : null;
      if (run.date !== walk.previousRun?.date) walk.day = dayNumber(run.date);
      advanceWeek(run);
      advanceMonth(run);
      walk.lifetimeBefore = walk.lifetime;
      walk.lifetime += run.distance;
      walk.count++;
      // The current week's and month's points grow with each run of that week or month.
      const weekPoint = walk.weekly.points[walk.weekly.points.length - 1];
      if (weekPoint) weekPoint.value = walk.weekTotalBefore + run.distance;
      const monthPoint = walk.monthly.points[walk.monthly.points.length - 1];
      if (monthPoint) monthPoint.value = walk.monthTotalBefore + run.distance;
      const lifetimePoint = walk.lifetimeByMonth.points[walk.lifetimeByMonth.points.length - 1];
      if (lifetimePoint) lifetimePoint.value = walk.lifetime;
    },
    sorted() {
      placed.sort(comparePlaced);
      return placed.map((p) => p.win);
    },
  };
}

function nextMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}

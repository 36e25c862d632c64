// Volume family: total-distance (lifetime ladder), biggest-week, biggest-month.
import type { IsoDate, PreviousRecord, Run, WeekStart, Win } from '../types.ts';
import { addDays, daysBetween, monthOf, weekStartOf } from '../format/dates.ts';
import { metresPerUnit } from '../format/units.ts';
import { highestRungCrossed, LIFETIME_LADDER, lifetimeRungName, nextRungAbove } from '../model/rungs.ts';
import { lastIndex, type Detector, type Walk } from './walk.ts';
import { asks, milestone, type NextContext, type NextMilestone } from './next.ts';
import { PERIOD_RECORD_MARGIN } from '../model/thresholds.ts';

/** Earlier weeks (months) with runs before a record week (month) counts: a beginner's first weeks all grow. */
export const MIN_EARLIER_WEEKS = 8;
export const MIN_EARLIER_MONTHS = 3;

/** Sums of decimal distances drift by far less than this; a rung hit exactly must count. */
const SUM_EPSILON = 1e-6;

export function detectTotalDistance(): Detector {
  let previous: PreviousRecord | null = null;
  return (run, walk) => {
    const unit = walk.profile.units;
    const perUnit = metresPerUnit(unit);
    const crossed = highestRungCrossed(
      LIFETIME_LADDER,
      walk.lifetimeBefore / perUnit + SUM_EPSILON,
      walk.lifetime / perUnit + SUM_EPSILON,
    );
    if (crossed === null) return;
    const rung = lifetimeRungName(crossed, unit);
    const win = walk.emit(run, {
      kind: 'total-distance',
      name: `${rung.name}-lifetime`,
      title: `${rung.label} lifetime`,
      value: crossed * perUnit,
      unit: 'm',
      rung: rung.name,
      previous,
      progression: { series: walk.lifetimeByMonth, upTo: lastIndex(walk.lifetimeByMonth) },
    });
    previous = { value: win.value, date: win.date, slug: win.slug };
  };
}

interface PeriodView {
  kind: 'biggest-week' | 'biggest-month';
  title: string;
  /** Earlier periods with runs needed before a record counts. */
  minEarlier: number;
  period(walk: Walk): string;
  totalBefore(walk: Walk): number;
  earlierWithRuns(walk: Walk): number;
  series(walk: Walk): Walk['weekly'];
  startDate(period: string): IsoDate;
}

function detectBiggestPeriod(view: PeriodView): Detector {
  let current = '';
  let currentTotal = 0;
  let currentWin: Win | null = null;
  let currentCounts = false;
  // What a win beats and names: the biggest period before, won or not.
  let record: { value: number; date: IsoDate; slug: string | null } | null = null;
  // What a win must clear by the margin: the last record celebrated (see `periodRecordBar`).
  let bar = 0;
  return (run: Run, walk) => {
    const period = view.period(walk);
    if (period !== current) {
      if (current !== '') {
        if (!record || currentTotal > record.value) {
          record = { value: currentTotal, date: view.startDate(current), slug: currentWin?.slug ?? null };
        }
        bar = periodRecordBar(bar, currentTotal, currentCounts);
      }
      current = period;
      currentWin = null;
      currentCounts = view.earlierWithRuns(walk) >= view.minEarlier;
    }
    const before = view.totalBefore(walk);
    currentTotal = before + run.distance;
    if (currentWin) {
      currentWin.value = currentTotal;
      return;
    }
    if (!record || !currentCounts) return;
    if (currentTotal < periodRecordTarget(bar)) return;
    const series = view.series(walk);
    currentWin = walk.emit(run, {
      kind: view.kind,
      name: view.kind,
      title: view.title,
      value: currentTotal,
      unit: 'm',
      previous: { ...record },
      progression: { series, upTo: lastIndex(series) },
    });
  };
}

export function detectBiggestWeek(): Detector {
  return detectBiggestPeriod({
    kind: 'biggest-week',
    title: 'Biggest week yet',
    // A beginner's first two months grow nearly every week: a record week means something once
    // there is a base to beat.
    minEarlier: MIN_EARLIER_WEEKS,
    period: (walk) => walk.week,
    totalBefore: (walk) => walk.weekTotalBefore,
    earlierWithRuns: (walk) => walk.earlierWeeksWithRuns,
    series: (walk) => walk.weekly,
    startDate: (week) => week,
  });
}

export function detectBiggestMonth(): Detector {
  return detectBiggestPeriod({
    kind: 'biggest-month',
    title: 'Biggest month yet',
    minEarlier: MIN_EARLIER_MONTHS,
    period: (walk) => walk.month,
    totalBefore: (walk) => walk.monthTotalBefore,
    earlierWithRuns: (walk) => walk.earlierMonthsWithRuns,
    series: (walk) => walk.monthly,
    startDate: (month) => `${month}-01`,
  });
}

/**
 * The total a week or month needs to set a new record: PERIOD_RECORD_MARGIN times the bar (see
 * `periodRecordBar`). The detector and `next` both ask this one function.
 */
export function periodRecordTarget(bar: number): number {
  return PERIOD_RECORD_MARGIN * bar - SUM_EPSILON;
}

/**
 * The bar a week (month) must clear by the margin, once a period with the total `total` has ended.
 * Before periods count (`counts`: enough earlier periods with runs), the bar is the biggest period so
 * far. After, it moves only when a period clears it, that is on a win: it is the last record
 * celebrated. Were it the biggest period, celebrated or not, steady growth (5 % a week) would never
 * be a win however far it went. A period that clears the bar is a new biggest too: every period
 * since the last win stayed under it.
 */
export function periodRecordBar(bar: number, total: number, counts: boolean): number {
  if (!counts) return Math.max(bar, total);
  return total >= periodRecordTarget(bar) ? total : bar;
}

/** The fields totals need; `Run` satisfies it. */
export interface RunLike {
  date: IsoDate;
  distance: number;
  time: number | null;
}

export interface PeriodTotal {
  /** First day of the week, or `YYYY-MM` for a month. */
  period: string;
  distance: number;
  time: number;
  runs: number;
}

function emptyTotal(period: string): PeriodTotal {
  return { period, distance: 0, time: 0, runs: 0 };
}

function addRun(total: PeriodTotal, run: RunLike): void {
  total.distance += run.distance;
  total.time += run.time ?? 0;
  total.runs += 1;
}

/**
 * One total per week from the week of `from` to the week of `to` (both default to the runs' own
 * range), including weeks without a run (a break shows as a gap).
 */
export function weeklyTotals(
  runs: readonly RunLike[],
  weekStart: WeekStart,
  range: { from?: IsoDate; to?: IsoDate } = {},
): PeriodTotal[] {
  const dates = runs.map((run) => run.date).sort();
  const from = range.from ?? dates[0];
  const to = range.to ?? dates.at(-1);
  if (from === undefined || to === undefined || from > to) return [];
  const first = weekStartOf(from, weekStart);
  const weeks: PeriodTotal[] = [];
  for (let week = first; week <= to; week = addDays(week, 7)) weeks.push(emptyTotal(week));
  for (const run of runs) {
    const index = Math.floor(daysBetween(first, run.date) / 7);
    const total = weeks[index];
    if (total && run.date >= from && run.date <= to) addRun(total, run);
  }
  return weeks;
}

function followingMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}

/** One total per calendar month from the first run's month to the last's, including empty months. */
export function monthlyTotals(runs: readonly RunLike[]): PeriodTotal[] {
  const dates = runs.map((run) => run.date).sort();
  const first = dates[0];
  const last = dates.at(-1);
  if (first === undefined || last === undefined) return [];
  const months: PeriodTotal[] = [];
  const index = new Map<string, PeriodTotal>();
  for (let month = monthOf(first); month <= monthOf(last); month = followingMonth(month)) {
    const total = emptyTotal(month);
    months.push(total);
    index.set(month, total);
  }
  for (const run of runs) addRun(index.get(monthOf(run.date)) as PeriodTotal, run);
  return months;
}

export interface CumulativePoint {
  date: IsoDate;
  /** Lifetime metres at the end of that day. */
  distance: number;
}

/** Lifetime distance after each day that has a run. */
export function cumulativeDistance(runs: readonly RunLike[]): CumulativePoint[] {
  const byDay = new Map<IsoDate, number>();
  for (const run of runs) byDay.set(run.date, (byDay.get(run.date) ?? 0) + run.distance);
  let total = 0;
  return [...byDay]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, distance]) => {
      total += distance;
      return { date, distance: total };
    });
}

/** The biggest of some period totals (the earliest when tied: that is when it was set), or null. */
export function biggestPeriod(totals: readonly PeriodTotal[]): PeriodTotal | null {
  let best: PeriodTotal | null = null;
  for (const total of totals) if (!best || total.distance > best.distance) best = total;
  return best;
}

/**
 * The bar of earlier periods (`best`: the record the margin is measured against, by
 * `periodRecordBar`) and the current period's total, when enough earlier periods have runs (the
 * detector's rule) and the current one has not set a new record yet.
 */
function periodRecord(
  runs: readonly Run[],
  periodOf: (run: Run) => string,
  current: string,
  minEarlier: number,
): { best: number; current: number } | null {
  const totals = new Map<string, number>();
  for (const run of runs) {
    const period = periodOf(run);
    if (period <= current) totals.set(period, (totals.get(period) ?? 0) + run.distance);
  }
  // Periods in the runs' order: the bar moves as the detector's does.
  let best = 0;
  let earlier = 0;
  for (const [period, total] of totals) {
    if (period === current) continue;
    best = periodRecordBar(best, total, earlier >= minEarlier);
    earlier++;
  }
  const now = totals.get(current) ?? 0;
  return earlier >= minEarlier && now < periodRecordTarget(best) ? { best, current: now } : null;
}

/**
 * Within reach on the volume ladders: the next lifetime milestone, and the distance still to run
 * this week and this month for a new record, as far as the runner's phase asks for volume (never
 * in a goal race's taper or recovery: that is when to rest).
 */
export function volumeNext(context: NextContext): NextMilestone[] {
  const { ordered, profile, today } = context;
  const allowed = asks(context);
  const unit = profile.units;
  const perUnit = metresPerUnit(unit);
  const out: NextMilestone[] = [];
  if (allowed.lifetime) {
    const lifetime = ordered.reduce((sum, run) => sum + run.distance, 0);
    const lifetimeRung = nextRungAbove(LIFETIME_LADDER, lifetime / perUnit + SUM_EPSILON);
    out.push(
      milestone({
        kind: 'total-distance',
        label: `${lifetimeRungName(lifetimeRung, unit).label} lifetime`,
        remaining: lifetimeRung * perUnit - lifetime,
        unit: 'm',
        target: lifetimeRung * perUnit,
      }),
    );
  }
  if (today === null || !allowed.records) return out;
  const week = periodRecord(ordered, (run) => weekStartOf(run.date, profile.weekStart), weekStartOf(today, profile.weekStart), MIN_EARLIER_WEEKS);
  if (week) {
    const target = periodRecordTarget(week.best);
    out.push(milestone({ kind: 'biggest-week', label: 'biggest week yet', remaining: target - week.current, unit: 'm', target }));
  }
  const month = periodRecord(ordered, (run) => monthOf(run.date), monthOf(today), MIN_EARLIER_MONTHS);
  if (month) {
    const target = periodRecordTarget(month.best);
    out.push(milestone({ kind: 'biggest-month', label: 'biggest month yet', remaining: target - month.current, unit: 'm', target }));
  }
  return out;
}

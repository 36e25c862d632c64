// Volume family: total-distance (lifetime ladder), biggest-week, biggest-month.
import type { IsoDate, PreviousRecord, Run, Win } from '../types.ts';
import { metresPerUnit } from '../format/units.ts';
import { highestRungCrossed, lifetimeLadder, lifetimeRungName, type OpenLadder } from './rungs.ts';
import { lastIndex, type Detector, type Walk } from './walk.ts';

/**
 * A week or month at least this much bigger than the record is a win: a tenth more is a real step
 * up in training; a few hundred metres more than last month's record is noise.
 */
export const PERIOD_RECORD_MARGIN = 1.1;

/** Sums of decimal distances drift by far less than this; a rung hit exactly must count. */
const SUM_EPSILON = 1e-6;

export function detectTotalDistance(): Detector {
  let previous: PreviousRecord | null = null;
  let ladder: OpenLadder | null = null;
  return (run, walk) => {
    const unit = walk.profile.units;
    const perUnit = metresPerUnit(unit);
    ladder ??= lifetimeLadder(unit);
    const crossed = highestRungCrossed(
      ladder,
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
  let record: { value: number; date: IsoDate; slug: string | null } | null = null;
  return (run: Run, walk) => {
    const period = view.period(walk);
    if (period !== current) {
      // The period that just ended becomes the record with its whole total when it is the biggest,
      // won or not: the next win must beat the biggest week, not the biggest celebrated one.
      if (current !== '' && (!record || currentTotal > record.value)) {
        record = { value: currentTotal, date: view.startDate(current), slug: currentWin?.slug ?? null };
      }
      current = period;
      currentWin = null;
    }
    const before = view.totalBefore(walk);
    currentTotal = before + run.distance;
    if (currentWin) {
      currentWin.value = currentTotal;
      return;
    }
    if (!record || view.earlierWithRuns(walk) < view.minEarlier) return;
    if (currentTotal < PERIOD_RECORD_MARGIN * record.value - SUM_EPSILON) return;
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
    minEarlier: 8,
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
    minEarlier: 3,
    period: (walk) => walk.month,
    totalBefore: (walk) => walk.monthTotalBefore,
    earlierWithRuns: (walk) => walk.earlierMonthsWithRuns,
    series: (walk) => walk.monthly,
    startDate: (month) => `${month}-01`,
  });
}

// The chart specs of /progress/, built from the runs and the engine's wins and series.
import { addDays, dayNumber, monthOf } from '../format/dates.ts';
import { toUnit } from '../format/units.ts';
import type { DistanceUnit, WeekStart } from '../types.ts';
import type { ChartSpec } from './chart-spec.ts';
import { cumulativeDistance, monthlyTotals, weeklyTotals, type RunLike } from '../wins/volume.ts';

interface Options {
  units: DistanceUnit;
  locale: string;
}

const oneDecimal = (value: number) => Math.round(value * 10) / 10;

/** The last `weeks` weeks up to `today` (the months chart covers the whole history). */
export function weeklyDistanceChart(
  runs: readonly RunLike[],
  weekStart: WeekStart,
  o: Options & { today?: string; weeks?: number },
): ChartSpec {
  const last = o.today ?? runs.map((run) => run.date).sort().at(-1);
  const first = last ? addDays(last, -7 * ((o.weeks ?? 104) - 1)) : undefined;
  const earliest = runs.map((run) => run.date).sort()[0];
  const weeks = weeklyTotals(runs, weekStart, { from: first && earliest && earliest > first ? earliest : first, to: last });
  return {
    kind: 'bar',
    x: 'category',
    format: 'distance',
    units: o.units,
    locale: o.locale,
    labels: weeks.map((w) => w.period),
    datasets: [{ label: 'Distance', color: '--accent', values: weeks.map((w) => oneDecimal(toUnit(w.distance, o.units))) }],
  };
}

export function monthlyDistanceChart(runs: readonly RunLike[], o: Options): ChartSpec {
  const months = monthlyTotals(runs);
  return {
    kind: 'bar',
    x: 'category',
    format: 'distance',
    units: o.units,
    locale: o.locale,
    labels: months.map((m) => m.period),
    datasets: [{ label: 'Distance', color: '--volume', values: months.map((m) => oneDecimal(toUnit(m.distance, o.units))) }],
  };
}

/**
 * Lifetime distance at the end of each month with runs (a day per point would make the page grow
 * with every run), with the engine's lifetime-distance wins marked on it.
 */
export function lifetimeChart(
  runs: readonly RunLike[],
  milestones: ReadonlyArray<{ date: string; value: number; title: string }>,
  o: Options,
): ChartSpec {
  return {
    kind: 'line',
    x: 'day',
    format: 'distance',
    units: o.units,
    locale: o.locale,
    datasets: [
      {
        label: 'Lifetime distance',
        color: '--distance',
        points: endOfMonths(cumulativeDistance(runs)).map((p) => ({ x: dayNumber(p.date), y: oneDecimal(toUnit(p.distance, o.units)) })),
      },
      {
        label: 'Milestones',
        color: '--accent',
        marks: true,
        points: milestones.map((m) => ({ x: dayNumber(m.date), y: oneDecimal(toUnit(m.value, o.units)) })),
      },
    ],
  };
}

function endOfMonths<T extends { date: string }>(points: readonly T[]): T[] {
  return points.filter((point, i) => monthOf(points[i + 1]?.date ?? '') !== monthOf(point.date));
}

/** One stepped line per standard distance: each personal best holds until it is beaten. */
export function bestsChart(
  series: ReadonlyArray<{ label: string; points: ReadonlyArray<{ date: string; value: number }> }>,
  o: Options,
): ChartSpec {
  const colors = ['--speed', '--distance', '--volume', '--consistency', '--race', '--goal', '--resilience', '--personal'];
  return {
    kind: 'line',
    x: 'day',
    format: 'duration',
    units: o.units,
    locale: o.locale,
    stepped: true,
    reverse: true,
    datasets: series.map((s, i) => ({
      label: s.label,
      color: colors[i % colors.length] as string,
      points: s.points.map((p) => ({ x: dayNumber(p.date), y: Math.round(p.value) })),
    })),
  };
}

/** Average pace per month (total time over total distance of the runs with a time). */
export function paceChart(runs: readonly RunLike[], o: Options): ChartSpec {
  const timed = runs.filter((run) => run.time !== null && run.time > 0);
  const months = monthlyTotals(timed);
  return {
    kind: 'line',
    x: 'category',
    format: 'pace',
    units: o.units,
    locale: o.locale,
    reverse: true,
    labels: months.map((m) => m.period),
    datasets: [
      {
        label: 'Average pace',
        color: '--speed',
        values: months.map((m) => (m.distance > 0 ? Math.round(m.time / toUnit(m.distance, o.units)) : null)),
      },
    ],
  };
}


// How much of a progression a win page draws: the steps just before the win. A weekly series of a
// decade has hundreds of points; a chart 640 units wide cannot show them, and a page that tried
// would weigh hundreds of kilobytes.

/** A year of weeks; most record series are far shorter and are drawn whole. */
export const PROGRESSION_STEPS = 52;

export interface ProgressionWindow<P> {
  /** The points drawn, oldest first, ending with the win's own. */
  points: P[];
  /** Index of the win's point in `points`. */
  highlight: number;
  /** Steps before the window that are not drawn. */
  earlier: number;
}

/** The last `max` points of `series` up to and including index `upTo`. */
export function progressionWindow<P>(series: readonly P[], upTo: number, max: number = PROGRESSION_STEPS): ProgressionWindow<P> {
  const end = Math.min(Math.max(upTo, -1), series.length - 1) + 1;
  const start = Math.max(0, end - Math.max(1, max));
  const points = series.slice(start, end);
  return { points, highlight: points.length - 1, earlier: start };
}

/**
 * The line under a win's progression chart. A record's series is its steps up; a series of totals
 * (distance per week) rises and falls, so it is said by its weeks or months.
 */
export function progressionCaption(
  series: { label: string; period: 'week' | 'month' | null },
  shown: number,
  earlier: number,
  count: (n: number) => string,
): string {
  if (series.period !== null) {
    return earlier === 0
      ? `${series.label}, each ${series.period} up to this win.`
      : `${series.label}: the last ${count(shown)} ${series.period}s up to this win.`;
  }
  return earlier === 0 ? `${series.label}: every step up to this win.` : `${series.label}: the last ${count(shown)} of ${count(shown + earlier)} steps up to this win.`;
}

/** What a win's page draws of the series its progression points into, with what the series is. */
export function winProgression<P, S extends { points: readonly P[] }>(
  progression: { seriesId: string; upTo: number } | null,
  seriesById: ReadonlyMap<string, S>,
): (Omit<S, 'points'> & ProgressionWindow<P>) | null {
  const series = progression ? seriesById.get(progression.seriesId) : undefined;
  if (!series || !progression) return null;
  const { points, ...about } = series;
  return { ...about, ...progressionWindow(points, progression.upTo) };
}

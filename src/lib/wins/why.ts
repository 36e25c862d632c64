// Why a win counts, in one sentence from the run's own data ("You rated this run 2 of 5 and ran
// 6.4 km anyway"), and the words for the record it beat ("the week of Feb 26"). Pure: the win page
// renders what these return.
import type { DistanceUnit, IsoDate, PreviousRecord, Run, Win } from '../types.ts';
import { formatDate, formatMonth } from '../format/dates.ts';
import { formatCount, formatDistance, formatDuration, formatElevation, formatTemperature } from '../format/units.ts';
import { formatMeasure } from './figure.ts';
import { ordinal, STANDARD_DISTANCES } from './rungs.ts';

export type WhyWin = Pick<Win, 'kind' | 'title' | 'value' | 'unit' | 'previous' | 'rung' | 'daysSincePrevious'>;
export type WhyRun = Pick<Run, 'distance' | 'time' | 'feeling' | 'temperature' | 'tags' | 'elevation'>;

/** Tags that name the weather: the conditions a bad day's page names. */
const WEATHER_TAGS: ReadonlySet<string> = new Set([
  'rain',
  'rainy',
  'snow',
  'snowy',
  'sleet',
  'hail',
  'wind',
  'windy',
  'storm',
  'fog',
  'foggy',
  'ice',
  'icy',
  'heat',
  'hot',
  'humid',
  'cold',
  'frost',
  'dark',
]);

/** When the record a win beat was set: a day, "the week of Feb 26", or "March 2024". */
export function recordWhen(kind: Win['kind'], date: IsoDate, locale = 'en'): string {
  if (kind === 'biggest-week') {
    const day = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
    return `the week of ${day}`;
  }
  if (kind === 'biggest-month') return formatMonth(date.slice(0, 7), locale);
  return formatDate(date, locale);
}

/** The run's conditions as the journal has them: "−1 °C · sleet · wind · feeling 2 of 5". */
export function runConditions(run: Pick<Run, 'temperature' | 'tags' | 'feeling'>): string[] {
  const parts: string[] = [];
  if (run.temperature !== null) parts.push(formatTemperature(run.temperature));
  for (const tag of run.tags) if (WEATHER_TAGS.has(tag.toLowerCase())) parts.push(tag);
  if (run.feeling !== null) parts.push(`feeling ${run.feeling} of 5`);
  return parts;
}

function percentMore(value: number, before: number): number {
  return Math.floor((value / before - 1) * 100);
}

function standardLabel(rung: string | null): string {
  return STANDARD_DISTANCES.find((standard) => standard.name === rung)?.label ?? 'distance';
}

function beatBy(win: WhyWin, previous: PreviousRecord | null, what: string): string {
  if (!previous) return `${formatDuration(win.value)}, faster than your best from before the journal.`;
  return `${formatDuration(win.value)}, ${formatDuration(previous.value - win.value)} faster than your best ${what} (${formatDuration(previous.value)}).`;
}

/** One sentence: why this is a win, from the run's own figures. */
export function whyItCounts(win: WhyWin, run: WhyRun | null, units: DistanceUnit, locale = 'en'): string {
  const distance = (metres: number): string => formatDistance(metres, units, { locale });
  const ran = run ? distance(run.distance) : formatMeasure(win.value, win.unit, units, locale);
  const previous = win.previous;
  switch (win.kind) {
    case 'first-run':
      return `The run it all started with: ${ran}.`;
    case 'distance-first':
      return previous
        ? `You ran ${ran}; the farthest you had run before was ${distance(previous.value)}.`
        : `You ran ${ran}, farther than you had ever run.`;
    case 'nonstop-first':
      return previous
        ? `You ran ${ran} without a walk break; the farthest before was ${distance(previous.value)}.`
        : `You ran ${ran} without a walk break, for the first time this far.`;
    case 'longest-run':
      return previous
        ? `${ran} is ${percentMore(run?.distance ?? win.value, previous.value)}% longer than your longest run before (${distance(previous.value)}).`
        : `${ran} is longer than any run you had done before the journal.`;
    case 'personal-best':
      return `The ${standardLabel(win.rung)} in ${beatBy(win, previous, 'before')}`;
    case 'barrier':
      return `${win.title}: ${beatBy(win, previous, 'before')}`;
    case 'climb-first':
      return run?.elevation != null
        ? `You climbed ${formatElevation(run.elevation, units)} in one run, more than ever before.`
        : `More climbing in one run than ever before.`;
    case 'total-distance':
      return `Every run adds up: ${formatMeasure(win.value, 'm', units, locale)} since your first.`;
    case 'run-count':
      return `Your ${ordinal(win.value)} run in the journal: each one a day you went out.`;
    case 'daily-streak':
      return `You ran ${formatMeasure(win.value, 'days', units, locale)} in a row.`;
    case 'weekly-streak':
      return `You ran in each of ${formatMeasure(win.value, 'weeks', units, locale)} in a row.`;
    case 'biggest-week':
    case 'biggest-month': {
      const period = win.kind === 'biggest-week' ? 'week' : 'month';
      return previous
        ? `${distance(win.value)} this ${period}, ${percentMore(win.value, previous.value)}% more than your biggest ${period} before (${distance(previous.value)}, ${recordWhen(win.kind, previous.date, locale)}).`
        : `${distance(win.value)} this ${period}, more than any ${period} before.`;
    }
    case 'comeback':
      return `You ran again after ${formatMeasure(win.value, 'days', units, locale)} without a run.`;
    case 'back-to-form':
      return previous
        ? `${ran}, as long as your longest run of the four weeks before the break (${distance(previous.value)}).`
        : `${ran}: back to where you were before the break.`;
    case 'race':
      if (previous) return `${formatDuration(win.value)} at this race, ${formatDuration(previous.value - win.value)} faster than your best there before.`;
      return run?.time != null ? `You raced ${ran} and finished in ${formatDuration(run.time)}.` : `You raced ${ran} and finished.`;
    case 'goal-progress':
      return `${ran} in one run: ${formatMeasure(win.value, 'percent', units, locale)} of the goal's distance.`;
    case 'goal-achieved':
      return `You ran the goal's distance on race day: ${ran}.`;
    case 'showed-up':
      return run?.feeling != null
        ? `You rated this run ${run.feeling} of 5 and ran ${ran} anyway.`
        : `A hard day, and you ran ${ran} anyway.`;
    case 'heat':
      return run?.temperature != null
        ? `You ran ${ran} at ${formatTemperature(run.temperature)}: your first run at ${formatTemperature(win.value)} or hotter.`
        : `Your first run at ${formatTemperature(win.value)} or hotter.`;
    case 'anniversary':
      return `${formatMeasure(win.value, 'years', units, locale)} since you started running.`;
    case 'eddington':
      return `You have run at least ${formatCount(win.value, locale)} ${units} on ${formatMeasure(win.value, 'days', units, locale)}: your Eddington number.`;
    case 'custom':
      return `You named this win yourself, after ${ran}.`;
  }
}

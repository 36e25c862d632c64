// Why a win counts, in one sentence from the run's own data ("You rated this run 2 of 5 and ran
// 6.4 km anyway"), and the words for the record it beat ("the week of Feb 26"). Pure: the win page
// renders what these return.
import type { DistanceUnit, IsoDate, PreviousRecord, Run, Win } from '../types.ts';
import { formatDate, formatMonth } from '../format/dates.ts';
import { formatCount, formatDistance, formatDuration, formatElevation, formatTemperature } from '../format/units.ts';
import { formatMeasure } from './figure.ts';
import type { WinKind } from '../model/kinds.ts';
import { ordinal, STANDARD_DISTANCES } from '../model/rungs.ts';

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

/** When the record a win beat was set: a day, "the week of Feb 26, 2024", or "March 2024". */
export function recordWhen(kind: Win['kind'], date: IsoDate, locale = 'en'): string {
  if (kind === 'biggest-week') return `the week of ${formatDate(date, locale, 'medium')}`;
  if (kind === 'biggest-month') return formatMonth(date.slice(0, 7), locale);
  return formatDate(date, locale);
}

/**
 * Ladders whose `previous` is the last rung reached, not a record: the 26-week milestone before a
 * 52-week streak, while the streak had already run 31 weeks once. A goal step's is the step before.
 */
const MILESTONE_KINDS: ReadonlySet<WinKind> = new Set(['run-count', 'daily-streak', 'weekly-streak', 'eddington', 'total-distance']);

/** What a win's `previous` is: the record it beat, the last milestone of its ladder, or a goal's step before. */
export function beatenKind(kind: WinKind): 'record' | 'milestone' | 'step' {
  if (kind === 'goal-progress') return 'step';
  return MILESTONE_KINDS.has(kind) ? 'milestone' : 'record';
}

/**
 * The point of a win's progression at its previous step (a goal step's run before it): the series
 * up to, not including, the win's own point at `upTo`.
 */
export function previousStep<P extends { date: IsoDate }>(points: readonly P[], upTo: number, previous: Pick<PreviousRecord, 'date'> | null): P | undefined {
  if (!previous) return undefined;
  return points.slice(0, Math.max(0, upTo)).findLast((point) => point.date === previous.date);
}

/** "What it beat" in parts, so a page can set the figure in bold and link the day. */
export interface BeatenWords {
  before: string;
  figure: string;
  middle: string;
  when: string;
  /** Closes the sentence, full stop included. */
  after: string;
}

/**
 * The sentence naming what a win beat: "The record before was 55.9 km, set the week of Jul 7,
 * 2025.", "The last milestone was 26 weeks, on June 25, 2024 — 420 days earlier.", or for a
 * goal step the run of the step before, "Up from 25.1 km on Jul 19, 2025 — 84 days earlier.".
 */
export function beatenWords(
  win: Pick<Win, 'kind' | 'unit' | 'previous' | 'daysSincePrevious'>,
  step: { value: number; date: IsoDate } | undefined,
  units: DistanceUnit,
  locale = 'en',
): BeatenWords | null {
  const previous = win.previous;
  if (!previous) return null;
  const period = win.kind === 'biggest-week' || win.kind === 'biggest-month';
  const days = win.daysSincePrevious;
  const after = `${days !== null && !period ? ` — ${formatCount(days, locale)} ${days === 1 ? 'day' : 'days'} earlier` : ''}.`;
  const figure = formatMeasure(previous.value, win.unit, units, locale);
  const as = beatenKind(win.kind);
  if (as === 'step' && step) {
    return { before: 'Up from ', figure: formatDistance(step.value, units, { locale }), middle: ' on ', when: formatDate(step.date, locale, 'medium'), after };
  }
  if (as !== 'record') {
    return { before: as === 'step' ? 'The last step was ' : 'The last milestone was ', figure, middle: ', on ', when: formatDate(previous.date, locale), after };
  }
  const middle = win.kind === 'biggest-week' ? ', set ' : win.kind === 'biggest-month' ? ', set in ' : ', set on ';
  return { before: 'The record before was ', figure, middle, when: recordWhen(win.kind, previous.date, locale), after };
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
    case 'time-on-feet':
      return `${formatDuration(win.value)} of moving time in one run: ${win.title.replace(/^First /u, '').replace(/ on your feet$/u, '')} on your feet for the first time.`;
    case 'course-best':
      return previous
        ? `${formatDuration(win.value)} on this route, ${formatDuration(previous.value - win.value)} faster than your best on it before (${formatDuration(previous.value)}).`
        : `${formatDuration(win.value)}, your best on this route.`;
    case 'easy-pace':
      return previous
        ? `The median pace of your easy runs over eight weeks, at the same feeling, is ${formatMeasure(win.value, 'pace', units, locale)}; it was ${formatMeasure(previous.value, 'pace', units, locale)}.`
        : `The median pace of your easy runs over eight weeks is ${formatMeasure(win.value, 'pace', units, locale)}.`;
    case 'session':
      return previous
        ? `${win.title.replace(/^.*?:\s*/u, '')}: more than any session of its type before (${formatMeasure(previous.value, win.unit, units, locale)}).`
        : `${win.title}.`;
    case 'back-to-back':
      return `${formatMeasure(win.value, 'm', units, locale)} on two days in a row: long-run legs for a long race.`;
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
        ? `You ran ${ran} at ${formatTemperature(run.temperature)}: hotter than any run before it.`
        : `${formatTemperature(win.value)}: hotter than any run before it.`;
    case 'anniversary':
      return `${formatMeasure(win.value, 'years', units, locale)} since you started running.`;
    case 'eddington':
      return `You have run at least ${formatCount(win.value, locale)} ${units} on ${formatMeasure(win.value, 'days', units, locale)}: your Eddington number.`;
    case 'custom':
      return `You named this win yourself, after ${ran}.`;
  }
}

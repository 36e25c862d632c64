// What a card says, decided once from the data: every string the template draws, already in
// words. The template only lays it out, and the cache key is this object, so anything that
// changes the pixels must live here.
import { addDays, dayNumber, daysBetween, formatDate, weekStartOf } from '../format/dates.ts';
import { formatCount, formatDistance, formatDuration, formatPace } from '../format/units.ts';
import type { Goal, IsoDate, Profile, Run, Win } from '../types.ts';
import { formatMeasure, formatWinFigure } from '../wins/figure.ts';
import { FAMILY_INFO } from '../wins/kinds.ts';
import type { CardTheme } from './family-style.ts';

export interface CardSparkline {
  /** Values up to and including the win, oldest first. */
  values: number[];
  /** Index of the win's point in `values` (the last one). */
  highlight: number;
  /** Times: lower is better, so the line is drawn upside down and improvement climbs. */
  lowerIsBetter: boolean;
  label: string;
  /**
   * Each point's day counted from the first, for a count that only ever rises by one: evenly
   * spaced it would be a plain straight line, spaced by date it shows how fast it rose.
   */
  days?: number[] | null;
  /** A streak: one square per day or week of it, drawn instead of the line. */
  streak?: CardStreak | null;
}

/** The days (as a calendar, a column per weekday) or weeks of a streak. */
export interface CardStreak {
  unit: 'day' | 'week';
  count: number;
  /** Days: the first day's place in its week (0 = the week's first day); weeks: 0. */
  offset: number;
}

/** A route's outline, projected and scaled by its longer side into a unit box (north up). */
export interface CardRoute {
  /** One line per stretch (a privacy zone breaks the route into several). */
  lines: Array<Array<[number, number]>>;
}

export interface CardInput {
  theme: CardTheme;
  /** The family's name ("Resilience"): the same word as its filter chip on the site. */
  kicker: string;
  /** What was won ("Back running", "Sub-30 5K"): never repeats the figure. */
  headline: string;
  /** How much: "24:48", "1,000 km", "30 days". */
  figure: string | null;
  date: string | null;
  /** The context, in words the headline and figure do not use: "Beat 32:05 from May 18, 2024". */
  detail: string | null;
  /** The progression that led here: only with three points or more (two make a line, not a story). */
  spark: CardSparkline | null;
  /** The earning run's trimmed route; never a private run's. */
  route: CardRoute | null;
  /** How far along, 0–1, for a win counted in percent (a goal's progress): drawn as a bar. */
  share: number | null;
  /** The rewards this win earned, in words (`Reward: new trail shoes`); absent without one, so other cards keep their cache keys. */
  reward?: string;
  name: string;
  /** The site address without the scheme: `ana.github.io/runs`. */
  site: string | null;
}

/** What a card knows beyond the win: the journal's runs, and the address the site is served at. */
export interface CardContext {
  runs?: ReadonlyMap<string, Run>;
  /**
   * The site's public URL with its base path (`https://ana.github.io/runs/`): the build's
   * `--site`/`--base` when it has them. Falls back to the profile's `site`.
   */
  site?: string | null;
  /** Per win slug, the line of the rewards it earned (private words already left out: see rewardLine). */
  rewards?: ReadonlyMap<string, string>;
}

/** The most points a sparkline shows: enough for a shape, few enough to read as a thumbnail. */
export const SPARK_POINTS = 40;
/** Fewer points than this are not a progression worth a chart. */
export const SPARK_MIN_POINTS = 3;
/** Points kept per route line: the outline of a thumbnail, and a small cache key. */
export const ROUTE_POINTS = 160;

export function siteAddress(site: string | null | undefined): string | null {
  if (!site) return null;
  return site.replace(/^[a-z]+:\/\//i, '').replace(/\/+$/, '') || null;
}

/** "Sub-25 5K — 24:48" with the figure drawn big is just "Sub-25 5K"; "First 3 km" stays whole. */
function withoutTrailingFigure(title: string, figure: string | null): string {
  if (!figure || !title.endsWith(figure)) return title;
  const rest = title.slice(0, -figure.length);
  const match = /^(.*\S)\s*[—–:]\s*$|^(.*\S)\s+-\s+$/u.exec(rest);
  return match?.[1] ?? match?.[2] ?? title;
}

function sparklineOf(win: Win): CardSparkline | null {
  if (!win.progression) return null;
  const { series, upTo } = win.progression;
  const from = Math.max(0, upTo + 1 - SPARK_POINTS);
  const points = series.points.slice(from, upTo + 1);
  const values = points.map((point) => point.value);
  if (values.length < SPARK_MIN_POINTS) return null;
  const byOne = values.every((value, index) => index === 0 || value - (values[index - 1] as number) === 1);
  const start = dayNumber(points[0]!.date);
  const days = byOne ? points.map((point) => dayNumber(point.date) - start) : null;
  return { values, highlight: values.length - 1, lowerIsBetter: series.lowerIsBetter, label: series.label, days, streak: null };
}

/** Spaced by date, the chart's caption says since when: "By date since Jan 6, 2024". */
function withDateCaption(spark: CardSparkline | null, win: Win, locale: string): CardSparkline | null {
  if (!spark?.days || !win.progression) return spark;
  const { series, upTo } = win.progression;
  const first = series.points[Math.max(0, upTo + 1 - SPARK_POINTS)];
  if (!first) return spark;
  const since = `since ${formatDate(first.date, locale, 'medium')}`;
  return { ...spark, label: spark.label ? `${spark.label}, by date ${since}` : `By date ${since}` };
}

/** A streak's days or weeks, as squares: its line would only ever rise by one. */
function streakOf(win: Win, weekStart: Profile['weekStart']): CardSparkline | null {
  if (win.kind !== 'daily-streak' && win.kind !== 'weekly-streak') return null;
  if (!Number.isInteger(win.value) || win.value < 1) return null;
  const daily = win.kind === 'daily-streak';
  const first = addDays(win.date, 1 - win.value);
  const streak: CardStreak = { unit: daily ? 'day' : 'week', count: win.value, offset: daily ? daysBetween(weekStartOf(first, weekStart), first) : 0 };
  return { values: [win.value], highlight: 0, lowerIsBetter: false, label: daily ? 'One square a day' : 'One square a week', days: null, streak };
}

/**
 * The sparkline's caption, less what the headline already says: under "Lifetime distance",
 * "Lifetime distance by month" is just "By month"; under "Eddington number", nothing.
 */
function withSparkLabel(spark: CardSparkline | null, headline: string): CardSparkline | null {
  if (!spark || spark.streak) return spark;
  const [label, title] = [spark.label.toLowerCase(), headline.toLowerCase()];
  // "Hottest run" under "Hottest run yet" says nothing new either.
  if (title.startsWith(label)) return { ...spark, label: '' };
  if (!label.startsWith(title)) return spark;
  const rest = spark.label.slice(headline.length).trim();
  return { ...spark, label: rest.charAt(0).toUpperCase() + rest.slice(1) };
}

/** Every `step`-th point, always keeping the last: the outline's shape at thumbnail size. */
function thin<T>(points: readonly T[], most: number): T[] {
  if (points.length <= most) return [...points];
  const step = (points.length - 1) / (most - 1);
  return Array.from({ length: most }, (_, index) => points[Math.round(index * step)] as T);
}

/** A run's published (already trimmed) track, flattened onto a plane and scaled into a unit box. */
export function routeOf(run: Run | undefined): CardRoute | null {
  if (!run || run.private || !run.track || run.track.points.length < 2) return null;
  const { points } = run.track;
  const starts = [0, ...(run.track.breaks ?? []).filter((at) => at > 0 && at < points.length), points.length];
  const midLat = (points.reduce((sum, [lat]) => sum + lat, 0) / points.length) * (Math.PI / 180);
  const flat = points.map(([lat, lon]): [number, number] => [lon * Math.cos(midLat), -lat]);
  const xs = flat.map(([x]) => x);
  const ys = flat.map(([, y]) => y);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const span = Math.max(maxX - minX, maxY - minY);
  if (!(span > 0)) return null;
  const round = (value: number): number => Math.round(value * 1000) / 1000;
  const lines: Array<Array<[number, number]>> = [];
  for (let index = 0; index + 1 < starts.length; index++) {
    const stretch = flat.slice(starts[index], starts[index + 1]);
    if (stretch.length < 2) continue;
    lines.push(thin(stretch, ROUTE_POINTS).map(([x, y]) => [round((x - minX) / span), round((y - minY) / span)]));
  }
  if (lines.length === 0) return null;
  return { lines };
}

/** The last two words held together, so a wrapped title never ends on one lone word. */
export function withoutLoneWord(title: string): string {
  const words = title.trim().split(/ +/u);
  if (words.length < 3) return title.trim();
  const last = words.pop() as string;
  return `${words.join(' ')}\u00A0${last}`;
}

function plural(count: number, one: string, many: string, locale: string): string {
  return `${formatCount(count, locale)} ${count === 1 ? one : many}`;
}

function runsUpTo(runs: ReadonlyMap<string, Run>, date: IsoDate): number {
  let count = 0;
  for (const run of runs.values()) if (run.date <= date) count += 1;
  return count;
}

interface Words {
  headline: string;
  figure: string | null;
  detail: string | null;
}

/** Title, figure and context for one win: each says its own thing, none repeats another. */
function winWords(win: Win, profile: Profile, runs: ReadonlyMap<string, Run>): Words {
  const { units, locale } = profile;
  const figure = Number.isFinite(win.value) && win.value > 0 ? formatWinFigure(win, units, locale) : null;
  const medium = (date: IsoDate): string => formatDate(date, locale, 'medium');
  const beat = win.previous ? `Beat ${formatWinFigure({ ...win, value: win.previous.value }, units, locale)} from ${medium(win.previous.date)}` : null;
  const run = runs.get(win.runs[0] ?? '');
  const distance = run ? formatDistance(run.distance, units, { locale }) : null;
  const inTime = run?.time ? `in ${formatDuration(run.time)}` : null;
  const firstRun = [...runs.values()].reduce<IsoDate | null>((first, candidate) => (first === null || candidate.date < first ? candidate.date : first), null);
  const since = firstRun && firstRun < win.date ? `since ${medium(firstRun)}` : null;
  switch (win.kind) {
    case 'first-run':
      return { headline: 'First run', figure, detail: inTime };
    case 'showed-up':
    case 'custom':
      return { headline: withoutTrailingFigure(win.title, figure), figure, detail: beat ?? inTime };
    case 'distance-first':
      // A named distance says what it is ("First marathon" over 42.2 km); a number would say the
      // figure twice ("First 12 km" over 12 km).
      return { headline: /\d/.test(win.title) ? 'First time this far' : win.title, figure, detail: beat ?? inTime };
    case 'nonstop-first':
      return { headline: 'All the way without stopping', figure, detail: beat ?? inTime };
    case 'longest-run':
      return { headline: 'Longest run yet', figure, detail: beat };
    case 'climb-first':
      return { headline: 'Most climbing in one run', figure, detail: beat };
    case 'heat':
      return { headline: 'Hottest run yet', figure, detail: beat };
    case 'total-distance':
      return { headline: 'Lifetime distance', figure, detail: since && `${plural(runsUpTo(runs, win.date), 'run', 'runs', locale)} ${since}` };
    case 'run-count':
      return { headline: 'Runs in the journal', figure: formatCount(win.value, locale), detail: since && `Logged one by one ${since}` };
    case 'daily-streak':
      return { headline: 'Daily streak', figure, detail: `${medium(addDays(win.date, 1 - win.value))} to ${medium(win.date)}` };
    case 'weekly-streak':
      return { headline: 'Weekly streak', figure, detail: `Not one missed since ${medium(weekStartOf(addDays(win.date, -7 * (win.value - 1)), profile.weekStart))}` };
    case 'comeback':
      return { headline: 'Back running', figure: distance ?? figure, detail: distance ? `after ${formatMeasure(win.value, win.unit, units, locale)} off` : null };
    case 'anniversary':
      return { headline: 'Running anniversary', figure, detail: since && `${plural(runsUpTo(runs, win.date), 'run', 'runs', locale)} ${since}` };
    case 'eddington':
      return {
        headline: 'Eddington number',
        figure: formatCount(win.value, locale),
        detail: `Days of at least as many ${units}`,
      };
    case 'goal-progress': {
      // The title already says how far ("Three quarters of the way to …"): the figure is the run
      // that got there, the detail the step before it.
      const points = win.progression ? win.progression.series.points.slice(0, win.progression.upTo) : [];
      const before = win.previous ? points.findLast((point) => point.date === win.previous!.date) : undefined;
      return {
        headline: win.title,
        figure: distance ?? figure,
        detail: before ? `Up from ${formatDistance(before.value, units, { locale })} on ${medium(before.date)}` : 'Longest run of the build-up',
      };
    }
    case 'race': {
      // The race's name usually carries its distance ("Hammarby Summer 10K"): the context is the pace.
      const name = run && !run.private && run.race ? run.race : withoutTrailingFigure(win.title, figure);
      const first = /^first race\b/iu.test(win.title) ? 'Debut' : null;
      const pace = run?.time ? formatPace(run.distance, run.time, units) : null;
      const parts = [first, pace].filter((part): part is string => Boolean(part));
      return { headline: name, figure, detail: parts.length > 0 ? parts.join(' · ') : null };
    }
    default:
      return { headline: withoutTrailingFigure(win.title, figure), figure, detail: beat };
  }
}

export function cardInputForWin(win: Win, profile: Profile, context: CardContext = {}): CardInput {
  const runs = context.runs ?? new Map<string, Run>();
  const words = winWords(win, profile, runs);
  return {
    theme: win.family,
    kicker: FAMILY_INFO[win.family].label,
    headline: withoutLoneWord(words.headline),
    figure: words.figure,
    date: formatDate(win.date, profile.locale, 'long'),
    detail: words.detail,
    spark: streakOf(win, profile.weekStart) ?? withDateCaption(withSparkLabel(sparklineOf(win), words.headline), win, profile.locale),
    route: routeOf(runs.get(win.runs[0] ?? '')),
    share: win.unit === 'percent' && Number.isFinite(win.value) ? Math.max(0, Math.min(1, win.value / 100)) : null,
    ...rewardOf(win, context),
    name: profile.name,
    site: cardSite(profile, context),
  };
}

function rewardOf(win: Win, context: CardContext): { reward?: string } {
  const line = context.rewards?.get(win.slug);
  return line === undefined ? {} : { reward: line };
}

/** The address a card prints: the build's site when it was given one, else the profile's. */
function cardSite(profile: Profile, context: CardContext): string | null {
  return siteAddress(context.site ?? profile.site);
}

/** "12 weeks to go" as of the journal's today (never the build machine's clock). */
export function countdown(goalDate: IsoDate, today: IsoDate | null, locale = 'en'): string | null {
  if (!today) return null;
  const days = daysBetween(today, goalDate);
  if (days < 0) return null;
  if (days === 0) return 'Race day';
  if (days < 14) return `${formatCount(days, locale)} ${days === 1 ? 'day' : 'days'} to go`;
  return `${formatCount(Math.floor(days / 7), locale)} weeks to go`;
}

export function cardInputForGoal(goal: Goal, today: IsoDate | null, profile: Profile, context: CardContext = {}): CardInput {
  const { units, locale } = profile;
  const distance = formatDistance(goal.distance, units, { locale });
  const left = countdown(goal.date, today, locale);
  return {
    theme: 'goal',
    kicker: FAMILY_INFO.goal.label,
    headline: withoutLoneWord(goal.title),
    figure: left ?? distance,
    date: null,
    // The countdown is the figure, the race day the line under it (the title usually names the distance).
    detail: formatDate(goal.date, locale, 'long'),
    spark: null,
    route: null,
    share: null,
    name: profile.name,
    site: cardSite(profile, context),
  };
}

export interface SiteTotals {
  runs: number;
  /** Metres. */
  distance: number;
  wins: number;
}

/** The default card for the home page and every page without its own. */
export function cardInputForSite(profile: Profile, totals: SiteTotals, context: CardContext = {}): CardInput {
  const { units, locale } = profile;
  // The title is usually "… small wins": the count of them is said in other words.
  const counts = [`${plural(totals.runs, 'run', 'runs', locale)} logged`, `${formatCount(totals.wins, locale)} celebrated`];
  return {
    theme: 'site',
    kicker: 'Running journal',
    headline: withoutLoneWord(profile.title),
    figure: totals.distance > 0 ? formatDistance(totals.distance, units, { locale }) : null,
    date: null,
    detail: counts.join(', '),
    spark: null,
    route: null,
    share: null,
    name: profile.name,
    site: cardSite(profile, context),
  };
}

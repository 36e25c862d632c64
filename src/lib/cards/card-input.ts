// What a card says, decided once from the data: every string the template draws, already in
// words. The template only lays it out, and the cache key is this object, so anything that
// changes the pixels must live here.
import { addDays, dayNumber, daysBetween, formatDate, weekStartOf } from '../format/dates.ts';
import { formatCount, formatDistance, formatDuration, formatPace } from '../format/units.ts';
import type { Goal, IsoDate, Profile, Run, Win, WinUnit } from '../types.ts';
import { formatMeasure, formatWinFigure } from '../wins/figure.ts';
import { previousStep, recordWhen, runConditions } from '../wins/why.ts';
import { runEntry } from '../publish/run-entry.ts';
import { FAMILY_INFO } from '../model/kinds.ts';
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
  /** The context, in words the headline and figure do not use: "2:43 faster than 34:48, set Apr 13, 2024". */
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
 * The sparkline's caption, less what the headline already says: under "Lifetime distance passed",
 * "Lifetime distance by month" is just "By month"; under "Eddington number", nothing.
 */
function withSparkLabel(spark: CardSparkline | null, headline: string): CardSparkline | null {
  if (!spark || spark.streak) return spark;
  const [label, title] = [spark.label.toLowerCase(), headline.toLowerCase()];
  // "Hottest run" under "Hottest run yet" says nothing new either.
  if (title.startsWith(label)) return { ...spark, label: '' };
  // "Lifetime distance by month" under "Lifetime distance passed": the measure is said, the grouping is not.
  const [labelWords, titleWords] = [label.split(' '), title.split(' ')];
  let common = 0;
  while (common < labelWords.length && labelWords[common] === titleWords[common]) common++;
  const grouping = common > 0 && labelWords[common] === 'by';
  if (!label.startsWith(title) && !grouping) return spark;
  const rest = label.startsWith(title) ? spark.label.slice(headline.length).trim() : spark.label.split(' ').slice(common).join(' ');
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

/**
 * Parts of a line joined by " · ", the separator held to the part before it: a wrapped line never
 * starts with one.
 */
export function joinParts(parts: ReadonlyArray<string | null>, separator = ' · '): string {
  return parts.filter((part): part is string => Boolean(part)).join(separator.replace(/^ /u, '\u00A0'));
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

/**
 * When the record a win beat was set: "set Mar 22, 2025", "in July 2025", and a week by its first
 * day ("from Jul 7, 2025": "the week of" would say "week" twice under "Biggest week yet").
 */
function setWhen(win: Win, date: IsoDate, locale: string): string {
  if (win.kind === 'biggest-month') return `in ${recordWhen(win.kind, date, locale)}`;
  return `${win.kind === 'biggest-week' ? 'from' : 'set'} ${formatDate(date, locale, 'medium')}`;
}

/**
 * How far past the record it beat, the brag first: "1:28 faster than 26:20, set Mar 22, 2025",
 * "3.2 km more than 27 km, …", "6 °C hotter than 26 °C, …". `value` is what the run itself did, in
 * the record's measure (never a ladder's rung: a rung is not what she ran).
 */
function beyondRecord(win: Win, value: number, unit: WinUnit, profile: Profile): string | null {
  if (!win.previous) return null;
  const { units, locale } = profile;
  const before = formatMeasure(win.previous.value, unit, units, locale);
  const when = setWhen(win, win.previous.date, locale);
  // A time and a pace are better lower; a duration (time on feet, a tempo) is more the longer it is.
  const faster = unit === 's' || unit === 'pace';
  const gap = faster ? win.previous.value - value : value - win.previous.value;
  const by = unit === 's' && gap < 60 ? `${Math.round(gap)} s` : formatMeasure(gap, unit, units, locale);
  // A gap that rounds to nothing ("0 km more") is no brag: say only what it went past.
  if (!(gap > 0) || !/[1-9]/u.test(by)) return `Up from ${before}, ${when}`;
  const more = faster ? 'faster' : unit === 'C' ? 'hotter' : unit === 'duration' ? 'longer' : 'more';
  return `${by} ${more} than ${before}, ${when}`;
}

/**
 * A first's words: the rung is what was won ("First 1,000 m of climbing"), the figure what the run
 * did (1,020 m: the engine's value for a first). When the title already says that figure ("First 12 km"
 * over 12 km, "First 5K" over 5 km), the figure stands under a plain "most" headline (`same`).
 */
function rungWords(title: string, same: string, ran: string | null, detail: string | null): Words {
  if (ran === null) return { headline: title, figure: null, detail };
  return saysFigure(title, ran) ? { headline: same, figure: ran, detail } : { headline: title, figure: ran, detail };
}

/** Whether `title` already says `figure` ("First 12 km" says "12 km"; "First 5K" says "5 km"). */
function saysFigure(title: string, figure: string): boolean {
  const plain = (text: string) => text.replace(/\u00A0/gu, ' ').replace(/(\d)K\b/gu, '$1 km');
  return plain(title).includes(plain(figure));
}

/** A race's proudest part, said apart from its name: "Debut", "First half marathon race", "Course best by 1:12". */
function raceLabel(win: Win, name: string): string | null {
  if (/^first race\b/iu.test(win.title)) return 'Debut';
  const prefix = /^(.+?):\s/u.exec(win.title)?.[1] ?? null;
  if (!prefix) return null;
  if (/^course best$/iu.test(prefix)) {
    return win.previous ? `Course best by ${formatDuration(win.previous.value - win.value)}` : prefix;
  }
  // "First half marathon race" beside "Coastline Half Marathon": the name already says the distance.
  const distance = /^first (.+) race$/iu.exec(prefix)?.[1];
  if (distance && name.toLowerCase().includes(distance.toLowerCase())) return 'Debut at the distance';
  return prefix;
}

/** A ladder rung written as a number in the card's own unit ("12 km", "4 miles"), not a name ("marathon", "10 miles" on a km card). */
function numberedInUnits(title: string, units: Profile['units']): boolean {
  return units === 'km' ? /\d\s*km\b/u.test(title) : /\d\s*miles?\b/u.test(title);
}

/** Title, figure and context for one win: each says its own thing, none repeats another. */
function winWords(win: Win, profile: Profile, runs: ReadonlyMap<string, Run>): Words {
  const { units, locale } = profile;
  const figure = Number.isFinite(win.value) && win.value > 0 ? formatWinFigure(win, units, locale) : null;
  const medium = (date: IsoDate): string => formatDate(date, locale, 'medium');
  const beat = beyondRecord(win, win.value, win.unit, profile);
  const run = runs.get(win.runs[0] ?? '');
  const distance = run ? formatDistance(run.distance, units, { locale }) : null;
  const inTime = run?.time ? `in ${formatDuration(run.time)}` : null;
  const firstRun = [...runs.values()].reduce<IsoDate | null>((first, candidate) => (first === null || candidate.date < first ? candidate.date : first), null);
  const since = firstRun && firstRun < win.date ? `since ${medium(firstRun)}` : null;
  switch (win.kind) {
    case 'first-run':
      return { headline: 'First run', figure, detail: inTime };
    case 'showed-up': {
      // The conditions are the point: the cold, the dark, how it felt. A private run's tags stay out (runEntry).
      // A minus sign, not a hyphen, before a temperature below zero: "−9 °C".
      const conditions = run ? joinParts(runConditions(runEntry(run, []))).replace(/^-(?=\d)/u, '\u2212') : '';
      const detail = conditions ? conditions.charAt(0).toUpperCase() + conditions.slice(1) : inTime;
      return { headline: withoutTrailingFigure(win.title, figure), figure, detail };
    }
    case 'custom':
      return { headline: withoutTrailingFigure(win.title, figure), figure, detail: beat ?? inTime };
    case 'distance-first': {
      // A named distance says what it is ("First marathon" over 42.4 km) even when the run's figure
      // reads the same; a numbered one would say it twice ("First 12 km" over 12 km).
      const same = numberedInUnits(win.title, units) ? 'First time this far' : win.title;
      return rungWords(win.title, same, figure, beat ?? inTime);
    }
    case 'nonstop-first':
      return rungWords(win.title, 'All the way without stopping', figure, beat ?? inTime);
    case 'longest-run':
      return { headline: 'Longest run yet', figure, detail: beat };
    case 'climb-first':
      return rungWords(win.title, 'Most climbing in one run', figure, beat);
    case 'heat':
      return rungWords(win.title, 'Hottest run yet', figure, beat);
    case 'total-distance':
      // The figure is the milestone crossed, not the lifetime to the metre: the headline says so.
      return { headline: 'Lifetime distance passed', figure, detail: since && `${plural(runsUpTo(runs, win.date), 'run', 'runs', locale)} ${since}` };
    case 'run-count':
      return { headline: 'Runs in the journal', figure: formatCount(win.value, locale), detail: since && `Logged one by one ${since}` };
    case 'daily-streak':
      return { headline: 'Daily streak', figure, detail: `${medium(addDays(win.date, 1 - win.value))} to ${medium(win.date)}` };
    case 'weekly-streak':
      return { headline: 'Weekly streak', figure, detail: `Not one missed since ${medium(weekStartOf(addDays(win.date, -7 * (win.value - 1)), profile.weekStart))}` };
    case 'comeback':
      return { headline: 'Back running', figure: distance ?? figure, detail: distance ? `after ${formatMeasure(win.value, win.unit, units, locale)} off` : null };
    case 'back-to-form':
      // Back to form is reaching the longest run before the break (within GPS error), not beating it.
      return {
        headline: 'Back to form',
        figure,
        detail: win.previous ? `Longest before the break: ${formatMeasure(win.previous.value, win.unit, units, locale)}, ${medium(win.previous.date)}` : null,
      };
    case 'anniversary':
      return { headline: 'Running anniversary', figure, detail: since && `${plural(runsUpTo(runs, win.date), 'run', 'runs', locale)} ${since}` };
    case 'eddington':
      // The engine's figure says what the number means ("16 days of 16+ km"); the context is the step.
      return {
        headline: 'Eddington number',
        figure,
        detail: win.previous ? `Up from ${formatCount(win.previous.value, locale)} on ${medium(win.previous.date)}` : null,
      };
    case 'goal-progress': {
      // The title already says how far ("Three quarters of the way to …"): the figure is the run
      // that got there, the detail the step before it.
      const before = win.progression ? previousStep(win.progression.series.points, win.progression.upTo, win.previous) : undefined;
      return {
        headline: win.title,
        figure: distance ?? figure,
        detail: before ? `Up from ${formatDistance(before.value, units, { locale })} on ${medium(before.date)}` : 'Longest run of the build-up',
      };
    }
    case 'race': {
      // The race's name usually carries its distance ("Hammarby Summer 10K"): the context is what
      // this race was to her (a debut, a first half marathon) and the pace.
      const named = run && !run.private && run.race ? run.race : null;
      // Without the name (a private run's is not published) the headline is the whole title, which says it already.
      const name = named ?? withoutTrailingFigure(win.title, figure);
      const pace = run?.time ? formatPace(run.distance, run.time, units) : null;
      return { headline: name, figure, detail: joinParts([named ? raceLabel(win, named) : null, pace]) || null };
    }
    case 'easy-pace': {
      // The title says both paces; the card says the new one big and what it is measured against.
      if (!win.previous) return { headline: 'New easy pace', figure, detail: null };
      const gap = formatMeasure(win.previous.value - win.value, 'pace', units, locale);
      const before = formatMeasure(win.previous.value, 'pace', units, locale);
      return { headline: 'New easy pace', figure, detail: `${gap} faster than ${before} in the 8 weeks to ${medium(win.previous.date)}` };
    }
    case 'session':
      // The title names the reps ("10 × 2 min"); the card names the session and draws what grew.
      return { headline: SESSION_HEADLINES[win.rung ?? ''] ?? 'Session record', figure, detail: sessionGain(win, profile) };
    case 'course-best': {
      // The route's name is the run's own title (never a private run's); the figure is the time.
      const route = run && !run.private && run.title ? run.title : 'Course best';
      const gap = win.previous ? formatDuration(win.previous.value - win.value) : null;
      const detail = gap && win.previous ? `${route === 'Course best' ? 'By' : 'Course best by'} ${gap}, on ${medium(win.previous.date)} it took ${formatDuration(win.previous.value)}` : null;
      return { headline: route, figure, detail };
    }
    default:
      return { headline: withoutTrailingFigure(win.title, figure), figure, detail: beat };
  }
}

/** A session record's headline by its type, in words that share none with its figure. */
const SESSION_HEADLINES: Readonly<Record<string, string>> = {
  hills: 'Hill session record',
  intervals: 'Interval session record',
  tempo: 'Tempo record',
};

/** What a session record added to the one it beat: "2 more than on Mar 13, 2025", "1:00 longer than on …". */
function sessionGain(win: Win, profile: Profile): string | null {
  if (!win.previous) return null;
  const when = formatDate(win.previous.date, profile.locale, 'medium');
  const gap = win.value - win.previous.value;
  if (!(gap > 0)) return null;
  if (win.unit === 'reps') return `${formatCount(gap, profile.locale)} more than on ${when}`;
  const by = win.unit === 'duration' ? formatDuration(gap) : formatMeasure(gap, win.unit, profile.units, profile.locale);
  return `${by} ${win.unit === 'duration' ? 'longer' : 'more'} than on ${when}`;
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

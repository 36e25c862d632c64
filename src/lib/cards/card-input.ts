// What a card says, decided once from the data: every string the template draws, already in
// words. The template only lays it out, and the cache key is this object, so anything that
// changes the pixels must live here.
import { formatDate, daysBetween } from '../format/dates.ts';
import { formatCount, formatDistance } from '../format/units.ts';
import type { Goal, IsoDate, Profile, Win } from '../types.ts';
import { formatWinFigure } from '../wins/figure.ts';
import { KIND_KICKER, type CardTheme } from './family-style.ts';

export interface CardSparkline {
  /** Values up to and including the win, oldest first. */
  values: number[];
  /** Index of the win's point in `values` (the last one). */
  highlight: number;
  /** Times: lower is better, so the line is drawn upside down and improvement climbs. */
  lowerIsBetter: boolean;
  label: string;
}

export interface CardInput {
  theme: CardTheme;
  kicker: string;
  headline: string;
  /** The big figure: "24:48", "1,000 km", "30 days". */
  figure: string | null;
  date: string | null;
  /** One line under the figure: what it beat, or how far away race day is. */
  detail: string | null;
  spark: CardSparkline | null;
  name: string;
  /** The site address without the scheme: `ana.github.io/runs`. */
  site: string | null;
}

/** The most points a sparkline shows: enough for a shape, few enough to read as a thumbnail. */
export const SPARK_POINTS = 40;

export function siteAddress(site: string | null): string | null {
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
  const values = series.points.slice(from, upTo + 1).map((point) => point.value);
  if (values.length < 2) return null;
  return { values, highlight: values.length - 1, lowerIsBetter: series.lowerIsBetter, label: series.label };
}

export function cardInputForWin(win: Win, profile: Profile): CardInput {
  const { units, locale } = profile;
  const figure = Number.isFinite(win.value) && win.value > 0 ? formatWinFigure(win, units, locale) : null;
  const detail = win.previous
    ? `Beat ${formatWinFigure({ ...win, value: win.previous.value }, units, locale)} set on ${formatDate(win.previous.date, locale, 'medium')}`
    : null;
  return {
    theme: win.family,
    kicker: KIND_KICKER[win.kind],
    headline: withoutTrailingFigure(win.title, figure),
    figure,
    date: formatDate(win.date, locale, 'long'),
    detail,
    spark: sparklineOf(win),
    name: profile.name,
    site: siteAddress(profile.site),
  };
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

export function cardInputForGoal(goal: Goal, today: IsoDate | null, profile: Profile): CardInput {
  const { units, locale } = profile;
  const distance = formatDistance(goal.distance, units, { locale });
  const left = countdown(goal.date, today, locale);
  return {
    theme: 'goal',
    kicker: `Goal · ${distance}`,
    headline: goal.title,
    figure: left ?? distance,
    date: formatDate(goal.date, locale, 'long'),
    detail: left && today ? `As of ${formatDate(today, locale, 'medium')}` : null,
    spark: null,
    name: profile.name,
    site: siteAddress(profile.site),
  };
}

export interface SiteTotals {
  runs: number;
  /** Metres. */
  distance: number;
  wins: number;
}

/** The default card for the home page and every page without its own. */
export function cardInputForSite(profile: Profile, totals: SiteTotals): CardInput {
  const { units, locale } = profile;
  const counts = [
    `${formatCount(totals.runs, locale)} ${totals.runs === 1 ? 'run' : 'runs'}`,
    `${formatCount(totals.wins, locale)} small ${totals.wins === 1 ? 'win' : 'wins'}`,
  ];
  return {
    theme: 'site',
    kicker: profile.name,
    headline: profile.title,
    figure: totals.distance > 0 ? formatDistance(totals.distance, units, { locale }) : null,
    date: null,
    detail: counts.join(' · '),
    spark: null,
    name: profile.name,
    site: siteAddress(profile.site),
  };
}

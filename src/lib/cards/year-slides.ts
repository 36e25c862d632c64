// A year in review as share images: story slides (1080×1920) and a link card (1200×630), each
// said as a card input so they are drawn, cached and pooled exactly like win cards. Pure: no I/O.
import { formatDate, formatMonth } from '../format/dates.ts';
import { formatCount, formatDistance, toUnit } from '../format/units.ts';
import { yearReviews, type YearReview, type YearWin } from '../publish/year-review.ts';
import type { Goal, IsoDate, Journal, Profile, Run, Win, WinUnit } from '../types.ts';
import { formatWinFigure } from '../wins/figure.ts';
import { KIND_INFO, KIND_RANK_ORDER } from '../model/kinds.ts';
import { cardInputForWin, countdown, joinParts, siteAddress, withoutLoneWord, type CardInput } from './card-input.ts';
import { cardFileName } from './formats.ts';
import type { CardJob } from './render-all.ts';

export type YearSlide = 'number' | 'wins' | 'months' | 'bests' | 'moment' | 'next';

export const SLIDE_LABEL: Record<YearSlide, string> = {
  number: 'the year in one number',
  wins: 'the wins that mattered',
  months: 'month by month',
  bests: 'personal bests and new distances',
  moment: 'the biggest moment',
  next: "what's next",
};

/** `slide-1-number.png`: numbered so a phone lists them in story order. */
export function slideFileName(slide: YearSlide, slides: readonly YearSlide[]): string {
  return `slide-${slides.indexOf(slide) + 1}-${slide}.png`;
}

/** The slides a year has, in story order: five when it had no headline wins or bests, else six. */
export function yearSlides(review: YearReview): YearSlide[] {
  const slides: YearSlide[] = ['number'];
  if (review.headline.length > 0) slides.push('wins');
  slides.push('months');
  if (review.bests.length + review.newDistances.length > 0) slides.push('bests');
  slides.push('moment', 'next');
  return slides;
}

/**
 * The year's wins, the biggest first, as the engine ranks them: headline wins first, then by the
 * kinds' rank (docs/wins.md, "Same-day order"), then the later first (a ladder climbs through the
 * year: the later first marathon beats the earlier first half). One per run, as lists show a run
 * (its first win names it), and one per title ("5K personal best" three times says it once).
 */
export function byImportance<W extends YearWin>(wins: readonly W[]): W[] {
  const rank = (win: W): number => KIND_RANK_ORDER.get(win.kind) ?? Number.MAX_SAFE_INTEGER;
  const ordered = [...wins].sort(
    (a, b) => Number(b.headline) - Number(a.headline) || rank(a) - rank(b) || b.date.localeCompare(a.date),
  );
  const runs = new Set<string>();
  const titles = new Set<string>();
  return ordered.filter((win) => {
    const run = win.runs[0];
    if ((run !== undefined && runs.has(run)) || titles.has(win.title)) return false;
    if (run !== undefined) runs.add(run);
    titles.add(win.title);
    return true;
  });
}

/** What the year is remembered by: its biggest win (`byImportance`). */
export function biggestMoment(review: YearReview): YearWin | null {
  return byImportance(review.wins)[0] ?? null;
}

interface SlideContext {
  profile: Profile;
  goals: readonly Goal[];
  today: IsoDate | null;
  /** The build's public address with its base path, when it has one (as on win cards). */
  site?: string | null;
  /** The journal's runs: the biggest moment is said as its own card says it, the next goal with the longest run so far. */
  runs?: readonly Run[];
  /** The engine's wins by slug (a review holds their public part): the moment slide uses its card's words. */
  wins?: ReadonlyMap<string, Win>;
}

function plural(count: number, noun: string, locale: string): string {
  return `${formatCount(count, locale)} ${noun}${count === 1 ? '' : 's'}`;
}

/** "First marathon, Sub-25 5K and 5 more": names as a sentence, never a separator starting a line. */
function names(titles: readonly string[], total: number, locale: string, max = 3): string {
  const shown = titles.slice(0, max);
  // "More" counts every win not named, those a named one's run or title stands for too.
  const rest = total - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${formatCount(rest, locale)} more`;
  return shown.length < 2 ? shown.join('') : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
}

/** A race's proud part for a list ("First half marathon race"), without the name the card spells out. */
function shortTitle(win: YearWin): string {
  return win.kind === 'race' ? (/^(.+?):\s/u.exec(win.title)?.[1] ?? win.title) : win.title;
}

/** Metres of the longest run up to `today` (the whole journal without one). */
function longestRun(runs: readonly Run[], today: IsoDate | null): number {
  return runs.reduce((longest, run) => (today === null || run.date <= today ? Math.max(longest, run.distance) : longest), 0);
}

export function yearSlideInput(slide: YearSlide, review: YearReview, context: SlideContext): CardInput {
  const { profile } = context;
  const { units, locale } = profile;
  const km = (metres: number) => formatDistance(metres, units, { locale, decimals: 0 });
  const year = review.soFar ? `${review.year} so far` : review.year;
  // The year stands where a win card shows its date, so the kicker stays short enough to read whole.
  const base = { name: profile.name, site: siteAddress(context.site ?? profile.site), date: year, spark: null, route: null, share: null };
  const t = review.totals;
  switch (slide) {
    case 'number':
      return {
        ...base,
        theme: 'site',
        kicker: 'My year in running',
        headline: `${formatCount(t.runs, locale)} runs on ${formatCount(t.daysRun, locale)} days`,
        figure: km(t.distance),
        detail: joinParts([
          review.previous ? `${km(Math.abs(review.previous.distance))} ${review.previous.distance >= 0 ? 'more' : 'less'} than ${review.previous.year}` : null,
          `${formatCount(review.wins.length, locale)} small wins`,
        ]),
      };
    case 'wins':
      // The count leads, the names follow, the biggest first.
      return {
        ...base,
        theme: 'race',
        kicker: 'The wins that mattered',
        headline: withoutLoneWord(`${formatCount(review.headline.length, locale)} of ${plural(review.wins.length, 'small win', locale)}`),
        figure: null,
        detail: names(byImportance(review.headline).map(shortTitle), review.headline.length, locale),
      };
    case 'months': {
      const biggest = review.biggestMonth;
      const values = review.months.map((month) => Math.round(toUnit(month.distance, units) * 10) / 10);
      return {
        ...base,
        theme: 'volume',
        kicker: 'Month by month',
        headline: biggest ? `Biggest month: ${formatMonth(biggest.period, locale)}` : 'Month by month',
        figure: biggest ? km(biggest.distance) : null,
        detail: plural(review.months.filter((m) => m.runs > 0).length, 'month', locale) + ' with runs',
        spark:
          values.length >= 2
            ? { values, highlight: biggest ? review.months.indexOf(biggest) : values.length - 1, lowerIsBetter: false, label: 'Distance per month' }
            : null,
      };
    }
    case 'bests': {
      const wins = byImportance([...review.bests.map((b) => b.win), ...review.newDistances]);
      return {
        ...base,
        theme: review.bests.length === 0 ? 'distance' : 'speed',
        kicker: review.bests.length === 0 ? 'Farther' : review.newDistances.length === 0 ? 'Faster' : 'Faster and farther',
        headline: withoutLoneWord(joinParts([
          review.bests.length > 0 ? plural(review.bests.length, 'personal best', locale) : null,
          review.newDistances.length > 0 ? plural(review.newDistances.length, 'new distance', locale) : null,
        ], ', ')),
        figure: null,
        detail: names(wins.map((win) => win.title), review.bests.length + review.newDistances.length, locale),
      };
    }
    case 'moment': {
      const win = biggestMoment(review);
      const full = win ? context.wins?.get(win.slug) : undefined;
      // Said as the win's own card says it: the same title, figure and context line.
      const card = full ? cardInputForWin(full, profile, { runs: new Map((context.runs ?? []).map((run) => [run.id, run])) }) : null;
      return {
        ...base,
        theme: win ? KIND_INFO[win.kind].family : 'site',
        kicker: 'The biggest moment',
        headline: card?.headline ?? win?.title ?? 'Every run counted',
        figure: card ? card.figure : win ? formatWinFigure({ value: win.value, unit: win.unit as WinUnit }, units, locale) : null,
        date: win ? formatDate(win.date, locale, 'medium') : year,
        detail: card?.detail ?? null,
      };
    }
    case 'next': {
      const after = review.soFar ?? `${review.year}-12-31`;
      const goal = context.goals.filter((g) => g.date > after).sort((a, b) => a.date.localeCompare(b.date))[0];
      // As a goal's own card: how long to go, and how far the longest run has come.
      const left = goal ? countdown(goal.date, context.today, locale) : null;
      const longest = goal && context.runs ? longestRun(context.runs, context.today) : 0;
      const distance = goal ? formatDistance(goal.distance, units, { locale }) : null;
      return {
        ...base,
        theme: 'goal',
        kicker: "What's next",
        headline: goal ? goal.title : `Another year of small wins`,
        figure: goal ? (left ?? distance) : String(Number(review.year) + 1),
        date: goal ? formatDate(goal.date, locale, 'medium') : null,
        detail: goal
          ? longest > 0 && longest < goal.distance
            ? `Longest run so far: ${formatDistance(longest, units, { locale }).slice(0, -units.length - 1)} of ${distance}`
            : left ? distance : 'The next goal'
          : 'One run at a time',
      };
    }
  }
}

/** Every year's slides and link card, beside its page at `years/<year>/`. */
export function yearCardJobs(journal: Journal, wins: readonly Win[], options: { site?: string | null } = {}): CardJob[] {
  const context: SlideContext = {
    profile: journal.profile,
    goals: journal.goals,
    today: journal.today,
    site: options.site ?? null,
    runs: journal.runs,
    wins: new Map(wins.map((win) => [win.slug, win])),
  };
  const jobs: CardJob[] = [];
  for (const review of yearReviews(journal.runs, wins, journal.today, journal.profile.weekStart)) {
    const slides = yearSlides(review);
    for (const slide of slides) {
      jobs.push({ input: yearSlideInput(slide, review, context), format: '1080x1920', path: `years/${review.year}/${slideFileName(slide, slides)}` });
    }
    jobs.push({ input: yearSlideInput('number', review, context), format: '1200x630', path: `years/${review.year}/${cardFileName('1200x630')}` });
  }
  return jobs;
}

